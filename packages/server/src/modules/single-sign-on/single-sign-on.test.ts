import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, expectStatus, loginWithSession, send } from '../../../test/http.ts';
import { startTestProvider, type TestProvider } from '../../../test/oidc-test-provider.ts';
import { createTestContext, factories, testPassword, type TestContext, type TestMunicipality } from '../../../test/test-app.ts';

const publicUrl = 'http://127.0.0.1:4999';
const redirectUri = `${publicUrl}/api/v1/auth/oidc/callback`;

/**
 * Single sign-on (issue #18, ADR 0036) against a real OpenID provider on 127.0.0.1 (oidc-provider),
 * two of them: each municipality has its own, and neither speaks for the other's people.
 */
describe('single sign-on with OpenID Connect', () => {
  let context: TestContext;
  let make: ReturnType<typeof factories>;
  let north: TestMunicipality;
  let south: TestMunicipality;
  let northProvider: TestProvider;
  let southProvider: TestProvider;

  const settingsBody = (provider: TestProvider, changes: Record<string, unknown> = {}) => ({
    displayName: 'Kommunens konto',
    issuer: provider.issuer,
    clientId: 'forvalta',
    clientSecret: 'a client secret of the provider',
    matchBy: 'email',
    matchClaim: 'email',
    groupsClaim: 'groups',
    groupRoles: [{ group: 'g-it', role: 'it_unit' }],
    passwordLogin: true,
    ...changes,
  });

  async function configure(municipality: TestMunicipality, body: Record<string, unknown>) {
    const current = expectStatus(await send(context, 'GET', '/api/v1/single-sign-on', { headers: municipality.admin.authorization }), 200);
    return expectStatus(
      await send(context, 'PUT', '/api/v1/single-sign-on', { headers: municipality.admin.authorization, body, ifMatch: current.version }),
      200,
    );
  }

  /** The browser's round trip: start here, the provider's form as `accountId`, back to the callback with the attempt cookie. */
  async function signIn(municipality: TestMunicipality, provider: TestProvider, accountId: string, returnTo?: string) {
    const query = new URLSearchParams({ municipality: municipality.code, ...(returnTo ? { returnTo } : {}) });
    const start = await send(context, 'GET', `/api/v1/auth/oidc/login?${query}`);
    expect(start.statusCode, start.body).toBe(302);
    const attempt = start.cookies.find((cookie) => cookie.name === 'forvalta_sso');
    expect(attempt?.httpOnly).toBe(true);
    const back = await provider.signIn(String(start.headers.location), accountId);
    expect(back.href.startsWith(redirectUri)).toBe(true);
    const attemptHeader = { cookie: `forvalta_sso=${attempt!.value}` };
    const callback = await send(context, 'GET', `${back.pathname}${back.search}`, { headers: attemptHeader });
    expect(callback.statusCode, callback.body).toBe(302);
    const session = callback.cookies.find((cookie) => cookie.name === 'forvalta_session');
    return { back, attemptHeader, callback, location: String(callback.headers.location), session };
  }

  const meWith = (session: { value: string }) =>
    send(context, 'GET', '/api/v1/me', { headers: { cookie: `forvalta_session=${session.value}` } });

  beforeAll(async () => {
    context = await createTestContext({ PUBLIC_URL: publicUrl });
    make = factories(context);
    north = await make.municipality('Nordkommun');
    south = await make.municipality('Sydkommun');
    northProvider = await startTestProvider([
      {
        clientId: 'forvalta',
        clientSecret: 'a client secret of the provider',
        redirectUri,
        postLogoutRedirectUri: `${publicUrl}/login?municipality=${north.code}`,
      },
    ]);
    southProvider = await startTestProvider([{ clientId: 'forvalta', clientSecret: 'a client secret of the provider', redirectUri }]);
    await configure(north, settingsBody(northProvider));
    await configure(south, settingsBody(southProvider, { displayName: 'Sydkonto', groupsClaim: null, groupRoles: [] }));
  }, 60_000);
  afterAll(async () => {
    await northProvider?.close();
    await southProvider?.close();
    await context.close();
  });

  it('logs a person of the municipality in, with the same session a password login opens, and back to a path of this site', async () => {
    const user = await make.user(north, 'employee');
    northProvider.accounts.set('anna', { email: user.email.toUpperCase() });
    const { location, session } = await signIn(north, northProvider, 'anna', '/systems?page=2');
    expect(location).toBe('/systems?page=2');
    expect(session?.httpOnly).toBe(true);
    const me = expectStatus(await meWith(session!), 200);
    expect(me.loginId).toBe(user.loginId);
    expect(me.municipality.municipalityId).toBe(north.id);
    expect(me.csrfToken).toEqual(expect.any(String));
    const events = expectStatus(
      await send(context, 'GET', `/api/v1/audit-events?entityId=${user.loginId}&limit=20`, { headers: north.admin.authorization }),
      200,
    );
    expect(events.items.map((event: { action: string }) => event.action)).toContain('login');
  });

  it('never redirects off the site after the login', async () => {
    const user = await make.user(north, 'employee');
    northProvider.accounts.set('bertil', { email: user.email });
    for (const returnTo of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', '/%0d%0aLocation:x', 'javascript:alert(1)']) {
      const { location } = await signIn(north, northProvider, 'bertil', returnTo);
      expect(location.startsWith('/') && !location.startsWith('//') && !location.includes('evil.example'), returnTo).toBe(true);
    }
  });

  it('refuses a wrong state, a replayed callback, a missing attempt cookie and a wrong nonce', async () => {
    const user = await make.user(north, 'employee');
    northProvider.accounts.set('cecilia', { email: user.email });
    // Two logins started in one browser: the provider's answer to the first, with the second's cookie.
    const first = await send(context, 'GET', `/api/v1/auth/oidc/login?municipality=${north.code}`);
    const second = await send(context, 'GET', `/api/v1/auth/oidc/login?municipality=${north.code}`);
    const back = await northProvider.signIn(String(first.headers.location), 'cecilia');
    const secondCookie = { cookie: `forvalta_sso=${second.cookies.find((cookie) => cookie.name === 'forvalta_sso')!.value}` };
    const wrongState = await send(context, 'GET', `${back.pathname}${back.search}`, { headers: secondCookie });
    expect(wrongState.headers.location).toBe(`/login?municipality=${north.code}&sso=failed`);
    expect(wrongState.cookies.find((cookie) => cookie.name === 'forvalta_session')).toBeUndefined();
    // The second attempt is spent by that refusal: its cookie is worth nothing now.
    const replayed = await send(context, 'GET', `${back.pathname}${back.search}`, { headers: secondCookie });
    expect(replayed.headers.location).toBe('/login?sso=expired');
    const noCookie = await send(context, 'GET', `${back.pathname}${back.search}`);
    expect(noCookie.headers.location).toBe('/login?sso=expired');

    // A successful login replayed: the attempt was spent by the first callback.
    const done = await signIn(north, northProvider, 'cecilia');
    expect(done.session).toBeDefined();
    const again = await send(context, 'GET', `${done.back.pathname}${done.back.search}`, { headers: done.attemptHeader });
    expect(again.headers.location).toBe('/login?sso=expired');

    // The ID token's nonce is not the one this attempt sent.
    const start = await send(context, 'GET', `/api/v1/auth/oidc/login?municipality=${north.code}`);
    await context.database.db.updateTable('single_sign_on_attempts').set({ nonce: 'another nonce' }).execute();
    const answer = await northProvider.signIn(String(start.headers.location), 'cecilia');
    const wrongNonce = await send(context, 'GET', `${answer.pathname}${answer.search}`, {
      headers: { cookie: `forvalta_sso=${start.cookies.find((cookie) => cookie.name === 'forvalta_sso')!.value}` },
    });
    expect(wrongNonce.headers.location).toBe(`/login?municipality=${north.code}&sso=failed`);
  });

  it('refuses a login that came back after its ten minutes, and the nightly clean-up removes abandoned attempts', async () => {
    const user = await make.user(north, 'employee');
    northProvider.accounts.set('sen', { email: user.email });
    const start = await send(context, 'GET', `/api/v1/auth/oidc/login?municipality=${north.code}`);
    const back = await northProvider.signIn(String(start.headers.location), 'sen');
    context.clock.advanceMinutes(11);
    const late = await send(context, 'GET', `${back.pathname}${back.search}`, {
      headers: { cookie: `forvalta_sso=${start.cookies.find((cookie) => cookie.name === 'forvalta_sso')!.value}` },
    });
    expect(late.headers.location).toBe('/login?sso=expired');
    // One left at the provider: gone after the clean-up, which keeps a fresh one.
    await send(context, 'GET', `/api/v1/auth/oidc/login?municipality=${north.code}`);
    context.clock.advanceMinutes(11);
    await send(context, 'GET', `/api/v1/auth/oidc/login?municipality=${north.code}`);
    await context.services.singleSignOn.login.removeExpiredAttempts(context.clock.now());
    expect(await context.database.db.selectFrom('single_sign_on_attempts').select('id').execute()).toHaveLength(1);
  });

  it('refuses an unknown person and a person who has left, each with a reason the login page explains', async () => {
    northProvider.accounts.set('okand', { email: 'nobody-here@example.se' });
    expect((await signIn(north, northProvider, 'okand')).location).toBe(`/login?municipality=${north.code}&sso=unknown_person`);
    northProvider.accounts.set('utan-epost', {});
    expect((await signIn(north, northProvider, 'utan-epost')).location).toBe(`/login?municipality=${north.code}&sso=unknown_person`);

    const leaver = await make.user(north, 'employee');
    const person = expectStatus(
      await send(context, 'GET', `/api/v1/people/${leaver.personId}`, { headers: north.admin.authorization }),
      200,
    );
    expectStatus(
      await send(context, 'PATCH', `/api/v1/people/${leaver.personId}`, {
        headers: north.admin.authorization,
        body: { employmentStatus: 'left' },
        ifMatch: person.version,
      }),
      200,
    );
    northProvider.accounts.set('leaver', { email: leaver.email });
    const refused = await signIn(north, northProvider, 'leaver');
    expect(refused.location).toBe(`/login?municipality=${north.code}&sso=person_left`);
    expect(refused.session).toBeUndefined();
    const events = expectStatus(
      await send(context, 'GET', `/api/v1/audit-events?entityId=${north.id}&limit=50`, { headers: north.admin.authorization }),
      200,
    );
    const reasons = events.items
      .filter((event: { action: string }) => event.action === 'login_failed')
      .map((event: { after: { reason: string } }) => event.after.reason);
    expect(reasons).toEqual(expect.arrayContaining(['unknown_person', 'person_left']));
  });

  it('gives a person without a login one, with no password, and matches by employee number when so set', async () => {
    const person = await make.person(north);
    // No role yet: the provider's word is not a role.
    northProvider.accounts.set('ny', { email: person.email });
    expect((await signIn(north, northProvider, 'ny')).location).toBe(`/login?municipality=${north.code}&sso=no_role`);
    expectStatus(
      await send(context, 'POST', '/api/v1/role-assignments', {
        headers: north.admin.authorization,
        body: { personId: person.id, role: 'employee' },
      }),
      201,
    );
    const { session } = await signIn(north, northProvider, 'ny');
    expect(expectStatus(await meWith(session!), 200).email).toBe(person.email);
    const login = await context.database.db
      .selectFrom('logins')
      .select('password_hash')
      .where('email', '=', person.email)
      .executeTakeFirst();
    expect(login?.password_hash).toBeNull();

    const numbered = await make.user(south, 'employee');
    const record = expectStatus(
      await send(context, 'GET', `/api/v1/people/${numbered.personId}`, { headers: south.admin.authorization }),
      200,
    );
    expectStatus(
      await send(context, 'PATCH', `/api/v1/people/${numbered.personId}`, {
        headers: south.admin.authorization,
        body: { employeeNumber: 'A-4711' },
        ifMatch: record.version,
      }),
      200,
    );
    await configure(
      south,
      settingsBody(southProvider, {
        clientSecret: undefined,
        matchBy: 'employee_number',
        matchClaim: 'employeeid',
        groupsClaim: null,
        groupRoles: [],
      }),
    );
    southProvider.accounts.set('numrerad', { email: 'some-other-address@example.se', employeeid: 'A-4711' });
    const byNumber = await signIn(south, southProvider, 'numrerad');
    expect(expectStatus(await meWith(byNumber.session!), 200).loginId).toBe(numbered.loginId);
    await configure(
      south,
      settingsBody(southProvider, { clientSecret: undefined, displayName: 'Sydkonto', groupsClaim: null, groupRoles: [] }),
    );
  });

  it('gives and removes the roles of the groups at each login, leaving roles the administrator gave', async () => {
    const user = await make.user(north, 'employee');
    northProvider.accounts.set('gustav', { email: user.email, groups: ['g-it', 'g-unmapped'] });
    const first = await signIn(north, northProvider, 'gustav');
    expect(
      expectStatus(await meWith(first.session!), 200)
        .roles.map((grant: { role: string }) => grant.role)
        .sort(),
    ).toEqual(['employee', 'it_unit']);
    northProvider.accounts.set('gustav', { email: user.email, groups: ['g-unmapped'] });
    const second = await signIn(north, northProvider, 'gustav');
    expect(expectStatus(await meWith(second.session!), 200).roles.map((grant: { role: string }) => grant.role)).toEqual(['employee']);
    // Entra ID's overage: too many groups for the token. Not an empty list: nothing is removed.
    northProvider.accounts.set('gustav', { email: user.email, groups: ['g-it'] });
    await signIn(north, northProvider, 'gustav');
    northProvider.accounts.set('gustav', {
      email: user.email,
      _claim_names: { groups: 'src1' },
      _claim_sources: { src1: { endpoint: 'https://graph.microsoft.com/v1.0/users/gustav/getMemberObjects' } },
    });
    const overage = await signIn(north, northProvider, 'gustav');
    expect(
      expectStatus(await meWith(overage.session!), 200)
        .roles.map((grant: { role: string }) => grant.role)
        .sort(),
    ).toEqual(['employee', 'it_unit']);
  });

  it("keeps each municipality to its own provider and people, and a provider's session in its municipality", async () => {
    const both = await make.user(north, 'employee');
    // The same login is a person of the south too (the operator linked it).
    const southPerson = await context.services.people.createPerson((await context.services.auth.resolveApiToken(south.admin.token))!, {
      firstName: 'Test',
      lastName: 'Both',
      email: both.email,
    });
    const { withTransaction } = await import('../../platform/database.ts');
    const { systemActor } = await import('../../access/actor.ts');
    await withTransaction(context.database.db, (transaction) =>
      context.services.loginInvitations.linkByOperator(transaction, systemActor('test'), south.id, southPerson.id, both.loginId),
    );
    expectStatus(
      await send(context, 'POST', '/api/v1/role-assignments', {
        headers: south.admin.authorization,
        body: { personId: southPerson.id, role: 'employee' },
      }),
      201,
    );
    const southOnly = await make.user(south, 'employee');

    // The north's provider names a person of the south only: unknown in the north.
    northProvider.accounts.set('southerner', { email: southOnly.email });
    expect((await signIn(north, northProvider, 'southerner')).location).toBe(`/login?municipality=${north.code}&sso=unknown_person`);
    // The south's own provider logs them in, in the south.
    southProvider.accounts.set('southerner', { email: southOnly.email });
    const southLogin = await signIn(south, southProvider, 'southerner');
    expect(expectStatus(await meWith(southLogin.session!), 200).municipality.municipalityId).toBe(south.id);

    // A code of the north's provider, brought back to a login started for the south: refused.
    const startSouth = await send(context, 'GET', `/api/v1/auth/oidc/login?municipality=${south.code}`);
    const startNorth = await send(context, 'GET', `/api/v1/auth/oidc/login?municipality=${north.code}`);
    northProvider.accounts.set('both', { email: both.email });
    const northAnswer = await northProvider.signIn(String(startNorth.headers.location), 'both');
    const switched = await send(context, 'GET', `${northAnswer.pathname}${northAnswer.search}`, {
      headers: { cookie: `forvalta_sso=${startSouth.cookies.find((cookie) => cookie.name === 'forvalta_sso')!.value}` },
    });
    expect(switched.headers.location).toBe(`/login?municipality=${south.code}&sso=failed`);

    // The north's session of a login that also works in the south stays in the north.
    const northLogin = await signIn(north, northProvider, 'both');
    const me = expectStatus(await meWith(northLogin.session!), 200);
    expect(me.memberships.map((membership: { municipalityId: string }) => membership.municipalityId).sort()).toEqual(
      [north.id, south.id].sort(),
    );
    const refused = expectProblem(
      await send(context, 'POST', '/api/v1/me/municipality', {
        headers: { cookie: `forvalta_session=${northLogin.session!.value}`, 'x-csrf-token': me.csrfToken },
        body: { municipalityId: south.id },
      }),
      403,
      'forbidden',
    );
    expect(refused.reason).toBe('single_sign_on_session');
  });

  it('turns password login off per municipality, and says so on the login page', async () => {
    const user = await make.user(south, 'employee');
    expect(expectStatus(await send(context, 'GET', `/api/v1/auth/oidc/options?municipality=${south.code}`), 200)).toEqual({
      municipalityCode: south.code,
      singleSignOn: { displayName: 'Sydkonto' },
      passwordLogin: true,
    });
    await loginWithSession(context, user.email, testPassword);
    await configure(
      south,
      settingsBody(southProvider, {
        clientSecret: undefined,
        displayName: 'Sydkonto',
        groupsClaim: null,
        groupRoles: [],
        passwordLogin: false,
      }),
    );
    expect(expectStatus(await send(context, 'GET', `/api/v1/auth/oidc/options?municipality=${south.code}`), 200).passwordLogin).toBe(false);
    const refused = expectProblem(
      await send(context, 'POST', '/api/v1/auth/login', { body: { email: user.email, password: testPassword } }),
      403,
      'forbidden',
    );
    expect(refused.reason).toBe('password_login_off');
    // Elsewhere passwords still work, and an unknown municipality offers only them.
    await loginWithSession(context, north.admin.email, testPassword);
    expect(expectStatus(await send(context, 'GET', '/api/v1/auth/oidc/options?municipality=9999'), 200)).toEqual({
      municipalityCode: null,
      singleSignOn: null,
      passwordLogin: true,
    });
    // Without a code, in an installation of several municipalities: nothing to choose, passwords only.
    expect(expectStatus(await send(context, 'GET', '/api/v1/auth/oidc/options'), 200)).toEqual({
      municipalityCode: null,
      singleSignOn: null,
      passwordLogin: true,
    });
    await configure(
      south,
      settingsBody(southProvider, { clientSecret: undefined, displayName: 'Sydkonto', groupsClaim: null, groupRoles: [] }),
    );
  });

  it('logs out here and at the provider (RP-initiated logout)', async () => {
    const user = await make.user(north, 'employee');
    northProvider.accounts.set('david', { email: user.email });
    const { session } = await signIn(north, northProvider, 'david');
    const me = expectStatus(await meWith(session!), 200);
    const answer = expectStatus(
      await send(context, 'POST', '/api/v1/auth/oidc/logout', {
        headers: { cookie: `forvalta_session=${session!.value}`, 'x-csrf-token': me.csrfToken },
      }),
      200,
    );
    const end = new URL(answer.redirectTo);
    expect(end.origin).toBe(northProvider.issuer);
    expect(end.searchParams.get('client_id')).toBe('forvalta');
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${publicUrl}/login?municipality=${north.code}`);
    expectProblem(await meWith(session!), 401, 'unauthenticated');
    // A password session ends here only.
    const password = await loginWithSession(context, user.email, testPassword);
    expect(expectStatus(await send(context, 'POST', '/api/v1/auth/oidc/logout', { headers: password.csrfHeaders }), 200)).toEqual({
      redirectTo: null,
    });
  });

  it('keeps the settings to administrators, never shows the secret, refuses a plain-http issuer and a stale version, and reports discovery', async () => {
    const employee = await make.user(north, 'employee');
    expectProblem(await send(context, 'GET', '/api/v1/single-sign-on', { headers: employee.authorization }), 403, 'forbidden');
    expectProblem(await send(context, 'GET', '/api/v1/single-sign-on/status', { headers: employee.authorization }), 403, 'forbidden');
    expectProblem(await send(context, 'GET', '/api/v1/single-sign-on'), 401, 'unauthenticated');
    const read = await send(context, 'GET', '/api/v1/single-sign-on', { headers: north.admin.authorization });
    expect(read.body).not.toContain('a client secret of the provider');
    const settings = expectStatus(read, 200);
    expect(settings).toMatchObject({
      configured: true,
      source: 'application',
      clientSecretStored: true,
      redirectUri,
      can: { update: true },
    });
    const stored = await context.database.db.selectFrom('single_sign_on_providers').select('client_secret_encrypted').execute();
    expect(stored.every((row) => !row.client_secret_encrypted.includes('a client secret'))).toBe(true);

    const put = (body: Record<string, unknown>, ifMatch: number) =>
      send(context, 'PUT', '/api/v1/single-sign-on', { headers: north.admin.authorization, body, ifMatch });
    const plain = expectProblem(
      await put(settingsBody(northProvider, { issuer: 'http://login.example.se' }), settings.version),
      400,
      'validation_failed',
    );
    expect(plain.errors?.[0]?.path).toBe('issuer');
    expectProblem(
      await put(settingsBody(northProvider, { groupRoles: [{ group: 'g', role: 'department_head' }] }), settings.version),
      400,
      'validation_failed',
    );
    expectProblem(await put(settingsBody(northProvider), settings.version - 1), 412, 'version_mismatch');
    expectProblem(await put({ ...settingsBody(northProvider), extra: true }, settings.version), 400, 'validation_failed');

    const status = expectStatus(await send(context, 'GET', '/api/v1/single-sign-on/status', { headers: north.admin.authorization }), 200);
    expect(status).toMatchObject({
      configured: true,
      reachable: true,
      issuer: northProvider.issuer,
      endSessionSupported: true,
      error: null,
    });
    const fresh = await make.municipality('Utan');
    expect(
      expectStatus(await send(context, 'GET', '/api/v1/single-sign-on/status', { headers: fresh.admin.authorization }), 200),
    ).toMatchObject({
      configured: false,
      reachable: null,
    });
    // A provider that is not there: the status says so, and the login button leads to a clear refusal.
    await configure(fresh, settingsBody(northProvider, { issuer: 'http://127.0.0.1:9' }));
    const down = expectStatus(await send(context, 'GET', '/api/v1/single-sign-on/status', { headers: fresh.admin.authorization }), 200);
    expect(down.reachable).toBe(false);
    expect(down.error).toEqual(expect.any(String));
    const start = await send(context, 'GET', `/api/v1/auth/oidc/login?municipality=${fresh.code}`);
    expect(start.headers.location).toBe(`/login?municipality=${fresh.code}&sso=provider_unreachable`);
  });
});
