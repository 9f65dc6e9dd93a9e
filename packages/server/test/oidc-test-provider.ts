import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration } from 'oidc-provider';

/**
 * A real OpenID provider (`oidc-provider`) on 127.0.0.1 and a free port, started by the test that
 * needs it (issue #18: no mocks). Its people are the `accounts` map: the account id is what is typed
 * into the provider's own login form, and the claims are what its ID token then carries. Consent is
 * given by the provider itself (as an organisation's provider does for its own application), so a
 * login is one form.
 */
export interface TestClient {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  postLogoutRedirectUri?: string;
}

export interface TestProvider {
  issuer: string;
  accounts: Map<string, Record<string, unknown>>;
  /** Follows `authorizationUrl` through the provider's login form as `accountId`; returns where it sends the browser back. */
  signIn(authorizationUrl: string, accountId: string): Promise<URL>;
  close(): Promise<void>;
}

export async function startTestProvider(clients: TestClient[]): Promise<TestProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, Record<string, unknown>>();
  const configuration: Configuration = {
    clients: clients.map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: [client.redirectUri],
      post_logout_redirect_uris: client.postLogoutRedirectUri ? [client.postLogoutRedirectUri] : [],
      token_endpoint_auth_method: 'client_secret_post',
      response_types: ['code'],
      grant_types: ['authorization_code'],
    })),
    pkce: { required: () => true },
    // Group and employee-number claims as Entra ID sends them when configured (docs/operations.md).
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'preferred_username', 'employeeid', 'groups'] },
    // The claims in the ID token itself, as Entra ID puts them, not only at the userinfo endpoint.
    conformIdTokenClaims: false,
    findAccount: async (_context, accountId) => ({
      accountId,
      claims: async () => ({ sub: accountId, ...accounts.get(accountId) }),
    }),
    async loadExistingGrant(context) {
      const grantId = context.oidc.result?.consent?.grantId || context.oidc.session!.grantIdFor(context.oidc.client!.clientId);
      if (grantId) return context.oidc.provider.Grant.find(grantId);
      const grant = new context.oidc.provider.Grant({
        clientId: context.oidc.client!.clientId,
        accountId: context.oidc.session!.accountId,
      });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    cookies: { keys: ['forvalta test provider'] },
  };
  const provider = new Provider(issuer, configuration);
  server.on('request', provider.callback());

  async function signIn(authorizationUrl: string, accountId: string): Promise<URL> {
    const cookies = new Map<string, string>();
    const request = async (url: string, init: RequestInit = {}) => {
      const response = await fetch(url, {
        ...init,
        redirect: 'manual',
        headers: {
          ...(init.headers as Record<string, string>),
          cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        },
      });
      for (const line of response.headers.getSetCookie()) {
        const [pair = ''] = line.split(';');
        const at = pair.indexOf('=');
        cookies.set(pair.slice(0, at), pair.slice(at + 1));
      }
      return response;
    };
    let location = authorizationUrl;
    for (let step = 0; step < 10; step += 1) {
      if (!location.startsWith(issuer)) return new URL(location);
      const response = await request(location);
      if (response.status === 200 && location.includes('/interaction/')) {
        const form = await request(location, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ prompt: 'login', login: accountId, password: 'any' }).toString(),
        });
        location = new URL(form.headers.get('location')!, issuer).href;
        continue;
      }
      const next = response.headers.get('location');
      if (!next) throw new Error(`The provider answered ${response.status} at ${location}: ${await response.text()}`);
      location = new URL(next, issuer).href;
    }
    throw new Error('The provider did not send the browser back within ten steps.');
  }

  return {
    issuer,
    accounts,
    signIn,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
