import { followingDay, swedishMidnight, swedishToday } from '../calendar.ts';

/**
 * When a scheduled job runs next. A schedule is asked only after a run has started, with the
 * instant it started, so a job that fell behind (every instance was down) runs once when an
 * instance comes back, not once per missed period.
 */
export interface Schedule {
  /** For people: "every 30 s", "daily at 00:00 Europe/Stockholm". */
  readonly description: string;
  /** The first instant after `startedAt` at which the job is due again; always later than `startedAt`. */
  nextAfter(startedAt: Date): Date;
}

export function every(seconds: number): Schedule {
  if (!Number.isFinite(seconds) || seconds <= 0) throw new RangeError(`A job's interval must be positive, not ${seconds} s.`);
  return { description: `every ${seconds} s`, nextAfter: (startedAt) => new Date(startedAt.getTime() + seconds * 1000) };
}

/** Once per Swedish calendar day: due at the first midnight in Stockholm after the run started. */
export function dailyInStockholm(): Schedule {
  return {
    description: 'daily at 00:00 Europe/Stockholm',
    nextAfter: (startedAt) => swedishMidnight(followingDay(swedishToday(startedAt))),
  };
}

/**
 * Once per Swedish calendar day at `hour`: midnight in Stockholm plus that many hours (on the two
 * days a year the clocks change, an hour off, which a digest can bear).
 */
export function dailyInStockholmAt(hour: number): Schedule {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new RangeError(`An hour of the day is 0 to 23, not ${hour}.`);
  const at = (day: string) => new Date(swedishMidnight(day).getTime() + hour * 3_600_000);
  return {
    description: `daily at ${String(hour).padStart(2, '0')}:00 Europe/Stockholm`,
    nextAfter: (startedAt) => {
      const today = at(swedishToday(startedAt));
      return today > startedAt ? today : at(followingDay(swedishToday(startedAt)));
    },
  };
}
