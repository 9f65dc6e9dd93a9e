import type { IncidentDeadline } from '@forvalta/contracts';
import { listSearchValidator, type UrlPaging } from '../../components/url-paging.ts';

/** The incident log's filters and page as they stand in the address. */
export interface IncidentFilters extends UrlPaging {
  q?: string;
  status?: 'open' | 'closed';
  significant?: 'true' | 'false';
  systemId?: string;
  sort?: string;
}

export const validateIncidentFilters = listSearchValidator<IncidentFilters>({
  text: ['q'],
  ids: ['systemId'],
  choices: { status: ['open', 'closed'], significant: ['true', 'false'] },
  sorts: ['detectedAt', '-detectedAt', 'title', '-title'],
});

export function incidentListQuery(filters: IncidentFilters) {
  return { q: filters.q, status: filters.status, significant: filters.significant, systemId: filters.systemId };
}

const hourMs = 3_600_000;

/** Whole hours (rounded down, never below zero) from `from` to `to`, both ISO instants. */
export const hoursBetween = (from: string, to: string) => Math.max(0, Math.floor((Date.parse(to) - Date.parse(from)) / hourMs));

/** Whole days (24 elapsed hours each, rounded down, never below zero) from `from` to `to`. */
export const daysBetween = (from: string, to: string) => Math.floor(hoursBetween(from, to) / 24);

/**
 * What is left of a running deadline, or how far past it is, in the unit its length is counted in:
 * the 24- and 72-hour reports in hours, the final report's month in days (hours of a month read as
 * "700 hours left" and say nothing). The key is the i18n key under `clock.`, `count` its number.
 */
export function remainingOf(deadline: IncidentDeadline, now: string): { key: string; count: number } {
  const overdue = deadline.state === 'overdue';
  const [from, to] = overdue ? [deadline.dueAt, now] : [now, deadline.dueAt];
  if (deadline.kind === 'final_report') return { key: overdue ? 'daysOverdue' : 'daysLeft', count: daysBetween(from, to) };
  return { key: overdue ? 'hoursOverdue' : 'hoursLeft', count: hoursBetween(from, to) };
}

const stockholmWall = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The `datetime-local` value (YYYY-MM-DDTHH:mm) of an instant on Stockholm's clock. */
export function stockholmLocalValue(instant: Date): string {
  return stockholmWall.format(instant).replace(' ', 'T');
}

/**
 * The instant a `datetime-local` value means on Stockholm's clock (whatever the browser's own time
 * zone is): +02:00 in summer time, otherwise +01:00; null when the value is not a time.
 */
export function instantOfStockholmLocal(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  for (const offset of ['+02:00', '+01:00']) {
    const candidate = new Date(`${value}:00${offset}`);
    if (stockholmLocalValue(candidate) === value) return candidate.toISOString();
  }
  return new Date(`${value}:00+01:00`).toISOString();
}
