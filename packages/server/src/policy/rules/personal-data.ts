/**
 * The rules of §8 (issue #16): ITP-8-PERSONAL-DATA per system, ITP-8-MAILBOX per department's
 * functional mailboxes, ITP-8-OFFICIAL-DOC as the share of personal-mailbox holders who have
 * acknowledged the secretariat's e-mail rules.
 */
import { subtractMonths } from '../dates.ts';
import { readParameter } from '../policy-pack.ts';
import type { ComplianceRule, RuleResult } from '../rule.ts';
import type { ComplianceSnapshot, SnapshotProcessingActivity } from '../snapshot.ts';
import { departmentShareResults, shareReasonCodes } from './department-share.ts';
import { evaluateEachSystem } from './system-subjects.ts';

/** What can be wrong with a record of processing, in the order a system's result names the first. */
const activityProblems = [
  'legal_basis_missing',
  'retention_missing',
  'review_missing',
  'review_stale',
  'processor_agreement_missing',
  'processor_agreement_expired',
  'dpia_missing',
] as const;
type ActivityProblem = (typeof activityProblems)[number];

/** The problems of one record today; a review made on or after `reviewCutOff` is current. */
export function problemsOfActivity(activity: SnapshotProcessingActivity, today: string, reviewCutOff: string): ActivityProblem[] {
  const problems: ActivityProblem[] = [];
  // Special categories need their art. 9 exception as well as the art. 6 basis.
  if (activity.legalBasis === null || (activity.hasSpecialCategories && activity.specialCategoryBasis === null))
    problems.push('legal_basis_missing');
  if (activity.retention === null || activity.retention.trim() === '') problems.push('retention_missing');
  const approved = activity.reviewState === 'approved' || activity.reviewState === 'approved_with_remarks';
  if (!approved || activity.lastReviewedOn === null) problems.push('review_missing');
  else if (activity.lastReviewedOn < reviewCutOff) problems.push('review_stale');
  if (activity.processors.some((processor) => processor.agreementSignedOn === null)) problems.push('processor_agreement_missing');
  if (activity.processors.some((processor) => processor.agreementExpiresOn !== null && processor.agreementExpiresOn < today))
    problems.push('processor_agreement_expired');
  if ((activity.hasSpecialCategories || activity.dpiaNeeded) && activity.dpiaDoneOn === null) problems.push('dpia_missing');
  return problems;
}

const activitiesCache = new WeakMap<object, Map<string, SnapshotProcessingActivity[]>>();
function activitiesBySystem(snapshot: ComplianceSnapshot) {
  const cached = activitiesCache.get(snapshot);
  if (cached) return cached;
  const bySystem = new Map<string, SnapshotProcessingActivity[]>();
  for (const activity of snapshot.processingActivities ?? [])
    for (const systemId of activity.systemIds) bySystem.set(systemId, [...(bySystem.get(systemId) ?? []), activity]);
  activitiesCache.set(snapshot, bySystem);
  return bySystem;
}

/**
 * ITP-8-PERSONAL-DATA: a system that processes personal data is covered by at least one record of
 * processing, and each of its records has a legal basis, a retention, a current review by the data
 * protection officer, a signed, unexpired processing agreement per processor and, with special
 * categories, an impact assessment.
 */
export const personalDataRule: ComplianceRule = {
  clauseId: 'ITP-8-PERSONAL-DATA',
  subjectType: 'system',
  parameterKeys: ['privacyReviewIntervalMonths'],
  reasonCodes: ['processing_recorded', 'no_personal_data', 'no_processing_record', ...activityProblems],
  evaluate(snapshot, parameters, context) {
    const cutOff = subtractMonths(context.today, readParameter(parameters, 'privacyReviewIntervalMonths'));
    const bySystem = activitiesBySystem(snapshot);
    return evaluateEachSystem(snapshot, context, 'ITP-8-PERSONAL-DATA', 'privacy', (system) => {
      if (!system.processesPersonalData) return { status: 'not_applicable', reason: 'no_personal_data', evidence: {} };
      const activities = bySystem.get(system.id) ?? [];
      if (activities.length === 0) return { status: 'fail', reason: 'no_processing_record', evidence: { activities: [] } };
      const judged = activities.map((activity) => ({
        id: activity.id,
        name: activity.name,
        problems: problemsOfActivity(activity, context.today, cutOff),
      }));
      const evidence = { activities: judged, reviewCutOff: cutOff };
      const first = activityProblems.find((problem) => judged.some((activity) => activity.problems.includes(problem)));
      return first ? { status: 'fail', reason: first, evidence } : { status: 'pass', reason: 'processing_recorded', evidence };
    });
  },
};

/**
 * ITP-8-MAILBOX: each department's functional mailboxes all have an employed responsible and an
 * employed deputy who is someone else. A leaver uncovers a mailbox at once.
 */
export const mailboxRule: ComplianceRule = {
  clauseId: 'ITP-8-MAILBOX',
  subjectType: 'department',
  parameterKeys: [],
  reasonCodes: ['mailboxes_covered', 'no_mailbox', 'mailbox_without_responsible', 'mailbox_without_deputy'],
  evaluate(snapshot) {
    if (snapshot.mailboxes === undefined) return [];
    const byDepartment = new Map<string, NonNullable<ComplianceSnapshot['mailboxes']>>();
    for (const mailbox of snapshot.mailboxes)
      byDepartment.set(mailbox.departmentId, [...(byDepartment.get(mailbox.departmentId) ?? []), mailbox]);
    return snapshot.departments.map((department): RuleResult => {
      const mailboxes = byDepartment.get(department.id) ?? [];
      const base = {
        clauseId: 'ITP-8-MAILBOX',
        subjectType: 'department' as const,
        subjectId: department.id,
        subjectName: department.name,
        departmentId: department.id,
        fixPath: `/mailboxes?departmentId=${encodeURIComponent(department.id)}`,
      };
      if (mailboxes.length === 0) return { ...base, status: 'not_applicable', reason: 'no_mailbox', evidence: {} };
      const withoutResponsible = mailboxes.filter((mailbox) => !mailbox.responsible?.employed).map((mailbox) => mailbox.address);
      const withoutDeputy = mailboxes
        .filter((mailbox) => !mailbox.deputies.some((deputy) => deputy.employed && deputy.personId !== mailbox.responsible?.personId))
        .map((mailbox) => mailbox.address);
      const evidence = { mailboxCount: mailboxes.length, withoutResponsible, withoutDeputy };
      if (withoutResponsible.length > 0) return { ...base, status: 'fail', reason: 'mailbox_without_responsible', evidence };
      if (withoutDeputy.length > 0) return { ...base, status: 'fail', reason: 'mailbox_without_deputy', evidence };
      return { ...base, status: 'pass', reason: 'mailboxes_covered', evidence };
    });
  },
};

/**
 * ITP-8-OFFICIAL-DOC: incoming e-mail is an official document, so everyone given a personal
 * mailbox has acknowledged the secretariat's e-mail rules (the version in force); per department,
 * the share of its active employees with a mailbox who have, against the acknowledgement threshold.
 */
export const officialDocumentsRule: ComplianceRule = {
  clauseId: 'ITP-8-OFFICIAL-DOC',
  subjectType: 'department',
  parameterKeys: ['acknowledgementCoverageThresholdPercent'],
  reasonCodes: [...shareReasonCodes, 'no_mailbox_holder'],
  wholeMunicipality: true,
  evaluate(snapshot, parameters) {
    if (snapshot.documents === undefined || snapshot.acknowledgements === undefined) return [];
    const versionIds = new Set(
      snapshot.documents.flatMap((document) =>
        document.kind === 'email_rules' && document.currentVersion !== null ? [document.currentVersion.id] : [],
      ),
    );
    const acknowledged = new Set(
      snapshot.acknowledgements.filter((row) => row.state === 'acknowledged' && versionIds.has(row.versionId)).map((row) => row.personId),
    );
    return departmentShareResults({
      clauseId: 'ITP-8-OFFICIAL-DOC',
      snapshot,
      thresholdPercent: readParameter(parameters, 'acknowledgementCoverageThresholdPercent'),
      fixPath: () => '/documents',
      nothingAskedReason: 'no_mailbox_holder',
      // Without e-mail rules in force nobody can have acknowledged them: every holder counts as not meeting it.
      judge: (person) => (person.hasPersonalMailbox ? acknowledged.has(person.id) : null),
      evidence: () => ({ emailRulesInForce: versionIds.size > 0 }),
    });
  },
};
