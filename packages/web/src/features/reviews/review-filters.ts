import { pickValue, validateUrlPaging, withoutEmpty, type UrlPaging } from '../../components/url-paging.ts';

/** What the planning list shows: planned ones, those due within 30 days, the overdue, or the held. */
export const reviewShowValues = ['planned', 'due', 'overdue', 'held'] as const;
export type ReviewShow = (typeof reviewShowValues)[number];

/** A planned review within this many days is due soon. */
export const dueSoonDays = 30;

/** The planning list's filters and page as they stand in the address. */
export interface ReviewFilters extends UrlPaging {
  show?: ReviewShow;
  systemId?: string;
  ownerDepartmentId?: string;
}

const identifier = (value: unknown) => (typeof value === 'string' && /^[\w-]{1,64}$/.test(value) ? value : undefined);

export function validateReviewFilters(search: Record<string, unknown>): ReviewFilters {
  return withoutEmpty({
    show: pickValue(reviewShowValues, search.show),
    systemId: identifier(search.systemId),
    ownerDepartmentId: identifier(search.ownerDepartmentId),
    ...validateUrlPaging(search),
  });
}

/** A Swedish calendar date some days after another. */
export function addDays(date: string, days: number): string {
  const day = new Date(`${date}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/** The API's query for the filters in the address (without the page). */
export function reviewListQuery(filters: ReviewFilters, today: string) {
  const show = filters.show;
  return {
    systemId: filters.systemId,
    ownerDepartmentId: filters.ownerDepartmentId,
    status: show === 'planned' ? ('planned' as const) : show === 'held' ? ('held' as const) : undefined,
    overdue: show === 'overdue' ? ('true' as const) : show === 'due' ? ('false' as const) : undefined,
    plannedOnOrBefore: show === 'due' ? addDays(today, dueSoonDays) : undefined,
    // The held ones newest first; anything planned in the order it falls due.
    // The server orders the whole list (planned first, earliest first; then held, latest first), not just one page.
    sort: 'queue' as const,
  };
}
