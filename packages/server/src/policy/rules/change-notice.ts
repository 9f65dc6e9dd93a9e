/**
 * ITP-4.2.2-CHANGE-NOTICE: the IT unit acknowledges each change notice within the pack's number
 * of working days (weekends and the snapshot's holidays are not working days).
 */
import { readParameter } from '../policy-pack.ts';
import type { ComplianceRule, RuleResult } from '../rule.ts';
import { addWorkingDays, workingDaysBetween } from '../working-days.ts';

export const changeNoticeRule: ComplianceRule = {
  clauseId: 'ITP-4.2.2-CHANGE-NOTICE',
  subjectType: 'change_notice',
  parameterKeys: ['changeNoticeAcknowledgeWorkingDays'],
  reasonCodes: ['acknowledged', 'within_deadline', 'acknowledgement_overdue'],
  evaluate(snapshot, parameters, context) {
    const workingDays = readParameter(parameters, 'changeNoticeAcknowledgeWorkingDays');
    const holidays = new Set(snapshot.holidays ?? []);
    const ownerOf = new Map(snapshot.systems.map((system) => [system.id, system.ownerDepartmentId]));
    return (snapshot.changeNotices ?? []).map((notice): RuleResult => {
      const acknowledgeBy = addWorkingDays(notice.createdOn, workingDays, holidays);
      const ownerDepartmentId = notice.systemIds.map((systemId) => ownerOf.get(systemId) ?? null).find((id) => id !== null) ?? null;
      const evidence = {
        createdOn: notice.createdOn,
        acknowledgeBy,
        workingDays,
        status: notice.status,
        workingDaysOpen: workingDaysBetween(notice.createdOn, context.today, holidays),
      };
      const verdict =
        notice.status === 'acknowledged'
          ? { status: 'pass' as const, reason: 'acknowledged' }
          : acknowledgeBy < context.today
            ? { status: 'fail' as const, reason: 'acknowledgement_overdue' }
            : { status: 'pass' as const, reason: 'within_deadline' };
      return {
        clauseId: 'ITP-4.2.2-CHANGE-NOTICE',
        subjectType: 'change_notice',
        subjectId: notice.id,
        subjectName: notice.title,
        departmentId: ownerDepartmentId !== null && context.departmentsById.has(ownerDepartmentId) ? ownerDepartmentId : null,
        ...verdict,
        evidence,
        fixPath: `/change-notices/${encodeURIComponent(notice.id)}`,
      };
    });
  },
};
