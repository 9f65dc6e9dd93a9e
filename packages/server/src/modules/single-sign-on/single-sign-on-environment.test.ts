import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { startTestProvider, type TestProvider } from '../../../test/oidc-test-provider.ts';
import { createTestContext, factories, testPassword, type TestContext, type TestMunicipality } from '../../../test/test-app.ts';

const publicUrl = 'http://127.0.0.1:4998';

/** A one-municipality installation whose provider is set by OIDC_* (ADR 0036): read-only in the application. */
describe('single sign-on set by the environment', () => {
  let provider: TestProvider;
  let context: TestContext;
  let only: TestMunicipality;

  beforeAll(async () => {
    provider = await startTestProvider([
      { clientId: 'env-client', clientSecret: 'env secret', redirectUri: `${publicUrl}/api/v1/auth/oidc/callback` },
    ]);
    context = await createTestContext({
      PUBLIC_URL: publicUrl,
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: 'env-client',
      OIDC_CLIENT_SECRET: 'env secret',
      OIDC_DISPLAY_NAME: 'Entra ID',
      OIDC_PASSWORD_LOGIN: 'false',
    });
    only = await factories(context).municipality('Ensam');
  }, 60_000);
  afterAll(async () => {
    await context?.close();
    await provider?.close();
  });

  it('offers the provider on the login page of the only municipality, turns passwords off, and shows the settings read-only', async () => {
    expect(expectStatus(await send(context, 'GET', '/api/v1/auth/oidc/options'), 200)).toEqual({
      municipalityCode: only.code,
      singleSignOn: { displayName: 'Entra ID' },
      passwordLogin: false,
    });
    const refused = expectProblem(
      await send(context, 'POST', '/api/v1/auth/login', { body: { email: only.admin.email, password: testPassword } }),
      403,
      'forbidden',
    );
    expect(refused.reason).toBe('password_login_off');

    const settings = expectStatus(await send(context, 'GET', '/api/v1/single-sign-on', { headers: only.admin.authorization }), 200);
    expect(settings).toMatchObject({
      configured: true,
      source: 'environment',
      clientId: 'env-client',
      passwordLogin: false,
      can: { update: false },
    });
    expect(JSON.stringify(settings)).not.toContain('env secret');
    expectProblem(
      await send(context, 'PUT', '/api/v1/single-sign-on', {
        headers: only.admin.authorization,
        ifMatch: settings.version,
        body: {
          displayName: 'Annat',
          issuer: provider.issuer,
          clientId: 'other',
          clientSecret: 'x',
          matchBy: 'email',
          matchClaim: 'email',
          groupsClaim: null,
          groupRoles: [],
          passwordLogin: true,
        },
      }),
      403,
      'forbidden',
    );

    provider.accounts.set('admin', { email: only.admin.email });
    const start = await send(context, 'GET', `/api/v1/auth/oidc/login?municipality=${only.code}`);
    const back = await provider.signIn(String(start.headers.location), 'admin');
    const callback = await send(context, 'GET', `${back.pathname}${back.search}`, {
      headers: { cookie: `forvalta_sso=${start.cookies.find((cookie) => cookie.name === 'forvalta_sso')!.value}` },
    });
    expect(callback.headers.location).toBe('/');
    const session = callback.cookies.find((cookie) => cookie.name === 'forvalta_session')!;
    expect(
      expectStatus(await send(context, 'GET', '/api/v1/me', { headers: { cookie: `forvalta_session=${session.value}` } }), 200).loginId,
    ).toBe(only.admin.loginId);
  });
});
