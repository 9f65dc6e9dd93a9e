import { createRequire } from 'node:module';
import type HolidaysConstructor from 'date-holidays';

/**
 * Swedish public holidays (helgdagar) from the date-holidays library, plus the eves that are days
 * off in practice (midsommarafton, julafton, nyårsafton; the library's type `bank`): municipal
 * offices are closed then, so a notice's acknowledgement clock does not run.
 */
const byYear = new Map<number, string[]>();

// The library carries every country's calendar and takes a fifth of a second to load: it is
// loaded on first use, not at every server start.
let calendar: InstanceType<typeof HolidaysConstructor> | undefined;
function swedishCalendar() {
  if (!calendar) {
    const Holidays = createRequire(import.meta.url)('date-holidays') as typeof HolidaysConstructor;
    calendar = new Holidays('SE');
  }
  return calendar;
}

export function swedishHolidaysOf(year: number): string[] {
  let dates = byYear.get(year);
  if (!dates) {
    dates = swedishCalendar()
      .getHolidays(year)
      .filter((holiday) => holiday.type === 'public' || holiday.type === 'bank')
      .map((holiday) => holiday.date.slice(0, 10));
    byYear.set(year, dates);
  }
  return dates;
}

/** Every holiday from the year before `fromYear` to the year after `toYear`: enough margin for deadlines. */
export function swedishHolidays(fromYear: number, toYear: number): string[] {
  const dates: string[] = [];
  for (let year = fromYear - 1; year <= toYear + 1; year += 1) dates.push(...swedishHolidaysOf(year));
  return dates;
}
