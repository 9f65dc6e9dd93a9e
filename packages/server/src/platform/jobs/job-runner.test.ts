import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testClock } from '../../../test/test-app.ts';
import { createMigratedTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { connectDatabase, type DatabaseConnection } from '../database.ts';
import { jobClaims } from './job-claims.ts';
import { createJobRunner, type ScheduledJob } from './job-runner.ts';
import { every } from './schedules.ts';

/**
 * The claim and schedule logic on a real database of the suite's dialect, with two runners on two
 * connections (two application instances): each due job runs on exactly one of them per period.
 */
describe('scheduled job runner', () => {
  let testDatabase: TestDatabase;
  let first: DatabaseConnection;
  let second: DatabaseConnection;
  const clock = testClock('2026-11-28T09:00:00.000Z');
  let prefix = 0;

  beforeAll(async () => {
    testDatabase = await createMigratedTestDatabase();
    first = connectDatabase(testDatabase.url, { poolSize: 4 });
    second = connectDatabase(testDatabase.url, { poolSize: 4 });
  });
  afterAll(async () => {
    await first.destroy();
    await second.destroy();
    await testDatabase.drop();
  });
  beforeEach(() => {
    clock.set('2026-11-28T09:00:00.000Z');
    // Each test names its own jobs: the table is shared by the file's tests.
    prefix += 1;
  });

  /** A job that counts its runs (in this process: both "instances" share the counter, as they share the database). */
  function countingJob(name: string, seconds: number, runs: string[], work: () => Promise<void> = async () => {}): ScheduledJob {
    return {
      name: `t${prefix}-${name}`,
      schedule: every(seconds),
      async run(startedAt) {
        runs.push(startedAt.toISOString());
        await work();
        return `run ${runs.length}`;
      },
    };
  }

  const rowOf = async (name: string) => (await jobClaims.list(first.db)).find((row) => row.name === name)!;
  const runnerOn = (connection: DatabaseConnection, jobs: ScheduledJob[], holder: string) =>
    createJobRunner({ db: connection.db, clock, jobs, leaseSeconds: 60, tickSeconds: 3600, holder });

  it('runs a new job at once, then not again until its period has passed', async () => {
    const runs: string[] = [];
    const job = countingJob('outbox', 30, runs);
    const runner = runnerOn(first, [job], 'instance-a');
    expect((await runner.tick()).map((run) => [run.name, run.outcome, run.summary])).toEqual([[job.name, 'succeeded', 'run 1']]);
    expect(await runner.tick()).toEqual([]);
    clock.advanceMinutes(0.25);
    expect(await runner.tick()).toEqual([]);
    clock.advanceMinutes(0.25);
    expect(await runner.tick()).toHaveLength(1);
    expect(runs).toEqual(['2026-11-28T09:00:00.000Z', '2026-11-28T09:00:30.000Z']);
    expect(await rowOf(job.name)).toMatchObject({
      run_count: 2,
      failure_count: 0,
      last_outcome: 'succeeded',
      last_summary: 'run 2',
      next_run_at: '2026-11-28T09:01:00.000Z',
      lease_holder: null,
      lease_expires_at: null,
    });
  });

  it('runs a job that fell behind once when an instance comes back, not once per missed period', async () => {
    const runs: string[] = [];
    const runner = runnerOn(first, [countingJob('behind', 30, runs)], 'instance-a');
    await runner.tick();
    clock.advanceMinutes(60);
    await runner.tick();
    await runner.tick();
    expect(runs).toEqual(['2026-11-28T09:00:00.000Z', '2026-11-28T10:00:00.000Z']);
  });

  it('with two instances ticking concurrently, runs each due job exactly once per period', async () => {
    const outboxRuns: string[] = [];
    const snapshotRuns: string[] = [];
    // Work that yields to the event loop and the database, so the other instance's ticks really overlap it.
    const slowWork = async () => {
      await first.db.selectFrom('municipalities').select('id').execute();
      await new Promise((resolve) => setTimeout(resolve, 2));
    };
    const jobs = () => [countingJob('every-30-s', 30, outboxRuns, slowWork), countingJob('every-60-s', 60, snapshotRuns, slowWork)];
    const instanceA = runnerOn(first, jobs(), 'instance-a');
    const instanceB = runnerOn(second, jobs(), 'instance-b');
    const periods = 20;
    let reported = 0;
    for (let period = 0; period < periods; period += 1) {
      // Several ticks of each instance per period, started together.
      const ticks = await Promise.all([instanceA.tick(), instanceB.tick(), instanceA.runDue(), instanceB.runDue(), instanceB.runDue()]);
      for (const runs of ticks) for (const run of runs) expect(run.recorded).toBe(true);
      reported += ticks.flat().length;
      clock.advanceMinutes(0.5);
    }
    // Every 30 s for 20 periods of 30 s; every 60 s: every other period.
    expect(outboxRuns).toHaveLength(periods);
    expect(new Set(outboxRuns).size).toBe(periods);
    expect(snapshotRuns).toHaveLength(periods / 2);
    expect(new Set(snapshotRuns).size).toBe(periods / 2);
    expect((await rowOf(`t${prefix}-every-30-s`)).run_count).toBe(periods);
    expect((await rowOf(`t${prefix}-every-60-s`)).run_count).toBe(periods / 2);
    // Each run is reported by the one instance that ran it.
    expect(reported).toBe(periods + periods / 2);
  });

  it('leaves a job leased by a crashed instance alone until the lease expires, then another instance takes it over', async () => {
    const runs: string[] = [];
    const job = countingJob('crash', 30, runs);
    const survivor = runnerOn(second, [job], 'survivor');
    await jobClaims.ensure(first.db, [job.name], clock.now());
    // The crashed instance claimed the job and never finished it.
    const claimed = await jobClaims.claimDue(first.db, [job.name], 'crashed', clock.now(), new Date(clock.now().getTime() + 60_000));
    expect(claimed).toMatchObject({ name: job.name, lease_holder: 'crashed' });
    expect(await survivor.tick()).toEqual([]);
    clock.advanceMinutes(0.9);
    expect(await survivor.tick()).toEqual([]);
    clock.advanceMinutes(0.2);
    const [takenOver] = await survivor.tick();
    expect(takenOver).toMatchObject({ name: job.name, outcome: 'succeeded', recorded: true });
    expect(runs).toHaveLength(1);
    // The crashed instance coming back to finish records nothing over the survivor's run.
    expect(
      await jobClaims.finish(first.db, job.name, 'crashed', {
        finishedAt: clock.now(),
        nextRunAt: clock.now(),
        outcome: 'failed',
        summary: null,
        error: 'late',
      }),
    ).toBe(false);
    expect(await rowOf(job.name)).toMatchObject({ run_count: 1, last_outcome: 'succeeded', lease_holder: null });
  });

  it('records a failing run with its error, does not retry it at once, and runs it again the next period', async () => {
    let fail = true;
    const runs: string[] = [];
    const job = countingJob('flaky', 30, runs, async () => {
      if (fail) throw new Error('the outbox could not be read');
    });
    const runner = runnerOn(first, [job], 'instance-a');
    const [failed] = await runner.tick();
    expect(failed).toMatchObject({
      outcome: 'failed',
      error: 'the outbox could not be read',
      summary: null,
      nextRunAt: '2026-11-28T09:00:30.000Z',
    });
    expect(await rowOf(job.name)).toMatchObject({
      last_outcome: 'failed',
      last_error: 'the outbox could not be read',
      run_count: 1,
      failure_count: 1,
      lease_holder: null,
    });
    expect(await runner.tick()).toEqual([]);
    fail = false;
    clock.advanceMinutes(0.5);
    const [retried] = await runner.tick();
    expect(retried).toMatchObject({ outcome: 'succeeded', error: null });
    expect(await rowOf(job.name)).toMatchObject({ last_outcome: 'succeeded', last_error: null, run_count: 2, failure_count: 1 });
  });

  it('only claims the jobs an instance knows, and lets stop() wait for a run in progress', async () => {
    let release: () => void = () => {};
    const runs: string[] = [];
    const job = countingJob('long', 30, runs, () => new Promise<void>((resolve) => (release = resolve)));
    const other = runnerOn(second, [countingJob('unrelated', 30, [])], 'instance-b');
    await jobClaims.ensure(first.db, [job.name], clock.now());
    await other.tick();
    expect((await rowOf(job.name)).run_count).toBe(0);

    const runner = runnerOn(first, [job], 'instance-a');
    const ticking = runner.tick();
    while (runs.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    let stopped = false;
    const stopping = runner.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect((await ticking).map((run) => run.outcome)).toEqual(['succeeded']);
    expect(await rowOf(job.name)).toMatchObject({ run_count: 1, lease_holder: null });
  });
});
