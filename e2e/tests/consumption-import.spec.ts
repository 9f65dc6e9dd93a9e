import { apiCall, expect, expectNoSeriousAxeViolations, setLocale, test } from './fixtures.ts';

const screenshots = process.env.SCREENSHOTS;

/** CSV as Swedish Excel saves it: semicolons, CRLF, Windows-1252 (Latin-1 for the letters used here). */
const windows1252Csv = (rows: string[][]) => Buffer.from(`${rows.map((row) => row.join(';')).join('\r\n')}\r\n`, 'latin1');

// Issue #15 (ITP-7-LICENCE): the IT unit reads an inventory's counts from the licence page. The
// dry run names the refused row and why; the corrected file replaces the inventory's counts and the
// licence position shows the product over-consumed at once.
test('the IT unit imports an inventory of licence consumption: a refused row, the corrected file applied, the position over', async ({
  loginAs,
}) => {
  test.setTimeout(120_000);
  const it = await loginAs('itUnit');
  const suffix = Date.now().toString(36).toUpperCase();
  const product = `Ritprogram ${suffix}`;
  const software = await apiCall<{ id: string }>(it, 'POST', '/software', { data: { product, maker: 'Ritbolaget', origin: 'commercial' } });
  await apiCall(it, 'POST', '/licences', { data: { softwareId: software.id, metric: 'per_device', quantity: 5, validFrom: '2026-01-01' } });
  const header = ['Produkt ', 'Tillverkare', 'Typ', 'Antal installationer'];
  const broken = windows1252Csv([header, [product, 'Ritbolaget', 'Installationer', '7'], [`Okänd ${suffix}`, '', 'Installationer', '2']]);
  const corrected = windows1252Csv([header, [product, 'Ritbolaget', 'Installationer', '7']]);

  await it.goto('/licences');
  await it.getByRole('link', { name: 'Importera förbrukning' }).click();
  await expect(it.getByRole('heading', { level: 1, name: 'Importera licensförbrukning' })).toBeVisible();
  await expectNoSeriousAxeViolations(it, '/licences/import');
  await it.locator('input[type=file]').setInputFiles({ name: 'sccm.csv', mimeType: 'text/csv', buffer: broken });
  // The dry run waits for the inventory's name.
  await expect(it.getByRole('button', { name: 'Provkör' })).toBeDisabled();
  await it.getByRole('textbox', { name: 'Inventering' }).fill(`SCCM ${suffix}`);
  await it.getByRole('button', { name: 'Provkör' }).click();
  await expect(it.getByText('1 rad avvisas')).toBeVisible();
  await expect(it.getByTestId('import-row').first()).toContainText('ingen sådan produkt i programvaruregistret');
  await expect(it.getByRole('button', { name: 'Importera', exact: true })).toBeDisabled();
  await expectNoSeriousAxeViolations(it, '/licences/import (a refused row)');

  await it.locator('input[type=file]').setInputFiles({ name: 'sccm.csv', mimeType: 'text/csv', buffer: corrected });
  await it.getByRole('button', { name: 'Provkör' }).click();
  await expect(it.getByTestId('import-row')).toHaveCount(1);
  await expect(it.getByTestId('import-row').first()).toContainText('Läggs till');
  await it.getByRole('button', { name: 'Importera', exact: true }).click();
  await expect(it.getByText(`Inventeringen SCCM ${suffix} är inläst: 1 lades till, 0 ändrades och 0 togs bort.`)).toBeVisible();
  await expectNoSeriousAxeViolations(it, '/licences/import (applied)');
  if (screenshots) await it.screenshot({ path: `${screenshots}/consumption-import-sv.png`, fullPage: true });
  const position = await apiCall<{ items: Array<{ consumed: number; status: string }> }>(
    it,
    'GET',
    `/licence-position?softwareId=${software.id}`,
  );
  expect(position.items).toMatchObject([{ consumed: 7, status: 'over_consumed' }]);

  // Another inventory name is another import: the report of the first is gone and apply waits for a dry run.
  await it.getByRole('textbox', { name: 'Inventering' }).fill(`Intune ${suffix}`);
  await expect(it.getByTestId('import-summary')).toHaveCount(0);
  await expect(it.getByRole('button', { name: 'Importera', exact: true })).toBeDisabled();

  await setLocale(it.context(), 'en');
  await it.reload();
  await expect(it.getByRole('heading', { level: 1, name: 'Import licence consumption' })).toBeVisible();
  await it.getByRole('textbox', { name: 'Inventory' }).fill(`SCCM ${suffix}`);
  await it.locator('input[type=file]').setInputFiles({ name: 'sccm.csv', mimeType: 'text/csv', buffer: corrected });
  await it.getByRole('button', { name: 'Dry run' }).click();
  await expect(it.getByTestId('import-row').first()).toContainText('Unchanged');
  await expectNoSeriousAxeViolations(it, '/licences/import (English)');
  if (screenshots) await it.screenshot({ path: `${screenshots}/consumption-import-en.png`, fullPage: true });
  await setLocale(it.context(), 'sv');
});
