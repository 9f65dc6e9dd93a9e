import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, factories, testPassword, type TestContext, type TestMunicipality } from '../../../test/test-app.ts';
import { expectProblem, expectStatus, loginWithSession, send } from '../../../test/http.ts';

/** DELETE /api/v1/people/{id}/login: a login taken away from one municipality, and only there. */
describe('removing a person’s login from a municipality', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let sotenas: TestMunicipality;
  let make: ReturnType<typeof factories>;

  beforeAll(async () => {
    context = await createTestContext();
    make = factories(context);
    tanum = await make.municipality('Tanum');
    sotenas = await make.municipality('Sotenäs');
  });
  afterAll(() => context.close());

  const personOf = async (municipality: TestMunicipality, personId: string) =>
    expectStatus(await send(context, 'GET', `/api/v1/people/${personId}`, { headers: municipality.admin.authorization }), 200);
  const remove = (
    municipality: TestMunicipality,
    personId: string,
    ifMatch?: number | string,
    headers = municipality.admin.authorization,
  ) => send(context, 'DELETE', `/api/v1/people/${personId}/login`, { headers, ...(ifMatch !== undefined ? { ifMatch } : {}) });
  const loginRow = (loginId: string) =>
    context.database.db.selectFrom('logins').selectAll().where('id', '=', loginId).executeTakeFirstOrThrow();

  it('refuses without a login (401), to a non-administrator (403), across municipalities (404), without or with a stale If-Match (428, 412), and a person without a login (409)', async () => {
    const user = await make.user(tanum, 'it_unit');
    const employee = await make.user(tanum, 'employee');
    const version = (await personOf(tanum, user.personId)).version;
    expectProblem(await send(context, 'DELETE', `/api/v1/people/${user.personId}/login`, { ifMatch: version }), 401, 'unauthenticated');
    expectProblem(await remove(tanum, user.personId, version, employee.authorization), 403, 'forbidden');
    expectProblem(await remove(sotenas, user.personId, version), 404, 'not_found');
    expectProblem(await remove(tanum, user.personId), 428, 'precondition_required');
    expectProblem(await remove(tanum, user.personId, version - 1), 412, 'version_mismatch');
    const withoutLogin = await make.person(tanum);
    expect(expectProblem(await remove(tanum, withoutLogin.id, withoutLogin.version), 409, 'conflict').reason).toBe('no_login');
    // Nothing of the refusals changed the person or their access.
    expect(await personOf(tanum, user.personId)).toMatchObject({ version, hasLogin: true });
    expectStatus(await send(context, 'GET', '/api/v1/me', { headers: user.authorization }), 200);
  });

  it('takes roles, sessions, tokens and reset links away here, audited, and leaves the login working in the other municipality', async () => {
    const user = await make.user(tanum, 'it_unit');
    // Issued while the login works only here (a login used elsewhere is the operator's to reset).
    const reset = expectStatus(
      await send(context, 'POST', `/api/v1/people/${user.personId}/password-reset-links`, { headers: tanum.admin.authorization }),
      201,
    );
    const resetToken = String(reset.path).split('#token=')[1];
    // The same login is also a person of Sotenäs, by accepting Sotenäs's invitation with its own password.
    const there = expectStatus(
      await send(context, 'POST', '/api/v1/people', {
        headers: sotenas.admin.authorization,
        body: { firstName: 'Delad', lastName: 'Resurs', email: user.email },
      }),
      201,
    );
    const invitation = expectStatus(
      await send(context, 'POST', `/api/v1/people/${there.id}/login`, { headers: sotenas.admin.authorization }),
      201,
    );
    expectStatus(
      await send(context, 'POST', '/api/v1/invitations/accept', { body: { token: invitation.token, password: testPassword } }),
      200,
    );
    expectStatus(
      await send(context, 'POST', '/api/v1/role-assignments', {
        headers: sotenas.admin.authorization,
        body: { personId: there.id, role: 'it_chief' },
      }),
      201,
    );
    const tanumSession = await loginWithSession(context, user.email, testPassword, tanum.code);
    const sotenasSession = await loginWithSession(context, user.email, testPassword, sotenas.code);
    const sotenasToken = expectStatus(
      await send(context, 'POST', '/api/v1/api-tokens', { headers: sotenasSession.csrfHeaders, body: { name: 'Sotenäs-skript' } }),
      201,
    );
    const shown = expectStatus(
      await send(context, 'GET', `/api/v1/people/${user.personId}/login`, { headers: tanum.admin.authorization }),
      200,
    );
    expect(shown).toMatchObject({ hasLogin: true, lastLoginAt: context.clock.now().toISOString() });

    const before = await personOf(tanum, user.personId);
    context.clock.advanceMinutes(1);
    expectStatus(await remove(tanum, user.personId, before.version), 204);

    // Here: the person stays (the register's history names them), without a login or roles.
    expect(await personOf(tanum, user.personId)).toMatchObject({
      hasLogin: false,
      employmentStatus: 'active',
      version: before.version + 1,
    });
    expect(
      expectStatus(
        await send(context, 'GET', `/api/v1/role-assignments?personId=${user.personId}`, { headers: tanum.admin.authorization }),
        200,
      ).total,
    ).toBe(0);
    expect(
      expectStatus(await send(context, 'GET', `/api/v1/people/${user.personId}/login`, { headers: tanum.admin.authorization }), 200),
    ).toMatchObject({ hasLogin: false, lastLoginAt: null });
    expectProblem(await send(context, 'GET', '/api/v1/me', { headers: user.authorization }), 401, 'unauthenticated');
    expectProblem(await send(context, 'GET', '/api/v1/me', { headers: tanumSession.cookieHeader }), 401, 'unauthenticated');
    expectProblem(
      await send(context, 'POST', '/api/v1/auth/password-reset', { body: { token: resetToken, newPassword: 'ett-nytt-lösenord-2026' } }),
      400,
      'validation_failed',
    );
    const tokens = await context.database.db
      .selectFrom('api_tokens')
      .select(['municipality_id', 'revoked_at'])
      .where('login_id', '=', user.loginId)
      .execute();
    expect(tokens.filter((token) => token.municipality_id === tanum.id).every((token) => token.revoked_at !== null)).toBe(true);

    // There: untouched. The session, the token and the role still work, and signing in lands there.
    expectStatus(await send(context, 'GET', '/api/v1/me', { headers: sotenasSession.cookieHeader }), 200);
    expect(
      expectStatus(await send(context, 'GET', '/api/v1/me', { headers: { authorization: `Bearer ${sotenasToken.token}` } }), 200)
        .municipality.municipalityCode,
    ).toBe(sotenas.code);
    const again = await loginWithSession(context, user.email, testPassword);
    expect(again.me.memberships.map((membership: { municipalityCode: string }) => membership.municipalityCode)).toEqual([sotenas.code]);
    expectProblem(
      await send(context, 'POST', '/api/v1/auth/login', {
        body: { email: user.email, password: testPassword, municipalityCode: tanum.code },
      }),
      403,
      'forbidden',
    );
    expect((await loginRow(user.loginId)).password_hash).not.toBeNull();

    const events = expectStatus(
      await send(context, 'GET', `/api/v1/audit-events?entityId=${user.personId}`, { headers: tanum.admin.authorization }),
      200,
    );
    expect(events.items.map((event: { action: string }) => event.action)).toContain('login_removed');
    expect(events.items.find((event: { action: string }) => event.action === 'login_removed')).toMatchObject({
      before: { hasLogin: true },
      after: { hasLogin: false },
    });
    const roleEvents = expectStatus(
      await send(context, 'GET', `/api/v1/audit-events?entityType=role_assignment&limit=100`, { headers: tanum.admin.authorization }),
      200,
    );
    expect(
      roleEvents.items.filter(
        (event: { action: string; before: { personId?: string } | null }) =>
          event.action === 'delete' && event.before?.personId === user.personId,
      ),
    ).toMatchObject([{ before: { role: 'it_unit', departmentId: null } }]);
    const tokenEvents = expectStatus(
      await send(context, 'GET', `/api/v1/audit-events?entityType=api_token&limit=100`, { headers: tanum.admin.authorization }),
      200,
    );
    expect(
      tokenEvents.items.some(
        (event: { action: string; after: { reason?: string } }) => event.action === 'revoke' && event.after?.reason === 'access_ended',
      ),
    ).toBe(true);
    // Sotenäs's chain knows nothing of it: its person's events are the invitation's link and the role only.
    const sotenasEvents = expectStatus(
      await send(context, 'GET', `/api/v1/audit-events?entityId=${there.id}`, { headers: sotenas.admin.authorization }),
      200,
    );
    expect(sotenasEvents.items.map((event: { action: string }) => event.action)).not.toContain('login_removed');
    expect((await personOf(sotenas, there.id)).hasLogin).toBe(true);
  });

  it('retires a login that belongs nowhere else: nothing signs in with it, and a new invitation gives it a new password', async () => {
    const user = await make.user(tanum, 'employee');
    const before = await personOf(tanum, user.personId);
    expectStatus(await remove(tanum, user.personId, before.version), 204);
    expect(await loginRow(user.loginId)).toMatchObject({ password_hash: null, last_municipality_id: null });
    expectProblem(
      await send(context, 'POST', '/api/v1/auth/login', { body: { email: user.email, password: testPassword } }),
      401,
      'invalid_credentials',
    );

    const invitation = expectStatus(
      await send(context, 'POST', `/api/v1/people/${user.personId}/login`, { headers: tanum.admin.authorization }),
      201,
    );
    const newPassword = 'ett-helt-nytt-lösenord';
    expectStatus(
      await send(context, 'POST', '/api/v1/invitations/accept', { body: { token: invitation.token, password: newPassword } }),
      200,
    );
    expect((await personOf(tanum, user.personId)).hasLogin).toBe(true);
    // The same login row, taken up again: its history stays one login's.
    const person = await context.database.db
      .selectFrom('people')
      .select('login_id')
      .where('id', '=', user.personId)
      .executeTakeFirstOrThrow();
    expect(person.login_id).toBe(user.loginId);
    expectStatus(
      await send(context, 'POST', '/api/v1/role-assignments', {
        headers: tanum.admin.authorization,
        body: { personId: user.personId, role: 'employee' },
      }),
      201,
    );
    expectProblem(
      await send(context, 'POST', '/api/v1/auth/login', { body: { email: user.email, password: testPassword } }),
      401,
      'invalid_credentials',
    );
    await loginWithSession(context, user.email, newPassword);
  });

  it('revokes the person’s open invitation with the login, and refuses to remove the last administrator', async () => {
    const lone = await make.municipality('Munkedal');
    const admin = await personOf(lone, lone.admin.personId);
    expect(expectProblem(await remove(lone, lone.admin.personId, admin.version), 409, 'conflict').reason).toBe('last_administrator');
    expect(await personOf(lone, lone.admin.personId)).toMatchObject({ version: admin.version, hasLogin: true });
    expectStatus(await send(context, 'GET', '/api/v1/me', { headers: lone.admin.authorization }), 200);

    // A second administrator may remove the first one's login.
    const second = await make.user(lone, 'administrator');
    expectStatus(await remove(lone, lone.admin.personId, admin.version, second.authorization), 204);
    expectProblem(await send(context, 'GET', '/api/v1/me', { headers: lone.admin.authorization }), 401, 'unauthenticated');
  });
});
