import { expect, test } from './fixtures.ts';

test('switching to English applies at once, is remembered after a reload, and back to Swedish', async ({ loginAs }) => {
  const page = await loginAs('administrator');
  await page.goto('/departments');
  await expect(page.getByRole('heading', { level: 1, name: 'Förvaltningar' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');

  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Departments' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Audit log' })).toBeVisible();
  // Wait for the choice to be saved before reloading.
  await expect.poll(async () => (await (await page.request.get('/api/v1/me')).json()).locale).toBe('en');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Departments' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'New department' })).toBeVisible();

  await page.getByText('Svenska', { exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Förvaltningar' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await expect.poll(async () => (await (await page.request.get('/api/v1/me')).json()).locale).toBe('sv');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Förvaltningar' })).toBeVisible();
});

test('a refusal from the server and the password toggle are in Swedish, never the server’s English', async ({ page, loginAs }) => {
  await page.goto('/login');
  await expect(page.getByRole('button', { name: 'Visa lösenordet' })).toBeAttached();

  const admin = await loginAs('administrator');
  const people = await (await admin.request.get('/api/v1/people?limit=1&sort=name')).json();
  const taken: string = people.items[0].email;
  await admin.goto('/people');
  await admin.getByRole('button', { name: 'Ny medarbetare' }).click();
  const dialog = admin.getByRole('dialog');
  await dialog.getByLabel('Förnamn').fill('Dubbel');
  await dialog.getByLabel('Efternamn').fill('Adress');
  await dialog.getByLabel('E-postadress').fill(taken);
  await dialog.getByRole('button', { name: 'Spara' }).click();
  const notice = admin.locator('.mantine-Notification-root');
  await expect(notice).toContainText('En annan person i kommunen har den här e-postadressen.');
  await expect(notice).not.toContainText('Another person');
});
