import { describe, expect, it } from 'vitest';
import { mergeAfterReload } from './versioned-form.ts';

describe('a form reloaded after a 412', () => {
  const opened = { name: 'Ekonomisystem', email: 'a@tanum.se', tags: ['ekonomi'] };

  it('takes the fields someone else changed and keeps the user’s other edits', () => {
    const theirs = { ...opened, email: 'b@tanum.se', tags: ['ekonomi', 'lön'] };
    const mine = { ...opened, name: 'Ekonomisystemet' };
    expect(mergeAfterReload(opened, theirs, mine)).toEqual({
      values: { name: 'Ekonomisystemet', email: 'b@tanum.se', tags: ['ekonomi', 'lön'] },
      changed: ['email', 'tags'],
    });
  });

  it('lets the other person’s value win where both changed the same field', () => {
    const result = mergeAfterReload(opened, { ...opened, name: 'Theirs' }, { ...opened, name: 'Mine' });
    expect(result.values.name).toBe('Theirs');
    expect(result.changed).toEqual(['name']);
  });

  it('names nothing when the record changed only in fields the form does not show', () => {
    expect(mergeAfterReload(opened, { ...opened }, { ...opened, name: 'x' })).toEqual({ values: { ...opened, name: 'x' }, changed: [] });
  });
});
