/**
 * Calendar dates as YYYY-MM-DD strings. Strings, not Date objects: they compare correctly with
 * < and >, carry no time zone, and cost nothing to produce from the register's values.
 */

/** Year, month and day of the YYYY-MM-DD at the start of `text`, or null. Char codes, not a regex: this runs per confirmation. */
function parseDate(text: string): [year: number, month: number, day: number] | null {
  let year = 0;
  let month = 0;
  let day = 0;
  for (let index = 0; index < 10; index += 1) {
    const code = text.charCodeAt(index);
    if (index === 4 || index === 7) {
      if (code !== 45 /* - */) return null;
      continue;
    }
    const digit = code - 48;
    if (!(digit >= 0 && digit <= 9)) return null;
    if (index < 4) year = year * 10 + digit;
    else if (index < 7) month = month * 10 + digit;
    else day = day * 10 + digit;
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return [year, month, day];
}

export function isIsoDate(text: string): boolean {
  return text.length === 10 && parseDate(text) !== null;
}

/**
 * The calendar date of an ISO timestamp, or null when it is not one. The date is taken in UTC:
 * the policy counts in months, so the hour or two between UTC and Europe/Stockholm does not
 * change an outcome that matters, and UTC needs no time-zone tables in a hot loop.
 */
export function dateOfTimestamp(timestamp: string): string | null {
  // Fast path: what the API and the repositories produce ("2026-11-28T09:15:00.000Z").
  if (timestamp.length > 10 && timestamp.charCodeAt(10) === 84 /* T */ && timestamp.endsWith('Z')) {
    return parseDate(timestamp) === null ? null : timestamp.slice(0, 10);
  }
  if (timestamp.length === 10) return isIsoDate(timestamp) ? timestamp : null;
  const parsed = new Date(timestamp);
  return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString().slice(0, 10);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Moves a date by whole calendar months (negative moves back). The day is kept, or clamped to the
 * month's last day: 2026-03-31 minus one month is 2026-02-28, as people count "a month ago".
 */
export function addMonths(date: string, months: number): string {
  const parts = date.length === 10 ? parseDate(date) : null;
  if (parts === null || !Number.isInteger(months)) throw new RangeError(`Not a date or whole months: ${date}, ${months}`);
  const monthIndex = parts[0] * 12 + (parts[1] - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const day = Math.min(parts[2], daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function subtractMonths(date: string, months: number): string {
  return addMonths(date, -months);
}

export type Recency = 'never' | 'stale' | 'current';

export interface RecencyAssessment {
  recency: Recency;
  /** The date part of the confirmation, null when there is none (or it is not a timestamp). */
  confirmedOn: string | null;
  /** The last day on which the confirmation is still current. */
  dueDate: string | null;
}

/**
 * A confirmation is current while it lies within the last `intervalMonths` calendar months: on or
 * after today minus the interval (on 2026-11-28 a 12-month confirmation from 2025-11-28 holds, one
 * from 2025-11-27 does not).
 */
export function assessRecency(timestamp: string | null, today: string, intervalMonths: number): RecencyAssessment {
  const confirmedOn = timestamp === null ? null : dateOfTimestamp(timestamp);
  if (confirmedOn === null) return { recency: 'never', confirmedOn: null, dueDate: null };
  const recency = confirmedOn >= subtractMonths(today, intervalMonths) ? 'current' : 'stale';
  return { recency, confirmedOn, dueDate: lastCurrentDate(confirmedOn, intervalMonths) };
}

/**
 * The same verdict as assessRecency, for many confirmations against one today and interval: the
 * oldest date still current is computed once, and each check is a string comparison.
 */
export function createRecencyCheck(today: string, intervalMonths: number): (timestamp: string | null) => Recency {
  const oldestCurrentDate = subtractMonths(today, intervalMonths);
  return (timestamp) => {
    const confirmedOn = timestamp === null ? null : dateOfTimestamp(timestamp);
    if (confirmedOn === null) return 'never';
    return confirmedOn >= oldestCurrentDate ? 'current' : 'stale';
  };
}

/** The last day a confirmation at `timestamp` is current, for evidence; null without one. */
export function dueDateOf(timestamp: string | null, intervalMonths: number): string | null {
  const confirmedOn = timestamp === null ? null : dateOfTimestamp(timestamp);
  return confirmedOn === null ? null : lastCurrentDate(confirmedOn, intervalMonths);
}

/**
 * The last day whose "today minus the interval" is still on or before `confirmedOn`. Usually
 * confirmedOn plus the interval; but a confirmation on a month's last day holds to the last day
 * of the due month (30 April plus 20 months: today 31 December minus 20 months clamps to 30 April).
 */
function lastCurrentDate(confirmedOn: string, intervalMonths: number): string {
  const dueDate = addMonths(confirmedOn, intervalMonths);
  const [year, month, day] = parseDate(confirmedOn)!;
  if (day !== daysInMonth(year, month)) return dueDate;
  const [dueYear, dueMonth] = parseDate(dueDate)!;
  return `${dueDate.slice(0, 8)}${String(daysInMonth(dueYear, dueMonth)).padStart(2, '0')}`;
}
