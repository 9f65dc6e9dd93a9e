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

const stockholmDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Swedish calendar date (YYYY-MM-DD) of an instant. */
export function stockholmDay(instant: Date): string {
  return stockholmDate.format(instant);
}

/**
 * The instant a Swedish calendar day begins. Sweden changes clocks at 02:00/03:00, never at
 * midnight, so midnight exists exactly once: at +02:00 in summer time, otherwise +01:00.
 */
export function stockholmDayStart(day: string): Date {
  const summer = new Date(`${day}T00:00:00+02:00`);
  return stockholmDay(summer) === day ? summer : new Date(`${day}T00:00:00+01:00`);
}

function followingDay(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** Once per Swedish calendar day: due at the first midnight in Stockholm after the run started. */
export function dailyInStockholm(): Schedule {
  return {
    description: 'daily at 00:00 Europe/Stockholm',
    nextAfter: (startedAt) => stockholmDayStart(followingDay(stockholmDay(startedAt))),
  };
}
