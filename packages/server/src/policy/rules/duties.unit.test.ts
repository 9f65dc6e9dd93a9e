import { describe, expect, it } from 'vitest';
import { dutyKeys, type SnapshotDuty } from '../snapshot.ts';
import { buildSystem, createRuleHarness, recently } from '../test-support.ts';
import { dutiesRule } from './duties.ts';

const harness = createRuleHarness(dutiesRule);

function dutiesWith(changes: Partial<Record<(typeof dutyKeys)[number], Partial<SnapshotDuty> | 'absent'>>): SnapshotDuty[] {
  return dutyKeys.flatMap((duty) => {
    const change = changes[duty];
    if (change === 'absent') return [];
    return [{ duty, status: 'done' as const, confirmedAt: recently, ...change }];
  });
}

describe('ITP-4.2.3-DUTIES', () => {
  it('passes when all eight duties are done and recently confirmed', () => {
    expect(harness.check(buildSystem())).toMatchObject({
      status: 'pass',
      reason: 'duties_confirmed',
      evidence: { intervalMonths: 12, missingDuties: [], staleDuties: [] },
      fixPath: '/systems/system-1#duties',
    });
  });

  it('accepts a duty marked not applicable', () => {
    expect(harness.check(buildSystem({ duties: dutiesWith({ user_information: { status: 'not_applicable' } }) })).status).toBe('pass');
  });

  it('fails with the list of duties that are absent or not done', () => {
    const duties = dutiesWith({ documentation: 'absent', security: { status: 'in_progress' }, training: { status: 'not_started' } });
    expect(harness.check(buildSystem({ duties }))).toMatchObject({
      status: 'fail',
      reason: 'duties_missing',
      evidence: {
        missingDuties: [
          { duty: 'documentation', status: null },
          { duty: 'security', status: 'in_progress' },
          { duty: 'training', status: 'not_started' },
        ],
      },
    });
  });

  it('fails a system with no duties recorded at all, listing all eight', () => {
    const result = harness.check(buildSystem({ duties: [] }));
    expect(result.reason).toBe('duties_missing');
    expect(result.evidence.missingDuties).toHaveLength(8);
  });

  it('fails with the duties whose confirmation is too old or absent', () => {
    const duties = dutiesWith({ access_rights: { confirmedAt: '2025-10-01T08:00:00.000Z' }, adjacent_systems: { confirmedAt: null } });
    expect(harness.check(buildSystem({ duties }))).toMatchObject({
      status: 'fail',
      reason: 'duties_stale',
      evidence: {
        missingDuties: [],
        staleDuties: [
          { duty: 'access_rights', confirmedAt: '2025-10-01T08:00:00.000Z', dueDate: '2026-10-01' },
          { duty: 'adjacent_systems', confirmedAt: null, dueDate: null },
        ],
      },
    });
  });

  it('reports missing duties before stale ones, with both in the evidence', () => {
    const duties = dutiesWith({ documentation: 'absent', security: { confirmedAt: '2020-01-01T00:00:00.000Z' } });
    const result = harness.check(buildSystem({ duties }));
    expect(result.reason).toBe('duties_missing');
    expect(result.evidence.staleDuties).toHaveLength(1);
  });

  it('is not applicable to out-of-scope and retired systems', () => {
    expect(harness.check(buildSystem({ scope: 'teaching', duties: [] })).reason).toBe('out_of_scope');
    expect(harness.check(buildSystem({ lifecycle: 'retired', duties: [] }))).toMatchObject({
      status: 'not_applicable',
      reason: 'system_retired',
    });
  });

  it('exercised every reason code', () => {
    expect(harness.unseenReasons()).toEqual([]);
  });
});
