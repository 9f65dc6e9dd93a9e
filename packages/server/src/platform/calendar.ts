/**
 * Swedish calendar time, the one place it is computed. Assignments start and end on Swedish
 * dates, notices fall due on them and the daily jobs run at their midnight, so every module asks
 * here rather than taking a UTC date (which is yesterday's between midnight and 01:00 or 02:00).
 */

// Building a DateTimeFormat is costly; one serves every request.
const stockholmDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Swedish calendar date (YYYY-MM-DD) of an instant: with `clock.now()`, today in Sweden. */
export function swedishToday(instant: Date): string {
  return stockholmDate.format(instant);
}

/**
 * The instant a Swedish calendar day begins. Sweden changes clocks at 02:00/03:00, never at
 * midnight, so midnight exists exactly once: at +02:00 in summer time, otherwise +01:00.
 */
export function swedishMidnight(day: string): Date {
  const summer = new Date(`${day}T00:00:00+02:00`);
  return swedishToday(summer) === day ? summer : new Date(`${day}T00:00:00+01:00`);
}

/** The calendar date after `day` (YYYY-MM-DD); noon UTC keeps it clear of every time zone's midnight. */
export function followingDay(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
