import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../access/actor.ts';
import { withTransaction } from '../../platform/database.ts';
import { expectProblem, expectStatus, loginWithSession, send } from '../../../test/http.ts';
import { createTestContext, factories, testPassword, type TestContext, type TestMunicipality } from '../../../test/test-app.ts';

const newPassword = 'a whole new passphrase 2026';

/** Password change and reset links (issue #12, finding 11): each ends the other sessions of the login. */
describe('password change and reset', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let make: ReturnType<typeof factories>;

  beforeAll(async () => {
    context = await createTestContext();
    make = factories(context);
    tanum = await make.municipality('Lösen');
  });
  afterAll(() => context.close());

  const me = (headers: Record<string, string>) => send(context, 'GET', '/api/v1/me', { headers });

  it('changes the password with the current one and ends every other session', async () => {
    const user = await make.user(tanum, 'employee');
    const here = await loginWithSession(context, user.email, testPassword);
    const elsewhere = await loginWithSession(context, user.email, testPassword);
    const change = (headers: Record<string, string>, currentPassword: string) =>
      send(context, 'POST', '/api/v1/me/password', { headers, body: { currentPassword, newPassword } });

    const wrong = expectProblem(await change(here.csrfHeaders, 'not my password'), 400, 'validation_failed');
    expect(wrong.errors?.[0]?.path).toBe('currentPassword');
    expectProblem(await change(user.authorization, testPassword), 403, 'forbidden');
    expectProblem(
      await send(context, 'POST', '/api/v1/me/password', {
        headers: here.csrfHeaders,
        body: { currentPassword: testPassword, newPassword: 'short' },
      }),
      400,
      'validation_failed',
    );
    expectStatus(await me(elsewhere.cookieHeader), 200);

    expectStatus(await change(here.csrfHeaders, testPassword), 204);
    expectStatus(await me(here.cookieHeader), 200);
    expectProblem(await me(elsewhere.cookieHeader), 401, 'unauthenticated');
    // API tokens are not sessions: a script keeps working.
    expectStatus(await me(user.authorization), 200);
    expectProblem(
      await send(context, 'POST', '/api/v1/auth/login', { body: { email: user.email, password: testPassword } }),
      401,
      'invalid_credentials',
    );
    await loginWithSession(context, user.email, newPassword);
    const events = expectStatus(
      await send(context, 'GET', `/api/v1/audit-events?entityId=${user.loginId}&limit=50`, { headers: tanum.admin.authorization }),
      200,
    );
    expect(events.items.map((event: { action: string }) => event.action)).toContain('change_password');
  });

  it('does not let the current-password check be used to guess it', async () => {
    const user = await make.user(tanum, 'employee');
    const session = await loginWithSession(context, user.email, testPassword);
    for (let index = 0; index < 5; index += 1) {
      await send(context, 'POST', '/api/v1/me/password', {
        headers: session.csrfHeaders,
        body: { currentPassword: `guess ${index}`, newPassword },
      });
    }
    expectProblem(
      await send(context, 'POST', '/api/v1/me/password', {
        headers: session.csrfHeaders,
        body: { currentPassword: testPassword, newPassword },
      }),
      429,
      'rate_limited',
    );
  });

  it("lets an administrator issue a one-time, expiring reset link that ends every session of the person's login", async () => {
    const user = await make.user(tanum, 'employee');
    const session = await loginWithSession(context, user.email, testPassword);
    const issue = (headers: Record<string, string>, personId = user.personId) =>
      send(context, 'POST', `/api/v1/people/${personId}/password-reset-links`, { headers });

    expectProblem(await issue(user.authorization), 403, 'forbidden');
    const link = expectStatus(await issue(tanum.admin.authorization), 201);
    expect(link.path).toMatch(/^\/reset-password#token=[\w-]{40,}$/);
    const token = link.path.split('#token=')[1];
    expectStatus(await me(session.cookieHeader), 200);

    const reset = (body: unknown) => send(context, 'POST', '/api/v1/auth/password-reset', { body });
    expectProblem(await reset({ token: `${token}x`, newPassword }), 400, 'validation_failed');
    expectStatus(await reset({ token, newPassword }), 204);
    expectProblem(await me(session.cookieHeader), 401, 'unauthenticated');
    expectProblem(await reset({ token, newPassword: 'and once more, another one' }), 400, 'validation_failed');
    await loginWithSession(context, user.email, newPassword);

    const expiring = expectStatus(await issue(tanum.admin.authorization), 201);
    context.clock.advanceMinutes(24 * 60 + 1);
    expectProblem(
      await reset({ token: expiring.path.split('#token=')[1], newPassword: 'too late for this one' }),
      400,
      'validation_failed',
    );
  });

  it("refuses a reset link for another municipality's person, or a login that works elsewhere too", async () => {
    const other = await make.municipality('Annanstans');
    const stranger = await make.user(other, 'employee');
    expectProblem(
      await send(context, 'POST', `/api/v1/people/${stranger.personId}/password-reset-links`, { headers: tanum.admin.authorization }),
      404,
      'not_found',
    );
    // The other municipality's administrator works in Tanum too: Tanum's administrator may not take that login over.
    const tanumAdmin = await context.services.auth.resolveApiToken(tanum.admin.token);
    const shared = await context.services.people.createPerson(tanumAdmin!, {
      firstName: 'Delad',
      lastName: 'Inloggning',
      email: other.admin.email,
    });
    await withTransaction(context.database.db, (transaction) =>
      context.services.loginInvitations.linkByOperator(transaction, systemActor('test'), tanum.id, shared.id, other.admin.loginId),
    );
    await context.services.roleAssignments.createRoleAssignment(tanumAdmin!, { personId: shared.id, role: 'employee' });
    expectProblem(
      await send(context, 'POST', `/api/v1/people/${shared.id}/password-reset-links`, { headers: tanum.admin.authorization }),
      403,
      'forbidden',
    );
  });

  it('ends old sessions when the operator sets a new password with forvalta init', async () => {
    const session = await loginWithSession(context, tanum.admin.email, testPassword);
    await context.services.municipalities.initialiseMunicipality(systemActor('cli init'), {
      code: '2999',
      name: 'Ny kommun',
      adminEmail: tanum.admin.email,
      adminPassword: 'the operator chose this one',
    });
    expectProblem(await me(session.cookieHeader), 401, 'unauthenticated');
  });
});

describe('the session cookie behind TLS', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  beforeAll(async () => {
    context = await createTestContext({ COOKIE_SECURE: 'true' });
    tanum = await factories(context).municipality('Säker');
  });
  afterAll(() => context.close());

  it('is named __Host-… and Secure, and only that name is read', async () => {
    const response = await send(context, 'POST', '/api/v1/auth/login', { body: { email: tanum.admin.email, password: testPassword } });
    expectStatus(response, 200);
    const cookie = response.cookies.find((candidate) => candidate.name === '__Host-forvalta_session');
    expect(cookie).toMatchObject({ secure: true, path: '/', httpOnly: true });
    expect(cookie).not.toHaveProperty('domain');
    expectStatus(await send(context, 'GET', '/api/v1/me', { headers: { cookie: `__Host-forvalta_session=${cookie!.value}` } }), 200);
    expectProblem(
      await send(context, 'GET', '/api/v1/me', { headers: { cookie: `forvalta_session=${cookie!.value}` } }),
      401,
      'unauthenticated',
    );
  });
});
