/**
 * The policy documents' rules (issue #13): a document of each kind the policy names is adopted
 * and not past its review date. ITP-13-REVISE for the IT policy ("at least every third year") and
 * ITP-4.3-OPS-INSTRUCTION for the IT chief's operations instruction also hold the document to the
 * pack's own interval, so a document whose review interval was set longer than the policy allows
 * still fails on time; the others keep to the review date their document records.
 */
import { addMonths } from '../dates.ts';
import { readParameter, type PolicyParameters } from '../policy-pack.ts';
import type { ComplianceRule, RuleContext, RuleResult } from '../rule.ts';
import type { DocumentKind, SnapshotDocument } from '../snapshot.ts';

/** The Swedish name of a missing document, as the policy names it; the subject of its result. */
const missingDocumentNames: Record<DocumentKind, string> = {
  it_policy: 'IT-policy',
  security_guidelines: 'Riktlinjer för IT-säkerhet',
  infrastructure_programme: 'IT-infrastrukturprogram',
  operations_instruction: 'Driftinstruktion',
  email_rules: 'Regler för e-post',
  internet_use: 'Regler för användning av Internet',
  other: 'Styrdokument',
};

export const documentReasonCodes = ['document_in_force', 'document_missing', 'document_not_adopted', 'document_review_overdue'] as const;

interface DocumentRuleDefinition {
  clauseId: string;
  kinds: readonly DocumentKind[];
  /** The pack's longest interval between two adoptions, for the clauses whose policy sets one. */
  intervalParameter?: string;
}

/** The last day the document is current: its own review date, or sooner when the policy's interval ends first. */
function dueDateOf(document: SnapshotDocument, parameters: PolicyParameters, intervalParameter: string | undefined): string | null {
  const own = document.nextReviewDate;
  const adoptedOn = document.currentVersion?.adoptedOn ?? null;
  if (intervalParameter === undefined || adoptedOn === null) return own;
  const policyDue = addMonths(adoptedOn, readParameter(parameters, intervalParameter));
  return own === null || policyDue < own ? policyDue : own;
}

function judgeDocument(
  clauseId: string,
  document: SnapshotDocument,
  parameters: PolicyParameters,
  intervalParameter: string | undefined,
  context: RuleContext,
): RuleResult {
  const version = document.currentVersion;
  const base = {
    clauseId,
    subjectType: 'document' as const,
    subjectId: document.id,
    subjectName: document.title,
    // A document is the municipality's, not a department's: it counts in no department's row.
    departmentId: null,
    fixPath: `/documents/${document.id}`,
  };
  if (version === null) return { ...base, status: 'fail', reason: 'document_not_adopted', evidence: { kind: document.kind } };
  const dueDate = dueDateOf(document, parameters, intervalParameter);
  const evidence = {
    kind: document.kind,
    versionNumber: version.number,
    adoptedBy: version.adoptedBy,
    adoptedOn: version.adoptedOn,
    nextReviewDate: document.nextReviewDate,
    dueDate,
    intervalMonths: intervalParameter === undefined ? document.reviewIntervalMonths : readParameter(parameters, intervalParameter),
  };
  // Due on the review date itself is still current; the day after it is overdue.
  if (dueDate !== null && dueDate < context.today) return { ...base, status: 'fail', reason: 'document_review_overdue', evidence };
  return { ...base, status: 'pass', reason: 'document_in_force', evidence };
}

export function documentInForceRule(definition: DocumentRuleDefinition): ComplianceRule {
  const { clauseId, kinds, intervalParameter } = definition;
  return {
    clauseId,
    subjectType: 'document',
    parameterKeys: intervalParameter === undefined ? [] : [intervalParameter],
    reasonCodes: documentReasonCodes,
    evaluate(snapshot, parameters, context) {
      // Without the documents loaded (an incremental run) the rule has nothing to say.
      if (snapshot.documents === undefined) return [];
      const results: RuleResult[] = [];
      for (const kind of kinds) {
        const documents = snapshot.documents.filter((document) => document.kind === kind);
        if (documents.length === 0) {
          results.push({
            clauseId,
            subjectType: 'document',
            // Per municipality, so no two municipalities share a subject.
            subjectId: `missing-${kind}-${snapshot.municipalityId}`,
            subjectName: missingDocumentNames[kind],
            departmentId: null,
            status: 'fail',
            reason: 'document_missing',
            evidence: { kind },
            fixPath: '/documents',
          });
          continue;
        }
        for (const document of documents) results.push(judgeDocument(clauseId, document, parameters, intervalParameter, context));
      }
      return results;
    },
  };
}

export const policyRevisionRule = documentInForceRule({
  clauseId: 'ITP-13-REVISE',
  kinds: ['it_policy'],
  intervalParameter: 'policyRevisionIntervalMonths',
});
export const operationsInstructionRule = documentInForceRule({
  clauseId: 'ITP-4.3-OPS-INSTRUCTION',
  kinds: ['operations_instruction'],
  intervalParameter: 'operationsInstructionReviewIntervalMonths',
});
export const relatedDocumentsRule = documentInForceRule({
  clauseId: 'ITP-1-DOCS',
  kinds: ['infrastructure_programme', 'security_guidelines'],
});
export const emailRulesRule = documentInForceRule({ clauseId: 'ITP-9-AS-MAIL', kinds: ['email_rules'] });
export const internetUseRule = documentInForceRule({ clauseId: 'ITP-10-OWN-USE', kinds: ['internet_use'] });
export const securityGuidelinesRule = documentInForceRule({ clauseId: 'ITP-11-GUIDELINES', kinds: ['security_guidelines'] });
