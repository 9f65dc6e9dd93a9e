import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { connectDatabase, type DatabaseConnection } from '../../platform/database.ts';
import { expectStatus, send } from '../../../test/http.ts';
import { startSmtpTestServer } from '../../../test/smtp-test-server.ts';
import { factories, testClock, type TestContext } from '../../../test/test-app.ts';
import { createMigratedTestDatabase, type TestDatabase } from '../../../test/test-database.ts';

/**
 * Two application instances (two buildApp on two connections) on one database, one SMTP server:
 * every message reaches the server exactly once, whichever instance's job or sender takes it.
 */
describe('the outbox on two application instances', () => {
  let testDatabase: TestDatabase;
  let smtp: Awaited<ReturnType<typeof startSmtpTestServer>>;
  const clock = testClock('2026-11-28T09:00:00.000Z');
  const instances: Array<{ built: App; database: DatabaseConnection }> = [];
  let context: TestContext;

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    testDatabase = await createMigratedTestDatabase();
    for (let index = 0; index < 2; index += 1) {
      const database = connectDatabase(testDatabase.url, { poolSize: 4 });
      const config = loadConfig(
        {
          DATABASE_URL: testDatabase.url,
          LOG_LEVEL: 'silent',
          JOBS: 'true',
          JOBS_TICK_SECONDS: '3600',
          LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
          ...smtp.environment,
        },
        { webDistDirectory: '/nonexistent' },
      );
      const built = await buildApp({ config, database, clock, logger: false });
      await built.app.ready();
      instances.push({ built, database });
    }
    const [first] = instances;
    context = { ...first!.built, database: first!.database, clock, queries: { count: 0 }, close: async () => {} };
  });
  afterAll(async () => {
    for (const { built, database } of instances) {
      await built.app.close();
      await database.destroy();
    }
    await testDatabase.drop();
    await smtp.close();
  });

  it('sends each queued message once when both instances run the outbox at the same moment', async () => {
    const make = factories(context);
    const tanum = await make.municipality('Tanum');
    const people = [];
    for (let index = 0; index < 12; index += 1) people.push(await make.user(tanum, 'employee'));
    await Promise.all(
      people.map(async (person) =>
        expectStatus(await send(context, 'POST', '/api/v1/auth/password-reset-requests', { body: { email: person.email } }), 204),
      ),
    );
    // Each instance: a timer tick (the job runner's claim) and a direct run of the sender (the message claims alone).
    await Promise.all(
      instances.flatMap(({ built }) => [built.jobRunner.tick(), built.jobRunner.runDue(), built.services.mail.outbox.sendDue()]),
    );
    for (const person of people) expect(smtp.to(person.email)).toHaveLength(1);
    expect(smtp.received).toHaveLength(people.length);
    const states = await context.database.db.selectFrom('mail_messages').select(['status', 'attempts', 'lease_holder']).execute();
    expect(states).toHaveLength(people.length);
    for (const state of states) expect(state).toEqual({ status: 'sent', attempts: 1, lease_holder: null });
  });
});
