/**
 * ITP-4.2.3-DUTIES: the eight duties of the system manager are each done (or do not apply to the
 * system) and were confirmed within the interval.
 */
import { createRecencyCheck, dueDateOf } from '../dates.ts';
import { readParameter } from '../policy-pack.ts';
import type { ComplianceRule } from '../rule.ts';
import { dutyKeys, type SnapshotDuty } from '../snapshot.ts';
import { evaluateEachSystem } from './system-subjects.ts';
import { accessBySystem } from './access-rights.ts';

const intervalParameter = 'dutyConfirmationIntervalMonths';

/** 'not_applicable' is a considered answer (a system without users has no user news to pass on). */
const settledStatuses: ReadonlySet<SnapshotDuty['status']> = new Set(['done', 'not_applicable']);

export const dutiesRule: ComplianceRule = {
  clauseId: 'ITP-4.2.3-DUTIES',
  subjectType: 'system',
  parameterKeys: [intervalParameter],
  reasonCodes: ['duties_confirmed', 'duties_missing', 'duties_stale'],
  evaluate(snapshot, parameters, context) {
    const intervalMonths = readParameter(parameters, intervalParameter);
    const recencyOf = createRecencyCheck(context.today, intervalMonths);
    const access = snapshot.accessRights === undefined ? null : accessBySystem(snapshot);
    return evaluateEachSystem(snapshot, context, 'ITP-4.2.3-DUTIES', 'duties', (system) => {
      const dutiesByKey = new Map<string, SnapshotDuty>();
      for (const duty of system.duties) dutiesByKey.set(duty.duty, duty);
      const missingDuties: Array<{ duty: string; status: SnapshotDuty['status'] | null }> = [];
      const staleDuties: Array<{ duty: string; confirmedAt: string | null; dueDate: string | null }> = [];
      for (const key of dutyKeys) {
        const duty = dutiesByKey.get(key);
        if (duty === undefined || !settledStatuses.has(duty.status)) {
          missingDuties.push({ duty: key, status: duty?.status ?? null });
          continue;
        }
        // A settled duty never confirmed is as unconfirmed as one confirmed too long ago.
        if (recencyOf(duty.confirmedAt) !== 'current') {
          staleDuties.push({ duty: key, confirmedAt: duty.confirmedAt, dueDate: dueDateOf(duty.confirmedAt, intervalMonths) });
        }
      }
      // §4.2.3 "administrera behörigheter": the access-rights module's record backs the checklist item.
      const accessRights =
        access === null
          ? undefined
          : { lastRecertifiedOn: access.get(system.id)?.lastRecertifiedOn ?? null, activeRights: access.get(system.id)?.activeRights ?? 0 };
      const evidence = { intervalMonths, missingDuties, staleDuties, ...(accessRights === undefined ? {} : { accessRights }) };
      // Undone work outranks an old confirmation: it is what the manager must act on first.
      if (missingDuties.length > 0) return { status: 'fail', reason: 'duties_missing', evidence };
      if (staleDuties.length > 0) return { status: 'fail', reason: 'duties_stale', evidence };
      return { status: 'pass', reason: 'duties_confirmed', evidence };
    });
  },
};
