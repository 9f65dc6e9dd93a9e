import type { LegalBasis, Mailbox, PrivacyReviewOutcome, ReviewState, SpecialCategoryBasis, WatchFrequency } from '@forvalta/contracts';
import { listSearchValidator, type UrlPaging } from '../../components/url-paging.ts';

// Repeated from the contracts as types only: the router imports the validators below into the
// first bundle, and a value import of the contracts would pull zod in with them.
export const legalBasisValues = [
  'consent',
  'contract',
  'legal_obligation',
  'vital_interests',
  'public_interest',
  'legitimate_interests',
] as const satisfies readonly LegalBasis[];
export const specialCategoryBasisValues = [
  'explicit_consent',
  'employment_law',
  'vital_interests',
  'non_profit_body',
  'made_public',
  'legal_claims',
  'substantial_public_interest',
  'health_or_social_care',
  'public_health',
  'archiving_or_research',
] as const satisfies readonly SpecialCategoryBasis[];
export const reviewOutcomeValues = ['approved', 'approved_with_remarks', 'returned'] as const satisfies readonly PrivacyReviewOutcome[];
export const reviewStateValues = ['pending', ...reviewOutcomeValues] as const satisfies readonly ReviewState[];
export const watchFrequencyValues = ['several_daily', 'daily', 'weekly'] as const satisfies readonly WatchFrequency[];

/** How far ahead "agreement expiring" looks: the processor agreements to renew within three months. */
export const agreementHorizonMonths = 3;

const activitySorts = ['name', '-name', 'updatedAt', '-updatedAt'] as const;

/** The register's filters and page as they stand in the address. */
export interface ActivityFilters extends UrlPaging {
  q?: string;
  systemId?: string;
  departmentId?: string;
  specialCategories?: boolean;
  missingReview?: boolean;
  /** Processor agreements unsigned or expiring within the horizon. */
  agreementExpiring?: boolean;
  reviewState?: ReviewState;
  sort?: string;
}

export const validateActivityFilters = listSearchValidator<ActivityFilters>({
  text: ['q'],
  ids: ['systemId', 'departmentId'],
  choices: { reviewState: reviewStateValues },
  flags: ['specialCategories', 'missingReview', 'agreementExpiring'],
  sorts: activitySorts,
});

/** The DPO's queue: only its page and sort live in the address (the filter is the queue itself). */
export const validateQueueSearch = listSearchValidator<UrlPaging & { sort?: string }>({ sorts: activitySorts });

/** The date `months` from `today` (YYYY-MM-DD), the last day of a shorter month when needed. */
export function monthsAhead(today: string, months: number): string {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The API's query for the filters in the address (flags become the API's 'true'). */
export function activityListQuery(filters: ActivityFilters, today: string) {
  return {
    q: filters.q,
    systemId: filters.systemId,
    departmentId: filters.departmentId,
    specialCategories: filters.specialCategories ? ('true' as const) : undefined,
    missingReview: filters.missingReview ? ('true' as const) : undefined,
    agreementExpiringBy: filters.agreementExpiring ? monthsAhead(today, agreementHorizonMonths) : undefined,
    reviewState: filters.reviewState,
  };
}

/** The mailboxes list's filters and page as they stand in the address (ITP-8-MAILBOX's fix link sets departmentId). */
export interface MailboxFilters extends UrlPaging {
  q?: string;
  departmentId?: string;
  uncovered?: boolean;
  sort?: string;
}

export const validateMailboxFilters = listSearchValidator<MailboxFilters>({
  text: ['q'],
  ids: ['departmentId'],
  flags: ['uncovered'],
  sorts: ['address', '-address'],
});

export function mailboxListQuery(filters: MailboxFilters) {
  return { q: filters.q, departmentId: filters.departmentId, covered: filters.uncovered ? ('false' as const) : undefined };
}

/**
 * A review state as a badge: every colour is dark enough for white text (4.5:1), and the word says
 * the state, so nothing rests on the colour alone.
 */
export const reviewStateBadge: Record<ReviewState, { color: string; variant: 'filled' | 'outline' }> = {
  pending: { color: '#9a3f00', variant: 'filled' },
  approved: { color: '#1f6f36', variant: 'filled' },
  approved_with_remarks: { color: '#1f6f36', variant: 'outline' },
  returned: { color: 'red.9', variant: 'filled' },
};

/** Whether a processor's agreement needs attention: unsigned, expired, or expiring by `by`. */
export function agreementAttention(
  processor: { agreementSignedOn: string | null; agreementExpiresOn: string | null },
  today: string,
  by: string,
): 'unsigned' | 'expired' | 'expiring' | null {
  if (processor.agreementSignedOn === null) return 'unsigned';
  if (processor.agreementExpiresOn !== null && processor.agreementExpiresOn < today) return 'expired';
  if (processor.agreementExpiresOn !== null && processor.agreementExpiresOn <= by) return 'expiring';
  return null;
}

/**
 * What leaves a mailbox uncovered (ITP-8-MAILBOX), to say in words beside it; the server's
 * `covered` decides whether it is, this only names why (the deputy must be someone else).
 */
export type MailboxProblem = 'noResponsible' | 'responsibleLeft' | 'noDeputy' | 'deputyLeft';
export function mailboxProblems(mailbox: Pick<Mailbox, 'responsible' | 'deputies'>): MailboxProblem[] {
  const problems: MailboxProblem[] = [];
  if (!mailbox.responsible) problems.push('noResponsible');
  else if (mailbox.responsible.employmentStatus === 'left') problems.push('responsibleLeft');
  const deputies = mailbox.deputies.filter((deputy) => deputy.id !== mailbox.responsible?.id);
  if (deputies.length === 0) problems.push('noDeputy');
  else if (deputies.every((deputy) => deputy.employmentStatus === 'left')) problems.push('deputyLeft');
  return problems;
}
