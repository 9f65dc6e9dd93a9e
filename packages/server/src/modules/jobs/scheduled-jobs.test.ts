import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { connectDatabase, type DatabaseConnection } from '../../platform/database.ts';
import { jobClaims } from '../../platform/jobs/job-claims.ts';
import { swedishMidnight, swedishToday } from '../../platform/calendar.ts';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { systemFactories } from '../../../test/system-factories.ts';
import { factories, testClock, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';
import { createMigratedTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import {
  auditVerificationJob,
  changeNoticeOutboxJob,
  complianceDailySnapshotJob,
  leaversJob,
  newEmployeeAcknowledgementsJob,
  pseudonymisationJob,
} from './scheduled-jobs.ts';

/**
 * Two application instances (two buildApp on two connections) on one database of the suite's
 * dialect, both with scheduled jobs on. The timers are set an hour apart so the test decides
 * when the instances tick; every tick goes through the same runner the timer calls.
 */
describe('scheduled jobs on two application instances', () => {
  let testDatabase: TestDatabase;
  const clock = testClock('2026-11-28T09:00:00.000Z');
  const instances: Array<{ built: App; database: DatabaseConnection }> = [];
  let context: TestContext;
  let tanum: TestMunicipality;
  let stromstad: TestMunicipality;
  let itUnit: TestUser;

  beforeAll(async () => {
    testDatabase = await createMigratedTestDatabase();
    for (let index = 0; index < 2; index += 1) {
      const database = connectDatabase(testDatabase.url, { poolSize: 4 });
      const config = loadConfig(
        { DATABASE_URL: testDatabase.url, LOG_LEVEL: 'silent', JOBS: 'true', JOBS_TICK_SECONDS: '3600' },
        { webDistDirectory: '/nonexistent' },
      );
      const built = await buildApp({ config, database, clock, logger: false });
      await built.app.ready();
      instances.push({ built, database });
    }
    const [first] = instances;
    context = { ...first!.built, database: first!.database, clock, queries: { count: 0 }, close: async () => {} };
    const make = factories(context);
    tanum = await make.municipality('Tanum');
    stromstad = await make.municipality('Strömstad');
    itUnit = await make.user(tanum, 'it_unit');
  });
  afterAll(async () => {
    for (const { built, database } of instances) {
      await built.app.close();
      expect(built.jobRunner.running).toBe(false);
      await database.destroy();
    }
    await testDatabase.drop();
  });

  /** Both instances tick at the same moment, twice each (a timer tick and a `jobs run-due`). */
  async function tickTogether() {
    const runs = await Promise.all(instances.flatMap(({ built }) => [built.jobRunner.tick(), built.jobRunner.runDue()]));
    return runs.flat();
  }
  const jobRow = async (name: string) => (await jobClaims.list(context.database.db)).find((row) => row.name === name)!;
  const db = () => context.database.db;

  it('starts the runner when jobs are on; the test harness leaves them off', async () => {
    for (const { built } of instances) expect(built.jobRunner.running).toBe(true);
    const database = connectDatabase(testDatabase.url, { poolSize: 1 });
    const off = await buildApp({
      config: loadConfig({ DATABASE_URL: testDatabase.url, LOG_LEVEL: 'silent', JOBS: 'false' }, { webDistDirectory: '/nonexistent' }),
      database,
      clock,
      logger: false,
    });
    await off.app.ready();
    expect(off.jobRunner.running).toBe(false);
    await off.app.close();
    await database.destroy();
  });

  it('has an owner change in the IT unit’s queue at once; an event left in the outbox gets there through the job alone', async () => {
    const make = factories(context);
    const care = await make.department(tanum, 'Omsorg');
    const school = await make.department(tanum, 'Skola');
    const register = systemFactories(context);
    const system = await register.system(tanum, care.id, { name: 'Procapita' });
    // The first ticks take the day's snapshots and empty the outbox of what setting up wrote.
    await tickTogether();
    clock.advanceMinutes(1);

    expectStatus(
      await send(context, 'PATCH', `/api/v1/systems/${system.id}`, {
        headers: tanum.admin.authorization,
        body: { ownerDepartmentId: school.id },
        ifMatch: (await register.get(tanum.admin, system.id)).version,
      }),
      200,
    );
    const pending = () =>
      db().selectFrom('domain_events').select('id').where('municipality_id', '=', tanum.id).where('processed_at', 'is', null).execute();
    const noticesOf = () =>
      db()
        .selectFrom('change_notices')
        .innerJoin('change_notice_systems', 'change_notice_systems.change_notice_id', 'change_notices.id')
        .select(['change_notices.id', 'change_notices.source', 'change_notices.status'])
        .where('change_notice_systems.system_id', '=', system.id)
        .execute();
    // Written with the change itself: nothing waits in the outbox, and nobody has read the queue.
    expect(await pending()).toEqual([]);
    expect(await noticesOf()).toMatchObject([{ source: 'automatic', status: 'open' }]);

    // An event as a register without the notice writer (before 2026-12-01) left it.
    await db()
      .insertInto('domain_events')
      .values({
        id: randomUUID(),
        municipality_id: tanum.id,
        type: 'system.responsibility_changed',
        payload_json: JSON.stringify({ systemId: system.id, change: 'owner', toDepartmentId: care.id, by: 'Ada' }),
        occurred_at: clock.now().toISOString(),
        processed_at: null,
      })
      .execute();
    expect(await pending()).toHaveLength(1);
    const runs = await tickTogether();
    expect(runs.filter((run) => run.name === changeNoticeOutboxJob).map((run) => [run.outcome, run.summary])).toEqual([
      ['succeeded', '1 responsibility change(s) turned into change notices'],
    ]);
    // Straight from the database: the job made the notice; nobody has read the queue.
    expect(await pending()).toEqual([]);
    expect(await noticesOf()).toMatchObject([
      { source: 'automatic', status: 'open' },
      { source: 'automatic', status: 'open' },
    ]);

    const queue = expectStatus(
      await send(context, 'GET', `/api/v1/change-notices?systemId=${system.id}`, { headers: itUnit.authorization }),
      200,
    );
    expect(queue.total).toBe(2);
    expect(queue.items[1]).toMatchObject({
      kind: 'responsibility',
      source: 'automatic',
      status: 'open',
      systems: [{ id: system.id, name: 'Procapita' }],
    });
  });

  it('runs the outbox once per period and takes one compliance snapshot per municipality per Swedish day, whichever instance ticks', async () => {
    const outboxBefore = (await jobRow(changeNoticeOutboxJob)).run_count;
    const snapshotBefore = (await jobRow(complianceDailySnapshotJob)).run_count;
    const days: string[] = [];
    for (let day = 0; day < 3; day += 1) {
      // Just past the next midnight in Stockholm, then four outbox periods of 30 s in that day.
      clock.set(new Date(swedishMidnight(swedishToday(new Date(clock.now().getTime() + 24 * 3600_000))).getTime() + 60_000).toISOString());
      days.push(swedishToday(clock.now()));
      for (let period = 0; period < 4; period += 1) {
        const runs = await tickTogether();
        expect(runs.filter((run) => run.name === changeNoticeOutboxJob)).toHaveLength(1);
        expect(runs.filter((run) => run.name === complianceDailySnapshotJob)).toHaveLength(period === 0 ? 1 : 0);
        expect(runs.every((run) => run.outcome === 'succeeded' && run.recorded)).toBe(true);
        clock.advanceMinutes(0.5);
      }
    }
    expect((await jobRow(changeNoticeOutboxJob)).run_count - outboxBefore).toBe(12);
    expect((await jobRow(complianceDailySnapshotJob)).run_count - snapshotBefore).toBe(3);
    for (const municipality of [tanum, stromstad]) {
      const taken = await db()
        .selectFrom('compliance_snapshots')
        .select('taken_on')
        .where('municipality_id', '=', municipality.id)
        .orderBy('taken_on')
        .execute();
      expect(taken.map((row) => row.taken_on)).toEqual(['2026-11-28', ...days]);
    }
    // The trend the compliance page shows has a point for each of those days, though nobody opened it.
    const summary = expectStatus(await send(context, 'GET', '/api/v1/compliance', { headers: tanum.admin.authorization }), 200);
    expect(summary.trend.map((point: { date: string }) => point.date)).toEqual(['2026-11-28', ...days]);
  });

  it('shows administrators each job’s last run, outcome and next run; nobody else', async () => {
    const listed = expectStatus(await send(context, 'GET', '/api/v1/jobs', { headers: tanum.admin.authorization }), 200);
    expect(listed.items.map((job: { name: string }) => job.name)).toEqual([
      newEmployeeAcknowledgementsJob,
      auditVerificationJob,
      changeNoticeOutboxJob,
      complianceDailySnapshotJob,
      pseudonymisationJob,
      leaversJob,
    ]);
    const [, , outbox, snapshot] = listed.items;
    expect(outbox).toMatchObject({
      schedule: 'every 30 s',
      running: false,
      leaseHolder: null,
      lastOutcome: 'succeeded',
      lastError: null,
      failureCount: 0,
    });
    expect(outbox.runCount).toBeGreaterThanOrEqual(14);
    expect(Date.parse(outbox.nextRunAt)).toBeGreaterThan(Date.parse(outbox.lastStartedAt));
    expect(snapshot).toMatchObject({ schedule: 'daily at 00:00 Europe/Stockholm', runCount: 4, lastOutcome: 'succeeded' });
    expect(snapshot.lastSummary).toMatch(/^2 snapshot\(s\) for \d{4}-\d{2}-\d{2} taken/);
    expect(swedishToday(new Date(snapshot.nextRunAt))).not.toBe(swedishToday(new Date(snapshot.lastStartedAt)));
    expectProblem(await send(context, 'GET', '/api/v1/jobs', { headers: itUnit.authorization }), 403, 'forbidden');
    expectProblem(await send(context, 'GET', '/api/v1/jobs'), 401, 'unauthenticated');
  });
});
