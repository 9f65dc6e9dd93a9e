import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { Role } from '@forvalta/contracts';
import { systemActor } from '../src/access/actor.ts';
import { buildApp, type App } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import type { Clock } from '../src/platform/clock.ts';
import { connectDatabase, withTransaction, type DatabaseConnection } from '../src/platform/database.ts';
import { hashPassword } from '../src/platform/passwords.ts';
import { municipalitiesRepository } from '../src/modules/organisation/bulk.ts';
import { createMigratedTestDatabase, type TestDatabase } from './test-database.ts';

export const testPassword = 'correct horse battery staple';

/**
 * The hash of testPassword, made once per test file and given to every login the factories make:
 * argon2 is slow on purpose (19 MiB, two passes), and a file makes dozens of users.
 */
let testPasswordHashing: Promise<string> | undefined;
export function testPasswordHash(): Promise<string> {
  testPasswordHashing ??= hashPassword(testPassword);
  return testPasswordHashing;
}

/** A clock the tests can move. */
export function testClock(start = '2026-11-28T09:00:00.000Z') {
  let now = new Date(start);
  const clock: Clock & { advanceMinutes(minutes: number): void; set(iso: string): void } = {
    now: () => new Date(now),
    advanceMinutes: (minutes) => {
      now = new Date(now.getTime() + minutes * 60_000);
    },
    set: (iso) => {
      now = new Date(iso);
    },
  };
  return clock;
}

export interface TestContext {
  app: App['app'];
  services: App['services'];
  routes: App['routes'];
  /** The scheduled jobs, off by timer in tests: `jobRunner.runDue()` runs what is due now. */
  jobRunner?: App['jobRunner'];
  database: DatabaseConnection;
  clock: ReturnType<typeof testClock>;
  /** Counts SQL statements; reset it before the request you measure. */
  queries: { count: number };
  close(): Promise<void>;
}

/** The real app on a real, freshly migrated database of the suite's dialect (a copy of the run's template). */
export async function createTestContext(environment: Record<string, string> = {}): Promise<TestContext> {
  const testDatabase: TestDatabase = await createMigratedTestDatabase();
  const queries = { count: 0 };
  const database = connectDatabase(testDatabase.url, { onQuery: () => (queries.count += 1), poolSize: 4 });
  const clock = testClock();
  // Scheduled jobs stay off unless a test turns them on (JOBS: 'true'): a test decides when things happen.
  const config = loadConfig(
    {
      DATABASE_URL: testDatabase.url,
      LOG_LEVEL: 'silent',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      JOBS: 'false',
      // One key for every test process (created on first use, like data/audit.key on a first start).
      AUDIT_KEY_FILE: path.join(os.tmpdir(), 'forvalta-test-audit.key'),
      ...environment,
    },
    { webDistDirectory: '/nonexistent' },
  );
  const { app, services, routes, jobRunner } = await buildApp({ config, database, clock, logger: false });
  await app.ready();
  return {
    app,
    services,
    routes,
    jobRunner,
    database,
    clock,
    queries,
    async close() {
      await app.close();
      await database.destroy();
      await testDatabase.drop();
    },
  };
}

export interface TestMunicipality {
  id: string;
  code: string;
  admin: TestUser;
}

export interface TestUser {
  loginId: string;
  personId: string;
  email: string;
  token: string;
  authorization: { authorization: string };
}

let codeCounter = 1000;

/** Factories: build what a test needs through the same services the product uses. */
export function factories(context: TestContext) {
  const { services, database, clock } = context;

  async function issueToken(loginId: string, municipalityId: string) {
    const created = await withTransaction(database.db, (transaction) =>
      services.apiTokens.issueToken(transaction, systemActor('test', municipalityId), { loginId, municipalityId }, { name: 'test' }),
    );
    return created.token;
  }

  return {
    async municipality(name = 'Testkommun'): Promise<TestMunicipality> {
      codeCounter += 1;
      const code = String(codeCounter);
      const email = `admin-${code}-${randomUUID().slice(0, 6)}@example.se`;
      // The login exists first, with the shared hash; initialisation then gives it the administrator role.
      await municipalitiesRepository.insertLogin(
        database.db,
        { id: randomUUID(), email, passwordHash: await testPasswordHash() },
        clock.now().toISOString(),
      );
      const result = await services.municipalities.initialiseMunicipality(systemActor('test'), {
        code,
        name: `${name} ${code}`,
        adminEmail: email,
        adminFirstName: 'Ada',
        adminLastName: 'Administratör',
      });
      const token = await issueToken(result.loginId, result.municipality.id);
      return {
        id: result.municipality.id,
        code,
        admin: { loginId: result.loginId, personId: result.personId, email, token, authorization: { authorization: `Bearer ${token}` } },
      };
    },

    /** A person with a login, one role (scoped to a department for department_head) and an API token. */
    async user(municipality: TestMunicipality, role: Role, departmentId?: string): Promise<TestUser> {
      const email = `${role}-${randomUUID().slice(0, 8)}@example.se`;
      const loginId = randomUUID();
      await municipalitiesRepository.insertLogin(
        database.db,
        { id: loginId, email, passwordHash: await testPasswordHash() },
        clock.now().toISOString(),
      );
      const admin = await services.auth.resolveApiToken(municipality.admin.token);
      if (!admin) throw new Error('admin token did not resolve');
      const person = await services.people.createPerson(admin, { firstName: 'Test', lastName: role, email, departmentId });
      // The operator links the login (ADR 0009); registering the person linked nothing.
      await withTransaction(database.db, (transaction) =>
        services.loginInvitations.linkByOperator(transaction, systemActor('test'), municipality.id, person.id, loginId),
      );
      await services.roleAssignments.createRoleAssignment(admin, {
        personId: person.id,
        role,
        departmentId: role === 'department_head' ? departmentId : undefined,
      });
      const token = await issueToken(loginId, municipality.id);
      return { loginId, personId: person.id, email, token, authorization: { authorization: `Bearer ${token}` } };
    },

    /** One more role for someone who has one already (the municipality's administrator who is also the IT unit, say). */
    async grantRole(municipality: TestMunicipality, personId: string, role: Role) {
      const admin = await services.auth.resolveApiToken(municipality.admin.token);
      await services.roleAssignments.createRoleAssignment(admin!, { personId, role });
    },

    async department(municipality: TestMunicipality, name = 'Testförvaltningen', parentId?: string) {
      const admin = await services.auth.resolveApiToken(municipality.admin.token);
      return services.departments.createDepartment(admin!, { name, parentId });
    },

    async person(municipality: TestMunicipality, departmentId?: string) {
      const admin = await services.auth.resolveApiToken(municipality.admin.token);
      return services.people.createPerson(admin!, {
        firstName: 'Per',
        lastName: `Person ${randomUUID().slice(0, 6)}`,
        email: `person-${randomUUID().slice(0, 8)}@example.se`,
        departmentId,
      });
    },
  };
}
