import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality } from '../../../test/test-app.ts';

/**
 * Removing a municipality's OpenID provider (issue #18, ADR 0036): the administrator's, with
 * If-Match, audited, and refused while password login is off, when the provider is the only way in.
 */
describe('removing the single sign-on provider', () => {
  let context: TestContext;
  let make: ReturnType<typeof factories>;
  let tanum: TestMunicipality;

  const settingsBody = (passwordLogin: boolean) => ({
    displayName: 'Tanum-konto',
    // Nothing need answer here: setting and removing a provider asks the provider nothing.
    issuer: 'http://127.0.0.1:9',
    clientId: 'forvalta',
    clientSecret: 'a client secret of the provider',
    matchBy: 'email',
    matchClaim: 'email',
    groupsClaim: null,
    groupRoles: [],
    passwordLogin,
  });
  const settingsOf = async (municipality: TestMunicipality) =>
    expectStatus(await send(context, 'GET', '/api/v1/single-sign-on', { headers: municipality.admin.authorization }), 200);
  async function configure(municipality: TestMunicipality, passwordLogin: boolean) {
    const current = await settingsOf(municipality);
    return expectStatus(
      await send(context, 'PUT', '/api/v1/single-sign-on', {
        headers: municipality.admin.authorization,
        body: settingsBody(passwordLogin),
        ifMatch: current.version,
      }),
      200,
    );
  }
  const remove = (municipality: TestMunicipality, version?: number) =>
    send(context, 'DELETE', '/api/v1/single-sign-on', {
      headers: municipality.admin.authorization,
      ...(version === undefined ? {} : { ifMatch: version }),
    });

  beforeAll(async () => {
    context = await createTestContext({ PUBLIC_URL: 'http://127.0.0.1:3999' });
    make = factories(context);
    tanum = await make.municipality('Tanum');
  });
  afterAll(() => context.close());

  it('refuses while password login is off (nobody would have a way in), then removes it once passwords work again', async () => {
    const off = await configure(tanum, false);
    const refused = expectProblem(await remove(tanum, off.version), 409, 'conflict');
    expect(refused.reason).toBe('single_sign_on_only_way_in');
    expect((await settingsOf(tanum)).configured).toBe(true);

    const on = await configure(tanum, true);
    expectProblem(await remove(tanum), 428, 'precondition_required');
    expectProblem(await remove(tanum, on.version - 1), 412, 'version_mismatch');
    const employee = await make.user(tanum, 'employee');
    expectProblem(
      await send(context, 'DELETE', '/api/v1/single-sign-on', { headers: employee.authorization, ifMatch: on.version }),
      403,
      'forbidden',
    );
    expectStatus(await remove(tanum, on.version), 204);

    expect(await settingsOf(tanum)).toMatchObject({ configured: false, clientSecretStored: false, passwordLogin: true });
    expect(expectStatus(await send(context, 'GET', `/api/v1/auth/oidc/options?municipality=${tanum.code}`), 200)).toEqual({
      municipalityCode: tanum.code,
      singleSignOn: null,
      passwordLogin: true,
    });
    const start = await send(context, 'GET', `/api/v1/auth/oidc/login?municipality=${tanum.code}`);
    expect(start.statusCode).toBe(302);
    expect(String(start.headers.location)).not.toContain('127.0.0.1:9');
    const stored = await context.database.db.selectFrom('single_sign_on_providers').select('municipality_id').execute();
    expect(stored.map((row) => row.municipality_id)).not.toContain(tanum.id);

    const events = expectStatus(
      await send(context, 'GET', '/api/v1/audit-events?entityType=single_sign_on', { headers: tanum.admin.authorization }),
      200,
    );
    const removal = events.items.find((event: { action: string }) => event.action === 'delete');
    expect(removal.before).toMatchObject({ displayName: 'Tanum-konto', issuer: 'http://127.0.0.1:9', passwordLogin: true });
    expect(JSON.stringify(events)).not.toContain('a client secret');

    // Nothing left to remove; and it can be set again from the start.
    expectProblem(await remove(tanum, 1), 404, 'not_found');
    expect((await configure(tanum, true)).configured).toBe(true);
  });

  it('keeps another municipality’s provider as it was', async () => {
    const other = await make.municipality('Strömstad');
    const theirs = await configure(other, true);
    const ours = await configure(tanum, true);
    expectStatus(await remove(tanum, ours.version), 204);
    expect(await settingsOf(other)).toMatchObject({ configured: true, version: theirs.version });
  });
});
