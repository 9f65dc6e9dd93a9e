import { apiCall, chooseOption, expect, expectNoSeriousAxeViolations, test } from './fixtures.ts';

const screenshots = process.env.SCREENSHOTS;

interface ReviewSummary {
  id: string;
  systemId: string;
  systemName: string;
  heldOn: string | null;
  status: string;
}

test('a filtered review list keeps its filters and page in the address: reload and the back button', async ({ loginAs }) => {
  const page = await loginAs('administrator');
  await page.goto('/reviews');
  await expect(page.getByRole('heading', { level: 1, name: 'Genomgångar' })).toBeVisible();
  await chooseOption(page, 'Visa', 'Försenade');
  await expect(page).toHaveURL(/show=overdue/);
  await expect(page.getByTestId('review-row').first()).toBeVisible();
  const rows = page.getByTestId('review-row');
  const overdueCount = await rows.count();
  for (let index = 0; index < overdueCount; index += 1) await expect(rows.nth(index)).toContainText('Försenad');

  // A system's reviews, bookmarked: the address alone restores the view.
  const first = await apiCall<{ items: ReviewSummary[] }>(page, 'GET', '/reviews?overdue=true&limit=1&sort=plannedOn');
  const system = first.items[0]!;
  await chooseOption(page, 'System', system.systemName);
  await expect(page).toHaveURL(new RegExp(`systemId=${system.systemId}`));
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Visa' })).toHaveValue('Försenade');
  await expect(page.getByRole('combobox', { name: 'System', exact: true })).toHaveValue(system.systemName);
  // Earlier specs may have planned more reviews for this system: the server's count is the truth.
  const ofSystem = await apiCall<{ total: number }>(page, 'GET', `/reviews?overdue=true&systemId=${system.systemId}&limit=1`);
  await expect(page.getByTestId('review-row')).toHaveCount(ofSystem.total);
  for (const row of await page.getByTestId('review-row').all()) await expect(row).toContainText(system.systemName);
  await expectNoSeriousAxeViolations(page, '/reviews (filtered)');

  // Paging lives in the address too: the next page is a history entry of its own.
  const all = await apiCall<{ total: number }>(page, 'GET', '/reviews?limit=1');
  expect(all.total, 'the demo has more than one page of 25 reviews').toBeGreaterThan(25);
  await page.goto('/reviews?limit=25');
  await expect(page.getByText(`Visar 1–25 av ${all.total}`)).toBeVisible();
  await page.getByRole('button', { name: /Nästa/ }).click();
  await expect(page).toHaveURL(/cursors=/);
  await expect(page.getByText(/^Visar 26–/)).toBeVisible();
  await page.reload();
  await expect(page.getByText(/^Visar 26–/)).toBeVisible();
  await page.goBack();
  await expect(page.getByText(`Visar 1–25 av ${all.total}`)).toBeVisible();
});

test('the system page shows its held review and the rule, and the owner records a new review with the adjacent systems preselected', async ({
  loginAs,
}) => {
  const page = await loginAs('departmentHead');
  const me = await apiCall<{ roles: Array<{ role: string; departmentId: string | null }> }>(page, 'GET', '/me');
  const department = me.roles.find((role) => role.role === 'department_head')!.departmentId!;
  const held = await apiCall<{ items: ReviewSummary[] }>(
    page,
    'GET',
    `/reviews?status=held&ownerDepartmentId=${department}&sort=-plannedOn&limit=1`,
  );
  const review = held.items[0]!;
  expect(review, 'the department head’s department has a held review in the demo').toBeTruthy();
  const graph = await apiCall<{ nodes: Array<{ name: string; central: boolean }> }>(page, 'GET', `/systems/${review.systemId}/graph`);
  const neighbours = graph.nodes.filter((node) => !node.central).map((node) => node.name);

  await page.goto(`/systems/${review.systemId}#reviews`);
  const section = page.locator('section#reviews');
  await expect(section.getByRole('heading', { level: 2, name: 'Genomgångar' })).toBeVisible();
  await expect(section.getByTestId('review-rule-status')).toContainText('ITP-4.2-REVIEW');
  await expect(section.getByTestId('latest-held-review')).toContainText(`Senaste hållna genomgången (${review.heldOn})`);
  await expect(section.getByTestId('latest-held-review')).toContainText('Användning av systemet');
  await expectNoSeriousAxeViolations(page, '/systems/:id#reviews');
  if (screenshots) await section.screenshot({ path: `${screenshots}/system-reviews-sv.png` });

  await section.getByRole('button', { name: 'Registrera hållen genomgång' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('textbox', { name: 'Hölls den' })).not.toHaveValue('');
  // Every adjacent system from the integration graph is offered to be ticked.
  for (const name of neighbours) await expect(dialog.getByRole('checkbox', { name: `${name} beaktat` })).toBeVisible();
  for (const name of neighbours) await dialog.getByRole('checkbox', { name: `${name} beaktat` }).check();
  await dialog.getByRole('button', { name: 'Lägg till deltagare' }).click();
  await dialog.getByRole('textbox', { name: 'Namn (deltagare 1)' }).fill('Petra Lind');
  await dialog.getByRole('checkbox', { name: 'Från IT-enheten (deltagare 1)' }).check();
  await dialog.getByRole('textbox', { name: 'Användning av systemet' }).fill('Används av alla enheter.');
  await dialog.getByRole('textbox', { name: 'Samordning med andra system' }).fill('Inga dubbla registreringar.');
  await dialog.getByRole('textbox', { name: 'Effektiviseringsvinster' }).fill('Digital blankett sparar tid.');
  await dialog.getByRole('textbox', { name: 'Iakttagelser' }).fill('Behörigheterna ses över en gång per år.');
  await dialog.getByRole('button', { name: 'Lägg till åtgärd' }).click();
  await dialog.getByRole('textbox', { name: 'Åtgärd 1', exact: true }).fill('Ompröva behörigheter');
  await dialog.getByRole('combobox', { name: 'Ansvarig (åtgärd 1)' }).fill('Maria Ek');
  await page
    .getByRole('option', { name: /^Maria Ek/ })
    .first()
    .click();
  await dialog.getByRole('textbox', { name: 'Senast (åtgärd 1)' }).fill('2027-03-01');
  await dialog.getByRole('textbox', { name: 'Senast (åtgärd 1)' }).press('Tab');
  // Moving on closes the date picker's calendar.
  await dialog.getByRole('textbox', { name: 'Iakttagelser' }).click();
  await expect(page.locator('.mantine-DateInput-calendarHeaderControl')).toHaveCount(0);
  await expectNoSeriousAxeViolations(page, '/systems/:id#reviews (record dialog)');
  if (screenshots) await page.screenshot({ path: `${screenshots}/system-review-dialog-sv.png` });
  await dialog.getByRole('button', { name: 'Spara genomgången' }).click();
  await expect(dialog).toBeHidden();

  // The new review is the latest held one, with its IT unit participant marked and its action's owner named.
  const latest = section.getByTestId('latest-held-review');
  await expect(latest).toContainText('Digital blankett sparar tid.');
  await expect(latest).toContainText('Petra Lind');
  await expect(latest).toContainText('IT-enheten');
  await expect(latest).toContainText('Ompröva behörigheter');
  await expect(latest).toContainText('Maria Ek');
  await expect(latest).toContainText('2027-03-01');
  await expect(section.getByTestId('review-rule-status')).toContainText('Uppfyllt');

  // Its own page, reached from the section's table.
  await section.getByTestId('system-review-row').filter({ hasText: 'Hållen' }).first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^Genomgång av ${review.systemName}`) })).toBeVisible();
  await expect(page.getByText('Behörigheterna ses över en gång per år.')).toBeVisible();
  await expectNoSeriousAxeViolations(page, '/reviews/:id');
  if (screenshots) await page.screenshot({ path: `${screenshots}/review-sv.png`, fullPage: true });
});
