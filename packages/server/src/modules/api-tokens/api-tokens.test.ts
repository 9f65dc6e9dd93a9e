import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, factories, testPassword, type TestContext, type TestMunicipality } from '../../../test/test-app.ts';
import { expectProblem, expectStatus, loginWithSession, send } from '../../../test/http.ts';

describe('personal API tokens', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let make: ReturnType<typeof factories>;

  beforeAll(async () => {
    context = await createTestContext();
    make = factories(context);
    tanum = await make.municipality('Tanum');
  });
  afterAll(() => context.close());

  it('creates a token shown once, which then works as Bearer with the person’s roles', async () => {
    const employee = await make.user(tanum, 'employee');
    const session = await loginWithSession(context, employee.email, testPassword);
    expectProblem(
      await send(context, 'POST', '/api/v1/api-tokens', { headers: session.cookieHeader, body: { name: 'Skript' } }),
      403,
      'csrf_failed',
    );
    const created = expectStatus(
      await send(context, 'POST', '/api/v1/api-tokens', { headers: session.csrfHeaders, body: { name: 'Skript' } }),
      201,
    );
    expect(created.token).toMatch(/^fvt_/);
    expect(created.tokenPrefix).toBe(created.token.slice(0, 10));
    const listed = expectStatus(await send(context, 'GET', '/api/v1/api-tokens', { headers: session.cookieHeader }), 200);
    expect(JSON.stringify(listed)).not.toContain(created.token);
    const bearer = { authorization: `Bearer ${created.token}` };
    const me = expectStatus(await send(context, 'GET', '/api/v1/me', { headers: bearer }), 200);
    expect(me).toMatchObject({ email: employee.email, authenticatedBy: 'token', csrfToken: null });
    expectProblem(await send(context, 'POST', '/api/v1/departments', { headers: bearer, body: { name: 'Nej' } }), 403, 'forbidden');
  });

  it('revokes a token, which stops working at once; others cannot see or revoke it', async () => {
    const owner = await make.user(tanum, 'it_unit');
    const stranger = await make.user(tanum, 'administrator');
    const created = expectStatus(
      await send(context, 'POST', '/api/v1/api-tokens', { headers: owner.authorization, body: { name: 'Integration' } }),
      201,
    );
    expectProblem(await send(context, 'GET', `/api/v1/api-tokens/${created.id}`, { headers: stranger.authorization }), 404, 'not_found');
    expectProblem(
      await send(context, 'DELETE', `/api/v1/api-tokens/${created.id}`, { headers: stranger.authorization, ifMatch: 1 }),
      404,
      'not_found',
    );
    expectStatus(await send(context, 'DELETE', `/api/v1/api-tokens/${created.id}`, { headers: owner.authorization, ifMatch: 1 }), 204);
    expectProblem(
      await send(context, 'GET', '/api/v1/me', { headers: { authorization: `Bearer ${created.token}` } }),
      401,
      'unauthenticated',
    );
    const revoked = expectStatus(await send(context, 'GET', `/api/v1/api-tokens/${created.id}`, { headers: owner.authorization }), 200);
    expect(revoked.revokedAt).not.toBeNull();
  });

  it('honours an expiry and refuses one in the past', async () => {
    const owner = await make.user(tanum, 'it_unit');
    expectProblem(
      await send(context, 'POST', '/api/v1/api-tokens', {
        headers: owner.authorization,
        body: { name: 'Gammal', expiresAt: '2020-01-01T00:00:00Z' },
      }),
      400,
      'validation_failed',
    );
    const created = expectStatus(
      await send(context, 'POST', '/api/v1/api-tokens', {
        headers: owner.authorization,
        body: { name: 'Kort', expiresAt: '2026-11-29T09:00:00Z' },
      }),
      201,
    );
    expectStatus(await send(context, 'GET', '/api/v1/me', { headers: { authorization: `Bearer ${created.token}` } }), 200);
    context.clock.advanceMinutes(25 * 60);
    expectProblem(
      await send(context, 'GET', '/api/v1/me', { headers: { authorization: `Bearer ${created.token}` } }),
      401,
      'unauthenticated',
    );
  });
});
