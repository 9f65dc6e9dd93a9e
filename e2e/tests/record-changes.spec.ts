import { expect, test } from './fixtures.ts';

test('a stale edit is refused with the reload message, and saving works after reloading', async ({ loginAs }) => {
  const page = await loginAs('administrator');
  await page.goto('/departments');
  await page.getByRole('button', { name: 'Redigera Räddningstjänsten' }).click();
  const dialog = page.getByRole('dialog', { name: 'Redigera Räddningstjänsten' });
  await expect(dialog.getByLabel('Namn')).toHaveValue('Räddningstjänsten');

  // Someone else saves the same department meanwhile.
  const me = await (await page.request.get('/api/v1/me')).json();
  const departments = await (await page.request.get('/api/v1/departments?limit=200')).json();
  const department = departments.items.find((item: { name: string }) => item.name === 'Räddningstjänsten');
  const concurrent = await page.request.patch(`/api/v1/departments/${department.id}`, {
    data: { shortName: 'RTJ' },
    headers: { 'X-CSRF-Token': me.csrfToken, 'If-Match': `"${department.version}"` },
  });
  expect(concurrent.status()).toBe(200);

  await dialog.getByLabel('Namn').fill('Räddningstjänsten Mitt');
  await dialog.getByRole('button', { name: 'Spara' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/Någon annan har ändrat posten\. Ladda om och gör ändringen igen\./);
  await dialog.getByRole('button', { name: 'Ladda om' }).click();
  // The reload names what the other person changed and keeps this user's own edit.
  await expect(dialog.getByRole('status')).toContainText('Någon annan har ändrat under tiden: Förkortning.');
  await expect(dialog.getByLabel('Förkortning')).toHaveValue('RTJ');
  await expect(dialog.getByLabel('Namn')).toHaveValue('Räddningstjänsten Mitt');
  await dialog.getByRole('button', { name: 'Spara' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('department-row-Räddningstjänsten Mitt')).toContainText('RTJ');
});

test('a person who leaves is marked as left, never deleted', async ({ loginAs }) => {
  const page = await loginAs('administrator');
  await page.goto('/people');
  await page.getByLabel('Sök medarbetare').fill('cecilia.andersson');
  await expect(page.getByText('Visar 1–1 av 1')).toBeVisible();
  await page.getByRole('button', { name: 'Åtgärder för Cecilia Andersson' }).click();
  await page.getByRole('menuitem', { name: 'Markera som slutat' }).click();
  const dialog = page.getByRole('dialog', { name: 'Markera Cecilia Andersson som slutat' });
  await dialog.getByLabel('Slutdatum').fill('2026-12-31');
  await dialog.getByRole('button', { name: 'Markera som slutat' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /Andersson, Cecilia/ })).toContainText('Slutat 2026-12-31');

  // Still there when filtering on those who have left.
  await page.getByRole('combobox', { name: 'Status', exact: true }).click();
  await page.getByRole('option', { name: 'Slutat' }).click();
  await expect(page.getByRole('row', { name: /Andersson, Cecilia/ })).toBeVisible();
});
