import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, expectStatus, loginWithSession, send, type TestResponse } from '../../../test/http.ts';
import {
  createTestContext,
  factories,
  testPassword,
  type TestContext,
  type TestMunicipality,
  type TestUser,
} from '../../../test/test-app.ts';

type Session = Awaited<ReturnType<typeof loginWithSession>>;

/** The second factor of password logins (issue #12, finding 11; ADR 0014), on SQLite and PostgreSQL alike. */
describe('second factor', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let make: ReturnType<typeof factories>;

  beforeAll(async () => {
    context = await createTestContext();
    make = factories(context);
    tanum = await make.municipality('Tvåsteg');
  });
  afterAll(() => context.close());

  /** The code the app shows at the test clock's time; each call moves the clock a step on, so codes are fresh. */
  const freshCode = async (secret: string) => {
    context.clock.advanceMinutes(1);
    return generate({ secret, epoch: Math.floor(context.clock.now().getTime() / 1000) });
  };
  const currentCode = async (secret: string) => generate({ secret, epoch: Math.floor(context.clock.now().getTime() / 1000) });
  const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  const passwordStep = (user: TestUser) =>
    send(context, 'POST', '/api/v1/auth/login', { body: { email: user.email, password: testPassword } });
  const secondStep = (body: Record<string, string>) => send(context, 'POST', '/api/v1/auth/login/second-factor', { body });
  const sessionCookie = (response: TestResponse) => response.cookies.find((cookie) => cookie.name === 'forvalta_session');
  const sessionOf = (response: TestResponse) => {
    const cookie = sessionCookie(response);
    expect(cookie).toBeDefined();
    const me = response.json();
    return {
      cookieHeader: { cookie: `forvalta_session=${cookie!.value}` },
      csrfHeaders: { cookie: `forvalta_session=${cookie!.value}`, 'x-csrf-token': me.csrfToken },
    };
  };

  /** Enrols `user` through the API in a fresh session; answers the secret and the recovery codes. */
  async function enrol(user: TestUser, session?: Pick<Session, 'csrfHeaders'>) {
    const { csrfHeaders } = session ?? (await loginWithSession(context, user.email, testPassword));
    const started = expectStatus(await send(context, 'POST', '/api/v1/me/second-factor/enrolment', { headers: csrfHeaders }), 201);
    expect(started.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(started.otpauthUri).toContain(`secret=${started.secret}`);
    const confirmed = expectStatus(
      await send(context, 'POST', '/api/v1/me/second-factor/confirmation', {
        headers: csrfHeaders,
        body: { code: await currentCode(started.secret) },
      }),
      200,
    );
    return { secret: started.secret as string, recoveryCodes: confirmed.recoveryCodes as string[], csrfHeaders };
  }

  async function auditActions(loginId: string) {
    const events = expectStatus(
      await send(context, 'GET', `/api/v1/audit-events?entityId=${loginId}&limit=100`, { headers: tanum.admin.authorization }),
      200,
    );
    return events.items.map((event: { action: string }) => event.action) as string[];
  }

  it('enrols with a code, then logs in only with password and code', async () => {
    const user = await make.user(tanum, 'employee');
    const { csrfHeaders } = await loginWithSession(context, user.email, testPassword);
    expect(expectStatus(await send(context, 'GET', '/api/v1/me/second-factor', { headers: csrfHeaders }), 200)).toMatchObject({
      enabled: false,
      required: false,
    });
    const started = expectStatus(await send(context, 'POST', '/api/v1/me/second-factor/enrolment', { headers: csrfHeaders }), 201);
    // A wrong first code does not turn it on.
    const refused = expectProblem(
      await send(context, 'POST', '/api/v1/me/second-factor/confirmation', {
        headers: csrfHeaders,
        body: { code: wrongCode(await currentCode(started.secret)) },
      }),
      400,
      'validation_failed',
    );
    expect(refused.errors?.[0]?.path).toBe('code');
    const confirmed = expectStatus(
      await send(context, 'POST', '/api/v1/me/second-factor/confirmation', {
        headers: csrfHeaders,
        body: { code: await currentCode(started.secret) },
      }),
      200,
    );
    expect(confirmed.recoveryCodes).toHaveLength(10);
    const status = expectStatus(await send(context, 'GET', '/api/v1/me/second-factor', { headers: csrfHeaders }), 200);
    expect(status).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    // The secret is never answered again: a second enrolment is refused while one is on.
    expectProblem(await send(context, 'POST', '/api/v1/me/second-factor/enrolment', { headers: csrfHeaders }), 409, 'conflict');

    const first = expectStatus(await passwordStep(user), 200);
    expect(first).toMatchObject({ secondFactorRequired: true });
    expect(first.loginId).toBeUndefined();
    expect(sessionCookie(await passwordStep(user))).toBeUndefined();
    const second = await secondStep({ challenge: first.challenge, code: await freshCode(started.secret) });
    expectStatus(second, 200);
    expectStatus(await send(context, 'GET', '/api/v1/systems', { headers: sessionOf(second).cookieHeader }), 200);
    // The challenge works once.
    expectProblem(await secondStep({ challenge: first.challenge, code: await freshCode(started.secret) }), 401, 'invalid_credentials');
    expect(await auditActions(user.loginId)).toEqual(expect.arrayContaining(['mfa_enabled', 'login']));
  });

  it('refuses a wrong code, counts it in the login back-off and audits it', async () => {
    const user = await make.user(tanum, 'employee');
    const { secret } = await enrol(user);
    const { challenge } = expectStatus(await passwordStep(user), 200);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      statuses.push((await secondStep({ challenge, code: wrongCode(await currentCode(secret)) })).statusCode);
    }
    // The password's attempt and the wrong codes share the five attempts of ADR 0010.
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses.at(-1)).toBe(429);
    // Held back now: the right code is refused too, and so is a new password step from here.
    expectProblem(await secondStep({ challenge, code: await currentCode(secret) }), 429, 'rate_limited');
    expectProblem(await passwordStep(user), 429, 'rate_limited');
    // After the window the challenge has long expired (five minutes): the login starts again.
    context.clock.advanceMinutes(16);
    expectProblem(await secondStep({ challenge, code: await currentCode(secret) }), 401, 'invalid_credentials');
    expect(await auditActions(user.loginId)).toContain('login_second_factor_failed');
  });

  it('refuses the back-off being reset by the right password: only the code clears it', async () => {
    const user = await make.user(tanum, 'employee');
    const { secret } = await enrol(user);
    const statuses: number[] = [];
    for (let round = 0; round < 4; round += 1) {
      const response = await passwordStep(user);
      statuses.push(response.statusCode);
      if (response.statusCode !== 200) continue;
      statuses.push((await secondStep({ challenge: response.json().challenge, code: wrongCode(await currentCode(secret)) })).statusCode);
    }
    expect(statuses).toContain(429);
  });

  it('refuses a code used once already', async () => {
    const user = await make.user(tanum, 'employee');
    const { secret } = await enrol(user);
    const code = await freshCode(secret);
    expectStatus(await secondStep({ challenge: expectStatus(await passwordStep(user), 200).challenge, code }), 200);
    const replay = await secondStep({ challenge: expectStatus(await passwordStep(user), 200).challenge, code });
    expectProblem(replay, 401, 'invalid_credentials');
    // The code of the next step works.
    context.clock.advanceMinutes(0.5);
    expectStatus(
      await secondStep({ challenge: expectStatus(await passwordStep(user), 200).challenge, code: await currentCode(secret) }),
      200,
    );
  });

  it('takes a recovery code once in place of a code, and audits its use', async () => {
    const user = await make.user(tanum, 'employee');
    const { recoveryCodes } = await enrol(user);
    const recoveryCode = recoveryCodes[3]!;
    const used = await secondStep({
      challenge: expectStatus(await passwordStep(user), 200).challenge,
      recoveryCode: recoveryCode.toLowerCase(),
    });
    expectStatus(used, 200);
    expect(
      expectStatus(await send(context, 'GET', '/api/v1/me/second-factor', { headers: sessionOf(used).cookieHeader }), 200)
        .recoveryCodesLeft,
    ).toBe(9);
    expectProblem(
      await secondStep({ challenge: expectStatus(await passwordStep(user), 200).challenge, recoveryCode }),
      401,
      'invalid_credentials',
    );
    expect(await auditActions(user.loginId)).toContain('mfa_recovery_code_used');
  });

  it('holds a session to enrolment while a role it holds requires a second factor; tokens are unaffected', async () => {
    const nis2 = await make.municipality('Krav');
    const steward = await make.user(nis2, 'it_unit');
    const employee = await make.user(nis2, 'employee');
    const requirement = (headers: Record<string, string>, roles: string[], version = '"1"') =>
      send(context, 'PUT', '/api/v1/second-factor-requirement', { headers: { ...headers, 'if-match': version }, body: { roles } });
    expectProblem(await requirement(steward.authorization, ['it_unit']), 403, 'forbidden');
    expectProblem(await requirement(nis2.admin.authorization, ['it_unit'], '"7"'), 412, 'version_mismatch');
    expectProblem(await requirement(nis2.admin.authorization, ['hacker']), 400, 'validation_failed');
    const saved = expectStatus(await requirement(nis2.admin.authorization, ['it_unit']), 200);
    expect(saved).toEqual({ roles: ['it_unit'], version: 2 });
    expect(
      expectStatus(await send(context, 'GET', '/api/v1/second-factor-requirement', { headers: employee.authorization }), 200).roles,
    ).toEqual(['it_unit']);

    const held = await loginWithSession(context, steward.email, testPassword);
    expect(held.me.secondFactorEnrolmentRequired).toBe(true);
    const blocked = expectProblem(await send(context, 'GET', '/api/v1/systems', { headers: held.cookieHeader }), 403, 'forbidden');
    expect(blocked.reason).toBe('second_factor_required');
    expect(
      expectProblem(await send(context, 'POST', '/api/v1/api-tokens', { headers: held.csrfHeaders, body: { name: 'x' } }), 403, 'forbidden')
        .reason,
    ).toBe('second_factor_required');
    expect(expectStatus(await send(context, 'GET', '/api/v1/me', { headers: held.cookieHeader }), 200).secondFactorEnrolmentRequired).toBe(
      true,
    );
    // The role's token still works: scripts have no second factor to give.
    expectStatus(await send(context, 'GET', '/api/v1/systems', { headers: steward.authorization }), 200);
    // Another role of the same municipality is not held.
    const free = await loginWithSession(context, employee.email, testPassword);
    expect(free.me.secondFactorEnrolmentRequired).toBe(false);
    expectStatus(await send(context, 'GET', '/api/v1/systems', { headers: free.cookieHeader }), 200);

    const { secret } = await enrol(steward, held);
    expectStatus(await send(context, 'GET', '/api/v1/systems', { headers: held.cookieHeader }), 200);
    expect(expectStatus(await send(context, 'GET', '/api/v1/me/second-factor', { headers: held.cookieHeader }), 200)).toMatchObject({
      enabled: true,
      required: true,
    });
    const next = await secondStep({ challenge: expectStatus(await passwordStep(steward), 200).challenge, code: await freshCode(secret) });
    expect(expectStatus(next, 200).secondFactorEnrolmentRequired).toBe(false);
  });

  it('lets an API token neither enrol nor skip anything, and asks no code of it', async () => {
    const user = await make.user(tanum, 'employee');
    await enrol(user);
    expectStatus(await send(context, 'GET', '/api/v1/systems', { headers: user.authorization }), 200);
    const other = await make.user(tanum, 'employee');
    expectProblem(await send(context, 'POST', '/api/v1/me/second-factor/enrolment', { headers: other.authorization }), 403, 'forbidden');
  });

  it('disables only with the current password and a code', async () => {
    const user = await make.user(tanum, 'employee');
    const { secret, csrfHeaders } = await enrol(user);
    const disable = (body: Record<string, string>) =>
      send(context, 'POST', '/api/v1/me/second-factor/disable', { headers: csrfHeaders, body });
    expectProblem(await disable({ currentPassword: testPassword }), 400, 'validation_failed');
    expect(
      expectProblem(await disable({ currentPassword: 'not it', code: await freshCode(secret) }), 400, 'validation_failed').errors?.[0]
        ?.path,
    ).toBe('currentPassword');
    expect(
      expectProblem(await disable({ currentPassword: testPassword, code: wrongCode(await freshCode(secret)) }), 400, 'validation_failed')
        .errors?.[0]?.path,
    ).toBe('code');
    expectStatus(await disable({ currentPassword: testPassword, code: await freshCode(secret) }), 204);
    expect(expectStatus(await passwordStep(user), 200).secondFactorRequired).toBeUndefined();
    expect(await auditActions(user.loginId)).toContain('mfa_disabled');
  });

  it('renews the recovery codes with a code; the old ones stop working', async () => {
    const user = await make.user(tanum, 'employee');
    const { secret, recoveryCodes, csrfHeaders } = await enrol(user);
    const renewed = expectStatus(
      await send(context, 'POST', '/api/v1/me/second-factor/recovery-codes', {
        headers: csrfHeaders,
        body: { code: await freshCode(secret) },
      }),
      200,
    );
    expect(renewed.recoveryCodes).toHaveLength(10);
    expectProblem(
      await secondStep({ challenge: expectStatus(await passwordStep(user), 200).challenge, recoveryCode: recoveryCodes[0]! }),
      401,
      'invalid_credentials',
    );
    expectStatus(
      await secondStep({ challenge: expectStatus(await passwordStep(user), 200).challenge, recoveryCode: renewed.recoveryCodes[0] }),
      200,
    );
  });

  it('does not let another login use, disable or complete with my second factor', async () => {
    const mine = await make.user(tanum, 'employee');
    const theirs = await make.user(tanum, 'administrator');
    const { secret, recoveryCodes } = await enrol(mine);
    const intruder = await loginWithSession(context, theirs.email, testPassword);
    // My code and my recovery code are no proof for their login: they have no factor to disable.
    expectProblem(
      await send(context, 'POST', '/api/v1/me/second-factor/disable', {
        headers: intruder.csrfHeaders,
        body: { currentPassword: testPassword, code: await freshCode(secret) },
      }),
      409,
      'conflict',
    );
    expect(expectStatus(await send(context, 'GET', '/api/v1/me/second-factor', { headers: intruder.cookieHeader }), 200).enabled).toBe(
      false,
    );
    // Their own factor does not complete my challenge.
    const theirFactor = await enrol(theirs, intruder);
    expectProblem(
      await secondStep({ challenge: expectStatus(await passwordStep(mine), 200).challenge, code: await freshCode(theirFactor.secret) }),
      401,
      'invalid_credentials',
    );
    expectProblem(
      await secondStep({ challenge: expectStatus(await passwordStep(mine), 200).challenge, recoveryCode: theirFactor.recoveryCodes[0]! }),
      401,
      'invalid_credentials',
    );
    // Mine is untouched (after the back-off window the two wrong tries opened).
    context.clock.advanceMinutes(16);
    expectStatus(
      await secondStep({ challenge: expectStatus(await passwordStep(mine), 200).challenge, recoveryCode: recoveryCodes[1]! }),
      200,
    );
  });
});
