import { describe, expect, it } from 'vitest';
import { assignment, buildSystem, createRuleHarness } from '../test-support.ts';
import { deputyRule } from './deputy.ts';

const harness = createRuleHarness(deputyRule);

describe('ITP-4.2-DEPUTY', () => {
  it('passes an active deputy who is not the manager', () => {
    expect(harness.check(buildSystem())).toMatchObject({
      status: 'pass',
      reason: 'deputy_appointed',
      evidence: {
        managerPersonIds: ['anna'],
        deputies: [{ personId: 'bertil', name: 'Person bertil', employmentStatus: 'active', isManager: false }],
      },
      fixPath: '/systems/system-1#people',
    });
  });

  it('passes when one of several deputies is active', () => {
    const assignments = [assignment('anna', 'manager'), assignment('david', 'deputy'), assignment('cecilia', 'deputy')];
    expect(harness.check(buildSystem({ assignments })).status).toBe('pass');
  });

  it('fails a system without deputy', () => {
    expect(harness.check(buildSystem({ assignments: [assignment('anna', 'manager')] }))).toMatchObject({
      status: 'fail',
      reason: 'no_deputy',
      evidence: { deputies: [] },
    });
  });

  it('does not count a deputy whose assignment has ended', () => {
    const assignments = [assignment('anna', 'manager'), assignment('bertil', 'deputy', { endDate: '2026-06-30' })];
    expect(harness.check(buildSystem({ assignments })).reason).toBe('no_deputy');
  });

  it('fails when every deputy has left', () => {
    const assignments = [assignment('anna', 'manager'), assignment('david', 'deputy'), assignment('eva', 'deputy')];
    expect(harness.check(buildSystem({ assignments }))).toMatchObject({ status: 'fail', reason: 'deputy_left' });
  });

  it('fails when the only deputy is the manager', () => {
    const assignments = [assignment('anna', 'manager'), assignment('anna', 'deputy')];
    expect(harness.check(buildSystem({ assignments }))).toMatchObject({
      status: 'fail',
      reason: 'deputy_is_manager',
      evidence: { deputies: [{ personId: 'anna', isManager: true }] },
    });
  });

  it('reports the left deputy when the other deputy is the manager', () => {
    const assignments = [assignment('anna', 'manager'), assignment('anna', 'deputy'), assignment('david', 'deputy')];
    expect(harness.check(buildSystem({ assignments })).reason).toBe('deputy_left');
  });

  it('still judges deputies when the system has no manager', () => {
    expect(harness.check(buildSystem({ assignments: [assignment('bertil', 'deputy')] }))).toMatchObject({
      status: 'pass',
      evidence: { managerPersonIds: [] },
    });
    expect(harness.check(buildSystem({ assignments: [] })).reason).toBe('no_deputy');
  });

  it('is not applicable to teaching systems and retired systems', () => {
    expect(harness.check(buildSystem({ scope: 'teaching', assignments: [] }))).toMatchObject({
      status: 'not_applicable',
      reason: 'out_of_scope',
    });
    expect(harness.check(buildSystem({ lifecycle: 'retired', assignments: [] })).reason).toBe('system_retired');
  });

  it('exercised every reason code', () => {
    expect(harness.unseenReasons()).toEqual([]);
  });
});
