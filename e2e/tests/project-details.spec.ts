import type { Page } from '@playwright/test';
import { apiCall, chooseOption, expect, expectNoSeriousAxeViolations, setLocale, test } from './fixtures.ts';

const categories = ['project_management', 'consultants', 'software', 'servers', 'clients', 'network', 'communication', 'training'];
const sharedResources = ['network', 'communication', 'servers', 'workstations'];

/** A complete budget with every amount 0 except the software's one-off cost. */
function budget(softwareOneOff: number) {
  const zero = () => ({ oneOff: 0, yearly: 0 });
  return {
    categories: Object.fromEntries(categories.map((key) => [key, key === 'software' ? { oneOff: softwareOneOff, yearly: 0 } : zero()])),
    sharedReinforcements: Object.fromEntries(sharedResources.map((key) => [key, zero()])),
    note: null,
  };
}

/** A new draft project for a demo system, made through the API. */
async function newProject(page: Page, title: string) {
  const systems = await apiCall<{ items: Array<{ id: string; ownerDepartmentId: string }> }>(page, 'GET', '/systems?q=Matsedel&limit=1');
  const system = systems.items[0]!;
  return apiCall<{ id: string; version: number }>(page, 'POST', '/projects', {
    data: { kind: 'upgrade', title, systemId: system.id, departmentId: system.ownerDepartmentId },
  });
}

test('revise a budget and read its history; name a person in the training plan; add and remove a link', async ({ loginAs }) => {
  test.setTimeout(90_000);
  const page = await loginAs('administrator');
  const project = await newProject(page, `Uppgradering av matsedeln ${Date.now()}`);
  // The first revision through the API (PUT is not among apiCall's methods).
  const me = (await (await page.request.get('/api/v1/me')).json()) as { csrfToken: string };
  const first = await page.request.put(`/api/v1/projects/${project.id}/budget`, {
    data: budget(100000),
    headers: { 'X-CSRF-Token': me.csrfToken, 'If-Match': `"${project.version}"` },
  });
  expect(first.status()).toBe(200);

  await page.goto(`/projects/${project.id}`);
  const budgetSection = page.locator('#budget');
  await expect(budgetSection).toContainText('Revision 1, registrerad');
  await budgetSection.getByRole('textbox', { name: 'Programvara, Engång (kr)', exact: true }).fill('150000');
  await budgetSection.getByRole('textbox', { name: 'Utbildning, Per år (kr)', exact: true }).fill('12000');
  await budgetSection.getByRole('button', { name: 'Spara projektbudgeten' }).click();
  await expect(page.getByText(/Projektbudgeten är sparad \(revision 2\)/).first()).toBeVisible();

  // The history: newest first, what changed per category, and the earlier table on request.
  const history = page.getByTestId('budget-history');
  const rows = history.getByTestId('budget-revision-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('gällande');
  await expect(rows.first()).toContainText(/Programvara, engång: 100\s000 kr → 150\s000 kr/);
  await expect(rows.first()).toContainText(/Utbildning, per år: 0 kr → 12\s000 kr/);
  await expect(rows.nth(1)).toContainText('Första revisionen.');
  await expectNoSeriousAxeViolations(page, '/projects/:id (budget history)');
  await history.getByRole('button', { name: 'Visa revision 1' }).click();
  const earlier = page.getByRole('dialog', { name: 'Projektbudget, revision 1' });
  await expect(earlier.getByTestId('budget-revision-total-oneoff')).toHaveText(/100\s000 kr/);
  await expect(earlier.getByRole('row', { name: /Programvara/ })).toContainText(/100\s000/);
  await expectNoSeriousAxeViolations(page, '/projects/:id (earlier budget revision)');
  await page.keyboard.press('Escape');
  await expect(earlier).toBeHidden();

  // A training entry for a named person from the register.
  const training = page.locator('#training');
  await training.getByRole('button', { name: 'Lägg till utbildningsinsats' }).click();
  await training.getByRole('combobox', { name: 'Målgrupp 1' }).selectOption('person');
  await expect(training.getByText('Välj personen som utbildas.')).toBeVisible();
  await training.getByRole('combobox', { name: 'Namngiven person 1' }).fill('Hansson');
  await page.getByRole('option', { name: /Sören Hansson/ }).click();
  await training.getByRole('textbox', { name: 'Utbildning 1' }).fill('Administratörsutbildning hos leverantören');
  await page.getByRole('button', { name: 'Spara projektdokumenten' }).click();
  await expect(page.getByText('Projektdokumenten är sparade.').first()).toBeVisible();
  const saved = await apiCall<{ trainingPlan: { entries: Array<{ audience: string; personName: string | null }> } }>(
    page,
    'GET',
    `/projects/${project.id}`,
  );
  expect(saved.trainingPlan.entries).toEqual([expect.objectContaining({ audience: 'person', personName: 'Sören Hansson' })]);
  await page.reload();
  await expect(page.locator('#training').getByRole('combobox', { name: 'Namngiven person 1' })).toHaveAttribute(
    'placeholder',
    'Sören Hansson',
  );

  // Links: only http(s) addresses; added and removed at once.
  const links = page.locator('#links');
  await expect(links).toContainText('Projektet har inga länkar.');
  await links.getByRole('textbox', { name: 'Rubrik', exact: true }).fill('Upphandlingsunderlag');
  await links.getByRole('textbox', { name: 'Webbadress' }).fill('ftp://example.se/underlag');
  await links.getByRole('button', { name: 'Lägg till länk' }).click();
  await expect(links.getByText('Ange en webbadress som börjar med https:// eller http://.')).toBeVisible();
  await links.getByRole('textbox', { name: 'Webbadress' }).fill('https://example.se/upphandling');
  await links.getByRole('button', { name: 'Lägg till länk' }).click();
  await expect(links.getByRole('link', { name: 'Upphandlingsunderlag' })).toHaveAttribute('href', 'https://example.se/upphandling');
  await expect(links.getByRole('textbox', { name: 'Rubrik', exact: true })).toHaveValue('');
  await expectNoSeriousAxeViolations(page, '/projects/:id (training person and links)');
  await links.getByRole('button', { name: 'Ta bort länken Upphandlingsunderlag' }).click();
  await expect(links).toContainText('Projektet har inga länkar.');
  const afterRemoval = await apiCall<{ links: unknown[] }>(page, 'GET', `/projects/${project.id}`);
  expect(afterRemoval.links).toEqual([]);

  // English, once: the new sections' words.
  await setLocale(page.context(), 'en');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Revisions of the budget' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Attachments and links' })).toBeVisible();
  await expect(page.getByTestId('budget-revision-row').first()).toContainText(/Software, one-off: 100,000 kr → 150,000 kr/);
  await expect(page.locator('#training').getByRole('combobox', { name: 'Named person 1' })).toHaveAttribute('placeholder', 'Sören Hansson');
  await setLocale(page.context(), 'sv');
});

test('the portfolio keeps its filters and page in the address over a reload', async ({ loginAs }) => {
  test.setTimeout(90_000);
  const page = await loginAs('administrator');
  const prefix = `Sidbyte ${Date.now()}`;
  for (let number = 1; number <= 26; number += 1) await newProject(page, `${prefix} ${String(number).padStart(2, '0')}`);

  await page.goto('/projects');
  await page.getByRole('searchbox', { name: 'Sök' }).fill(prefix);
  await expect(page).toHaveURL(/q=Sidbyte/);
  await chooseOption(page, 'Status', 'Utkast');
  await expect(page).toHaveURL(/state=draft/);
  await expect(page.getByText('Visar 1–25 av 26')).toBeVisible();
  await page.getByRole('button', { name: 'Nästa sida' }).click();
  await expect(page.getByText('Visar 26–26 av 26')).toBeVisible();
  await expect(page).toHaveURL(/cursors=/);

  await page.reload();
  await expect(page.getByText('Visar 26–26 av 26')).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Sök' })).toHaveValue(prefix);
  await expect(page.getByRole('combobox', { name: 'Status', exact: true })).toHaveValue('Utkast');
  await expect(page.getByTestId('project-row')).toHaveCount(1);
  await expectNoSeriousAxeViolations(page, '/projects (filtered, second page)');

  // Back to the first page; a new filter starts at the first page again.
  await page.getByRole('button', { name: 'Föregående sida' }).click();
  await expect(page.getByText('Visar 1–25 av 26')).toBeVisible();
  await page.getByRole('button', { name: 'Nästa sida' }).click();
  await chooseOption(page, 'Typ av projekt', 'Uppgradering');
  await expect(page).not.toHaveURL(/cursors=/);
  await expect(page.getByText('Visar 1–25 av 26')).toBeVisible();
});
