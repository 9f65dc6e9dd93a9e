import type { Browser, Page } from '@playwright/test';
import { generate } from 'otplib';
import { apiCall, expect, expectNoSeriousAxeViolations, test } from './fixtures.ts';

/** Screenshots of every screen in both languages when SCREENSHOTS names a folder (looked at by hand). */
const screenshots = process.env.SCREENSHOTS;
const firstPassword = 'en lång lösenfras för tvåsteg';
const resetPassword = 'en annan lång lösenfras 2026';

/** Takes the screen in Swedish, then in English through the page's own language control, and returns to Swedish. */
async function shootBothLanguages(page: Page, name: string) {
  if (!screenshots) return;
  await page.screenshot({ path: `${screenshots}/${name}-sv.png`, fullPage: true });
  await page.getByText('English', { exact: true }).first().click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${screenshots}/${name}-en.png`, fullPage: true });
  await page.getByText('Svenska', { exact: true }).first().click();
  await page.waitForTimeout(300);
}

/**
 * The code an authenticator app would accept next: a time step after the last one used (the server
 * refuses a code twice), at most one step ahead of now (it accepts one step either side).
 */
async function nextCode(secret: string, lastStep: { value: number }) {
  let now = Math.floor(Date.now() / 1000 / 30);
  while (lastStep.value + 1 > now + 1) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    now = Math.floor(Date.now() / 1000 / 30);
  }
  const step = Math.max(now - 0, lastStep.value + 1);
  lastStep.value = step;
  return generate({ secret, epoch: step * 30 });
}

async function freshPage(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  return context.newPage();
}

async function logIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel(/^Lösenord/).fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
}

async function logOut(page: Page) {
  await page.getByRole('button', { name: /Användarmeny för/ }).click();
  await page.getByRole('menuitem', { name: 'Logga ut', exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** A new person of the demo municipality with one role and an invitation to log in (the administrator's API). */
async function invitedPerson(admin: Page, role: string, name: string) {
  const email = `${name.toLowerCase()}.${Date.now()}@tanum.demo`;
  const person = await apiCall<{ id: string }>(admin, 'POST', '/people', { data: { firstName: name, lastName: 'Tvåsteg', email } });
  await apiCall(admin, 'POST', '/role-assignments', { data: { personId: person.id, role } });
  const invitation = await apiCall<{ token: string }>(admin, 'POST', `/people/${person.id}/login`, { data: {} });
  return { personId: person.id, email, token: invitation.token };
}

test.describe('my account', () => {
  test('invitation, two-step verification, a recovery code and a password reset', async ({ loginAs, browser, baseURL }) => {
    test.setTimeout(180_000);
    const admin = await loginAs('administrator');
    const tove = await invitedPerson(admin, 'employee', 'Tove');

    // The invitation link: the invited person chooses a password.
    const page = await freshPage(browser, baseURL!);
    await page.goto(`/invitation#${tove.token}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Inbjudan till Förvalta' })).toBeVisible();
    await expect(page.getByText(tove.email)).toBeVisible();
    await expectNoSeriousAxeViolations(page, 'invitation page');
    await shootBothLanguages(page, 'invitation');
    await page.getByLabel(/^Nytt lösenord/).fill(firstPassword);
    await page.getByLabel(/^Upprepa det nya lösenordet/).fill(firstPassword);
    await page.getByRole('button', { name: 'Tacka ja' }).click();
    await expect(page.getByText(/Klart\. Du kan nu logga in/)).toBeVisible();

    // Logging in, then My account from the user menu.
    await logIn(page, tove.email, firstPassword);
    await expect(page).toHaveURL(/\/$/);
    await page.getByRole('button', { name: /Användarmeny för/ }).click();
    await page.getByRole('menuitem', { name: 'Mitt konto' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mitt konto' })).toBeVisible();
    // The user menu's dropdown leaves with a transition; scanned while it fades, it is half a menu.
    await expect(page.getByRole('menu')).toHaveCount(0);
    await expectNoSeriousAxeViolations(page, 'my account');
    await shootBothLanguages(page, 'account');

    // Setting up the authenticator app: QR code and the key to type by hand.
    await page.getByRole('button', { name: 'Slå på tvåstegsverifiering' }).click();
    await expect(page.getByRole('img', { name: 'QR-kod att skanna med autentiseringsappen' })).toBeVisible();
    const secret = ((await page.getByTestId('manual-key').textContent()) ?? '').replace(/\s+/g, '');
    const lastStep = { value: 0 };
    await expectNoSeriousAxeViolations(page, 'enrolment');
    await shootBothLanguages(page, 'account-enrolment');
    await page.getByLabel(/Kod med sex siffror från appen/).fill(await nextCode(secret, lastStep));
    await page.getByRole('button', { name: 'Slå på', exact: true }).click();
    const codes = page.getByTestId('recovery-codes').getByRole('listitem');
    await expect(codes).toHaveCount(10);
    await expect(page.getByText(/De visas bara den här gången/)).toBeVisible();
    const recoveryCode = ((await codes.nth(2).textContent()) ?? '').trim();
    await expectNoSeriousAxeViolations(page, 'recovery codes');
    await shootBothLanguages(page, 'account-recovery-codes');
    await page.getByRole('button', { name: 'Jag har sparat koderna' }).click();
    await expect(page.getByText('Påslagen', { exact: true })).toBeVisible();
    await expect(page.getByText('10 oanvända återställningskoder kvar.')).toBeVisible();

    // Out and in again: the password is not enough any more.
    await logOut(page);
    await logIn(page, tove.email, firstPassword);
    await expect(page.getByRole('heading', { level: 1, name: 'Tvåstegsverifiering' })).toBeVisible();
    const codeField = page.getByLabel(/^Kod med sex siffror/);
    await expect(codeField).toHaveAttribute('autocomplete', 'one-time-code');
    await expectNoSeriousAxeViolations(page, 'login second step');
    await shootBothLanguages(page, 'login-second-factor');
    await codeField.fill('000000');
    await page.getByRole('button', { name: 'Verifiera' }).click();
    await expect(page.getByTestId('second-factor-error')).toHaveText('Koden stämmer inte, har gått ut eller har redan använts.');
    await codeField.fill(await nextCode(secret, lastStep));
    await page.getByRole('button', { name: 'Verifiera' }).click();
    await expect(page).toHaveURL(/\/$/);

    // A recovery code in place of the app's code.
    await logOut(page);
    await logIn(page, tove.email, firstPassword);
    await page.getByRole('button', { name: /Använd en återställningskod/ }).click();
    await expectNoSeriousAxeViolations(page, 'login recovery code');
    await shootBothLanguages(page, 'login-recovery-code');
    await page.getByLabel('Återställningskod').fill(recoveryCode);
    await page.getByRole('button', { name: 'Verifiera' }).click();
    await expect(page).toHaveURL(/\/$/);
    await page.goto('/account');
    await expect(page.getByText('9 oanvända återställningskoder kvar.')).toBeVisible();
    await logOut(page);

    // A reset link from the administrator sets a new password; the second factor stays.
    const link = await apiCall<{ path: string }>(admin, 'POST', `/people/${tove.personId}/password-reset-links`);
    await page.goto(link.path);
    await expect(page.getByRole('heading', { level: 1, name: 'Välj ett nytt lösenord' })).toBeVisible();
    await expectNoSeriousAxeViolations(page, 'password reset');
    await shootBothLanguages(page, 'reset-password');
    await page.getByLabel(/^Nytt lösenord/).fill(resetPassword);
    await page.getByLabel(/^Upprepa det nya lösenordet/).fill(resetPassword);
    await page.getByRole('button', { name: 'Spara lösenordet' }).click();
    await expect(page.getByText('Lösenordet är sparat. Logga in med det nya lösenordet.')).toBeVisible();
    await logIn(page, tove.email, resetPassword);
    await page.getByLabel(/^Kod med sex siffror/).fill(await nextCode(secret, lastStep));
    await page.getByRole('button', { name: 'Verifiera' }).click();
    await expect(page).toHaveURL(/\/$/);
    await page.context().close();
  });

  test('a role that requires two-step verification sends its holder to set it up first', async ({ loginAs, browser, baseURL }) => {
    test.setTimeout(120_000);
    const admin = await loginAs('administrator');
    // Secretariat: a role no other browser test logs in with, so the requirement holds back nobody else.
    const sigrid = await invitedPerson(admin, 'secretariat', 'Sigrid');
    await admin.goto('/settings');
    const card = admin.getByRole('region', { name: 'Krav på tvåstegsverifiering' });
    await expect(card.getByText(/NIS2 kräver flerfaktorsautentisering/)).toBeVisible();
    await expectNoSeriousAxeViolations(admin, 'settings with the requirement');
    if (screenshots) await card.screenshot({ path: `${screenshots}/settings-requirement-sv.png` });
    await card.getByRole('checkbox', { name: 'Kommunkansliet' }).check();
    await card.getByRole('button', { name: 'Spara' }).click();
    await expect(admin.getByText('Kravet på tvåstegsverifiering är sparat.')).toBeVisible();

    try {
      const page = await freshPage(browser, baseURL!);
      await page.goto(`/invitation#${sigrid.token}`);
      await page.getByLabel(/^Nytt lösenord/).fill(firstPassword);
      await page.getByLabel(/^Upprepa det nya lösenordet/).fill(firstPassword);
      await page.getByRole('button', { name: 'Tacka ja' }).click();
      await expect(page.getByText(/Klart\. Du kan nu logga in/)).toBeVisible();
      await logIn(page, sigrid.email, firstPassword);
      await expect(page).toHaveURL(/\/account$/);
      await expect(page.getByTestId('second-factor-required')).toBeVisible();
      // The navigation offers only this page, and anywhere else leads back here until it is set up.
      await expect(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link')).toHaveText(['Mitt konto']);
      await page.goto('/systems');
      await expect(page).toHaveURL(/\/account$/);
      await expectNoSeriousAxeViolations(page, 'forced enrolment');
      await shootBothLanguages(page, 'account-forced');
      await page.getByRole('button', { name: 'Slå på tvåstegsverifiering' }).click();
      const secret = ((await page.getByTestId('manual-key').textContent()) ?? '').replace(/\s+/g, '');
      await page.getByLabel(/Kod med sex siffror från appen/).fill(await nextCode(secret, { value: 0 }));
      await page.getByRole('button', { name: 'Slå på', exact: true }).click();
      await expect(page.getByTestId('recovery-codes').getByRole('listitem')).toHaveCount(10);
      await page.getByRole('button', { name: 'Jag har sparat koderna' }).click();
      await page.goto('/systems');
      await expect(page).toHaveURL(/\/systems/);
      await page.context().close();
    } finally {
      const current = await apiCall<{ version: number }>(admin, 'GET', '/second-factor-requirement');
      await apiCall(admin, 'PUT', '/second-factor-requirement', { data: { roles: [] }, version: current.version });
    }
  });
});
