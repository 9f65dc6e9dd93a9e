/**
 * Working days (arbetsdagar) over YYYY-MM-DD dates, pure: Monday to Friday, minus the holidays
 * passed in. The holiday list comes from outside (platform/swedish-holidays.ts), so rules stay
 * free of I/O and tests can pass any calendar.
 */

function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

function previousDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

export function isWorkingDay(date: string, holidays: ReadonlySet<string>): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(date);
}

/** The date `count` working days after `date` (the start day itself never counts). */
export function addWorkingDays(date: string, count: number, holidays: ReadonlySet<string>): string {
  let current = date;
  for (let counted = 0; counted < count; ) {
    current = nextDay(current);
    if (isWorkingDay(current, holidays)) counted += 1;
  }
  return current;
}

/**
 * The earliest start date whose deadline (start + `count` working days) is still on or after
 * `today`: anything started before it is overdue. Walks back at most a few weeks.
 */
export function earliestStartNotOverdue(today: string, count: number, holidays: ReadonlySet<string>): string {
  let candidate = today;
  for (;;) {
    const earlier = previousDay(candidate);
    if (addWorkingDays(earlier, count, holidays) < today) return candidate;
    candidate = earlier;
  }
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string, holidays: ReadonlySet<string>): number {
  let count = 0;
  for (let current = nextDay(from); current <= to; current = nextDay(current)) if (isWorkingDay(current, holidays)) count += 1;
  return count;
}

/** `date` itself when it is a working day, else the working day before it (a notice date falls back, never forward). */
export function workingDayOnOrBefore(date: string, holidays: ReadonlySet<string>): string {
  let current = date;
  while (!isWorkingDay(current, holidays)) current = previousDay(current);
  return current;
}

/** `date` moved by whole days (negative: back). */
export function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}
