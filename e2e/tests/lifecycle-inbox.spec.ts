import { expect, expectNoSeriousAxeViolations, test } from './fixtures.ts';

test('a change notice is reported, and the IT unit acknowledges it from its inbox, open and overdue first', async ({ loginAs }) => {
  const page = await loginAs('administrator');
  await page.goto('/change-notices');
  await expect(page.getByRole('heading', { level: 1, name: 'Ändringsanmälningar' })).toBeVisible();
  await expect(page.getByTestId('notice-row').first()).toContainText('Ej bekräftad');
  await expectNoSeriousAxeViolations(page, '/change-notices');

  await page.getByRole('button', { name: 'Ny ändringsanmälan' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Rubrik' }).fill('Flytt av Prorenata till ny datahall');
  await dialog.getByRole('combobox', { name: 'Berörda system' }).fill('Prorenata');
  await page.getByRole('option', { name: 'Prorenata Elevhälsa' }).click();
  // The options stay open for more choices; moving on closes them.
  await dialog.getByRole('textbox', { name: 'Rubrik' }).click();
  await expect(page.getByRole('option', { name: 'Prorenata Elevhälsa' })).toBeHidden();
  await dialog.getByRole('button', { name: 'Skicka ändringsanmälan' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByTestId('notice-row').filter({ hasText: 'Flytt av Prorenata till ny datahall' });
  await expect(row).toContainText('Ej bekräftad');

  // The IT unit: the overdue notices are marked, and it acknowledges the new one.
  const itPage = await loginAs('itUnit');
  await itPage.goto('/change-notices');
  await expect(itPage.getByTestId('notice-row').filter({ hasText: 'Försenad' }).first()).toBeVisible();
  await expectNoSeriousAxeViolations(itPage, '/change-notices (IT unit)');
  await itPage.getByRole('button', { name: 'Bekräfta: Flytt av Prorenata till ny datahall' }).click();
  const acknowledge = itPage.getByRole('dialog');
  await acknowledge.getByRole('textbox', { name: 'Anteckning (frivillig)' }).fill('Planeras in med leverantören.');
  await acknowledge.getByRole('button', { name: 'Bekräfta' }).click();
  await expect(acknowledge).toBeHidden();
  await expect(itPage.getByTestId('notice-row').filter({ hasText: 'Flytt av Prorenata till ny datahall' })).toContainText('Bekräftad');
  await itPage.context().close();
});

test('the review planning list marks overdue reviews, and a review is held with the evaluations of §3', async ({ loginAs }) => {
  const page = await loginAs('administrator');
  await page.goto('/reviews');
  await expect(page.getByRole('heading', { level: 1, name: 'Genomgångar' })).toBeVisible();
  const overdue = page.getByTestId('review-row').filter({ hasText: 'Försenad' }).first();
  await expect(overdue).toBeVisible();
  await expectNoSeriousAxeViolations(page, '/reviews');

  await overdue.getByRole('button', { name: /^Öppna genomgången av/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Hölls den' }).fill('2026-11-20');
  await dialog.getByRole('textbox', { name: 'Hölls den' }).press('Tab');
  await dialog.getByRole('button', { name: 'Lägg till deltagare' }).click();
  const last = dialog.getByRole('textbox', { name: /^Namn \(deltagare \d+\)$/ }).last();
  await last.fill('Agneta Strömberg');
  await dialog
    .getByRole('checkbox', { name: /^Från IT-enheten/ })
    .last()
    .check();
  await dialog.getByRole('textbox', { name: 'Användning av systemet' }).fill('Används av alla skolor.');
  await dialog.getByRole('textbox', { name: 'Samordning med andra system' }).fill('Integrationen mot elevregistret fungerar.');
  await dialog.getByRole('textbox', { name: 'Effektiviseringsvinster' }).fill('Mindre dubbelregistrering.');
  await expectNoSeriousAxeViolations(page, '/reviews (review form)');
  await dialog.getByRole('button', { name: 'Spara genomgången' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Genomgången är sparad.').first()).toBeVisible();
});

test('a department head sees the submitted project and its budget gap, but cannot give the operational approval', async ({ loginAs }) => {
  const page = await loginAs('departmentHead');
  await page.goto('/projects');
  await page.getByRole('link', { name: 'Uppgradering av Google Workspace for Education' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Uppgradering av Google Workspace for Education' })).toBeVisible();
  await expect(page.getByText('Inskickat för driftgodkännande').first()).toBeVisible();
  await expect(page.locator('#budget').getByText('ej angivet').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ge driftgodkännande' })).toHaveCount(0);
  await expectNoSeriousAxeViolations(page, '/projects/:id (department head, read-only)');
});
