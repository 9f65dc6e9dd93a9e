import { describe, expect, it } from 'vitest';
import { listSearchValidator, prefixedSearchValidator, searchUnder, searchWithPrefix } from './url-paging.ts';

describe('lists in the address', () => {
  it('keeps what a list names and is well formed, and drops the rest', () => {
    const validate = listSearchValidator({ text: ['q'], ids: ['departmentId'], flags: ['uncovered'], sorts: ['name', '-name'] });
    expect(
      validate({ q: '  Adato ', departmentId: 'a b', uncovered: 'true', sort: 'size', limit: 25, cursors: ['c1', ''], other: 'x' }),
    ).toEqual({ q: 'Adato', uncovered: true, limit: 25, cursors: ['c1'] });
    expect(validate({ uncovered: 'yes', limit: 7 })).toEqual({});
  });

  it('gives each list of a detail page its own parameters under a prefix', () => {
    const search = { 'integrations.cursors': ['c1'], 'integrations.limit': 10, 'history.limit': 25, department: 'd1' };
    expect(searchUnder('integrations', search)).toEqual({ cursors: ['c1'], limit: 10 });
    expect(searchUnder('people', search)).toEqual({});
    expect(searchWithPrefix('history', { limit: 25 })).toEqual({ 'history.limit': 25 });
  });

  it('validates a prefixed list without touching the others', () => {
    const validate = prefixedSearchValidator('results', { choices: { status: ['fail', 'pass'] } });
    expect(validate({ 'results.status': 'pass', 'results.limit': 50, 'people.ended': true, status: 'pass' })).toEqual({
      'results.status': 'pass',
      'results.limit': 50,
    });
    expect(validate({ 'results.status': 'unknown', 'results.cursors': 'not-a-list' })).toEqual({});
  });
});
