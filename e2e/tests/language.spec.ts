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
