import { startTestProvider, type TestProvider } from '../../packages/server/test/oidc-test-provider.ts';
import { startWorkerServer, type WorkerServer } from '../worker-server.ts';
import { demoLogins, demoPassword, expect, expectNoSeriousAxeViolations, test } from './fixtures.ts';

/**
 * Issue #18, ADR 0036: the administrator connects the municipality's OpenID provider in the
 * settings, and people log in through the provider's own pages (a real oidc-provider on 127.0.0.1,
 * started here). This spec runs its own server (the demo, its own database, PUBLIC_URL set), so no
 * other journey sees the provider or a password login turned off.
 */
test.describe('single sign-on through the municipality’s provider', () => {
  const base = Number(process.env.E2E_PORT ?? 3210) + 40;
  let provider: TestProvider;
  let server: WorkerServer;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    provider = await startTestProvider([
      {
        clientId: 'forvalta-e2e',
        clientSecret: 'the-providers-secret-for-forvalta',
        redirectUri: `http://127.0.0.1:${base}/api/v1/auth/oidc/callback`,
        postLogoutRedirectUri: `http://127.0.0.1:${base}/login?municipality=1435`,
      },
    ]);
    provider.accounts.set('anna', { email: demoLogins.employee });
    provider.accounts.set('okand', { email: 'ingen-sadan@tanum.demo' });
    server = await startWorkerServer(base, { PUBLIC_URL: `http://127.0.0.1:${base}` });
  });
  test.afterAll(async () => {
    await server?.stop();
    await provider?.close();
  });

  test('the administrator sets the provider, then a person logs in through it and an unknown one is told why not', async ({ browser }) => {
    const context = await browser.newContext({ baseURL: server.baseURL, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
    const page = await context.newPage();

    await page.goto('/login');
    await page.getByLabel('E-postadress').fill(demoLogins.administrator);
    await page.getByLabel(/^Lösenord/).fill(demoPassword);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect(page).not.toHaveURL(/\/login/);
    await page.goto('/settings');
    const card = page.getByRole('region', { name: 'Inloggning via identitetstjänst (single sign-on)' });
    await expect(card.getByTestId('sso-redirect-uri')).toHaveText(`http://127.0.0.1:${base}/api/v1/auth/oidc/callback`);
    await card.getByLabel('Namn på knappen').fill('Tanum-konto');
    await card.getByLabel('Utfärdare (issuer)').fill(provider.issuer);
    await card.getByLabel('Klient-id (application id)').fill('forvalta-e2e');
    await card.getByLabel(/^Klienthemlighet/).fill('the-providers-secret-for-forvalta');
    await card.getByRole('button', { name: 'Spara' }).click();
    await expect(card.getByTestId('sso-status')).toContainText('Nåbar');
    await expect(card.getByTestId('sso-status')).toContainText(provider.issuer);
    await expect(card.getByText('En hemlighet är sparad (krypterad). Lämna tomt för att behålla den.')).toBeVisible();
    await expectNoSeriousAxeViolations(page, 'single sign-on settings');
    await page.getByRole('button', { name: /Användarmeny för/ }).click();
    await page.getByRole('menuitem', { name: 'Logga ut', exact: true }).click();
    await expect(page).toHaveURL(/\/login/);

    // A person of the municipality: the button, the provider's own login page, and back, logged in.
    await page.goto('/login?municipality=1435');
    const button = page.getByRole('link', { name: 'Logga in med Tanum-konto' });
    await expect(button).toBeVisible();
    await expectNoSeriousAxeViolations(page, 'login with single sign-on');
    await button.click();
    await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/interaction/`));
    await page.locator('input[name="login"]').fill('anna');
    await page.locator('input[name="password"]').fill('vad som helst');
    await page.locator('button[type="submit"]').click();
    await expect(page).toHaveURL(new RegExp(`^http://127\\.0\\.0\\.1:${base}/`));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const me = await page.request.get('/api/v1/me');
    expect((await me.json()).email).toBe(demoLogins.employee);

    // Logging out here also goes through the provider's logout, which sends the browser back.
    await page.getByRole('button', { name: /Användarmeny för/ }).click();
    await page.getByRole('menuitem', { name: 'Logga ut', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/session/end`));

    // Someone the provider knows but the municipality does not: a clear refusal on the login page.
    await context.clearCookies();
    await page.goto('/login?municipality=1435');
    await page.getByRole('link', { name: 'Logga in med Tanum-konto' }).click();
    await page.locator('input[name="login"]').fill('okand');
    await page.locator('input[name="password"]').fill('vad som helst');
    await page.locator('button[type="submit"]').click();
    await expect(page.getByTestId('sso-refusal')).toContainText('Du finns inte i kommunens personregister i Förvalta');
    await expectNoSeriousAxeViolations(page, 'single sign-on refused');

    // The administrator removes the provider (password login is on, so it is not the only way in).
    await page.getByLabel('E-postadress').fill(demoLogins.administrator);
    await page.getByLabel(/^Lösenord/).fill(demoPassword);
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await expect(page).not.toHaveURL(/\/login/);
    await page.goto('/settings');
    const settings = page.getByRole('region', { name: 'Inloggning via identitetstjänst (single sign-on)' });
    await settings.getByRole('button', { name: 'Ta bort identitetstjänsten' }).click();
    const confirm = page.getByRole('dialog', { name: 'Ta bort identitetstjänsten?' });
    await expectNoSeriousAxeViolations(page, 'removing the identity provider');
    await confirm.getByRole('button', { name: 'Ta bort identitetstjänsten' }).click();
    await expect(page.getByText('Identitetstjänsten är borttagen. Inloggning sker med lösenord.')).toBeVisible();
    await expect(settings.getByRole('button', { name: 'Ta bort identitetstjänsten' })).toHaveCount(0);
    await expect(settings.getByLabel('Namn på knappen')).toHaveValue('');
    await context.clearCookies();
    await page.goto('/login?municipality=1435');
    await expect(page.getByRole('button', { name: 'Logga in', exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Logga in med Tanum-konto' })).toHaveCount(0);
    await context.close();
  });
});
