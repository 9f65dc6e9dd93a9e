import { expect, expectNoSeriousAxeViolations, test } from './fixtures.ts';

// A personal API token's secret is shown once (SecretShownOnce, as the SCIM token and the one-time
// links): the warning readable (axe's contrast check covers it), the secret selectable and copied.
test('a new personal API token is shown once, with a warning that passes the contrast check', async ({ loginAs }) => {
  const page = await loginAs('administrator');
  await page.goto('/api-tokens');
  await page.getByRole('button', { name: 'Ny API-nyckel' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Ny API-nyckel' });
  await dialog.getByRole('textbox', { name: 'Namn' }).fill(`Integration ${Date.now().toString(36)}`);
  await dialog.getByRole('button', { name: 'Skapa' }).click();
  const shown = page.getByRole('dialog', { name: 'Din nya API-nyckel' });
  await expect(shown.getByRole('alert')).toContainText('Kopiera nyckeln nu. Den visas inte igen.');
  await expect(shown.getByRole('textbox', { name: 'API-nyckel' })).toHaveValue(/^fvt_/);
  await expectNoSeriousAxeViolations(page, '/api-tokens (a new token shown once)');
});
