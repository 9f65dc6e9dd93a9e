import { expect, expectNoSeriousAxeViolations, test } from './fixtures.ts';

/**
 * Issue #18, ADR 0038: the administrator creates the municipality's SCIM token on the settings
 * page, sees it once, and a directory's request with it is answered; replacing it stops the old
 * one, revoking it stops the new one. The journey provisions nobody, so the demo's people stay as
 * the other journeys expect.
 */
test('an administrator creates, replaces and revokes the SCIM token; the directory’s requests follow it', async ({
  loginAs,
  baseURL,
  playwright,
}) => {
  const page = await loginAs('administrator');
  await page.goto('/settings');
  const card = page.getByRole('region', { name: 'Användarprovisionering från katalogen (SCIM)' });
  await expect(card.getByTestId('provisioning-token')).toHaveText(/ingen SCIM-nyckel/);
  await card.getByRole('button', { name: 'Skapa SCIM-nyckel' }).click();

  const dialog = page.getByRole('dialog', { name: 'Den nya SCIM-nyckeln' });
  const secret = await dialog.getByLabel('Hemlig token (Secret Token)').inputValue();
  expect(secret).toMatch(/^fvs_/);
  await expectNoSeriousAxeViolations(page, 'the new SCIM token');
  if (process.env.SCREENSHOTS) await dialog.screenshot({ path: `${process.env.SCREENSHOTS}/provisioning-token.png` });
  await dialog.getByRole('button', { name: 'Jag har kopierat nyckeln' }).click();
  await expect(card.getByTestId('provisioning-token')).toContainText(`${secret.slice(0, 10)}…`);

  // The directory, as Entra's "test connection" asks: a userName lookup with the token.
  const directory = await playwright.request.newContext({ baseURL: baseURL! });
  const lookup = (token: string) =>
    directory.get(`/scim/v2/Users?filter=${encodeURIComponent('userName eq "finns-inte@tanum.demo"')}`, {
      headers: { authorization: `Bearer ${token}` },
    });
  const answered = await lookup(secret);
  expect(answered.status()).toBe(200);
  expect(answered.headers()['content-type']).toContain('application/scim+json');
  expect((await answered.json()).totalResults).toBe(0);

  await card.getByRole('button', { name: 'Byt nyckel' }).click();
  await page.getByRole('dialog', { name: 'Byta SCIM-nyckel?' }).getByRole('button', { name: 'Byt nyckel' }).click();
  const replaced = await page.getByRole('dialog', { name: 'Den nya SCIM-nyckeln' }).getByLabel('Hemlig token (Secret Token)').inputValue();
  await page.getByRole('dialog', { name: 'Den nya SCIM-nyckeln' }).getByRole('button', { name: 'Jag har kopierat nyckeln' }).click();
  expect((await lookup(secret)).status()).toBe(401);
  expect((await lookup(replaced)).status()).toBe(200);

  await card.getByRole('button', { name: 'Återkalla nyckeln' }).click();
  await page.getByRole('dialog', { name: 'Återkalla SCIM-nyckeln?' }).getByRole('button', { name: 'Återkalla nyckeln' }).click();
  await expect(card.getByTestId('provisioning-token')).toHaveText(/ingen SCIM-nyckel/);
  expect((await lookup(replaced)).status()).toBe(401);
  await expectNoSeriousAxeViolations(page, '/settings with the provisioning card');
  if (process.env.SCREENSHOTS) await card.screenshot({ path: `${process.env.SCREENSHOTS}/provisioning-card.png` });
  await directory.dispose();

  const employee = await loginAs('employee');
  await employee.goto('/settings');
  await expect(employee.getByRole('heading', { level: 1, name: 'Inställningar' })).toBeVisible();
  await expect(employee.getByRole('region', { name: 'Användarprovisionering från katalogen (SCIM)' })).toHaveCount(0);
});
