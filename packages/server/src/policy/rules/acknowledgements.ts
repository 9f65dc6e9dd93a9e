/**
 * The acknowledgement rules (§4.2, §12, issue #13), over the requests and acknowledgements of the
 * document versions in force (H2's acknowledgements module): each department's share of active
 * employees who have acknowledged what applies to them, and who did so in time after a new version.
 */
import { readParameter } from '../policy-pack.ts';
import type { ComplianceRule, RuleContext } from '../rule.ts';
import type { ComplianceSnapshot, DocumentKind, SnapshotAcknowledgement, SnapshotDocument } from '../snapshot.ts';
import { addWorkingDays } from '../working-days.ts';
import { createAudienceCheck, departmentShareResults, shareReasonCodes } from './department-share.ts';

// Built once per snapshot and shared by the three rules (a snapshot is never changed).
const byPersonCache = new WeakMap<object, Map<string, Map<string, SnapshotAcknowledgement>>>();

/** Per person, their acknowledgement row of each version in force. */
function acknowledgementsByPerson(snapshot: ComplianceSnapshot): Map<string, Map<string, SnapshotAcknowledgement>> {
  const cached = byPersonCache.get(snapshot);
  if (cached !== undefined) return cached;
  const byPerson = new Map<string, Map<string, SnapshotAcknowledgement>>();
  for (const row of snapshot.acknowledgements ?? []) {
    let versions = byPerson.get(row.personId);
    if (versions === undefined) {
      versions = new Map();
      byPerson.set(row.personId, versions);
    }
    versions.set(row.versionId, row);
  }
  byPersonCache.set(snapshot, byPerson);
  return byPerson;
}

/** The documents the rule asks employees to have acknowledged: in force, requiring acknowledgement, of the kinds. */
function documentsAsked(snapshot: ComplianceSnapshot, kinds: readonly DocumentKind[] | 'all', newVersionsOnly: boolean) {
  return (snapshot.documents ?? []).filter(
    (document): document is SnapshotDocument & { currentVersion: NonNullable<SnapshotDocument['currentVersion']> } =>
      document.currentVersion !== null &&
      document.requiresAcknowledgement &&
      (kinds === 'all' || kinds.includes(document.kind)) &&
      // An editorial version (wording or layout only) carries earlier acknowledgements over: nobody was asked again.
      (!newVersionsOnly || !document.currentVersion.editorial),
  );
}

function createDocumentsForDepartment(documents: ReturnType<typeof documentsAsked>, context: RuleContext) {
  const inAudience = createAudienceCheck(context);
  const cache = new Map<string, ReturnType<typeof documentsAsked>>();
  return (departmentId: string) => {
    let applying = cache.get(departmentId);
    if (applying === undefined) {
      applying = documents.filter((document) => inAudience(document.audienceDepartmentIds, departmentId));
      cache.set(departmentId, applying);
    }
    return applying;
  };
}

/** ITP-4.2-KNOW (the IT policy and the guidelines) and ITP-12-KNOWLEDGE (every rule of use that asks for it). */
function knowledgeRule(clauseId: string, kinds: readonly DocumentKind[] | 'all'): ComplianceRule {
  return {
    clauseId,
    subjectType: 'department',
    parameterKeys: ['acknowledgementCoverageThresholdPercent'],
    reasonCodes: [...shareReasonCodes, 'no_document_to_acknowledge'],
    evaluate(snapshot, parameters, context) {
      if (snapshot.documents === undefined || snapshot.acknowledgements === undefined) return [];
      const documentsOf = createDocumentsForDepartment(documentsAsked(snapshot, kinds, false), context);
      const rows = acknowledgementsByPerson(snapshot);
      return departmentShareResults({
        clauseId,
        snapshot,
        thresholdPercent: readParameter(parameters, 'acknowledgementCoverageThresholdPercent'),
        fixPath: () => '/documents',
        nothingAskedReason: 'no_document_to_acknowledge',
        judge: (person, department) => {
          const documents = documentsOf(department.id);
          if (documents.length === 0) return null;
          const own = rows.get(person.id);
          return documents.every((document) => own?.get(document.currentVersion.id)?.state === 'acknowledged');
        },
        evidence: (department) => ({
          documents: documentsOf(department.id).map((document) => `${document.title}, version ${document.currentVersion.number}`),
        }),
      });
    },
  };
}

export const knowPolicyRule = knowledgeRule('ITP-4.2-KNOW', ['it_policy', 'security_guidelines']);
export const knowRulesRule = knowledgeRule('ITP-12-KNOWLEDGE', 'all');

/**
 * ITP-12-CHANGE-INFORM: after a new (not editorial) version, the employees asked acknowledge it
 * within `documentAcknowledgementWorkingDays` working days of being asked. A request still inside
 * its days is not judged yet; one withdrawn (a newer version replaced it) is not judged at all.
 */
export const changeInformRule: ComplianceRule = {
  clauseId: 'ITP-12-CHANGE-INFORM',
  subjectType: 'department',
  parameterKeys: ['documentAcknowledgementWorkingDays', 'acknowledgementCoverageThresholdPercent'],
  reasonCodes: [...shareReasonCodes, 'no_request_due'],
  evaluate(snapshot, parameters, context) {
    if (snapshot.documents === undefined || snapshot.acknowledgements === undefined) return [];
    const workingDays = readParameter(parameters, 'documentAcknowledgementWorkingDays');
    const holidays = new Set(snapshot.holidays ?? []);
    const deadlines = new Map<string, string>();
    const deadlineOf = (requestedOn: string) => {
      let deadline = deadlines.get(requestedOn);
      if (deadline === undefined) {
        deadline = addWorkingDays(requestedOn, workingDays, holidays);
        deadlines.set(requestedOn, deadline);
      }
      return deadline;
    };
    const documentsOf = createDocumentsForDepartment(documentsAsked(snapshot, 'all', true), context);
    const rows = acknowledgementsByPerson(snapshot);
    return departmentShareResults({
      clauseId: 'ITP-12-CHANGE-INFORM',
      snapshot,
      thresholdPercent: readParameter(parameters, 'acknowledgementCoverageThresholdPercent'),
      fixPath: () => '/documents',
      nothingAskedReason: 'no_request_due',
      judge: (person, department) => {
        let judged = false;
        for (const document of documentsOf(department.id)) {
          const row = rows.get(person.id)?.get(document.currentVersion.id);
          if (row === undefined || row.state === 'withdrawn') continue;
          const deadline = deadlineOf(row.requestedOn);
          if (row.state === 'acknowledged' && row.acknowledgedOn !== null) {
            if (row.acknowledgedOn > deadline) return false;
            judged = true;
          } else if (deadline < context.today) {
            return false;
          }
        }
        return judged ? true : null;
      },
      evidence: () => ({ workingDays }),
    });
  },
};
