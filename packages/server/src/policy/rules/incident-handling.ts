/**
 * NIS2-21-2-B (the Cybersecurity Act, incident handling): every significant incident's early
 * warning, notification and final report was sent by its deadline or still has time. One sent
 * late, or one not sent when its time has run out, fails the incident; an incident that is not
 * significant owes no report and is not applicable. The deadlines' states are the incident log's
 * own (snapshot.incidents, computed at evaluatedAt), so the rule and the incident page never differ.
 */
import type { ComplianceRule, RuleResult } from '../rule.ts';

export const incidentHandlingRule: ComplianceRule = {
  clauseId: 'NIS2-21-2-B',
  subjectType: 'incident',
  parameterKeys: [],
  reasonCodes: ['incident_reports_in_time', 'incident_report_late', 'incident_report_overdue', 'incident_not_significant'],
  evaluate(snapshot) {
    return (snapshot.incidents ?? []).map((incident): RuleResult => {
      const late = incident.deadlines.filter((deadline) => deadline.state === 'late').map((deadline) => deadline.kind);
      const overdue = incident.deadlines.filter((deadline) => deadline.state === 'overdue').map((deadline) => deadline.kind);
      const evidence = {
        detectedAt: incident.detectedAt,
        deadlines: incident.deadlines.map(({ kind, dueAt, state, sentAt }) => ({ kind, dueAt, state, sentAt })),
        late,
        overdue,
      };
      const verdict: Pick<RuleResult, 'status' | 'reason'> = !incident.significant
        ? { status: 'not_applicable', reason: 'incident_not_significant' }
        : overdue.length > 0
          ? { status: 'fail', reason: 'incident_report_overdue' }
          : late.length > 0
            ? { status: 'fail', reason: 'incident_report_late' }
            : { status: 'pass', reason: 'incident_reports_in_time' };
      return {
        clauseId: 'NIS2-21-2-B',
        subjectType: 'incident',
        subjectId: incident.id,
        subjectName: incident.title,
        departmentId: incident.departmentId,
        ...verdict,
        evidence,
        fixPath: `/incidents/${encodeURIComponent(incident.id)}`,
      };
    });
  },
};
