import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { expect, expectNoSeriousAxeViolations, setLocale, test } from './fixtures.ts';

// Issue #19's NIS2 status report: the IT chief opens it from the compliance view under the Act,
// reads the measures met, not met and not checked with their evidence and the systems in scope,
// and downloads it as XLSX and as PDF. Axe on the page in Swedish and in English.

const screenshots = process.env.SCREENSHOTS ?? '/tmp/forvalta-screens';

test('the IT chief reads the NIS2 status and downloads it as XLSX and PDF', async ({ loginAs }) => {
  test.setTimeout(120_000);
  const chief = await loginAs('itChief');
  await chief.goto('/compliance?framework=nis2');
  await chief.getByRole('link', { name: 'NIS2-status' }).click();
  await expect(chief.getByRole('heading', { level: 1, name: 'NIS2-status' })).toBeVisible();

  const measures = chief.getByTestId('nis2-report-measure');
  await expect(measures).toHaveCount(10);
  await expect(measures.filter({ hasText: 'Kryptografi' })).toContainText('Ej kontrollerade');
  await expect(
    measures.filter({ hasText: 'Riskanalys och informationssäkerhet' }).getByRole('link', { name: 'ITP-4.2.1-RISK-CURRENT' }),
  ).toBeVisible();
  await expect(chief.getByTestId('nis2-count-not_checked')).toHaveText('2');
  // The demo's systems flagged nis2, each with its owner and continuity.
  const systems = chief.getByTestId('nis2-report-system');
  expect(await systems.count()).toBeGreaterThan(0);
  await expectNoSeriousAxeViolations(chief, 'the NIS2 status report');
  await chief.screenshot({ path: `${screenshots}/nis2-report-sv.png`, fullPage: true });

  const [xlsx] = await Promise.all([
    chief.waitForEvent('download'),
    chief.getByRole('link', { name: 'Ladda ner som Excel (XLSX)' }).click(),
  ]);
  expect(xlsx.suggestedFilename()).toMatch(/^nis2-status-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(await xlsx.path())) as unknown as ArrayBuffer);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Åtgärder', 'System i omfattning']);
  expect(workbook.worksheets[0]!.rowCount).toBe(11);
  expect(workbook.worksheets[1]!.rowCount).toBe((await systems.count()) + 1);

  const [pdf] = await Promise.all([chief.waitForEvent('download'), chief.getByRole('link', { name: 'Ladda ner som PDF' }).click()]);
  expect(pdf.suggestedFilename()).toMatch(/^nis2-status-\d{4}-\d{2}-\d{2}\.pdf$/);
  expect((await readFile(await pdf.path())).subarray(0, 5).toString()).toBe('%PDF-');

  await setLocale(chief.context(), 'en');
  await chief.reload();
  await expect(chief.getByRole('heading', { level: 1, name: 'NIS2 status' })).toBeVisible();
  await expect(measures.filter({ hasText: 'Cryptography' })).toContainText('Not checked');
  await expectNoSeriousAxeViolations(chief, 'the NIS2 status report in English');
  await chief.screenshot({ path: `${screenshots}/nis2-report-en.png`, fullPage: true });
  await setLocale(chief.context(), 'sv');
});

test('an employee has no NIS2 status report', async ({ loginAs }) => {
  const employee = await loginAs('employee');
  await employee.goto('/compliance?framework=nis2');
  await expect(employee.getByRole('heading', { level: 1, name: 'Efterlevnad: cybersäkerhetslagen' })).toBeVisible();
  await expect(employee.getByRole('link', { name: 'NIS2-status' })).toHaveCount(0);
});
