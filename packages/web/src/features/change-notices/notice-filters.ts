import { pickValue, validateUrlPaging, withoutEmpty, type UrlPaging } from '../../components/url-paging.ts';

// Repeated from the contracts (not imported as values) so the list does not pull zod into the bundle.
export const noticeStatusValues = ['open', 'acknowledged'] as const;
export const noticeKindValues = ['operation', 'responsibility'] as const;
export const noticeSourceValues = ['manual', 'automatic'] as const;

/** The inbox's filters and page as they stand in the address (bookmarkable, back button works). */
export interface NoticeFilters extends UrlPaging {
  q?: string;
  status?: (typeof noticeStatusValues)[number];
  kind?: (typeof noticeKindValues)[number];
  source?: (typeof noticeSourceValues)[number];
  overdue?: boolean;
}

export function validateNoticeFilters(search: Record<string, unknown>): NoticeFilters {
  return withoutEmpty({
    q: typeof search.q === 'string' && search.q.trim() !== '' ? search.q.trim().slice(0, 200) : undefined,
    status: pickValue(noticeStatusValues, search.status),
    kind: pickValue(noticeKindValues, search.kind),
    source: pickValue(noticeSourceValues, search.source),
    overdue: search.overdue === true || search.overdue === 'true' ? true : undefined,
    ...validateUrlPaging(search),
  });
}

/** The API's query for the filters in the address (without the page). */
export function noticeListQuery(filters: NoticeFilters) {
  return {
    q: filters.q,
    status: filters.status,
    kind: filters.kind,
    source: filters.source,
    overdue: filters.overdue ? ('true' as const) : undefined,
    sort: 'queue' as const,
  };
}
