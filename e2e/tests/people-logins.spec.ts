import { apiCall, expect, expectNoSeriousAxeViolations, setLocale, test } from './fixtures.ts';

const screenshots = process.env.SCREENSHOTS;

/**
 * Giving a person a login from their page (issue #12): invite by a one-time link, a reset link,
 * removing the login, and the administrator's list of the municipality's API tokens. The page
 * that accepts an invitation (/invitation) is another engineer's; until it exists the invited
 * person accepts through the API (POST /api/v1/invitations/accept), in a context of their own.
 */
test('an administrator invites a person, issues a reset link, revokes their token and removes their login', async ({
  loginAs,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const page = await loginAs('administrator');
  const suffix = Date.now().toString().slice(-6);
  const lastName = `Inloggsson${suffix}`;
  const email = `ny.medarbetare.${suffix}@tanum.demo`;
  const person = await apiCall<{ id: string }>(page, 'POST', '/people', {
    data: { firstName: 'Nora', lastName, email, title: 'Handläggare' },
  });

  // The person's page, from the people list (300 people in the demo, paged on the server).
  await page.goto('/people');
  await expect(page.getByText(/Visar 1–25 av \d+/)).toBeVisible();
  await page.getByLabel('Sök medarbetare').fill(lastName);
  await page.getByRole('link', { name: `${lastName}, Nora` }).click();
  await expect(page.getByRole('heading', { name: `Nora ${lastName}`, level: 1 })).toBeVisible();
  const login = page.getByRole('region', { name: 'Inloggning' });
  await expect(login.getByText('Ingen inloggning')).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'person page without a login');

  // 1. Invite: the one-time link is shown once, with a copy button.
  await login.getByRole('button', { name: 'Bjud in att logga in' }).click();
  const invitationDialog = page.getByRole('dialog', { name: `Inbjudan för Nora ${lastName}` });
  await expect(invitationDialog.getByText('Länken visas bara nu och kan inte visas igen.', { exact: false })).toBeVisible();
  await expect(invitationDialog.getByRole('button', { name: 'Kopiera länken' })).toBeVisible();
  const link = await invitationDialog.getByLabel('Engångslänk').inputValue();
  expect(link).toMatch(new RegExp(`^${baseURL}/invitation#[\\w-]{20,}$`));
  await expectNoSeriousAxeViolations(page, 'invitation link dialog');
  if (screenshots) await page.screenshot({ path: `${screenshots}/people-login-invitation-sv.png`, fullPage: true });
  await invitationDialog.getByRole('button', { name: 'Jag har kopierat länken' }).click();
  await expect(login.getByText('Inbjuden')).toBeVisible();

  // 2. The invited person, in a context of their own, accepts with their own password (through the
  //    API: the /invitation page is built elsewhere), gets a role and signs in.
  const token = link.split('#')[1]!;
  const invited = await browser.newContext({ baseURL: baseURL! });
  const password = `eget-lösenord-${suffix}`;
  const accepted = await invited.request.post('/api/v1/invitations/accept', { data: { token, password } });
  expect(accepted.status(), await accepted.text()).toBe(200);
  expect(await accepted.json()).toMatchObject({ email, municipalityCode: '1435' });
  await apiCall(page, 'POST', '/role-assignments', { data: { personId: person.id, role: 'employee' } });
  const signedIn = await invited.request.post('/api/v1/auth/login', { data: { email, password } });
  expect(signedIn.status(), await signedIn.text()).toBe(200);
  const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
  const created = await invited.request.post('/api/v1/api-tokens', {
    data: { name: `Nycklen ${suffix}` },
    headers: { 'X-CSRF-Token': csrfToken },
  });
  expect(created.status()).toBe(201);
  const bearer = ((await created.json()) as { token: string }).token;

  await page.reload();
  await expect(login.getByText('Kan logga in')).toBeVisible();
  await expect(login.getByText('Senast inloggad')).toBeVisible();
  await expect(login.getByText('Aldrig')).toHaveCount(0);

  // 3. A password reset link, shown once.
  await login.getByRole('button', { name: 'Skapa länk för nytt lösenord' }).click();
  const resetDialog = page.getByRole('dialog', { name: `Länk för nytt lösenord för Nora ${lastName}` });
  await expect(resetDialog).toBeVisible();
  expect(await resetDialog.getByLabel('Engångslänk').inputValue()).toMatch(new RegExp(`^${baseURL}/reset-password#token=`));
  await expectNoSeriousAxeViolations(page, 'reset link dialog');
  await resetDialog.getByRole('button', { name: 'Jag har kopierat länken' }).click();

  // 4. The municipality's tokens, from the administrators' menu: the new token with its holder; revoke it.
  await page.getByRole('navigation').getByRole('link', { name: 'Kommunens API-nycklar' }).click();
  await expect(page.getByRole('tab', { name: 'Kommunens nycklar', selected: true })).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(`Nycklen ${suffix}`) });
  await expect(row).toContainText(`Nora ${lastName}`);
  await expect(row).toContainText(email);
  await expect(row).toContainText('Aktiv');
  await expectNoSeriousAxeViolations(page, 'municipality tokens');
  if (screenshots) await page.screenshot({ path: `${screenshots}/people-login-tokens-sv.png`, fullPage: true });
  await row.getByRole('button', { name: `Återkalla Nycklen ${suffix} som tillhör Nora ${lastName}` }).click();
  const revokeDialog = page.getByRole('dialog', { name: `Återkalla Nycklen ${suffix}?` });
  await expect(revokeDialog).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'revoke token dialog');
  await revokeDialog.getByRole('button', { name: 'Återkalla' }).click();
  await expect(row).toContainText('Återkallad');
  expect((await invited.request.get('/api/v1/me', { headers: { authorization: `Bearer ${bearer}` } })).status()).toBe(401);

  // 5. Remove the login, after a confirmation: the person's session ends at once.
  await page.goto(`/people/${person.id}`);
  await login.getByRole('button', { name: 'Ta bort inloggningen' }).click();
  const removeDialog = page.getByRole('dialog', { name: `Ta bort inloggningen för Nora ${lastName}?` });
  await expect(removeDialog.getByText('förlorar sina roller', { exact: false })).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'remove login dialog');
  await removeDialog.getByRole('button', { name: 'Ta bort inloggningen' }).click();
  await expect(page.getByText(`Inloggningen för Nora ${lastName} är borttagen.`)).toBeVisible();
  await expect(login.getByText('Ingen inloggning')).toBeVisible();
  expect((await invited.request.get('/api/v1/me')).status()).toBe(401);
  await invited.close();

  // The same screens in English.
  await setLocale(page.context(), 'en');
  await page.goto(`/people/${person.id}`);
  await expect(page.getByRole('region', { name: 'Login' }).getByText('No login')).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'person page in English');
  if (screenshots) await page.screenshot({ path: `${screenshots}/people-login-person-en.png`, fullPage: true });
  await page.goto('/api-tokens/municipality');
  await expect(page.getByRole('tab', { name: "Municipality's tokens", selected: true })).toBeVisible();
  // The removed login's tokens (revoked) are no longer listed: the list names holders who are people here.
  await expect(page.getByRole('row', { name: new RegExp(`Nycklen ${suffix}`) })).toHaveCount(0);
  await expectNoSeriousAxeViolations(page, 'municipality tokens in English');
  if (screenshots) await page.screenshot({ path: `${screenshots}/people-login-tokens-en.png`, fullPage: true });
  await setLocale(page.context(), 'sv');
});

test('the login section and the municipality’s tokens are for administrators only', async ({ loginAs }) => {
  const page = await loginAs('itUnit');
  const me = await apiCall<{ personId: string }>(page, 'GET', '/me');
  await page.goto(`/people/${me.personId}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Inloggning' })).toHaveCount(0);
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Kommunens API-nycklar' })).toHaveCount(0);
  await page.goto('/api-tokens');
  await expect(page.getByRole('tab', { name: 'Kommunens nycklar' })).toHaveCount(0);
  await page.goto('/api-tokens/municipality');
  await expect(page.getByRole('heading', { name: 'Sidan finns inte' })).toBeVisible();
});
