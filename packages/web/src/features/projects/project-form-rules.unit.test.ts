import { describe, expect, it } from 'vitest';
import { budgetChanges, isWebAddress } from './project-form-rules.ts';
import { validateProjectFilters } from './project-values.ts';

const amounts = (keys: string[], value: number | null) => Object.fromEntries(keys.map((key) => [key, { oneOff: value, yearly: value }]));
const categories = ['project_management', 'consultants', 'software', 'servers', 'clients', 'network', 'communication', 'training'];
const shared = ['network', 'communication', 'servers', 'workstations'];

describe('budgetChanges', () => {
  it('lists every changed amount in the table’s order, a newly stated zero included, and nothing else', () => {
    const before = { categories: amounts(categories, 0), sharedReinforcements: amounts(shared, null) };
    const after = {
      categories: { ...amounts(categories, 0), software: { oneOff: 150000, yearly: 0 }, consultants: { oneOff: 0, yearly: 20000 } },
      sharedReinforcements: { ...amounts(shared, null), servers: { oneOff: 0, yearly: null } },
    };
    expect(budgetChanges(before, after)).toEqual([
      { group: 'category', key: 'consultants', period: 'yearly', before: 0, after: 20000 },
      { group: 'category', key: 'software', period: 'oneOff', before: 0, after: 150000 },
      { group: 'shared', key: 'servers', period: 'oneOff', before: null, after: 0 },
    ]);
    expect(budgetChanges(after, after)).toEqual([]);
  });
});

describe('isWebAddress', () => {
  it('accepts http and https addresses only, as the contract does', () => {
    expect(isWebAddress('https://example.se/upphandling')).toBe(true);
    expect(isWebAddress('http://intranat.tanum.se')).toBe(true);
    for (const refused of ['ftp://example.se/fil', 'javascript:alert(1)', 'example.se', 'mailto:it@tanum.se', 'https://', ''])
      expect(isWebAddress(refused), refused).toBe(false);
  });
});

describe('validateProjectFilters', () => {
  it('keeps the known filters and the cursors, and drops anything unknown', () => {
    expect(
      validateProjectFilters({
        q: '  Matsedel ',
        state: 'draft',
        kind: 'upgrade',
        departmentId: 'd1',
        cursors: ['abc', 'def'],
        limit: '50',
        sort: 'x',
        other: 1,
      }),
    ).toEqual({
      q: 'Matsedel',
      state: 'draft',
      kind: 'upgrade',
      departmentId: 'd1',
      cursors: ['abc', 'def'],
      limit: 50,
    });
    expect(validateProjectFilters({ state: 'flying', kind: 'merger', limit: 13, cursors: 'not-a-list', q: '   ' })).toEqual({});
    expect(validateProjectFilters({ cursors: ['', 7, 'ok'] })).toEqual({ cursors: ['ok'] });
  });
});
