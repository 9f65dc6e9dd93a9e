import { describe, expect, it } from 'vitest';
import type { PolicyParameters } from '../policy-pack.ts';
import type { SnapshotAccessRightSample, SnapshotAccessRights, SnapshotLeaverRight, SnapshotSystemAccess } from '../snapshot.ts';
import { tanumPolicyPack } from '../tanum-pack.ts';
import { buildSnapshot, buildSystem, createRuleHarness, runRule, today } from '../test-support.ts';
import { informNewRule, leaverAccessRule, privilegedHoldersRule, recertificationRule } from './access-rights.ts';
import { dutiesRule } from './duties.ts';

// today is 2026-11-28, a Saturday.
function systemAccess(overrides: Partial<SnapshotSystemAccess> = {}): SnapshotSystemAccess {
  return {
    systemId: 'system-1',
    activeRights: 120,
    exceptionRights: 0,
    uninformedRights: 0,
    exceptionSamples: [],
    uninformedSamples: [],
    oldestRecertification: '2026-03-01',
    oldestPrivilegedRecertification: '2026-09-01',
    lastRecertifiedOn: '2026-09-15',
    privilegedHolders: 3,
    ...overrides,
  };
}

function sampleRight(personId: string, overrides: Partial<SnapshotAccessRightSample> = {}): SnapshotAccessRightSample {
  return {
    rightId: `right-${personId}`,
    personId,
    personName: `Person ${personId}`,
    levelName: 'Handläggare',
    activatedOn: '2026-05-04',
    exceptionReason: null,
    ...overrides,
  };
}

function leaverRight(personId: string, leftOn: string): SnapshotLeaverRight {
  return { rightId: `right-${personId}`, systemId: 'system-1', personId, personName: `Person ${personId}`, levelName: 'Läsare', leftOn };
}

const accessOf = (access: SnapshotSystemAccess, leaverRights: SnapshotLeaverRight[] = []): { accessRights: SnapshotAccessRights } => ({
  accessRights: { systems: [access], leaverRights },
});

function withParameter(key: string, value: number): PolicyParameters {
  const parameter = tanumPolicyPack.parameters[key]!;
  return { ...tanumPolicyPack.parameters, [key]: { ...parameter, value } };
}

describe('ITP-3-INFORM-NEW over active rights', () => {
  const harness = createRuleHarness(informNewRule);

  it('passes a system whose every active right passed the gate, and links to its access page', () => {
    expect(harness.check(buildSystem(), accessOf(systemAccess()))).toMatchObject({
      status: 'pass',
      reason: 'rights_informed',
      evidence: { activeRights: 120, uninformedCount: 0, exceptionCount: 0 },
      fixPath: '/systems/system-1#access',
    });
  });

  it('passes with the exceptions listed as such', () => {
    const exception = sampleRight('anna', { exceptionReason: 'Vikarie, börjar i dag' });
    const result = harness.check(buildSystem(), accessOf(systemAccess({ exceptionRights: 1, exceptionSamples: [exception] })));
    expect(result).toMatchObject({ status: 'pass', reason: 'rights_informed_with_exceptions', evidence: { exceptionCount: 1 } });
    expect(result.evidence.exceptions).toEqual([
      { personId: 'anna', name: 'Person anna', level: 'Handläggare', activatedOn: '2026-05-04', exceptionReason: 'Vikarie, börjar i dag' },
    ]);
  });

  it('fails a system holding imported rights of people never informed, naming them', () => {
    const access = systemAccess({ uninformedRights: 40, uninformedSamples: [sampleRight('bertil'), sampleRight('cecilia')] });
    const result = harness.check(buildSystem(), accessOf(access));
    expect(result).toMatchObject({ status: 'fail', reason: 'rights_not_informed', evidence: { uninformedCount: 40 } });
    expect((result.evidence.uninformed as Array<{ name: string }>).map((entry) => entry.name)).toEqual(['Person bertil', 'Person cecilia']);
  });

  it('does not judge a system with no active rights, nor one in a snapshot without access rights', () => {
    expect(harness.check(buildSystem(), { accessRights: { systems: [], leaverRights: [] } })).toMatchObject({
      status: 'not_applicable',
      reason: 'no_active_rights',
    });
    expect(runRule(informNewRule, buildSnapshot([buildSystem()]))).toMatchObject([
      { status: 'not_applicable', reason: 'no_active_rights' },
    ]);
  });

  it('meets every reason code it declares', () => {
    expect(harness.unseenReasons()).toEqual([]);
  });
});

describe('ITP-4.2.3-ACCESS-LEAVERS', () => {
  const harness = createRuleHarness(leaverAccessRule);

  it('passes a system where no one who left holds a right', () => {
    expect(harness.check(buildSystem(), accessOf(systemAccess()))).toMatchObject({
      status: 'pass',
      reason: 'no_leaver_rights',
      evidence: { graceWorkingDays: 3 },
    });
  });

  it('passes, listing them, while the rights are inside the grace of working days', () => {
    // Left on Wednesday 2026-11-25: three working days end on Monday 2026-11-30.
    const result = harness.check(buildSystem(), accessOf(systemAccess(), [leaverRight('david', '2026-11-25')]));
    expect(result).toMatchObject({ status: 'pass', reason: 'leaver_rights_in_grace', evidence: { leaverRightCount: 1, overdueCount: 0 } });
    expect(result.evidence.rights).toEqual([
      { personId: 'david', name: 'Person david', level: 'Läsare', leftOn: '2026-11-25', endBy: '2026-11-30' },
    ]);
  });

  it('fails once a right outlives the grace, listing only the overdue ones', () => {
    const rights = [leaverRight('david', '2026-11-25'), leaverRight('eva', '2026-11-20')];
    const result = harness.check(buildSystem(), accessOf(systemAccess(), rights));
    expect(result).toMatchObject({ status: 'fail', reason: 'leaver_rights_overdue', evidence: { leaverRightCount: 2, overdueCount: 1 } });
    expect((result.evidence.rights as Array<{ personId: string; endBy: string }>).map((right) => [right.personId, right.endBy])).toEqual([
      ['eva', '2026-11-25'],
    ]);
  });

  it('counts public holidays out of the grace', () => {
    // Left on Tuesday 2026-11-24; with Wednesday and Thursday holidays the grace runs to Monday.
    const holidays = ['2026-11-25', '2026-11-26'];
    expect(harness.check(buildSystem(), { ...accessOf(systemAccess(), [leaverRight('david', '2026-11-24')]), holidays }).reason).toBe(
      'leaver_rights_in_grace',
    );
    expect(harness.check(buildSystem(), accessOf(systemAccess(), [leaverRight('david', '2026-11-24')])).reason).toBe(
      'leaver_rights_overdue',
    );
  });

  it('follows the pack parameter', () => {
    const rights = [leaverRight('eva', '2026-11-20')];
    expect(harness.check(buildSystem(), accessOf(systemAccess(), rights), withParameter('leaverGraceWorkingDays', 10)).status).toBe('pass');
  });

  it('does not judge a system with no active rights', () => {
    expect(harness.check(buildSystem(), accessOf(systemAccess({ activeRights: 0 }))).reason).toBe('no_active_rights');
    expect(harness.unseenReasons()).toEqual([]);
  });
});

describe('ITP-4.2.3-RECERTIFY', () => {
  const harness = createRuleHarness(recertificationRule);

  it('passes when every right was recertified within its interval', () => {
    expect(harness.check(buildSystem(), accessOf(systemAccess()))).toMatchObject({
      status: 'pass',
      reason: 'recertification_current',
      evidence: { intervalMonths: 12, privilegedIntervalMonths: 6, lastRecertifiedOn: '2026-09-15', overdue: [] },
      fixPath: '/systems/system-1#access',
    });
  });

  it('fails when the oldest right is older than the interval, with its due date', () => {
    const result = harness.check(buildSystem(), accessOf(systemAccess({ oldestRecertification: '2025-11-27' })));
    expect(result).toMatchObject({
      status: 'fail',
      reason: 'recertification_overdue',
      evidence: { overdue: [{ levels: 'all', oldest: '2025-11-27', dueDate: '2026-11-27' }] },
    });
  });

  it('holds privileged levels to their shorter interval', () => {
    const access = systemAccess({ oldestRecertification: '2026-01-10', oldestPrivilegedRecertification: '2026-01-10' });
    const result = harness.check(buildSystem(), accessOf(access));
    expect(result.reason).toBe('recertification_overdue');
    expect(result.evidence.overdue).toEqual([{ levels: 'privileged', oldest: '2026-01-10', dueDate: '2026-07-10' }]);
  });

  it('does not judge a system with no active rights', () => {
    expect(harness.check(buildSystem(), accessOf(systemAccess({ activeRights: 0 }))).reason).toBe('no_active_rights');
    expect(harness.unseenReasons()).toEqual([]);
  });
});

describe('ITP-4.2.3-PRIVILEGED', () => {
  const harness = createRuleHarness(privilegedHoldersRule);
  const limitOf = (limit: number) => withParameter('privilegedHoldersMax', limit);

  it('is off by default: every system is not judged, saying why', () => {
    expect(harness.check(buildSystem(), accessOf(systemAccess({ privilegedHolders: 40 })))).toMatchObject({
      status: 'not_applicable',
      reason: 'rule_switched_off',
    });
  });

  it('passes a system within the limit', () => {
    expect(harness.check(buildSystem(), accessOf(systemAccess()), limitOf(3))).toMatchObject({
      status: 'pass',
      reason: 'privileged_within_limit',
      evidence: { limit: 3, privilegedHolders: 3 },
    });
  });

  it('fails a system where more people hold a privileged level', () => {
    expect(harness.check(buildSystem(), accessOf(systemAccess({ privilegedHolders: 4 })), limitOf(3))).toMatchObject({
      status: 'fail',
      reason: 'privileged_over_limit',
      evidence: { limit: 3, privilegedHolders: 4 },
    });
  });

  it('does not judge a system with no active rights', () => {
    expect(harness.check(buildSystem(), accessOf(systemAccess({ activeRights: 0 })), limitOf(3)).reason).toBe('no_active_rights');
    expect(harness.unseenReasons()).toEqual([]);
  });
});

describe('the duty checklist (ITP-4.2.3-DUTIES)', () => {
  it("carries the system's last recertification as the access-rights duty's evidence", () => {
    const [result] = runRule(dutiesRule, buildSnapshot([buildSystem()], accessOf(systemAccess())));
    expect(result!.evidence.accessRights).toEqual({ lastRecertifiedOn: '2026-09-15', activeRights: 120 });
    expect(today).toBe('2026-11-28');
  });
});
