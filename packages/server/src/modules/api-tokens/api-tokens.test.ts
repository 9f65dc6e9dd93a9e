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
    const session = await loginWithSession(context, owner.email, testPassword);
    const created = expectStatus(
      await send(context, 'POST', '/api/v1/api-tokens', { headers: session.csrfHeaders, body: { name: 'Integration' } }),
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
    const session = await loginWithSession(context, owner.email, testPassword);
    expectProblem(
      await send(context, 'POST', '/api/v1/api-tokens', {
        headers: session.csrfHeaders,
        body: { name: 'Gammal', expiresAt: '2020-01-01T00:00:00Z' },
      }),
      400,
      'validation_failed',
    );
    const created = expectStatus(
      await send(context, 'POST', '/api/v1/api-tokens', {
        headers: session.csrfHeaders,
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

  it('compares expiries as instants and stores them in UTC, also one stored with an offset before', async () => {
    context.clock.set('2026-12-01T19:44:00.000Z');
    const owner = await make.user(tanum, 'it_unit');
    const session = await loginWithSession(context, owner.email, testPassword);
    // 2026-12-02T00:00:00+14:00 is 10:00 UTC on 1 December: already past.
    expectProblem(
      await send(context, 'POST', '/api/v1/api-tokens', {
        headers: session.csrfHeaders,
        body: { name: 'Kiribati', expiresAt: '2026-12-02T00:00:00+14:00' },
      }),
      400,
      'validation_failed',
    );
    const created = expectStatus(
      await send(context, 'POST', '/api/v1/api-tokens', {
        headers: session.csrfHeaders,
        body: { name: 'Stockholm', expiresAt: '2026-12-02T12:00:00+02:00' },
      }),
      201,
    );
    expect(created.expiresAt).toBe('2026-12-02T10:00:00.000Z');

    // A token stored with an offset (as SQLite kept what clients sent) stops at its instant.
    const legacy = expectStatus(
      await send(context, 'POST', '/api/v1/api-tokens', { headers: session.csrfHeaders, body: { name: 'Gammal lagring' } }),
      201,
    );
    await context.database.db
      .updateTable('api_tokens')
      .set({ expires_at: '2026-12-02T00:00:00+14:00' })
      .where('id', '=', legacy.id)
      .execute();
    expectProblem(
      await send(context, 'GET', '/api/v1/me', { headers: { authorization: `Bearer ${legacy.token}` } }),
      401,
      'unauthenticated',
    );
    expectStatus(await send(context, 'GET', '/api/v1/me', { headers: { authorization: `Bearer ${created.token}` } }), 200);
    context.clock.set('2026-11-28T09:00:00.000Z');
  });

  it('lets a token create tokens only if given the right, and never ones that outlive it', async () => {
    context.clock.set('2026-11-28T09:00:00.000Z');
    const owner = await make.user(tanum, 'it_unit');
    const session = await loginWithSession(context, owner.email, testPassword);
    const plain = expectStatus(
      await send(context, 'POST', '/api/v1/api-tokens', { headers: session.csrfHeaders, body: { name: 'Vanlig' } }),
      201,
    );
    expect(plain.canCreateTokens).toBe(false);
    expectProblem(
      await send(context, 'POST', '/api/v1/api-tokens', {
        headers: { authorization: `Bearer ${plain.token}` },
        body: { name: 'Barn', expiresAt: '2026-12-20T00:00:00Z' },
      }),
      403,
      'forbidden',
    );
    const parent = expectStatus(
      await send(context, 'POST', '/api/v1/api-tokens', {
        headers: session.csrfHeaders,
        body: { name: 'Förälder', expiresAt: '2026-12-31T00:00:00Z', canCreateTokens: true },
      }),
      201,
    );
    const bearer = { authorization: `Bearer ${parent.token}` };
    expectProblem(await send(context, 'POST', '/api/v1/api-tokens', { headers: bearer, body: { name: 'Evig' } }), 400, 'validation_failed');
    expectProblem(
      await send(context, 'POST', '/api/v1/api-tokens', { headers: bearer, body: { name: 'Längre', expiresAt: '2027-01-01T00:00:00Z' } }),
      400,
      'validation_failed',
    );
    expectStatus(
      await send(context, 'POST', '/api/v1/api-tokens', { headers: bearer, body: { name: 'Kortare', expiresAt: '2026-12-30T00:00:00Z' } }),
      201,
    );
  });

  it('lets administrators list and revoke every token of their municipality, and no one else', async () => {
    const holder = await make.user(tanum, 'employee');
    const other = await make.municipality('Orust');
    const list = (headers: Record<string, string>) => send(context, 'GET', '/api/v1/municipality-api-tokens?limit=100', { headers });
    expectProblem(await list(holder.authorization), 403, 'forbidden');
    const listed = expectStatus(await list(tanum.admin.authorization), 200);
    const row = listed.items.find((item: { ownerEmail: string }) => item.ownerEmail === holder.email);
    expect(row).toMatchObject({ ownerName: 'Test employee', revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(holder.token);
    expect(expectStatus(await list(other.admin.authorization), 200).items.map((item: { id: string }) => item.id)).not.toContain(row.id);
    expectProblem(
      await send(context, 'DELETE', `/api/v1/municipality-api-tokens/${row.id}`, {
        headers: other.admin.authorization,
        ifMatch: row.version,
      }),
      404,
      'not_found',
    );
    expectProblem(
      await send(context, 'DELETE', `/api/v1/municipality-api-tokens/${row.id}`, {
        headers: tanum.admin.authorization,
        ifMatch: row.version + 1,
      }),
      412,
      'version_mismatch',
    );
    expectStatus(
      await send(context, 'DELETE', `/api/v1/municipality-api-tokens/${row.id}`, {
        headers: tanum.admin.authorization,
        ifMatch: row.version,
      }),
      204,
    );
    expectProblem(await send(context, 'GET', '/api/v1/me', { headers: holder.authorization }), 401, 'unauthenticated');
  });

  it('revokes the tokens and ends the sessions of a person who leaves, at once', async () => {
    const leaver = await make.user(tanum, 'it_unit');
    const session = await loginWithSession(context, leaver.email, testPassword);
    const person = expectStatus(
      await send(context, 'GET', `/api/v1/people/${leaver.personId}`, { headers: tanum.admin.authorization }),
      200,
    );
    expectStatus(
      await send(context, 'PATCH', `/api/v1/people/${leaver.personId}`, {
        headers: tanum.admin.authorization,
        body: { endDate: '2026-11-28' },
        ifMatch: person.version,
      }),
      200,
    );
    const tokens = await context.database.db.selectFrom('api_tokens').select('revoked_at').where('login_id', '=', leaver.loginId).execute();
    expect(tokens.length).toBeGreaterThan(0);
    expect(tokens.every((token) => token.revoked_at !== null)).toBe(true);
    const sessions = await context.database.db.selectFrom('sessions').select('id').where('login_id', '=', leaver.loginId).execute();
    expect(sessions).toEqual([]);
    expectProblem(await send(context, 'GET', '/api/v1/me', { headers: session.cookieHeader }), 401, 'unauthenticated');
  });
});
