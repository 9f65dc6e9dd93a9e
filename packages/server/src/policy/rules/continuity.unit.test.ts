import { describe, expect, it } from 'vitest';
import { nis2PolicyPack } from '../nis2-pack.ts';
import type { SnapshotContinuity } from '../snapshot.ts';
import { buildSystem, createRuleHarness } from '../test-support.ts';
import { continuityRule } from './continuity.ts';

const harness = createRuleHarness(continuityRule);
// The rule's parameter is the Act's pack's own (restoreTestIntervalMonths, 12 months).
const parameters = nis2PolicyPack.parameters;
const continuity = (overrides: Partial<SnapshotContinuity> = {}): SnapshotContinuity => ({
  criticality: 'high',
  recoveryTimeObjectiveHours: 8,
  recoveryPointObjectiveHours: 24,
  lastRestoreTestOn: '2026-05-04',
  ...overrides,
});

describe('NIS2-21-2-C: continuity with a tested restore', () => {
  it('passes a system in production with its continuity recorded and a restore tested within the interval', () => {
    expect(harness.check(buildSystem({ continuity: continuity() }), {}, parameters)).toMatchObject({
      status: 'pass',
      reason: 'restore_tested',
      evidence: { lastRestoreTestOn: '2026-05-04', intervalMonths: 12 },
      fixPath: '/systems/system-1#continuity',
    });
  });

  it('fails a restore tested longer ago than the interval (today is 2026-11-28)', () => {
    expect(harness.check(buildSystem({ continuity: continuity({ lastRestoreTestOn: '2025-11-27' }) }), {}, parameters).reason).toBe(
      'restore_test_stale',
    );
    expect(harness.check(buildSystem({ continuity: continuity({ lastRestoreTestOn: '2025-11-28' }) }), {}, parameters).status).toBe('pass');
  });

  it('fails a system without a tested restore, and one without its continuity recorded', () => {
    expect(harness.check(buildSystem({ continuity: continuity({ lastRestoreTestOn: null }) }), {}, parameters).reason).toBe(
      'no_restore_test',
    );
    expect(harness.check(buildSystem({ continuity: continuity({ recoveryTimeObjectiveHours: null }) }), {}, parameters).reason).toBe(
      'no_continuity_plan',
    );
    expect(harness.check(buildSystem(), {}, parameters)).toMatchObject({ status: 'fail', reason: 'no_continuity_plan' });
  });

  it('asks nothing of a system not yet in production, or retired', () => {
    expect(harness.check(buildSystem({ lifecycle: 'planned' }), {}, parameters).reason).toBe('not_in_production');
    expect(harness.check(buildSystem({ lifecycle: 'retired' }), {}, parameters).reason).toBe('system_retired');
  });

  it('has met every reason it declares', () => {
    expect(harness.unseenReasons()).toEqual([]);
  });
});
