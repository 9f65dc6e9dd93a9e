import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../access/actor.ts';
import { followingDay, swedishMidnight, swedishToday } from '../../platform/calendar.ts';
import { expectProblem, expectStatus, loginWithSession, send } from '../../../test/http.ts';
import { createTestContext, factories, testPassword, type TestContext, type TestMunicipality } from '../../../test/test-app.ts';
import { leaversJob } from './scheduled-jobs.ts';

/**
 * The nightly job for end dates reached by the calendar (issue #12, finding 8), and the login
 * back-off rows it clears. It runs through the same runner the timer and `forvalta jobs run-due` use.
 */
describe('leavers by end date and expired login throttles (daily job)', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let stromstad: TestMunicipality;
  let make: ReturnType<typeof factories>;

  beforeAll(async () => {
    context = await createTestContext();
    make = factories(context);
    tanum = await make.municipality('Tanum');
    stromstad = await make.municipality('Strömstad');
  });
  afterAll(() => context.close());

  const db = () => context.database.db;
  const runJob = async () => {
    const runs = await context.jobRunner!.runDue();
    return runs.find((run) => run.name === leaversJob);
  };
  const personOf = async (municipality: TestMunicipality, personId: string) =>
    expectStatus(await send(context, 'GET', `/api/v1/people/${personId}`, { headers: municipality.admin.authorization }), 200);
  const setEndDate = async (municipality: TestMunicipality, personId: string, endDate: string) => {
    const { version } = await personOf(municipality, personId);
    return expectStatus(
      await send(context, 'PATCH', `/api/v1/people/${personId}`, {
        headers: municipality.admin.authorization,
        body: { endDate },
        ifMatch: version,
      }),
      200,
    );
  };

  it('ends access from the end date on, marks the person left in the night, once, and leaves everyone else alone', async () => {
    const today = swedishToday(context.clock.now());
    const tomorrow = followingDay(today);
    const leaver = await make.user(tanum, 'it_unit');
    const stayer = await make.user(tanum, 'employee');
    const elsewhere = await make.user(stromstad, 'employee');
    const withoutLogin = await make.person(tanum);
    expect(await setEndDate(tanum, leaver.personId, tomorrow)).toMatchObject({ employmentStatus: 'active', endDate: tomorrow });
    await setEndDate(tanum, withoutLogin.id, tomorrow);
    const session = await loginWithSession(context, leaver.email, testPassword);

    // Today: the end date has not come; the first run marks nobody.
    expect(await runJob()).toMatchObject({
      outcome: 'succeeded',
      summary: expect.stringMatching(/^0 person\(s\) whose end date had come/),
    });
    expectStatus(await send(context, 'GET', '/api/v1/me', { headers: leaver.authorization }), 200);

    // Just past midnight on the end date, before the job has run: the token and the session stop at once.
    context.clock.set(new Date(swedishMidnight(tomorrow).getTime() + 60_000).toISOString());
    expectProblem(await send(context, 'GET', '/api/v1/me', { headers: leaver.authorization }), 401, 'unauthenticated');
    expectProblem(await send(context, 'GET', '/api/v1/me', { headers: session.cookieHeader }), 401, 'unauthenticated');
    expectProblem(
      await send(context, 'POST', '/api/v1/auth/login', { body: { email: leaver.email, password: testPassword } }),
      403,
      'forbidden',
    );
    // Reads do not write: still active on the record until the job records it.
    expect(await personOf(tanum, leaver.personId)).toMatchObject({ employmentStatus: 'active' });

    const run = await runJob();
    expect(run).toMatchObject({ outcome: 'succeeded' });
    expect(run!.summary).toMatch(new RegExp(`^2 person\\(s\\) whose end date had come by ${tomorrow} marked as left in \\d+ municipality`));
    for (const personId of [leaver.personId, withoutLogin.id]) {
      expect(await personOf(tanum, personId)).toMatchObject({ employmentStatus: 'left', endDate: tomorrow });
    }
    expect(await personOf(tanum, stayer.personId)).toMatchObject({ employmentStatus: 'active', endDate: null });
    expect(await personOf(stromstad, elsewhere.personId)).toMatchObject({ employmentStatus: 'active' });
    expectStatus(await send(context, 'GET', '/api/v1/me', { headers: stayer.authorization }), 200);
    expectStatus(await send(context, 'GET', '/api/v1/me', { headers: elsewhere.authorization }), 200);
    const tokens = await db().selectFrom('api_tokens').select('revoked_at').where('login_id', '=', leaver.loginId).execute();
    expect(tokens.length).toBeGreaterThan(0);
    expect(tokens.every((token) => token.revoked_at !== null)).toBe(true);
    expect(await db().selectFrom('sessions').select('id').where('login_id', '=', leaver.loginId).execute()).toEqual([]);
    const events = expectStatus(
      await send(context, 'GET', `/api/v1/audit-events?entityId=${leaver.personId}`, { headers: tanum.admin.authorization }),
      200,
    );
    expect(events.items[0]).toMatchObject({
      action: 'person_left',
      actorName: `system: ${leaversJob}`,
      before: { employmentStatus: 'active' },
      after: { employmentStatus: 'left', reason: 'end_date_reached' },
    });

    // Idempotent: not due again today, and a repeat by hand finds nobody and writes nothing.
    expect(await runJob()).toBeUndefined();
    const headBefore = await db()
      .selectFrom('audit_chain_heads')
      .select('last_sequence')
      .where('chain_id', '=', tanum.id)
      .executeTakeFirstOrThrow();
    expect(await context.services.people.recordLeaversByEndDate(systemActor(leaversJob, tanum.id), tanum.id, tomorrow)).toBe(0);
    const headAfter = await db()
      .selectFrom('audit_chain_heads')
      .select('last_sequence')
      .where('chain_id', '=', tanum.id)
      .executeTakeFirstOrThrow();
    expect(headAfter.last_sequence).toBe(headBefore.last_sequence);
  });

  it('removes the login back-off rows whose window has passed, keeping the addresses that have logged in and the current windows', async () => {
    const owner = await make.user(tanum, 'employee');
    // A stranger's guess at an unknown address, and one wrong and one right password of the owner.
    const login = (email: string, password: string) => send(context, 'POST', '/api/v1/auth/login', { body: { email, password } });
    expectProblem(await login('nobody-here@example.se', 'a-wrong-password'), 401, 'invalid_credentials');
    expectProblem(await login(owner.email, 'a-wrong-password'), 401, 'invalid_credentials');
    expectStatus(await login(owner.email, testPassword), 200);
    const rows = () => db().selectFrom('login_throttles').select(['key', 'last_success_at']).execute();
    const known = (await rows()).filter((row) => row.last_success_at !== null).map((row) => row.key);
    expect(known.length).toBeGreaterThan(0);
    expect((await rows()).length).toBeGreaterThan(known.length);

    // The next night; just before the run, a fresh guess opens a window that must survive it.
    const tonight = followingDay(swedishToday(context.clock.now()));
    context.clock.set(new Date(swedishMidnight(tonight).getTime() + 60_000).toISOString());
    expectProblem(await login('someone-else@example.se', 'a-wrong-password'), 401, 'invalid_credentials');
    const before = await rows();
    const run = await runJob();
    expect(run).toMatchObject({ outcome: 'succeeded' });
    const after = await rows();
    // The fresh guess's two rows (address and e-mail) stay, and every row of an address that logged in.
    const expired = before.length - known.length - 2;
    expect(expired).toBeGreaterThan(0);
    expect(run!.summary).toMatch(
      new RegExp(`; ${expired} expired login throttle row\\(s\\), \\d+ expired reset link\\(s\\) and \\d+ old e-mail\\(s\\) removed$`),
    );
    expect(after.length).toBe(known.length + 2);
    for (const key of known) expect(after.map((row) => row.key)).toContain(key);
    // The owner signs in as before from the address they used.
    expectStatus(await login(owner.email, testPassword), 200);
  });
});
