import { apiCall, expect, expectNoSeriousAxeViolations, test } from './fixtures.ts';

interface Integration {
  providerSystemId: string;
  consumerSystemId: string;
  consumerSystemName: string;
}

test('revise a risk analysis with a risk owner, adjacent systems and a measure with owner and due date; the old version is kept', async ({
  loginAs,
}) => {
  test.setTimeout(90_000);
  const page = await loginAs('administrator');
  // A system with an integration neighbour, and a first analysis of it made through the API.
  const integrations = await apiCall<{ items: Integration[] }>(page, 'GET', '/integrations?limit=1');
  const { providerSystemId: systemId, consumerSystemName: neighbourName } = integrations.items[0]!;
  const first = await apiCall<{ id: string }>(page, 'POST', `/systems/${systemId}/risk-analyses`, {
    data: {
      scope: 'Driften av systemet',
      analysedOn: '2026-10-01',
      participants: ['IT-enheten'],
      scenarios: [
        {
          threat: 'Avbrott hos leverantören',
          consequenceDescription: 'Verksamheten står still.',
          likelihood: 2,
          consequence: 3,
          treatment: 'reduce',
          measures: [{ description: 'Reservrutin på papper', status: 'planned' }],
        },
      ],
    },
  });

  await page.goto(`/systems/${systemId}/risk-analyses/${first.id}`);
  await expect(page.getByText(/Version 1 · .* · Gällande/)).toBeVisible();
  await page.getByRole('button', { name: 'Revidera riskanalysen' }).click();
  const form = page.getByRole('dialog', { name: 'Revidera riskanalysen (ny version)' });
  await expect(form.getByRole('textbox', { name: 'Åtgärder (Scenario 1): åtgärd 1' })).toHaveValue('Reservrutin på papper');

  await form.getByLabel('Angränsande system (Scenario 1)', { exact: true }).fill(neighbourName);
  await page.getByRole('option', { name: neighbourName, exact: true }).click();
  await form.getByRole('combobox', { name: 'Riskägare (Scenario 1)' }).fill('Hansson');
  await page.getByRole('option', { name: /Sören Hansson/ }).click();
  await form.getByRole('combobox', { name: 'Ansvarig för åtgärd 1 (Scenario 1)' }).fill('Hansson');
  await page.getByRole('option', { name: /Sören Hansson/ }).click();
  await form.getByRole('textbox', { name: 'Klart senast, åtgärd 1 (Scenario 1)' }).fill('2027-03-31');
  await form.getByRole('textbox', { name: 'Klart senast, åtgärd 1 (Scenario 1)' }).press('Tab');
  await form.getByRole('combobox', { name: 'Status för åtgärd 1 (Scenario 1)' }).selectOption('in_progress');
  await form.getByRole('button', { name: 'Lägg till åtgärd (Scenario 1)' }).click();
  await form.getByRole('textbox', { name: 'Åtgärder (Scenario 1): åtgärd 2' }).fill('Avtal om återställningstid');
  await form.getByRole('combobox', { name: 'Kvarvarande sannolikhet (Scenario 1)' }).selectOption('1');
  await form.getByRole('combobox', { name: 'Kvarvarande konsekvens (Scenario 1)' }).selectOption('3');
  // An acceptance needs both who and why.
  await form.getByRole('textbox', { name: 'Accepterad av (Scenario 1)' }).fill('Förvaltningschefen');
  await expect(form.getByRole('button', { name: 'Spara riskanalysen' })).toBeDisabled();
  await form.getByRole('textbox', { name: 'Skäl (Scenario 1)' }).fill('Reservrutinen räcker i tre dagar');
  await form.getByRole('textbox', { name: 'Gäller till (Scenario 1)' }).fill('2027-12-31');
  await form.getByRole('textbox', { name: 'Gäller till (Scenario 1)' }).press('Tab');
  await expectNoSeriousAxeViolations(page, '/systems/:id/risk-analyses/:analysisId (revision dialog)');
  await form.getByRole('button', { name: 'Spara riskanalysen' }).click();
  await expect(form).toBeHidden();

  // The new version, with names; the old one kept, read-only.
  await expect(page).not.toHaveURL(new RegExp(first.id));
  await expect(page.getByText(/Version 2 · .* · Gällande/)).toBeVisible();
  const scenario = page.getByTestId('scenario-row');
  await expect(scenario.getByTestId('scenario-owner')).toHaveText('Riskägare: Sören Hansson');
  await expect(scenario.getByTestId('scenario-adjacent')).toContainText(neighbourName);
  await expect(scenario.getByTestId('scenario-measure').first()).toHaveText(
    'Reservrutin på papper (Pågår, Sören Hansson, klart senast 2027-03-31)',
  );
  await expect(scenario.getByTestId('scenario-measure').nth(1)).toHaveText('Avtal om återställningstid (Planerad)');
  await expect(scenario).toContainText('Accepterad av Förvaltningschefen till 2027-12-31: Reservrutinen räcker i tre dagar');
  await expectNoSeriousAxeViolations(page, '/systems/:id/risk-analyses/:analysisId (revised)');

  await page.getByRole('link', { name: 'Föregående version (1)' }).click();
  await expect(page).toHaveURL(new RegExp(`/risk-analyses/${first.id}$`));
  await expect(page.getByText(/Version 1 · .* · Ersatt av en nyare version/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Revidera riskanalysen' })).toHaveCount(0);
  await expect(page.getByTestId('scenario-measure')).toHaveText('Reservrutin på papper (Planerad)');
  await expect(page.getByTestId('scenario-owner')).toHaveCount(0);

  const versions = await apiCall<{ items: Array<{ revision: number; superseded: boolean }> }>(
    page,
    'GET',
    `/systems/${systemId}/risk-analyses`,
  );
  expect(versions.items.filter((item) => item.revision <= 2).map((item) => [item.revision, item.superseded])).toEqual(
    expect.arrayContaining([
      [2, false],
      [1, true],
    ]),
  );
});

test('mark a risk analysis confidential: the badge shows, and a department head sees that it exists but not its content', async ({
  loginAs,
}) => {
  test.setTimeout(90_000);
  const admin = await loginAs('administrator');
  const suffix = Date.now().toString(36);
  const departments = await apiCall<{ items: Array<{ id: string; name: string }> }>(admin, 'GET', '/departments?limit=100');
  const school = departments.items.find((department) => department.name === 'Barn- och utbildningsförvaltningen')!;
  const systemName = `Passersystem ${suffix}`;
  const system = await apiCall<{ id: string }>(admin, 'POST', '/systems', {
    data: { name: systemName, kind: 'department', ownerDepartmentId: school.id },
  });

  // The IT unit's form marks it with the paragraph it suggests.
  await admin.goto(`/systems/${system.id}#risks`);
  await admin.locator('#risks').getByRole('button', { name: 'Ny riskanalys' }).click();
  const form = admin.getByRole('dialog', { name: `Ny riskanalys för ${systemName}` });
  await form.getByRole('textbox', { name: 'Omfattning' }).fill('Skalskyddet i skolornas entréer');
  await form.getByRole('textbox', { name: 'Hot (Scenario 1)' }).fill('Kortläsarna kan kopieras');
  const mark = form.getByRole('combobox', { name: 'Sekretessmarkering (OSL-paragraf)' });
  await mark.fill('18 kap');
  await admin.getByRole('option', { name: '18 kap. 8 § OSL' }).click();
  await expect(mark).toHaveValue('18 kap. 8 § OSL');
  await expectNoSeriousAxeViolations(admin, 'the risk analysis form with its confidentiality mark');
  await form.getByRole('button', { name: 'Spara riskanalysen' }).click();
  await expect(form).toBeHidden();
  await expect(admin.getByTestId('confidential-badge')).toHaveText('Sekretess (18 kap. 8 § OSL)');
  await expect(admin.getByTestId('scenario-row')).toContainText('Kortläsarna kan kopieras');
  const analysisPath = new URL(admin.url()).pathname;
  await expectNoSeriousAxeViolations(admin, 'a confidential risk analysis');

  // The department head of the system's department: the analysis exists, its content is withheld, and why.
  const head = await loginAs('departmentHead');
  await head.goto(`/systems/${system.id}#risks`);
  const row = head.locator('#risks').getByRole('row').filter({ hasText: 'Sekretess (18 kap. 8 § OSL)' });
  await expect(row).toContainText('Visas inte (sekretess)');
  await head.goto(analysisPath);
  await expect(head.getByTestId('confidential-badge')).toHaveText('Sekretess (18 kap. 8 § OSL)');
  await expect(head.getByTestId('content-withheld')).toContainText('Innehållet visas inte för dig');
  await expect(head.getByTestId('content-withheld')).toContainText('sekretessmarkerad enligt 18 kap. 8 § OSL');
  await expect(head.getByText('Kortläsarna kan kopieras')).toHaveCount(0);
  await expect(head.getByRole('button', { name: 'Revidera riskanalysen' })).toHaveCount(0);
  await expectNoSeriousAxeViolations(head, 'a confidential risk analysis, withheld');
});
