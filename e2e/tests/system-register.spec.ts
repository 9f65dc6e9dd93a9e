import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { apiCall, chooseOption, expect, expectNoSeriousAxeViolations, systemIdByName, test } from './fixtures.ts';

test('find a system by search and filter, edit it, appoint a deputy, confirm it and see its graph', async ({ loginAs }) => {
  const page = await loginAs('administrator');
  const me = await apiCall<{ personId: string; name: string }>(page, 'GET', '/me');

  // Search and filter: the filters go into the address, so the view can be shared.
  await page.goto('/systems');
  // The demo's 123 systems, and any an earlier journey in this worker registered.
  await expect(page.getByText(/Visar 1–50 av (1[2-9]\d)\b/)).toBeVisible();
  await page.getByLabel('Sök system').fill('Adato');
  await expect(page.getByText('Visar 1–1 av 1')).toBeVisible();
  await expect(page).toHaveURL(/q=Adato/);
  await page.getByLabel('Sök system').fill('');
  await chooseOption(page, 'Systemägare (förvaltning)', 'Personalkontoret');
  await chooseOption(page, 'Livscykel', 'I drift');
  await expect(page).toHaveURL(/lifecycle=in_production/);
  const row = page.getByTestId('system-row').filter({ hasText: 'Adato' });
  await expect(row).toBeVisible();
  await expect(row).toContainText('I drift');
  const filteredUrl = page.url();

  // The shared address shows the same view.
  const other = await page.context().newPage();
  await other.goto(filteredUrl);
  await expect(other.getByTestId('system-row').filter({ hasText: 'Adato' })).toBeVisible();
  await other.close();

  await row.getByRole('link', { name: 'Adato' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Adato' })).toBeVisible();

  // Edit: the missing cost categories and a tag (saved with If-Match).
  await page.getByRole('button', { name: 'Redigera', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Redigera Adato' });
  await dialog.getByLabel('Licenser').fill('120000');
  await dialog.getByLabel('Drift', { exact: true }).fill('0');
  await dialog.getByLabel('Support', { exact: true }).fill('35000');
  await dialog.getByLabel('Leverantör', { exact: true }).fill('Adato AB');
  await dialog.getByRole('button', { name: 'Spara' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Ändringarna i Adato är sparade.')).toBeVisible();
  const costs = page.locator('#costs');
  await expect(costs).toContainText('120 000 kr');
  await expect(costs).toContainText('35 000 kr');
  await expect(page.locator('#overview')).toContainText('Adato AB');
  await expect(page.locator('#compliance').getByTestId('system-compliance-row').filter({ hasText: 'ITP-2-COST' })).toContainText(
    'Uppfyllt',
  );

  // Appoint the administrator's own person as a deputy; then she may confirm the record.
  await expect(page.getByRole('button', { name: 'Bekräfta uppgifterna' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Utse systemansvarig eller ersättare' }).click();
  const appoint = page.getByRole('dialog', { name: /Utse systemansvarig eller ersättare för Adato/ });
  await appoint.getByRole('combobox', { name: 'Person' }).fill('Strömberg');
  await page.getByRole('option', { name: /Agneta Strömberg/ }).click();
  await chooseOption(appoint, 'Roll', 'Ersättare');
  await appoint.getByLabel('Avsatt tid (timmar per vecka)').fill('2');
  await appoint.getByRole('button', { name: 'Utse systemansvarig eller ersättare' }).click();
  await expect(appoint).toBeHidden();
  await expect(page.getByTestId('assignment-row').filter({ hasText: me.name })).toContainText('Ersättare');

  await page.getByRole('button', { name: 'Bekräfta uppgifterna' }).click();
  await expect(page.getByText('Uppgifterna om Adato är bekräftade.')).toBeVisible();
  await expect(page.getByText(new RegExp(`Uppgifterna bekräftades senast \\d{4}-\\d{2}-\\d{2} av ${me.name}`))).toBeVisible();

  // Mina system lists it, confirmed.
  await page.goto('/my-systems');
  await expect(page.getByRole('heading', { level: 1, name: 'Mina system' })).toBeVisible();
  const adatoRow = page.getByTestId('my-system-row').filter({ hasText: 'Adato' });
  await expect(adatoRow).toContainText('Ersättare');
  // The failing clauses of every row on the page come from one request, and each row shows its own.
  await expect(adatoRow.getByRole('link', { name: /^ITP-/ }).or(adatoRow.getByText('Alla uppfyllda')).first()).toBeVisible();
  await expect(page.getByText('Laddar')).toHaveCount(0);

  // The graph of adjacent systems draws its nodes (React Flow, loaded on demand).
  await page.goto(`/systems/${await systemIdByName(page, 'Active Directory')}#integrations`);
  const graph = page.getByTestId('integration-graph');
  await expect(graph).toBeVisible();
  await expect(graph.locator('.react-flow__node').first()).toBeVisible();
  const nodes = await graph.locator('.react-flow__node').count();
  const rows = await page.getByTestId('integration-row').count();
  expect(nodes).toBeGreaterThan(1);
  expect(rows).toBeGreaterThan(0);
  await expect(graph.locator('.react-flow__node', { hasText: 'Active Directory' })).toBeVisible();

  // Each list of the system page keeps its state in the address under its own prefix, so a
  // shared link or a reload shows the same; the other lists are not touched.
  await page.getByRole('checkbox', { name: 'Visa avslutade uppdrag' }).check();
  await expect(page).toHaveURL(/people\.ended=true/);
  await page.locator('#history').getByLabel('Rader per sida').selectOption('25');
  await expect(page).toHaveURL(/history\.limit=25/);
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Visa avslutade uppdrag' })).toBeChecked();
  await expect(page.locator('#history').getByLabel('Rader per sida')).toHaveValue('25');
  await expect(page.getByTestId('integration-row').first()).toBeVisible();
});

test('a rule violation names its policy requirement', async ({ loginAs }) => {
  const page = await loginAs('administrator');
  // A planned system without a manager may not go into production (ITP-4.2-MANAGER).
  const department = (await apiCall<{ items: Array<{ id: string; name: string }> }>(page, 'GET', '/departments?limit=200')).items.find(
    (item) => item.name === 'IT-enheten',
  )!;
  const created = await apiCall<{ id: string }>(page, 'POST', '/systems', {
    data: { name: `Provsystem ${Date.now()}`, kind: 'shared', ownerDepartmentId: department.id },
  });
  await page.goto(`/systems/${created.id}`);
  await page.getByRole('button', { name: 'Redigera', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await chooseOption(dialog, 'Livscykel', 'I drift');
  await dialog.getByRole('button', { name: 'Spara' }).click();
  await expect(dialog.getByRole('alert')).toContainText('ITP-4.2-MANAGER');
});

test('export the filtered view to CSV and XLSX and read the files back', async ({ loginAs }) => {
  const page = await loginAs('administrator');
  await page.goto('/systems');
  await chooseOption(page, 'Systemägare (förvaltning)', 'IT-enheten');
  await chooseOption(page, 'Typ', 'Kommungemensamt');
  await expect(page).toHaveURL(/kind=shared/);
  await expect(page.getByText(/Visar 1–\d+ av \d+/)).toBeVisible();
  const shown = (await page.getByTestId('system-row').getByRole('link').allTextContents()).map((name) => name.trim());
  expect(shown.length).toBeGreaterThan(1);

  const download = async (label: RegExp) => {
    await page.getByRole('button', { name: 'Exportera' }).click();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: label }).click()]);
    return fs.readFileSync((await file.path())!);
  };

  const csv = (await download(/CSV/)).toString('utf8').replace(/^\uFEFF/, '');
  const [header, ...lines] = csv.trim().split(/\r?\n/);
  expect(header!.split(';')[0]).toBe('Namn');
  const csvNames = lines.map((line) => line.split(';')[0]!.replace(/^"|"$/g, ''));
  expect(csvNames).toEqual(shown);
  for (const line of lines) expect(line).toContain('IT-enheten');

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await download(/XLSX/)) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const xlsxNames: string[] = [];
  sheet.eachRow((row, index) => {
    if (index > 1) xlsxNames.push(String(row.getCell(1).value));
  });
  expect(xlsxNames).toEqual(shown);
});

test('the public register works logged out and shows only the published fields', async ({ page }) => {
  await page.goto('/public');
  await expect(page).toHaveURL(/\/public$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Publikt systemregister' })).toBeVisible();
  await chooseOption(page, 'Kommun', /Tanums kommun \(demo\)/);
  await expect(page).toHaveURL(/\/public\/1435$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Publikt systemregister – Tanums kommun (demo)' })).toBeVisible();
  await expect(page.getByText(/Visar 1–50 av \d+/)).toBeVisible();
  const headers = (await page.getByRole('columnheader').allTextContents()).map((text) => text.trim());
  expect(headers).toEqual(['System', 'Syfte', 'Systemägare', 'Typ', 'Livscykel', 'Leverantör']);
  // No names of staff anywhere.
  await expect(page.getByText('Åke Arvidsson')).toHaveCount(0);
  await page.getByLabel('Sök system').fill('Active Directory');
  await expect(page.getByText('Visar 1–1 av 1')).toBeVisible();
  await expect(page.getByTestId('public-row')).toContainText('Microsoft');
});

test('a department head edits the systems of their own department only: no edit button on another department’s system', async ({
  loginAs,
}) => {
  const page = await loginAs('departmentHead');
  // Procapita Vård och omsorg belongs to the care department; the head of Barn och utbildning does not keep it.
  await page.goto(`/systems/${await systemIdByName(page, 'Procapita Vård och omsorg')}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Procapita Vård och omsorg' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Redigera', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Ta bort', exact: true })).toHaveCount(0);
  await expectNoSeriousAxeViolations(page, 'another department’s system, as a department head');
  // Their own department's system: the button is there, so the absence above is the scope's doing.
  await page.goto(`/systems/${await systemIdByName(page, 'Procapita Utbildning')}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Procapita Utbildning' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Redigera', exact: true })).toBeVisible();
});
