/**
 * The access-rights rules (issue #14, §3 and §4.2.3 "administrera behörigheter"), per system, over
 * the per-system aggregates of snapshot.accessRights (the database counts; no rule walks a list of
 * 1.5 million rights). Each finding links to the system's access page, where it is fixed.
 */
import { addMonths, subtractMonths } from '../dates.ts';
import { readParameter, type PolicyParameters } from '../policy-pack.ts';
import type { ComplianceRule, RuleResult } from '../rule.ts';
import type { ComplianceSnapshot, SnapshotAccessRightSample, SnapshotLeaverRight, SnapshotSystemAccess } from '../snapshot.ts';
import { earliestStartNotOverdue, addWorkingDays } from '../working-days.ts';
import { evaluateEachSystem, type SystemVerdict } from './system-subjects.ts';

/** How many rights or people an evidence lists by name; the count says how many more there are. */
export const evidenceSampleSize = 5;

const accessCache = new WeakMap<object, Map<string, SnapshotSystemAccess>>();

/** Per system, its access aggregates (shared by the rules and the duty checklist's evidence). */
export function accessBySystem(snapshot: ComplianceSnapshot): Map<string, SnapshotSystemAccess> {
  const cached = accessCache.get(snapshot);
  if (cached !== undefined) return cached;
  const bySystem = new Map<string, SnapshotSystemAccess>();
  for (const row of snapshot.accessRights?.systems ?? []) bySystem.set(row.systemId, row);
  accessCache.set(snapshot, bySystem);
  return bySystem;
}

const sample = (right: SnapshotAccessRightSample) => ({
  personId: right.personId,
  name: right.personName,
  level: right.levelName,
  activatedOn: right.activatedOn,
  exceptionReason: right.exceptionReason,
});

/** The system rules over access rights: a system none of whose rights are recorded has nothing to judge. */
function accessSystemRule(
  clauseId: string,
  parameterKeys: readonly string[],
  reasonCodes: readonly string[],
  check: (access: SnapshotSystemAccess, snapshot: ComplianceSnapshot, parameters: PolicyParameters, today: string) => SystemVerdict,
  isOff?: (parameters: PolicyParameters) => boolean,
): ComplianceRule {
  return {
    clauseId,
    subjectType: 'system',
    parameterKeys,
    reasonCodes: [...reasonCodes, 'no_active_rights', ...(isOff === undefined ? [] : ['rule_switched_off'])],
    evaluate(snapshot, parameters, context): RuleResult[] {
      // Every system gets one result: a snapshot without access rights (built before they
      // existed) has none recorded, and a rule switched off by its parameter says so.
      const bySystem = accessBySystem(snapshot);
      const off = isOff?.(parameters) === true;
      return evaluateEachSystem(snapshot, context, clauseId, 'access', (system) => {
        if (off) return { status: 'not_applicable', reason: 'rule_switched_off', evidence: {} };
        const access = bySystem.get(system.id);
        if (access === undefined || access.activeRights === 0)
          return { status: 'not_applicable', reason: 'no_active_rights', evidence: { activeRights: 0 } };
        return check(access, snapshot, parameters, context.today);
      });
    },
  };
}

/**
 * ITP-3-INFORM-NEW over the rights in force: every active right belongs to a person who had
 * acknowledged the IT policy and the security guidelines in force when it became active (the gate
 * saw to it, or the acknowledgements show it), or it carries the manager's recorded exception,
 * which passes but is listed as such. Imported rights bypassed the gate and fail unless the
 * acknowledgements show the person was informed before the import.
 */
export const informNewRule = accessSystemRule(
  'ITP-3-INFORM-NEW',
  [],
  ['rights_informed', 'rights_informed_with_exceptions', 'rights_not_informed'],
  (access) => {
    const evidence = {
      activeRights: access.activeRights,
      uninformedCount: access.uninformedRights,
      uninformed: access.uninformedSamples.map(sample),
      exceptionCount: access.exceptionRights,
      exceptions: access.exceptionSamples.map(sample),
    };
    if (access.uninformedRights > 0) return { status: 'fail', reason: 'rights_not_informed', evidence };
    if (access.exceptionRights > 0) return { status: 'pass', reason: 'rights_informed_with_exceptions', evidence };
    return { status: 'pass', reason: 'rights_informed', evidence };
  },
);

const leaverCache = new WeakMap<object, Map<string, SnapshotLeaverRight[]>>();

function leaverRightsBySystem(snapshot: ComplianceSnapshot): Map<string, SnapshotLeaverRight[]> {
  const cached = leaverCache.get(snapshot);
  if (cached !== undefined) return cached;
  const bySystem = new Map<string, SnapshotLeaverRight[]>();
  for (const right of snapshot.accessRights?.leaverRights ?? []) {
    const list = bySystem.get(right.systemId);
    if (list) list.push(right);
    else bySystem.set(right.systemId, [right]);
  }
  leaverCache.set(snapshot, bySystem);
  return bySystem;
}

/**
 * ITP-4.2.3-ACCESS-LEAVERS: no right of a person who has left is still in force more than
 * `leaverGraceWorkingDays` working days after they left. Rights inside the grace are listed but
 * do not fail the system yet: the stewards have them on their to-do list.
 */
export const leaverAccessRule = accessSystemRule(
  'ITP-4.2.3-ACCESS-LEAVERS',
  ['leaverGraceWorkingDays'],
  ['no_leaver_rights', 'leaver_rights_in_grace', 'leaver_rights_overdue'],
  (access, snapshot, parameters, today) => {
    const graceWorkingDays = readParameter(parameters, 'leaverGraceWorkingDays');
    const rights = leaverRightsBySystem(snapshot).get(access.systemId) ?? [];
    if (rights.length === 0)
      return { status: 'pass', reason: 'no_leaver_rights', evidence: { graceWorkingDays, activeRights: access.activeRights } };
    const holidays = new Set(snapshot.holidays ?? []);
    // Anyone who left before this day is past the grace (only systems with leavers get here).
    const notOverdueFrom = earliestStartNotOverdue(today, graceWorkingDays, holidays);
    const overdue = rights.filter((right) => right.leftOn < notOverdueFrom);
    const describe = (right: SnapshotLeaverRight) => ({
      personId: right.personId,
      name: right.personName,
      level: right.levelName,
      leftOn: right.leftOn,
      endBy: addWorkingDays(right.leftOn, graceWorkingDays, holidays),
    });
    const listed = overdue.length > 0 ? overdue : rights;
    const evidence = {
      graceWorkingDays,
      leaverRightCount: rights.length,
      overdueCount: overdue.length,
      rights: listed.slice(0, evidenceSampleSize).map(describe),
    };
    if (overdue.length > 0) return { status: 'fail', reason: 'leaver_rights_overdue', evidence };
    return { status: 'pass', reason: 'leaver_rights_in_grace', evidence };
  },
);

/**
 * ITP-4.2.3-RECERTIFY: every active right was recertified (or started) within the interval,
 * privileged levels within their shorter one. The oldest right of each kind decides, so the
 * evidence names the date the system's next recertification was due.
 */
export const recertificationRule = accessSystemRule(
  'ITP-4.2.3-RECERTIFY',
  ['recertificationIntervalMonths', 'privilegedRecertificationIntervalMonths'],
  ['recertification_current', 'recertification_overdue'],
  (access, _snapshot, parameters, today) => {
    const intervalMonths = readParameter(parameters, 'recertificationIntervalMonths');
    const privilegedIntervalMonths = readParameter(parameters, 'privilegedRecertificationIntervalMonths');
    const overdue: Array<{ levels: 'all' | 'privileged'; oldest: string; dueDate: string }> = [];
    const check = (levels: 'all' | 'privileged', oldest: string | null, months: number) => {
      if (oldest !== null && oldest < subtractMonths(today, months)) overdue.push({ levels, oldest, dueDate: addMonths(oldest, months) });
    };
    check('all', access.oldestRecertification, intervalMonths);
    check('privileged', access.oldestPrivilegedRecertification, privilegedIntervalMonths);
    const evidence = {
      intervalMonths,
      privilegedIntervalMonths,
      activeRights: access.activeRights,
      lastRecertifiedOn: access.lastRecertifiedOn,
      overdue,
    };
    return overdue.length > 0
      ? { status: 'fail', reason: 'recertification_overdue', evidence }
      : { status: 'pass', reason: 'recertification_current', evidence };
  },
);

/**
 * ITP-4.2.3-PRIVILEGED: at most `privilegedHoldersMax` people hold a privileged level of a system.
 * 0 (the default) switches the rule off: how many administrators a system needs is the
 * municipality's call, so it only runs once a number is set.
 */
export const privilegedHoldersRule = accessSystemRule(
  'ITP-4.2.3-PRIVILEGED',
  ['privilegedHoldersMax'],
  ['privileged_within_limit', 'privileged_over_limit'],
  (access, _snapshot, parameters) => {
    const limit = readParameter(parameters, 'privilegedHoldersMax');
    const evidence = { limit, privilegedHolders: access.privilegedHolders };
    return access.privilegedHolders > limit
      ? { status: 'fail', reason: 'privileged_over_limit', evidence }
      : { status: 'pass', reason: 'privileged_within_limit', evidence };
  },
  (parameters) => readParameter(parameters, 'privilegedHoldersMax') <= 0,
);
