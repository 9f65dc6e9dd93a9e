/**
 * ITP-7-CONTRACT-NOTICE (issue #15): a contract whose last day to give notice has passed with no
 * decision recorded for its term fails: it renews, or ends, by default rather than by decision.
 * The notice date is the term's end minus the notice period, moved back past weekends and the
 * snapshot's holidays (policy/contract-notice.ts).
 */
import { noticeStanding } from '../contract-notice.ts';
import type { ComplianceRule, RuleResult } from '../rule.ts';

export const contractNoticeRule: ComplianceRule = {
  clauseId: 'ITP-7-CONTRACT-NOTICE',
  subjectType: 'contract',
  parameterKeys: [],
  reasonCodes: ['notice_decided', 'notice_ahead', 'notice_passed_undecided', 'contract_ended'],
  evaluate(snapshot, _parameters, context) {
    const holidays = new Set(snapshot.holidays ?? []);
    const ownerOf = new Map(snapshot.systems.map((system) => [system.id, system.ownerDepartmentId]));
    return (snapshot.softwareRecords?.contracts ?? []).map((contract): RuleResult => {
      const standing = noticeStanding(contract, context.today, holidays);
      const reason = standing.ended
        ? 'contract_ended'
        : standing.decided
          ? 'notice_decided'
          : standing.noticeDate >= context.today
            ? 'notice_ahead'
            : 'notice_passed_undecided';
      const ownerDepartmentId = contract.systemIds.map((systemId) => ownerOf.get(systemId) ?? null).find((id) => id !== null) ?? null;
      return {
        clauseId: 'ITP-7-CONTRACT-NOTICE',
        subjectType: 'contract',
        subjectId: contract.id,
        subjectName: contract.title,
        departmentId: ownerDepartmentId !== null && context.departmentsById.has(ownerDepartmentId) ? ownerDepartmentId : null,
        status: reason === 'notice_passed_undecided' ? 'fail' : reason === 'contract_ended' ? 'not_applicable' : 'pass',
        reason,
        evidence: {
          noticeDate: standing.noticeDate,
          currentTermEndsOn: standing.currentTermEndsOn,
          automaticRenewal: contract.automaticRenewal,
          noticeDecision: standing.decided ? contract.noticeDecision : null,
        },
        fixPath: `/contracts/${encodeURIComponent(contract.id)}`,
      };
    });
  },
};
