import type { AcknowledgementState, DocumentKind, DocumentVersionState, Role } from '@forvalta/contracts';
import { formatScore } from '../compliance/compliance-format.ts';
import { listSearchValidator, prefixedSearchValidator, type UrlPaging } from '../../components/url-paging.ts';

// Repeated from the contracts as types only: the router imports the validators below into the
// first bundle, and a value import of the contracts would pull zod in with them.
export const documentKindValues = [
  'it_policy',
  'security_guidelines',
  'infrastructure_programme',
  'operations_instruction',
  'email_rules',
  'internet_use',
  'other',
] as const satisfies readonly DocumentKind[];

/**
 * The roles a document may name as its owner: those that may draft and adopt versions (the server's
 * mayOwnDocuments, from documentVersion.write and documentVersion.adopt). The server refuses any
 * other, so this list only saves the user a refusal.
 */
export const documentOwnerRoleValues = [
  'administrator',
  'it_chief',
  'it_unit',
  'secretariat',
  'data_protection_officer',
] as const satisfies readonly Role[];

export const versionStateValues = ['draft', 'in_review', 'adopted', 'superseded'] as const satisfies readonly DocumentVersionState[];

const documentSorts = ['title', '-title', 'kind', '-kind', 'nextReviewDate', '-nextReviewDate', 'updatedAt', '-updatedAt'] as const;

/** The documents list's filters and page as they stand in the address. */
export interface DocumentFilters extends UrlPaging {
  q?: string;
  kind?: DocumentKind;
  /** Only those past their review date. */
  overdue?: boolean;
  /** Only those employees must acknowledge. */
  requiresAcknowledgement?: boolean;
  sort?: string;
}

export const validateDocumentFilters = listSearchValidator<DocumentFilters>({
  text: ['q'],
  choices: { kind: documentKindValues },
  flags: ['overdue', 'requiresAcknowledgement'],
  sorts: documentSorts,
});

/** The API's query for the filters in the address (flags become the API's 'true'). */
export function documentListQuery(filters: DocumentFilters) {
  return {
    q: filters.q,
    kind: filters.kind,
    overdue: filters.overdue ? ('true' as const) : undefined,
    requiresAcknowledgement: filters.requiresAcknowledgement ? ('true' as const) : undefined,
  };
}

/** The person list of a document's coverage: who has not acknowledged, who is overdue, who has. */
export const acknowledgementStateFilterValues = ['requested', 'overdue', 'acknowledged'] as const;
export type AcknowledgementStateFilter = (typeof acknowledgementStateFilterValues)[number];

/** The coverage page's person list, under `people.` in its address. */
export const validateCoverageSearch = prefixedSearchValidator('people', {
  text: ['q'],
  ids: ['departmentId'],
  choices: { state: acknowledgementStateFilterValues },
  sorts: ['personName', '-personName', 'dueDate', '-dueDate'],
});

/** The diff page's two versions, chosen in the address. */
export interface DiffSearch {
  from?: string;
  to?: string;
}
const identifier = (value: unknown) => (typeof value === 'string' && /^[\w-]{1,64}$/.test(value) ? value : undefined);
export function validateDiffSearch(search: Record<string, unknown>): DiffSearch {
  const from = identifier(search.from);
  const to = identifier(search.to);
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/**
 * A version's state as a badge: every colour is dark enough for white text (4.5:1), and the word
 * says the state, so nothing rests on the colour alone.
 */
export const versionStateBadge: Record<DocumentVersionState, { color: string; variant: 'filled' | 'outline' }> = {
  draft: { color: 'gray.7', variant: 'outline' },
  in_review: { color: '#9a3f00', variant: 'filled' },
  adopted: { color: '#1f6f36', variant: 'filled' },
  superseded: { color: 'gray.7', variant: 'filled' },
};

/** An acknowledgement's state for the screen: an open request past its due date is overdue. */
export function acknowledgementDisplayState(request: {
  state: AcknowledgementState;
  overdue: boolean;
}): 'requested' | 'overdue' | 'acknowledged' | 'withdrawn' {
  if (request.state === 'requested' && request.overdue) return 'overdue';
  return request.state;
}

export const acknowledgementStateBadge: Record<
  ReturnType<typeof acknowledgementDisplayState>,
  { color: string; variant: 'filled' | 'outline' }
> = {
  requested: { color: 'gray.7', variant: 'outline' },
  overdue: { color: 'red.9', variant: 'filled' },
  acknowledged: { color: '#1f6f36', variant: 'filled' },
  withdrawn: { color: 'gray.7', variant: 'outline' },
};

/** A share 0–1 in whole percent, rounded down: 99.6 % is not everyone, so it never reads "100 %". */
export function formatShare(share: number, language: string): string {
  return formatScore(Math.floor(share * 100) / 100, language);
}
