import type { AcknowledgementRenewal, AcknowledgementState } from '@forvalta/contracts';

/**
 * THE one rule for when people are asked again (issue #13): adopting a version of a document that
 * requires acknowledgement asks everyone in its audience, unless its author marked it editorial
 * (wording or layout only), in which case every acknowledgement of the version it replaces
 * carries over and nobody who gave one is asked again. The access-rights and own-policy modules
 * follow the same rule: they call these two functions rather than decide it themselves.
 *
 * The service turns the decision into set-based statements (acknowledgements.repository.ts);
 * these functions say what those statements must do, and are tested without a database.
 */
export interface AdoptedVersionChange {
  requiresAcknowledgement: boolean;
  /** The adopted version this one replaces; null for a document's first adopted version. */
  previousVersionId: string | null;
  editorial: boolean;
}

export function acknowledgementRenewal(change: AdoptedVersionChange): AcknowledgementRenewal {
  if (!change.requiresAcknowledgement) return 'none';
  if (change.previousVersionId === null) return 'ask_everyone';
  return change.editorial ? 'carry_over' : 'ask_again';
}

/** What happens to one person's standing with the replaced version when the new one is adopted. */
export type PersonRenewal =
  /** Nothing to ask (the document asks nobody). */
  | 'nothing'
  /** Their acknowledgement carries over to the new version: they are not asked again. */
  | 'acknowledgement_carries_over'
  /** Their open request carries over with its due date: still asked once, not again. */
  | 'request_carries_over'
  /** A new request of the new version (their old open request, if any, is withdrawn). */
  | 'asked';

/**
 * One person's outcome: `earlier` is their request of the replaced version (its state), or null
 * when they had none (they joined the audience since, or the document is new).
 */
export function personRenewal(renewal: AcknowledgementRenewal, earlier: AcknowledgementState | null): PersonRenewal {
  if (renewal === 'none') return 'nothing';
  if (renewal === 'carry_over' && earlier === 'acknowledged') return 'acknowledgement_carries_over';
  if (renewal === 'carry_over' && earlier === 'requested') return 'request_carries_over';
  return 'asked';
}

/**
 * Whether a person holds a current acknowledgement of a document, for the rules and the access
 * rights: an acknowledged request of its current version (carry-overs are stored as such, so no
 * chain of versions needs walking).
 */
export function holdsCurrentAcknowledgement(
  request: { versionId: string; state: AcknowledgementState } | undefined,
  currentVersionId: string | null,
) {
  return request !== undefined && currentVersionId !== null && request.versionId === currentVersionId && request.state === 'acknowledged';
}
