import { apiCall, expect, expectNoSeriousAxeViolations, setLocale, test } from './fixtures.ts';

const screenshots = process.env.SCREENSHOTS;

/** CSV as Swedish Excel saves it: semicolons, CRLF, Windows-1252 (Latin-1 for the letters used here). */
const windows1252Csv = (rows: string[][]) => Buffer.from(`${rows.map((row) => row.join(';')).join('\r\n')}\r\n`, 'latin1');

interface Listed {
  items: Array<{ id: string; name: string; maker?: string; model?: string; kind?: string; approvalState?: string }>;
}

// Issue #15: the IT unit imports an inventory from the equipment list. A dry run names the refused
// row's cell and why and applies nothing; the corrected file applies in full, its equipment opens
// from the report, and the same file again changes nothing.
test('the IT unit imports an inventory: dry run with a refused row, the corrected file applied, the same file again unchanged', async ({
  loginAs,
}) => {
  test.setTimeout(120_000);
  const it = await loginAs('itUnit');
  const suffix = Date.now().toString(36).toUpperCase();
  const departments = await apiCall<Listed>(it, 'GET', '/departments?limit=50');
  const department = departments.items.find((item) => !/IT/.test(item.name)) ?? departments.items[0]!;
  const header = ['Serienummer ', 'Inventarienummer', 'Typ', 'Beskrivning', 'Nät', 'Förvaltning', 'Status', 'Inköpsdatum'];
  const rows = [
    [`SN-${suffix}-1`, `INV-${suffix}-1`, 'Bärbar dator', 'Dell Latitude 5440', 'Skolnätet', department.name, 'I drift', '2025-08-15'],
    [`SN-${suffix}-2`, `INV-${suffix}-2`, 'Skrivare', 'Brother HL-L2350', 'Kommunhusets nät', department.name, 'I drift', '2024-02-01'],
  ];
  const broken = windows1252Csv([header, rows[0]!, [...rows[1]!.slice(0, 7), '1 februari 2024']]);
  const corrected = windows1252Csv([header, ...rows]);

  await it.goto('/assets');
  await it.getByRole('main').getByRole('link', { name: 'Importera', exact: true }).click();
  await expect(it.getByRole('heading', { level: 1, name: 'Importera utrustning' })).toBeVisible();
  await expectNoSeriousAxeViolations(it, '/assets/import');

  await it.locator('input[type=file]').setInputFiles({ name: 'inventering.csv', mimeType: 'text/csv', buffer: broken });
  await it.getByRole('button', { name: 'Provkör' }).click();
  await expect(it.getByRole('heading', { name: 'Provkörning' })).toBeVisible();
  await expect(it.getByText('1 rad avvisas')).toBeVisible();
  await expect(it.getByTestId('import-row')).toHaveCount(1);
  await expect(it.getByTestId('import-row').first()).toContainText('Inköpsdatum: skriv datumet som ÅÅÅÅ-MM-DD');
  await expect(it.getByRole('button', { name: 'Importera', exact: true })).toBeDisabled();
  await expectNoSeriousAxeViolations(it, '/assets/import (a refused row)');

  await it.locator('input[type=file]').setInputFiles({ name: 'inventering.csv', mimeType: 'text/csv', buffer: corrected });
  await it.getByRole('button', { name: 'Provkör' }).click();
  await expect(it.getByTestId('import-summary')).toContainText('2 rader i filen');
  await expect(it.getByTestId('import-row')).toHaveCount(2);
  await expect(it.getByTestId('import-row').first()).toContainText('Läggs till');
  await it.getByRole('button', { name: 'Importera', exact: true }).click();
  await expect(it.getByRole('status').filter({ hasText: 'Importen är genomförd' })).toBeVisible();
  await expect(it.getByText('2 lades till och 0 ändrades; 0 stämde redan.')).toBeVisible();
  await expectNoSeriousAxeViolations(it, '/assets/import (applied)');
  if (screenshots) await it.screenshot({ path: `${screenshots}/assets-import-sv.png`, fullPage: true });

  // The report links each new asset to its page, where the import's words became the register's values.
  await it.getByRole('link', { name: `SN-${suffix}-1` }).click();
  await expect(it.getByRole('heading', { level: 1 })).toContainText(`INV-${suffix}-1`);
  await expect(it.getByText('Skolnätet').first()).toBeVisible();

  await it.goto('/assets/import');
  await it.locator('input[type=file]').setInputFiles({ name: 'inventering.csv', mimeType: 'text/csv', buffer: corrected });
  await it.getByRole('button', { name: 'Provkör' }).click();
  await expect(it.getByText('Inget har ändrats, och filen ändrar ingenting')).toBeVisible();
  await expect(it.getByRole('button', { name: 'Importera', exact: true })).toBeDisabled();

  await setLocale(it.context(), 'en');
  await it.reload();
  await expect(it.getByRole('heading', { level: 1, name: 'Import equipment' })).toBeVisible();
  await it.locator('input[type=file]').setInputFiles({ name: 'inventory.csv', mimeType: 'text/csv', buffer: broken });
  await it.getByRole('button', { name: 'Dry run' }).click();
  await expect(it.getByText('1 row is refused')).toBeVisible();
  await expect(it.getByTestId('import-row').first()).toContainText('write the date as YYYY-MM-DD');
  await expectNoSeriousAxeViolations(it, '/assets/import (English)');
  if (screenshots) await it.screenshot({ path: `${screenshots}/assets-import-en.png`, fullPage: true });
  await setLocale(it.context(), 'sv');
});
