import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Clock } from '../clock.ts';
import type { DatabaseHandle } from '../database.ts';
import { jobClaims, type ScheduledJobRow } from './job-claims.ts';
import type { Schedule } from './schedules.ts';

/** A job the runner schedules. Its effect must be safe to repeat: a run whose instance crashes is run again by another. */
export interface ScheduledJob {
  /** Stable: it is the job's row in scheduled_jobs. */
  name: string;
  schedule: Schedule;
  /** Does the work; returns one line on what it did ("3 events processed"). Throwing records a failed run. */
  run(startedAt: Date): Promise<string>;
}

export interface JobRun {
  name: string;
  outcome: 'succeeded' | 'failed';
  summary: string | null;
  error: string | null;
  startedAt: string;
  finishedAt: string;
  nextRunAt: string;
  /** False when the run outlived its lease and another instance had taken the job over: nothing was recorded. */
  recorded: boolean;
}

export interface JobRunnerLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface JobRunnerOptions {
  db: DatabaseHandle;
  clock: Clock;
  jobs: readonly ScheduledJob[];
  /** How long a claimed job stays this instance's without renewal; another instance takes over after it. */
  leaseSeconds: number;
  /** How often `start()` looks for due jobs. */
  tickSeconds: number;
  /** Names this instance in the job table; unique per process by default. */
  holder?: string;
  log?: JobRunnerLog;
}

const silentLog: JobRunnerLog = { info: () => {}, error: () => {} };

/**
 * Runs scheduled jobs on any number of application instances sharing one database: each tick,
 * the instance claims due jobs one at a time (jobClaims.claimDue), runs them and records the
 * outcome, so a due job runs on exactly one instance per period (ADR 0006).
 */
export function createJobRunner(options: JobRunnerOptions) {
  const { db, clock, jobs, leaseSeconds, tickSeconds, log = silentLog } = options;
  const holder = options.holder ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const byName = new Map(jobs.map((job) => [job.name, job]));
  if (byName.size !== jobs.length) throw new Error('Two scheduled jobs share a name.');
  const names = [...byName.keys()];
  let ensured: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let currentTick: Promise<JobRun[]> | undefined;

  const leaseFrom = (instant: Date) => new Date(instant.getTime() + leaseSeconds * 1000);

  async function runClaimed(row: ScheduledJobRow): Promise<JobRun> {
    const job = byName.get(row.name)!;
    const startedAt = new Date(row.last_started_at!);
    // A long run keeps its lease; if renewal fails the job was taken over and this run's record is dropped at finish.
    const renewal = setInterval(
      () => {
        jobClaims
          .renew(db, job.name, holder, leaseFrom(clock.now()))
          .catch((error: Error) => log.error({ job: job.name, err: error }, 'could not renew a job lease'));
      },
      (leaseSeconds * 1000) / 3,
    );
    renewal.unref();
    let outcome: JobRun['outcome'] = 'succeeded';
    let summary: string | null = null;
    let error: string | null = null;
    try {
      summary = await job.run(startedAt);
    } catch (thrown) {
      outcome = 'failed';
      error = thrown instanceof Error ? thrown.message : String(thrown);
      log.error({ job: job.name, err: thrown }, 'scheduled job failed; it runs again at its next period');
    } finally {
      clearInterval(renewal);
    }
    const finishedAt = clock.now();
    // A failed run is retried at the next period, not at once: a job that always fails must not loop.
    const nextRunAt = job.schedule.nextAfter(startedAt);
    const recorded = await jobClaims.finish(db, job.name, holder, { finishedAt, nextRunAt, outcome, summary, error });
    if (!recorded)
      log.error({ job: job.name, holder }, 'a scheduled job ran past its lease and was taken over; its outcome was not recorded');
    else log.info({ job: job.name, outcome, summary }, 'scheduled job ran');
    return {
      name: job.name,
      outcome,
      summary,
      error,
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      nextRunAt: nextRunAt.toISOString(),
      recorded,
    };
  }

  /** Runs every job that is due now and not leased by another instance; returns what ran. */
  async function runDue(): Promise<JobRun[]> {
    ensured ??= jobClaims.ensure(db, names, clock.now()).catch((error: unknown) => {
      ensured = undefined;
      throw error;
    });
    await ensured;
    const runs: JobRun[] = [];
    // Each job at most once per call: its next run is always later than its start.
    const remaining = new Set(names);
    while (remaining.size > 0) {
      const now = clock.now();
      const claimed = await jobClaims.claimDue(db, [...remaining], holder, now, leaseFrom(now));
      if (!claimed) break;
      remaining.delete(claimed.name);
      runs.push(await runClaimed(claimed));
    }
    return runs;
  }

  /** One tick of the timer; never two at once in one instance. */
  function tick(): Promise<JobRun[]> {
    currentTick ??= runDue().finally(() => {
      currentTick = undefined;
    });
    return currentTick;
  }

  return {
    holder,
    jobs,
    runDue,
    tick,
    /** Ticks every tickSeconds until stop(); the timer does not keep the process alive. */
    start() {
      if (timer) return;
      timer = setInterval(() => {
        tick().catch((error: unknown) => log.error({ err: error }, 'scheduled jobs could not be checked; trying again at the next tick'));
      }, tickSeconds * 1000);
      timer.unref();
    },
    /** Stops ticking and waits for a run in progress to finish and record itself. */
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await currentTick?.catch(() => undefined);
    },
    get running() {
      return timer !== undefined;
    },
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
