import type { Page } from '@playwright/test';
import { apiCall, expect, setLocale, test } from '../tests/fixtures.ts';

// Issue #16's confidential marking (ADR 0030) in both languages at a desktop width: a marked record
// of processing as the department head sees it (withheld), the register's confidential export
// dialog, a marked risk analysis withheld, for a person to look at (`npm run screenshots`). A tool, not a test.
const directory = process.env.SCREENSHOTS ?? '/tmp/forvalta-screens';

async function settle(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await page.waitForTimeout(600);
}

test('confidential records in Swedish and English', async ({ loginAs }) => {
  test.setTimeout(180_000);
  const admin = await loginAs('administrator');
  const departments = await apiCall<{ items: Array<{ id: string; name: string }> }>(admin, 'GET', '/departments?limit=100');
  const school = departments.items.find((department) => department.name === 'Barn- och utbildningsförvaltningen')!;
  const record = await apiCall<{ id: string }>(admin, 'POST', '/processing-activities', {
    data: {
      name: 'Kameraövervakning av skolgårdar',
      purpose: 'Förebygga skadegörelse nattetid',
      legalBasis: 'public_interest',
      controllerDepartmentId: school.id,
      confidentialOslParagraph: '18 kap. 8 § OSL',
    },
  });
  const system = await apiCall<{ id: string }>(admin, 'POST', '/systems', {
    data: { name: 'Passersystem skolor', kind: 'department', ownerDepartmentId: school.id },
  });
  const analysis = await apiCall<{ id: string }>(admin, 'POST', `/systems/${system.id}/risk-analyses`, {
    data: {
      scope: 'Skalskyddet',
      analysedOn: '2026-11-01',
      participants: ['IT-enheten'],
      scenarios: [{ threat: 'Kortläsare kopieras', likelihood: 2, consequence: 3, treatment: 'reduce' }],
      confidentialOslParagraph: '18 kap. 8 § OSL',
    },
  });
  const head = await loginAs('departmentHead');
  const officer = await loginAs('dataProtectionOfficer');
  for (const locale of ['sv', 'en'] as const) {
    for (const page of [admin, head, officer]) await setLocale(page.context(), locale);
    await head.goto(`/processing-activities/${record.id}`);
    await settle(head);
    await head.screenshot({ path: `${directory}/confidential-processing-withheld-${locale}.png`, fullPage: true });
    await admin.goto(`/processing-activities?q=${encodeURIComponent('Kameraövervakning')}`);
    await settle(admin);
    await admin.screenshot({ path: `${directory}/confidential-register-${locale}.png` });
    await admin.goto(`/processing-activities/${record.id}`);
    await settle(admin);
    await admin.getByRole('button', { name: locale === 'sv' ? 'Redigera' : 'Edit' }).click();
    await admin.waitForTimeout(800);
    await admin.getByRole('dialog').getByRole('combobox', { name: /OSL/ }).scrollIntoViewIfNeeded();
    await admin.screenshot({ path: `${directory}/confidential-processing-form-${locale}.png` });
    await officer.goto('/processing-activities');
    await settle(officer);
    await officer.getByRole('button', { name: locale === 'sv' ? 'Exportera' : 'Export' }).click();
    await officer.getByRole('menuitem', { name: /sekretessmarkerade|confidential records/ }).click();
    await officer.waitForTimeout(800);
    await officer.screenshot({ path: `${directory}/confidential-export-dialog-${locale}.png` });
    await head.goto(`/systems/${system.id}/risk-analyses/${analysis.id}`);
    await settle(head);
    await head.screenshot({ path: `${directory}/confidential-risk-withheld-${locale}.png`, fullPage: true });
  }
});
