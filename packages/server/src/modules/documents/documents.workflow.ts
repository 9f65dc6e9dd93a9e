/**
 * The policy document workflow as data (issue #13, ITP-4.1-ADOPT, ITP-13-REVISE): which action
 * leads a version from which state to which, and the review date an adoption sets. Pure functions
 * only; the service enforces them and the unit test walks every pair of state and action.
 *
 *   draft → in_review → adopted → superseded;  in_review → draft (withdrawn for rework)
 *
 * Adopting a version supersedes the version adopted before it, and sets the document's next
 * review date to the decision date plus its review interval.
 */
import type { DocumentKind, DocumentVersionState } from '@forvalta/contracts';
import type { Action } from '../../access/permissions.ts';
import { addMonths, readParameter, type PolicyParameters } from '../../policy/index.ts';

export type VersionAction = 'update' | 'submit' | 'withdraw' | 'adopt' | 'uploadAttachment';

export interface VersionTransition {
  from: readonly DocumentVersionState[];
  /** The state it leads to; an edit stays where it is. */
  to: DocumentVersionState | null;
  /** The permission the action needs (the service also demands the document's owner role). */
  permission: Action;
}

export const versionWorkflow: Readonly<Record<VersionAction, VersionTransition>> = {
  update: { from: ['draft'], to: null, permission: 'documentVersion.write' },
  uploadAttachment: { from: ['draft'], to: null, permission: 'documentVersion.write' },
  submit: { from: ['draft'], to: 'in_review', permission: 'documentVersion.write' },
  withdraw: { from: ['in_review'], to: 'draft', permission: 'documentVersion.write' },
  adopt: { from: ['in_review'], to: 'adopted', permission: 'documentVersion.adopt' },
};

/** What happens to the version adopted before, when another is adopted. */
export const supersededState: DocumentVersionState = 'superseded';

export type VersionTransitionOutcome = { allowed: true; to: DocumentVersionState } | { allowed: false; reason: string };

export function versionTransitionOf(state: DocumentVersionState, action: VersionAction): VersionTransitionOutcome {
  const transition = versionWorkflow[action];
  if (transition.from.includes(state)) return { allowed: true, to: transition.to ?? state };
  return {
    allowed: false,
    reason: `A version that is ${state.replaceAll('_', ' ')} cannot be ${pastTense[action]}; allowed from: ${transition.from.join(', ')}.`,
  };
}

const pastTense: Record<VersionAction, string> = {
  update: 'edited',
  uploadAttachment: 'given an attachment',
  submit: 'submitted for review',
  withdraw: 'withdrawn from review',
  adopt: 'adopted',
};

/** A draft or a version in review: a document has at most one, and only those who may read drafts see it. */
export function isOpen(state: DocumentVersionState): boolean {
  return state === 'draft' || state === 'in_review';
}

/** Versions every employee may read: the adopted one and the history of those it superseded. */
export function isPublished(state: DocumentVersionState): boolean {
  return state === 'adopted' || state === 'superseded';
}

/**
 * The policy pack's parameter for a kind's review interval: the IT policy's own (§13, "minst vart
 * tredje år", ITP-13-REVISE) and the operations instruction's (ITP-4.3-OPS-INSTRUCTION). The other
 * documents are the policy's own instruments and follow its interval unless the document says otherwise.
 */
export const reviewIntervalParameterOfKind: Readonly<Record<DocumentKind, string>> = {
  it_policy: 'policyRevisionIntervalMonths',
  security_guidelines: 'policyRevisionIntervalMonths',
  infrastructure_programme: 'policyRevisionIntervalMonths',
  operations_instruction: 'operationsInstructionReviewIntervalMonths',
  email_rules: 'policyRevisionIntervalMonths',
  internet_use: 'policyRevisionIntervalMonths',
  other: 'policyRevisionIntervalMonths',
};

export function defaultReviewIntervalMonths(kind: DocumentKind, parameters: PolicyParameters): number {
  return readParameter(parameters, reviewIntervalParameterOfKind[kind]);
}

/** The next review date an adoption sets: the decision date plus the interval; null without a decision date. */
export function nextReviewDateOf(decisionDate: string | null, reviewIntervalMonths: number): string | null {
  return decisionDate === null ? null : addMonths(decisionDate, reviewIntervalMonths);
}

/** Past its review date (a document never adopted has none and is not overdue: it has nothing to revise). */
export function isReviewOverdue(nextReviewDate: string | null, today: string): boolean {
  return nextReviewDate !== null && nextReviewDate < today;
}
