import { taskKinds } from '@forvalta/contracts';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import sv from '../../i18n/sv.json';
import { splitLink, taskKindValues, validateTaskFilters } from './task-values.ts';

describe('the to-do list’s kinds and links', () => {
  it('lists every kind of the contract, in its order', () => {
    expect([...taskKindValues]).toEqual([...taskKinds]);
  });

  it('names every kind and words every ask in Swedish and English (the page builds the keys from the kind)', () => {
    for (const texts of [sv.tasks, en.tasks] as Array<{ kind: Record<string, string>; ask: Record<string, string> }>) {
      expect(taskKinds.filter((kind) => !texts.kind[kind])).toEqual([]);
      expect(taskKinds.filter((kind) => !texts.ask[kind])).toEqual([]);
      expect([texts.ask.project_gate_submit, texts.ask.project_gate_decide].every(Boolean)).toBe(true);
    }
  });

  it('keeps a known kind and the page in the address, and drops anything else', () => {
    expect(validateTaskFilters({ kind: 'review_due', limit: '25', cursors: ['abc'] })).toEqual({
      kind: 'review_due',
      limit: 25,
      cursors: ['abc'],
    });
    expect(validateTaskFilters({ kind: 'water_plants', limit: 7 })).toEqual({});
  });

  it('splits a link into the path and the fragment the router takes apart', () => {
    expect(splitLink('/systems/1#reviews')).toEqual({ path: '/systems/1', hash: 'reviews' });
    expect(splitLink('/reviews/2')).toEqual({ path: '/reviews/2', hash: undefined });
  });
});
