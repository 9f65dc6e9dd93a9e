import { listSearchValidator, type UrlPaging } from '../../components/url-paging.ts';

/** The contracts list's filters and page as they stand in the address. */
export interface ContractFilters extends UrlPaging {
  q?: string;
  supplierId?: string;
  systemId?: string;
  /** Only contracts whose notice date is within the timeline's twelve months and not decided. */
  noticeSoon?: boolean;
  sort?: string;
}

export const validateContractFilters = listSearchValidator<ContractFilters>({
  text: ['q'],
  ids: ['supplierId', 'systemId'],
  flags: ['noticeSoon'],
  sorts: ['title', '-title', 'noticeDate', '-noticeDate', 'updatedAt', '-updatedAt'],
});

export const validateSupplierFilters = listSearchValidator<UrlPaging & { q?: string; sort?: string }>({
  text: ['q'],
  sorts: ['name', '-name', 'updatedAt', '-updatedAt'],
});

/** The timeline's horizon: the next twelve months. */
export const timelineMonths = 12;

/** The date `months` after `day` (YYYY-MM-DD), the last day of a shorter month when needed. */
export function monthsAfter(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date, lastDay));
  return target.toISOString().slice(0, 10);
}

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/** Where a day falls between `from` and `to`, 0–1; null outside. */
export function positionOf(day: string, from: string, to: string): number | null {
  const share = (dayNumber(day) - dayNumber(from)) / (dayNumber(to) - dayNumber(from));
  return share < 0 || share > 1 ? null : share;
}

/** Days from `today` to `day` (negative when passed). */
export const daysUntil = (day: string, today: string) => Math.round(dayNumber(day) - dayNumber(today));

export function contractListQuery(filters: ContractFilters, today: string) {
  return {
    q: filters.q,
    supplierId: filters.supplierId,
    systemId: filters.systemId,
    noticeBefore: filters.noticeSoon ? monthsAfter(today, timelineMonths) : undefined,
  };
}
