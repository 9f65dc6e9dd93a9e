import { describe, expect, it } from 'vitest';
import { createRuleContext } from './rule.ts';
import type { ComplianceSnapshot } from './snapshot.ts';

function snapshotAt(evaluatedAt: string) {
  return { evaluatedAt, people: [], departments: [] } as unknown as ComplianceSnapshot;
}

describe('the day the rules judge by', () => {
  it('is the Swedish date, so an assignment starting today counts between midnight and 01:00 Swedish time', () => {
    // 23:30 UTC on 1 December is 00:30 on 2 December in Stockholm (winter time, +01:00).
    expect(createRuleContext(snapshotAt('2026-12-01T23:30:00.000Z')).today).toBe('2026-12-02');
    // 22:30 UTC in summer is 00:30 the next day (+02:00).
    expect(createRuleContext(snapshotAt('2026-06-30T22:30:00.000Z')).today).toBe('2026-07-01');
    expect(createRuleContext(snapshotAt('2026-12-01T09:00:00.000Z')).today).toBe('2026-12-01');
  });

  it('refuses an evaluatedAt that is not a timestamp', () => {
    expect(() => createRuleContext(snapshotAt('yesterday'))).toThrow(RangeError);
  });
});
