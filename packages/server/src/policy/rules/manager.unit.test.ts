import { describe, expect, it } from 'vitest';
import { assignment, buildSystem, createRuleHarness } from '../test-support.ts';
import { managerRule } from './manager.ts';

const harness = createRuleHarness(managerRule);

describe('ITP-4.2-MANAGER', () => {
  it('passes one current, active manager', () => {
    expect(harness.check(buildSystem())).toMatchObject({
      status: 'pass',
      reason: 'manager_appointed',
      evidence: { managers: [{ personId: 'anna', name: 'Person anna', employmentStatus: 'active' }] },
      fixPath: '/systems/system-1#people',
    });
  });

  it('fails a system without manager', () => {
    expect(harness.check(buildSystem({ assignments: [assignment('bertil', 'deputy')] }))).toMatchObject({
      status: 'fail',
      reason: 'no_manager',
      evidence: { managers: [] },
    });
  });

  it('ignores ended and future assignments: only a current one counts', () => {
    const assignments = [
      assignment('anna', 'manager', { startDate: '2020-01-01', endDate: '2026-11-27' }),
      assignment('cecilia', 'manager', { startDate: '2026-11-29' }),
    ];
    expect(harness.check(buildSystem({ assignments }))).toMatchObject({ status: 'fail', reason: 'no_manager' });
  });

  it('counts an assignment on its first and its last day', () => {
    const first = [assignment('anna', 'manager', { startDate: '2026-11-28' })];
    const last = [assignment('anna', 'manager', { startDate: '2020-01-01', endDate: '2026-11-28' })];
    expect(harness.check(buildSystem({ assignments: first })).status).toBe('pass');
    expect(harness.check(buildSystem({ assignments: last })).status).toBe('pass');
  });

  it('fails several current managers', () => {
    const assignments = [assignment('anna', 'manager'), assignment('cecilia', 'manager')];
    const result = harness.check(buildSystem({ assignments }));
    expect(result).toMatchObject({ status: 'fail', reason: 'several_managers' });
    expect(result.evidence.managers).toHaveLength(2);
  });

  it('counts the same person assigned twice as one manager', () => {
    const assignments = [assignment('anna', 'manager'), assignment('anna', 'manager', { startDate: '2025-01-01' })];
    expect(harness.check(buildSystem({ assignments })).status).toBe('pass');
  });

  it('fails a manager who has left', () => {
    expect(harness.check(buildSystem({ assignments: [assignment('david', 'manager')] }))).toMatchObject({
      status: 'fail',
      reason: 'manager_left',
      evidence: { managers: [{ personId: 'david', employmentStatus: 'left' }] },
    });
  });

  it('treats a manager missing from the register of people as gone', () => {
    expect(harness.check(buildSystem({ assignments: [assignment('nobody', 'manager')] }))).toMatchObject({
      status: 'fail',
      reason: 'manager_left',
      evidence: { managers: [{ personId: 'nobody', name: null, employmentStatus: 'unknown' }] },
    });
  });

  it('is not applicable to public computers and retired systems', () => {
    expect(harness.check(buildSystem({ scope: 'public', assignments: [] })).reason).toBe('out_of_scope');
    expect(harness.check(buildSystem({ lifecycle: 'retired', assignments: [] }))).toMatchObject({
      status: 'not_applicable',
      reason: 'system_retired',
    });
  });

  it('exercised every reason code', () => {
    expect(harness.unseenReasons()).toEqual([]);
  });
});
