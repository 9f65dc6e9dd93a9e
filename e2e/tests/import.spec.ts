import { apiCall, chooseOption, expect, expectNoSeriousAxeViolations, setLocale, test } from './fixtures.ts';

const screenshots = process.env.SCREENSHOTS;

/** CSV as Swedish Excel saves it: semicolons, CRLF, Windows-1252, headers with trailing spaces. */
const windows1252Csv = (rows: string[][]) => Buffer.from(`${rows.map((row) => row.join(';')).join('\r\n')}\r\n`, 'latin1');

/**
 * The register's import as a new IT unit would do it (issue #17 §1): a SharePoint-like export with
 * Swedish headers and trailing spaces, one column the proposal does not know and the user maps,
 * the dry run's report, its spreadsheet, the apply with its progress, and the systems in the register.
 */
test('the register import: upload, correct a column, read the dry run, download its report, apply and see the systems', async ({
  loginAs,
}) => {
  const page = await loginAs('itUnit');
  const departments = await apiCall<{ items: Array<{ name: string }> }>(page, 'GET', '/departments?limit=1');
  const department = departments.items[0]!.name;
  const suffix = Date.now().toString(36);
  const names = [`Importerat ärendesystem ${suffix}`, `Importerad e-tjänst ${suffix}`];
  const file = windows1252Csv([
    ['Systemnamn ', 'Förvaltning ', 'Leverantör ', 'Driftläge ', 'Licenskostnad '],
    [names[0]!, department, 'Formpipe', 'I drift', '12 500 kr'],
    [names[1]!, department, 'Abou', 'Planerad', 'tolvtusen'],
  ]);

  await page.goto('/imports/register');
  await expect(page.getByRole('heading', { level: 1, name: 'Importera registret' })).toBeVisible();
  await expectNoSeriousAxeViolations(page, '/imports/register');
  await page.locator('input[type=file]').setInputFiles({ name: 'systemforteckning.csv', mimeType: 'text/csv', buffer: file });
  await expect(page.getByText('CSV-fil med 2 rader och 5 kolumner.')).toBeVisible();

  // The proposal knows the Swedish headers despite their spaces; "Driftläge" it takes for the hosting, and the user corrects it.
  const field = (column: string) => page.getByRole('combobox', { name: `Fält för kolumnen ${column}`, exact: true });
  await expect(field('Systemnamn')).toHaveValue('Systemnamn');
  await expect(field('Förvaltning')).toHaveValue('Ägande förvaltning');
  await expect(field('Driftläge')).toHaveValue('Drift (var)');
  await expect(page.getByTestId('mapping-row').filter({ hasText: 'Driftläge' })).toContainText('liknande namn');
  await chooseOption(page, 'Fält för kolumnen Driftläge', 'Livscykel');
  await expect(field('Driftläge')).toHaveValue('Livscykel');
  await expectNoSeriousAxeViolations(page, '/imports/register (mapping)');
  if (screenshots) await page.screenshot({ path: `${screenshots}/import-mapping-sv.png`, fullPage: true });

  await page.getByRole('button', { name: 'Provkör' }).click();
  await expect(page.getByRole('heading', { name: '3. Provkörning' })).toBeVisible();
  await expect(page.getByText('Provkörningen ändrade ingenting.')).toBeVisible();
  const rows = page.getByTestId('import-row');
  await expect(rows).toHaveCount(2);
  // The row with a cell it cannot read comes first, with the cell as the file has it and the reason.
  await expect(rows.nth(0)).toContainText(names[1]!);
  await expect(rows.nth(0)).toContainText('Licenskostnad: «tolvtusen» Talet kan inte läsas. (värdet lämnas ute)');
  await expect(rows.nth(1)).toContainText(names[0]!);
  await expect(rows.nth(1)).toContainText('skapas');
  await expectNoSeriousAxeViolations(page, '/imports/register (dry run)');
  if (screenshots) await page.screenshot({ path: `${screenshots}/import-dry-run-sv.png`, fullPage: true });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Ladda ner rapporten (XLSX)' }).click();
  expect((await download).suggestedFilename()).toBe('import-register-dry_run.xlsx');

  await page.getByRole('button', { name: 'Genomför importen' }).click();
  await expect(page.getByRole('heading', { name: '3. Genomförd import' })).toBeVisible();
  await expect(page.getByText('2 skapades och 0 ändrades.')).toBeVisible();
  await expectNoSeriousAxeViolations(page, '/imports/register (applied)');
  if (screenshots) await page.screenshot({ path: `${screenshots}/import-applied-sv.png`, fullPage: true });

  await page.getByRole('link', { name: 'Visa systemen' }).click();
  await expect(page).toHaveURL(/\/systems$/);
  await page.getByLabel('Sök system').fill(suffix);
  const systems = page.getByTestId('system-row');
  await expect(systems).toHaveCount(2);
  await expect(systems.filter({ hasText: names[0]! })).toContainText('I drift');
  await expect(systems.filter({ hasText: names[1]! })).toContainText('Planerad');

  // The same screen in English, its dry run of the same file now leaving both rows unchanged.
  await setLocale(page.context(), 'en');
  await page.goto('/imports/register');
  await expect(page.getByRole('heading', { level: 1, name: 'Import the register' })).toBeVisible();
  await page.locator('input[type=file]').setInputFiles({ name: 'register.csv', mimeType: 'text/csv', buffer: file });
  await chooseOption(page, 'Field for the column Driftläge', 'Lifecycle');
  await page.getByRole('button', { name: 'Dry run' }).click();
  await expect(page.getByRole('heading', { name: '3. Dry run' })).toBeVisible();
  await expect(page.getByTestId('import-row').filter({ hasText: names[0]! })).toContainText('unchanged');
  await expect(page.getByRole('button', { name: 'Apply the import' })).toBeDisabled();
  await expectNoSeriousAxeViolations(page, '/imports/register (dry run, English)');
  if (screenshots) await page.screenshot({ path: `${screenshots}/import-dry-run-en.png`, fullPage: true });
  await setLocale(page.context(), 'sv');
});

test('the people import: the administrator finds it in the menu, imports a person from HR, and the IT unit has no such entry', async ({
  loginAs,
}) => {
  const admin = await loginAs('administrator');
  const departments = await apiCall<{ items: Array<{ name: string }> }>(admin, 'GET', '/departments?limit=1');
  const email = `ny.medarbetare.${Date.now().toString(36)}@tanum.demo`;
  const file = windows1252Csv([
    ['Anställningsnummer ', 'E-post ', 'Förnamn', 'Efternamn', 'Förvaltning ', 'Startdatum'],
    ['HR-90001', email, 'Åsa', 'Ödman', departments.items[0]!.name, '2026-01-05'],
  ]);
  await admin.goto('/');
  await admin.getByRole('link', { name: 'Importera personer' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'Importera personer' })).toBeVisible();
  await expectNoSeriousAxeViolations(admin, '/imports/people');
  await admin.locator('input[type=file]').setInputFiles({ name: 'hr.csv', mimeType: 'text/csv', buffer: file });
  await expect(admin.getByRole('combobox', { name: 'Fält för kolumnen E-post', exact: true })).toHaveValue('E-post');
  await admin.getByRole('button', { name: 'Provkör' }).click();
  await expect(admin.getByTestId('import-row')).toContainText('Åsa Ödman');
  await admin.getByRole('button', { name: 'Genomför importen' }).click();
  await expect(admin.getByText('1 skapades och 0 ändrades.')).toBeVisible();
  await expectNoSeriousAxeViolations(admin, '/imports/people (applied)');
  if (screenshots) await admin.screenshot({ path: `${screenshots}/import-people-sv.png`, fullPage: true });
  await admin.getByRole('link', { name: 'Visa personerna' }).click();
  await expect(admin).toHaveURL(/\/people$/);

  const itUnit = await loginAs('itUnit');
  await itUnit.goto('/');
  await expect(itUnit.getByRole('link', { name: 'Importera registret' })).toBeVisible();
  await expect(itUnit.getByRole('link', { name: 'Importera personer' })).toHaveCount(0);
});
