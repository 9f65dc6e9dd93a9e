import { formatDateTime, stockholmDayStart } from '../../i18n/format.ts';

/** A Stockholm day and a time of day (HH:MM) as the UTC instant the API takes. */
export function stockholmInstant(date: string, time: string): string {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return new Date(new Date(stockholmDayStart(date)).getTime() + (hours * 60 + minutes) * 60_000).toISOString();
}

/** An instant as the day and time a form shows in Stockholm time. */
export function stockholmParts(instant: string | null | undefined): { date: string | null; time: string } {
  if (!instant) return { date: null, time: '' };
  const [date, time] = formatDateTime(instant).split(' ') as [string, string];
  return { date, time };
}

/** 2026-12-03 09:00–11:00 (the end's day is the start's for a session). */
export function formatSessionTime(startsAt: string, endsAt: string): string {
  const start = stockholmParts(startsAt);
  const end = stockholmParts(endsAt);
  return start.date === end.date ? `${start.date} ${start.time}–${end.time}` : `${formatDateTime(startsAt)} – ${formatDateTime(endsAt)}`;
}
