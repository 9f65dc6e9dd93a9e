import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, factories, testPassword, type TestContext, type TestMunicipality } from '../../../test/test-app.ts';
import { expectProblem, expectStatus, loginWithSession, send } from '../../../test/http.ts';
import { systemActor } from '../../access/actor.ts';
import { withTransaction } from '../../platform/database.ts';
import { dataVersionOf } from '../../platform/versioned-cache.ts';

describe('sessions, CSRF and the current user', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let make: ReturnType<typeof factories>;

  beforeAll(async () => {
    context = await createTestContext();
    make = factories(context);
    tanum = await make.municipality('Tanum');
  });
  afterAll(() => context.close());

  it('reports health without a login, but version and database kind only to a logged-in caller', async () => {
    expect(expectStatus(await send(context, 'GET', '/api/v1/health'), 200)).toEqual({ status: 'ok' });
    const health = expectStatus(await send(context, 'GET', '/api/v1/health', { headers: tanum.admin.authorization }), 200);
    expect(health).toMatchObject({ status: 'ok', version: '0.1.0' });
    expect(health.database).toBe(context.database.dialect);
  });

  it('logs in with an HttpOnly SameSite=Lax cookie and a new session every time', async () => {
    const first = await loginWithSession(context, tanum.admin.email, testPassword);
    const second = await loginWithSession(context, tanum.admin.email.toUpperCase(), testPassword);
    expect(first.cookie.httpOnly).toBe(true);
    expect(first.cookie.sameSite).toBe('Lax');
    expect(first.cookie.value).not.toBe(second.cookie.value);
    expect(first.me).toMatchObject({
      email: tanum.admin.email,
      locale: 'sv',
      authenticatedBy: 'session',
      municipality: { municipalityCode: tanum.code },
    });
    expect(first.me.permissions).toContain('department.write');
  });

  it('refuses a wrong password or unknown e-mail with the same answer, and holds back the address after repeated attempts', async () => {
    const user = await make.user(tanum, 'employee');
    const wrong = expectProblem(
      await send(context, 'POST', '/api/v1/auth/login', { body: { email: user.email, password: 'wrong' } }),
      401,
      'invalid_credentials',
    );
    const unknown = expectProblem(
      await send(context, 'POST', '/api/v1/auth/login', { body: { email: 'nobody@tanum.se', password: 'wrong' } }),
      401,
      'invalid_credentials',
    );
    expect(wrong.detail).toBe(unknown.detail);
    for (let attempt = 2; attempt <= 5; attempt += 1) {
      await send(context, 'POST', '/api/v1/auth/login', { body: { email: user.email, password: 'wrong' } });
    }
    expectProblem(
      await send(context, 'POST', '/api/v1/auth/login', { body: { email: user.email, password: testPassword } }),
      429,
      'rate_limited',
    );
    context.clock.advanceMinutes(16);
    await loginWithSession(context, user.email, testPassword);
  });

  it('demands the CSRF token on unsafe requests made with the cookie, not with a Bearer token', async () => {
    const session = await loginWithSession(context, tanum.admin.email, testPassword);
    expectProblem(
      await send(context, 'POST', '/api/v1/departments', { headers: session.cookieHeader, body: { name: 'Utan token' } }),
      403,
      'csrf_failed',
    );
    expectProblem(
      await send(context, 'POST', '/api/v1/departments', {
        headers: { ...session.cookieHeader, 'x-csrf-token': 'guess' },
        body: { name: 'Gissad' },
      }),
      403,
      'csrf_failed',
    );
    const sameLength = `${session.me.csrfToken.slice(0, -1)}${session.me.csrfToken.endsWith('A') ? 'B' : 'A'}`;
    expectProblem(
      await send(context, 'POST', '/api/v1/departments', {
        headers: { ...session.cookieHeader, 'x-csrf-token': sameLength },
        body: { name: 'Nästan rätt' },
      }),
      403,
      'csrf_failed',
    );
    expectStatus(await send(context, 'POST', '/api/v1/departments', { headers: session.csrfHeaders, body: { name: 'Med token' } }), 201);
    expectStatus(
      await send(context, 'POST', '/api/v1/departments', { headers: tanum.admin.authorization, body: { name: 'Med API-nyckel' } }),
      201,
    );
  });

  it('ends a session on logout, or every session with everywhere', async () => {
    const one = await loginWithSession(context, tanum.admin.email, testPassword);
    const two = await loginWithSession(context, tanum.admin.email, testPassword);
    const three = await loginWithSession(context, tanum.admin.email, testPassword);
    expectStatus(await send(context, 'POST', '/api/v1/auth/logout', { headers: one.csrfHeaders, body: {} }), 204);
    expectProblem(await send(context, 'GET', '/api/v1/me', { headers: one.cookieHeader }), 401, 'unauthenticated');
    expectStatus(await send(context, 'GET', '/api/v1/me', { headers: two.cookieHeader }), 200);
    expectStatus(await send(context, 'POST', '/api/v1/auth/logout', { headers: two.csrfHeaders, body: { everywhere: true } }), 204);
    expectProblem(await send(context, 'GET', '/api/v1/me', { headers: three.cookieHeader }), 401, 'unauthenticated');
  });

  it('expires an idle session', async () => {
    const session = await loginWithSession(context, tanum.admin.email, testPassword);
    context.clock.advanceMinutes(60);
    expectStatus(await send(context, 'GET', '/api/v1/me', { headers: session.cookieHeader }), 200);
    context.clock.advanceMinutes(121);
    expectProblem(await send(context, 'GET', '/api/v1/me', { headers: session.cookieHeader }), 401, 'unauthenticated');
  });

  it('remembers the language per login', async () => {
    const session = await loginWithSession(context, tanum.admin.email, testPassword);
    expectProblem(
      await send(context, 'PATCH', '/api/v1/me', { headers: session.csrfHeaders, body: { locale: 'de' } }),
      400,
      'validation_failed',
    );
    expect(
      expectStatus(await send(context, 'PATCH', '/api/v1/me', { headers: session.csrfHeaders, body: { locale: 'en' } }), 200).locale,
    ).toBe('en');
    const again = await loginWithSession(context, tanum.admin.email, testPassword);
    expect(again.me.locale).toBe('en');
    expectStatus(await send(context, 'PATCH', '/api/v1/me', { headers: again.csrfHeaders, body: { locale: 'sv' } }), 200);
  });

  it('lets one login work in several municipalities, one at a time', async () => {
    const joint = await make.user(tanum, 'it_unit');
    const second = await make.municipality('Strömstad');
    const strömstadAdmin = await context.services.auth.resolveApiToken(second.admin.token);
    const person = await context.services.people.createPerson(strömstadAdmin!, {
      firstName: 'Gemensam',
      lastName: 'IT',
      email: joint.email,
    });
    // The address links nothing (issue #12, finding 2); the operator links the login here.
    expect(person.hasLogin).toBe(false);
    await withTransaction(context.database.db, (transaction) =>
      context.services.loginInvitations.linkByOperator(transaction, systemActor('test'), second.id, person.id, joint.loginId),
    );
    await context.services.roleAssignments.createRoleAssignment(strömstadAdmin!, { personId: person.id, role: 'it_chief' });

    const session = await loginWithSession(context, joint.email, testPassword, second.code);
    expect(session.me.municipality.municipalityCode).toBe(second.code);
    expect(session.me.memberships).toHaveLength(2);
    expect(session.me.roles).toEqual([{ role: 'it_chief', departmentId: null }]);

    const switchResponse = await send(context, 'POST', '/api/v1/me/municipality', {
      headers: session.csrfHeaders,
      body: { municipalityId: tanum.id },
    });
    const switched = expectStatus(switchResponse, 200);
    expect(switched.municipality.municipalityCode).toBe(tanum.code);
    expect(switched.roles).toEqual([{ role: 'it_unit', departmentId: null }]);
    // A new session and CSRF token; the old ones are dead.
    const rotated = switchResponse.cookies.find((cookie) => cookie.name === 'forvalta_session');
    expect(rotated?.value).toBeDefined();
    expect(rotated!.value).not.toBe(session.cookie.value);
    expect(switched.csrfToken).not.toBe(session.me.csrfToken);
    expectProblem(await send(context, 'GET', '/api/v1/me', { headers: session.cookieHeader }), 401, 'unauthenticated');
    const rotatedCookie = { cookie: `forvalta_session=${rotated!.value}` };
    expectProblem(
      await send(context, 'POST', '/api/v1/departments', {
        headers: { ...rotatedCookie, 'x-csrf-token': session.me.csrfToken },
        body: { name: 'Gammal token' },
      }),
      403,
      'csrf_failed',
    );
    const newHeaders = { ...rotatedCookie, 'x-csrf-token': switched.csrfToken };
    expect(expectStatus(await send(context, 'GET', '/api/v1/me', { headers: rotatedCookie }), 200).municipality.municipalityCode).toBe(
      tanum.code,
    );

    const outsider = await make.municipality('Munkedal');
    expectProblem(
      await send(context, 'POST', '/api/v1/me/municipality', { headers: newHeaders, body: { municipalityId: outsider.id } }),
      404,
      'not_found',
    );
    expectProblem(
      await send(context, 'POST', '/api/v1/auth/login', {
        body: { email: joint.email, password: testPassword, municipalityCode: outsider.code },
      }),
      403,
      'forbidden',
    );
  });

  it("carries the municipality's data version on the actor, read with the token or session in one query", async () => {
    const other = await make.municipality('Sotenäs version');
    const current = () => dataVersionOf(context.database.db, tanum.id);
    const byToken = await context.services.auth.resolveApiToken(tanum.admin.token);
    expect(byToken?.dataVersion).toBe(await current());
    // A write in the municipality advances it for the next authentication; another's does not.
    await make.department(tanum, 'Versionsavdelningen');
    const afterWrite = await context.services.auth.resolveApiToken(tanum.admin.token);
    expect(afterWrite?.dataVersion).toBe(byToken!.dataVersion! + 1);
    await make.department(other, 'Annan');
    expect((await context.services.auth.resolveApiToken(tanum.admin.token))?.dataVersion).toBe(afterWrite!.dataVersion);
    expect((await context.services.auth.resolveApiToken(other.admin.token))?.dataVersion).toBe(
      await dataVersionOf(context.database.db, other.id),
    );

    const session = await loginWithSession(context, tanum.admin.email, testPassword);
    const bySession = await context.services.auth.resolveSession(session.cookie.value);
    expect(bySession?.actor.dataVersion).toBe(await current());
    context.queries.count = 0;
    await context.services.auth.resolveSession(session.cookie.value);
    expect(context.queries.count).toBe(1);
  });

  it('never answers with a stack trace or a 500 to malformed requests', async () => {
    const malformed = await context.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expectProblem(malformed, 400, 'validation_failed');
    const wrongType = await context.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: 'email=x',
    });
    expect(wrongType.statusCode).toBeGreaterThanOrEqual(400);
    expect(wrongType.statusCode).toBeLessThan(500);
    const huge = await context.app.inject({
      method: 'POST',
      url: '/api/v1/departments',
      headers: { ...tanum.admin.authorization, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expectProblem(huge, 413, 'payload_too_large');
    const deep = `${'{"a":'.repeat(20000)}"x"${'}'.repeat(20000)}`;
    const nested = await context.app.inject({
      method: 'POST',
      url: '/api/v1/departments',
      headers: { ...tanum.admin.authorization, 'content-type': 'application/json' },
      payload: `{"name":"Djup","nested":${deep}}`,
    });
    expectProblem(nested, 400, 'validation_failed');
    expectProblem(await send(context, 'GET', '/api/v1/no-such-route', { headers: tanum.admin.authorization }), 404, 'not_found');
  });

  it('sends security headers, including a Content-Security-Policy without inline scripts', async () => {
    const response = await send(context, 'GET', '/api/v1/health');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['content-security-policy']).not.toContain("script-src 'self' 'unsafe-inline'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});

describe('login rate limiting', () => {
  let context: TestContext;
  beforeAll(async () => {
    context = await createTestContext({ LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => context.close());

  it('answers 429 once a client has tried too often within a minute', async () => {
    const attempt = () => send(context, 'POST', '/api/v1/auth/login', { body: { email: 'someone@tanum.se', password: 'guess' } });
    for (let index = 0; index < 3; index += 1) expectProblem(await attempt(), 401, 'invalid_credentials');
    expectProblem(await attempt(), 429, 'rate_limited');
  });
});

describe('back-off under parallel attempts (issue #12, finding 3)', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  beforeAll(async () => {
    context = await createTestContext();
    tanum = await factories(context).municipality('Parallell');
  });
  afterAll(() => context.close());

  it('lets no more than LOGIN_MAX_FAILURES of 30 concurrent wrong passwords be tried, and holds the address back after', async () => {
    const user = await factories(context).user(tanum, 'employee');
    const attempts = await Promise.all(
      Array.from({ length: 30 }, () => send(context, 'POST', '/api/v1/auth/login', { body: { email: user.email, password: 'wrong' } })),
    );
    const statuses = attempts.map((attempt) => attempt.statusCode);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(25);
    expectProblem(
      await send(context, 'POST', '/api/v1/auth/login', { body: { email: user.email, password: testPassword } }),
      429,
      'rate_limited',
    );
  });
});
