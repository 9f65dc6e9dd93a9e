import { apiCall, chooseOption, expect, expectNoSeriousAxeViolations, systemIdByName, test } from './fixtures.ts';

const systemName = 'Prorenata Elevhälsa';

test('from a new project to an approved system in production, through a refused submission', async ({ loginAs }) => {
  test.setTimeout(120_000);
  const page = await loginAs('administrator');

  // The portfolio, and a new introduction project for a planned system.
  await page.goto('/projects');
  await expect(page.getByRole('heading', { level: 1, name: 'Införandeprojekt' })).toBeVisible();
  await expect(page.getByTestId('project-row').first()).toBeVisible();
  await expect(page.getByTestId('portfolio-totals')).toContainText(/\d kr engång/);
  await expectNoSeriousAxeViolations(page, '/projects');

  await page.getByRole('button', { name: 'Nytt projekt' }).click();
  const dialog = page.getByRole('dialog');
  await expectNoSeriousAxeViolations(page, '/projects (new project dialog)');
  await dialog.getByRole('textbox', { name: 'Projektnamn' }).fill('Införande av Prorenata Elevhälsa');
  await dialog.getByRole('combobox', { name: 'System', exact: true }).fill('Prorenata');
  await page.getByRole('option', { name: systemName }).click();
  await expect(dialog.getByRole('combobox', { name: 'Initierande förvaltning' })).not.toHaveValue('');
  await dialog.getByRole('button', { name: 'Skapa projektet' }).click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Införande av Prorenata Elevhälsa' })).toBeVisible();
  const projectUrl = page.url();

  // The gates' progress lists what is missing, each with its clause and a link to its section.
  const progress = page.locator('#progress');
  await expect(progress.getByTestId('gate-gap').filter({ hasText: 'Projektbeskrivning saknas.' })).toContainText('ITP-4.2.1-INITIATE');
  await expect(progress.getByRole('link', { name: 'Gå till projektbudgeten' })).toHaveAttribute('href', '#budget');

  // Start, then try to submit: refused, with the missing pieces listed.
  await page.getByRole('button', { name: 'Påbörja förberedelse' }).click();
  await expect(page.getByText('Under förberedelse').first()).toBeVisible();
  await page.getByRole('button', { name: 'Skicka för driftgodkännande' }).click();
  const refused = page.getByTestId('submit-refused');
  await expect(refused).toBeVisible();
  await expect(refused).toContainText('ITP-4.2.1-INITIATE');
  await expect(refused).toContainText('ITP-4.2.1-BUDGET');
  await expect(refused).toContainText('ITP-4.2.1-TRAIN-ADMINS');
  await expect(refused).toContainText('ITP-4.2.1-COMPLIANCE');
  await expect(refused).toContainText('ITP-4.2.1-RISK');
  await expectNoSeriousAxeViolations(page, '/projects/:id (refused submission)');

  // Project lead, documents, training plan entries and timeline.
  await page.getByRole('combobox', { name: 'Projektledare' }).fill('Hansson');
  await page.getByRole('option', { name: /Sören Hansson/ }).click();
  await page.getByRole('textbox', { name: 'Projektbeskrivning' }).fill('Elevhälsans journalsystem ersätter pappersjournaler.');
  await page.getByRole('textbox', { name: 'Systemspecifikation' }).fill('Molntjänst från Prorenata, inloggning med SITHS.');
  await page.getByRole('textbox', { name: 'Utbildningsplan (text)' }).fill('Utbildning i tre steg före driftstart.');
  await page.getByRole('button', { name: 'Lägg till utbildningsinsats' }).click();
  await page.getByRole('combobox', { name: 'Målgrupp 1' }).selectOption('system_managers');
  await page.getByRole('textbox', { name: 'Utbildning 1' }).fill('Administration och behörigheter');
  await page.getByRole('button', { name: 'Lägg till utbildningsinsats' }).click();
  await page.getByRole('combobox', { name: 'Målgrupp 2' }).selectOption('it_unit');
  await page.getByRole('textbox', { name: 'Utbildning 2' }).fill('Drift, integrationer och support');
  await page.getByRole('button', { name: 'Lägg till milstolpe' }).click();
  await page.getByRole('textbox', { name: 'Milstolpe 1' }).fill('Driftstart');
  await page.getByRole('textbox', { name: 'Datum 1' }).fill('2027-03-01');
  await page.getByRole('textbox', { name: 'Datum 1' }).press('Tab');
  await page.getByRole('button', { name: 'Spara projektdokumenten' }).click();
  await expect(page.getByText('Projektdokumenten är sparade.').first()).toBeVisible();
  await expect(progress).not.toContainText('Projektbeskrivning saknas.');
  await expect(progress).not.toContainText('ITP-4.2.1-TRAIN-ADMINS');

  // The budget: every category stated (zero counts as stated), totals summed.
  const budget = page.locator('#budget');
  const amounts: Record<string, [number, number]> = {
    Projektledning: [120000, 0],
    Konsulter: [80000, 0],
    Programvara: [150000, 60000],
    Servrar: [0, 0],
    Klienter: [0, 0],
    Nätverk: [0, 0],
    Kommunikation: [0, 0],
    Utbildning: [40000, 10000],
  };
  for (const [category, [oneOff, yearly]] of Object.entries(amounts)) {
    await budget.getByRole('textbox', { name: `${category}, Engång (kr)`, exact: true }).fill(String(oneOff));
    await budget.getByRole('textbox', { name: `${category}, Per år (kr)`, exact: true }).fill(String(yearly));
  }
  for (const resource of ['Nätverk', 'Kommunikation', 'Servrar', 'Arbetsplatser']) {
    await budget.getByRole('textbox', { name: `Förstärkning av gemensamma resurser: ${resource}, Engång (kr)` }).fill('0');
    await budget.getByRole('textbox', { name: `Förstärkning av gemensamma resurser: ${resource}, Per år (kr)` }).fill('0');
  }
  await expect(budget.getByTestId('budget-total-oneoff')).toHaveText(/390\s000 kr/);
  await budget.getByRole('button', { name: 'Spara projektbudgeten' }).click();
  await expect(page.getByText(/Projektbudgeten är sparad \(revision 1\)/).first()).toBeVisible();
  await expect(page.getByTestId('budget-chart')).toBeVisible();
  await expect(progress).not.toContainText('ITP-4.2.1-BUDGET');

  // The compliance analysis: every requirement judged.
  const compliance = page.locator('#compliance-analysis');
  const judgements = compliance.getByRole('combobox', { name: /^Bedömning av / });
  const count = await judgements.count();
  expect(count).toBeGreaterThan(10);
  for (let index = 0; index < count; index += 1) await judgements.nth(index).selectOption('meets');
  await compliance.getByRole('button', { name: 'Spara analysen av efterlevnad' }).click();
  await expect(compliance).toContainText('Analysen av efterlevnad är klar.');

  // The risk analysis with a scenario and a consequence description, on the system's page.
  const systemId = await systemIdByName(page, systemName);
  await page.locator('#risk-analysis').getByRole('link', { name: 'Öppna systemet' }).click();
  await expect(page).toHaveURL(new RegExp(`/systems/${systemId}#risks$`));
  const risks = page.locator('#risks');
  await expect(risks).toContainText('Systemet har ingen riskanalys.');
  await expectNoSeriousAxeViolations(page, '/systems/:id#risks');
  await risks.getByRole('button', { name: 'Ny riskanalys' }).click();
  const riskForm = page.getByRole('dialog');
  await riskForm.getByRole('textbox', { name: 'Omfattning' }).fill('Införandet av elevhälsans journalsystem');
  await riskForm.getByRole('textbox', { name: 'Deltagare' }).fill('Sören Hansson\nIT-enheten');
  await riskForm.getByRole('textbox', { name: 'Hot (Scenario 1)' }).fill('Obehörig åtkomst till elevhälsojournaler');
  await riskForm.getByRole('textbox', { name: 'Sårbarhet (Scenario 1)' }).fill('Delade konton på skolorna');
  await riskForm
    .getByRole('textbox', { name: 'Konsekvensbeskrivning (Scenario 1)' })
    .fill('Känsliga personuppgifter om barn röjs; allvarlig skada för den enskilde.');
  await riskForm.getByRole('combobox', { name: 'Sannolikhet (Scenario 1)', exact: true }).selectOption('2');
  await riskForm.getByRole('combobox', { name: 'Konsekvens (Scenario 1)', exact: true }).selectOption('4');
  await riskForm.getByRole('combobox', { name: 'Kvarvarande sannolikhet (Scenario 1)' }).selectOption('1');
  await riskForm.getByRole('combobox', { name: 'Kvarvarande konsekvens (Scenario 1)' }).selectOption('4');
  await riskForm.getByRole('textbox', { name: 'Åtgärder (Scenario 1)' }).fill('Inloggning med SITHS-kort');
  await expectNoSeriousAxeViolations(page, '/systems/:id#risks (risk analysis dialog)');
  await riskForm.getByRole('button', { name: 'Spara riskanalysen' }).click();
  await expect(riskForm).toBeHidden();
  await expect(page).toHaveURL(/\/risk-analyses\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: `Riskanalys för ${systemName}` })).toBeVisible();
  const matrix = page.getByTestId('risk-matrix');
  await expect(matrix.getByRole('columnheader', { name: /4\. / })).toBeVisible();
  await expect(matrix.getByTestId('cell-2-4')).toContainText('1 scenario');
  await expect(matrix.getByTestId('cell-2-4')).toContainText('Hög (8)');
  await expect(page.getByTestId('scenario-row')).toContainText('Obehörig åtkomst till elevhälsojournaler');
  await expectNoSeriousAxeViolations(page, '/systems/:id/risk-analyses/:analysisId');

  await page.goto(projectUrl);
  await expect(page.locator('#risk-analysis')).toContainText('1 scenario.');
  await expect(page.getByTestId('gate-ready')).toBeVisible();

  // Now the submission goes through.
  await page.getByRole('button', { name: 'Skicka för driftgodkännande' }).click();
  await expect(page.getByText('Inskickat för driftgodkännande').first()).toBeVisible();

  // The IT unit gives the operational approval with a diarienummer.
  const itPage = await loginAs('itUnit');
  await itPage.goto(projectUrl);
  await itPage.getByRole('button', { name: 'Ge driftgodkännande' }).click();
  const approval = itPage.getByRole('dialog');
  await approval.getByRole('textbox', { name: 'Vad som godkänns (omfattning)' }).fill('Elevhälsans journalföring i grundskolan');
  await approval.getByRole('textbox', { name: 'Godkänd version' }).fill('2026.4');
  await approval.getByRole('textbox', { name: 'Diarienummer' }).fill('KS 2026/412');
  await expectNoSeriousAxeViolations(itPage, '/projects/:id (approval form)');
  await approval.getByRole('button', { name: 'Ge driftgodkännande' }).click();
  await expect(approval).toBeHidden();
  await expect(itPage.getByText('Driftgodkänt').first()).toBeVisible();
  await expect(itPage.getByTestId('approval')).toContainText('KS 2026/412');
  await itPage.context().close();

  // With the approval the system can be set in production on its page.
  await page.goto(`/systems/${systemId}`);
  await page.getByRole('button', { name: 'Redigera', exact: true }).click();
  const edit = page.getByRole('dialog');
  await chooseOption(edit, 'Livscykel', 'I drift');
  await edit.getByRole('button', { name: 'Spara' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByText('I drift').first()).toBeVisible();
  const saved = await apiCall<{ lifecycle: string }>(page, 'GET', `/systems/${systemId}`);
  expect(saved.lifecycle).toBe('in_production');
});
