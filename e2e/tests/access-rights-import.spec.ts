import { apiCall, expect, expectNoSeriousAxeViolations, setLocale, test } from './fixtures.ts';

const screenshots = process.env.SCREENSHOTS;

/** CSV as Swedish Excel saves it: semicolons, CRLF, Windows-1252 (Latin-1 for the letters used here). */
const windows1252Csv = (rows: string[][]) => Buffer.from(`${rows.map((row) => row.join(';')).join('\r\n')}\r\n`, 'latin1');

test('the import page: a dry run of a Windows-1252 file shows each row with its outcome and why, and nothing is applied while a row is refused', async ({
  loginAs,
}) => {
  const page = await loginAs('itUnit');
  const people = await apiCall<{ items: Array<{ email: string }> }>(page, 'GET', '/people?limit=2&employmentStatus=active');
  const systems = await apiCall<{ items: Array<{ name: string }> }>(page, 'GET', '/systems?limit=1&sort=name');
  const file = windows1252Csv([
    ['E-post ', 'System', 'Behörighet', 'Startdatum'],
    [people.items[0]!.email, systems.items[0]!.name, 'Nivå som inte finns', '2026-01-05'],
    ['ingen.alls@tanum.demo', systems.items[0]!.name, 'Läsare', '5 januari'],
  ]);

  await page.goto('/access-rights/import');
  await expect(page.getByRole('heading', { level: 1, name: 'Importera behörigheter' })).toBeVisible();
  await expectNoSeriousAxeViolations(page, '/access-rights/import');
  await page.locator('input[type=file]').setInputFiles({ name: 'behorigheter.csv', mimeType: 'text/csv', buffer: file });
  await page.getByRole('button', { name: 'Provkör' }).click();
  await expect(page.getByRole('heading', { name: 'Provkörning' })).toBeVisible();
  await expect(page.getByText('2 rader avvisas')).toBeVisible();
  const rows = page.getByTestId('import-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Avvisas');
  await expect(rows.nth(0)).toContainText('Behörighet: systemet har ingen sådan behörighetsnivå');
  await expect(rows.nth(1)).toContainText('E-post: ingen person med den e-postadressen');
  await expect(rows.nth(1)).toContainText('Startdatum: skriv datumet som ÅÅÅÅ-MM-DD');
  await expect(page.getByRole('button', { name: 'Importera', exact: true })).toBeDisabled();
  await expectNoSeriousAxeViolations(page, '/access-rights/import (dry run)');
  if (screenshots) await page.screenshot({ path: `${screenshots}/access-rights-import-sv.png`, fullPage: true });

  await setLocale(page.context(), 'en');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Import access rights' })).toBeVisible();
  await page.locator('input[type=file]').setInputFiles({ name: 'rights.csv', mimeType: 'text/csv', buffer: file });
  await page.getByRole('button', { name: 'Dry run' }).click();
  await expect(page.getByText('2 rows are refused')).toBeVisible();
  await expect(page.getByTestId('import-row').nth(0)).toContainText('the system has no such access level');
  await expectNoSeriousAxeViolations(page, '/access-rights/import (dry run, English)');
  if (screenshots) await page.screenshot({ path: `${screenshots}/access-rights-import-en.png`, fullPage: true });
  await setLocale(page.context(), 'sv');
});
