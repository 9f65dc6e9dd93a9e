/**
 * The clocks of a significant incident (the Cybersecurity Act 2025:1506, NIS2 article 23): an
 * early warning 24 hours and an incident notification 72 hours after detection, and a final
 * report one month after the notification was submitted. Pure functions, no database.
 *
 * The 24 and 72 hours are ELAPSED hours: they are added to the instant, never to the wall clock, so
 * across the change to summer time (the last Sunday of March, 02:00 → 03:00) an early warning due
 * 24 hours after 10:00 is due at 11:00 on the next day's clock, and across the change back (the last
 * Sunday of October, 03:00 → 02:00) at 09:00. The month is a calendar month in Europe/Stockholm: the
 * same time of day on the same day of the next month (the month's last day when it has fewer days).
 */
import type { IncidentDeadline, IncidentReportKind } from '@forvalta/contracts';

const hourMs = 3_600_000;
export const earlyWarningHours = 24;
export const notificationHours = 72;

const stockholmParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Stockholm',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The Europe/Stockholm wall clock of an instant. */
export function stockholmWallClock(instant: Date): WallClock {
  const parts = Object.fromEntries(stockholmParts.formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

const sameWallClock = (left: WallClock, right: WallClock) =>
  left.year === right.year &&
  left.month === right.month &&
  left.day === right.day &&
  left.hour === right.hour &&
  left.minute === right.minute &&
  left.second === right.second;

/**
 * The instant a Europe/Stockholm wall clock shows. Sweden is at +02:00 or +01:00; a time the autumn
 * change shows twice is its first occurrence (summer time), a time the spring change skips is read
 * as standard time (so 02:30 on that night is 03:30 summer time).
 */
export function stockholmInstant(wall: WallClock, milliseconds = 0): Date {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, milliseconds);
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(asUtc - offsetHours * hourMs);
    if (sameWallClock(stockholmWallClock(candidate), wall)) return candidate;
  }
  return new Date(asUtc - hourMs);
}

/** `hours` elapsed hours after `instant` (ISO), as an ISO instant. */
export function elapsedHoursAfter(instant: string, hours: number): string {
  return new Date(new Date(instant).getTime() + hours * hourMs).toISOString();
}

/** One calendar month after `instant` in Europe/Stockholm, at the same time of day (the month's last day if it is shorter). */
export function calendarMonthAfter(instant: string): string {
  const start = new Date(instant);
  const wall = stockholmWallClock(start);
  const year = wall.month === 12 ? wall.year + 1 : wall.year;
  const month = wall.month === 12 ? 1 : wall.month + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return stockholmInstant({ ...wall, year, month, day: Math.min(wall.day, lastDay) }, start.getUTCMilliseconds()).toISOString();
}

export interface DeadlineFacts {
  detectedAt: string;
  significant: boolean;
  reports: ReadonlyArray<{ kind: IncidentReportKind; sentAt: string }>;
}

function stateOf(significant: boolean, dueAt: string, sentAt: string | null, now: Date): IncidentDeadline['state'] {
  if (!significant) return 'not_required';
  if (sentAt !== null) return new Date(sentAt).getTime() <= new Date(dueAt).getTime() ? 'met' : 'late';
  return now.getTime() < new Date(dueAt).getTime() ? 'open' : 'overdue';
}

/**
 * The three deadlines of an incident at `now`: early warning, notification, final report. An
 * incident that is not significant owes no report: each deadline is `not_required` (its time still
 * shown, and a report sent anyway still recorded).
 */
export function incidentDeadlines(incident: DeadlineFacts, now: Date): IncidentDeadline[] {
  const sentAt = (kind: IncidentReportKind) => incident.reports.find((report) => report.kind === kind)?.sentAt ?? null;
  const earlyWarningDue = elapsedHoursAfter(incident.detectedAt, earlyWarningHours);
  const notificationDue = elapsedHoursAfter(incident.detectedAt, notificationHours);
  const notificationSent = sentAt('notification');
  // Until the notification is submitted the final report is shown from the notification's deadline.
  const finalDue = calendarMonthAfter(notificationSent ?? notificationDue);
  const deadline = (kind: IncidentReportKind, dueAt: string, basis: IncidentDeadline['basis']): IncidentDeadline => ({
    kind,
    dueAt,
    basis,
    state: stateOf(incident.significant, dueAt, sentAt(kind), now),
    sentAt: sentAt(kind),
  });
  return [
    deadline('early_warning', earlyWarningDue, 'detection'),
    deadline('notification', notificationDue, 'detection'),
    deadline('final_report', finalDue, notificationSent ? 'notification_sent' : 'notification_deadline'),
  ];
}

/** The deadline to meet next: the earliest that is still open or overdue, or none. */
export function nextDeadline(deadlines: readonly IncidentDeadline[]): IncidentDeadline | undefined {
  return deadlines
    .filter((deadline) => deadline.state === 'open' || deadline.state === 'overdue')
    .sort((left, right) => (left.dueAt < right.dueAt ? -1 : left.dueAt > right.dueAt ? 1 : 0))[0];
}
