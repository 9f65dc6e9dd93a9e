import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { createTestContext, factories, testPassword, type TestContext, type TestMunicipality } from '../../../test/test-app.ts';

/** The login back-off (ADR 0010, issue #12 finding 4): strangers cannot lock the owner out, nor learn who exists. */
describe('login back-off', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let make: ReturnType<typeof factories>;

  beforeAll(async () => {
    context = await createTestContext({ LOGIN_MAX_FAILURES: '5', LOGIN_ACCOUNT_ATTEMPTS_PER_HOUR: '8' });
    make = factories(context);
    tanum = await make.municipality('Spärr');
  });
  afterAll(() => context.close());

  const attempt = (email: string, password: string, remoteAddress: string) =>
    context.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, payload: { email, password } });

  it("holds back the attacker's address, not the owner at another address", async () => {
    const owner = await make.user(tanum, 'employee');
    for (let index = 0; index < 5; index += 1)
      expectProblem(await attempt(owner.email, 'guess', '203.0.113.10'), 401, 'invalid_credentials');
    expectProblem(await attempt(owner.email, testPassword, '203.0.113.10'), 429, 'rate_limited');
    expectStatus(await attempt(owner.email, testPassword, '198.51.100.20'), 200);
  });

  it('answers a known and an unknown e-mail address alike, held back or not', async () => {
    const known = await make.user(tanum, 'employee');
    const unknown = 'ingen-alls@example.se';
    const answers = async (email: string) => {
      const bodies = [];
      for (let index = 0; index < 7; index += 1) {
        const response = await attempt(email, 'guess', '203.0.113.11');
        bodies.push({ status: response.statusCode, body: response.json() });
      }
      return bodies;
    };
    const knownAnswers = await answers(known.email);
    const unknownAnswers = await answers(unknown);
    expect(knownAnswers.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 401, 429, 429]);
    expect(unknownAnswers).toEqual(knownAnswers);
  });

  it('slows guessing spread over many addresses, except from an address the owner has logged in from', async () => {
    const owner = await make.user(tanum, 'employee');
    expectStatus(await attempt(owner.email, testPassword, '198.51.100.30'), 200);
    // Eight attempts an hour from addresses new to this login, then every new address waits.
    for (let index = 0; index < 8; index += 1) {
      expectProblem(await attempt(owner.email, 'guess', `203.0.113.${100 + index}`), 401, 'invalid_credentials');
    }
    expectProblem(await attempt(owner.email, testPassword, '203.0.113.200'), 429, 'rate_limited');
    expectStatus(await attempt(owner.email, testPassword, '198.51.100.30'), 200);
    context.clock.advanceMinutes(61);
    expectStatus(await attempt(owner.email, testPassword, '203.0.113.200'), 200);
  });

  it("writes failed logins and the start of a hold-back to the audit log of the login's municipality", async () => {
    const owner = await make.user(tanum, 'employee');
    for (let index = 0; index < 6; index += 1) await attempt(owner.email, 'guess', '203.0.113.12');
    await attempt(owner.email, 'guess', '203.0.113.12');
    const events = expectStatus(
      await send(context, 'GET', `/api/v1/audit-events?entityId=${owner.loginId}&limit=50`, { headers: tanum.admin.authorization }),
      200,
    );
    const actions = events.items.map((event: { action: string }) => event.action).sort();
    expect(actions).toEqual([...Array(5).fill('login_failed'), 'login_throttled']);
    const held = events.items.find((event: { action: string }) => event.action === 'login_throttled');
    expect(held.after).toMatchObject({ scope: 'address' });
    expect(JSON.stringify(events.items)).not.toContain('203.0.113.12');
    // Nothing of it in another municipality's log.
    const other = await make.municipality('Annan');
    const foreign = expectStatus(
      await send(context, 'GET', `/api/v1/audit-events?entityId=${owner.loginId}`, { headers: other.admin.authorization }),
      200,
    );
    expect(foreign.items).toHaveLength(0);
  });
});
