import type { Page } from '@playwright/test';
import { adoptedDocument } from './document-helpers.ts';
import { apiCall, chooseOption, expect, expectNoSeriousAxeViolations, setLocale, test } from './fixtures.ts';

const guidelines = 'Riktlinjer för IT-säkerhet';

interface DepartmentCoverage {
  departmentName: string | null;
  subtree: { activeEmployees: number; acknowledged: number; open: number };
}
interface Coverage {
  versionId: string | null;
  total: { acknowledged: number; activeEmployees: number };
  departments: DepartmentCoverage[];
}

const securityGuidelines = (page: Page) => adoptedDocument(page, 'security_guidelines', guidelines, '2026-01-15');

async function departmentAcknowledged(page: Page, documentId: string, department: string): Promise<number> {
  const coverage = await apiCall<Coverage>(page, 'GET', `/acknowledgements/coverage/${documentId}`);
  const row = coverage.departments.find((entry) => entry.departmentName === department);
  expect(row, `coverage of ${department}`).toBeTruthy();
  return row!.subtree.acknowledged;
}

test('the IT chief adopts new security guidelines, an employee acknowledges them from the to-do list, and the coverage moves', async ({
  loginAs,
}) => {
  test.setTimeout(180_000);
  const admin = await loginAs('administrator');
  await securityGuidelines(admin);
  const chief = await loginAs('itChief');

  // The list of policy documents, the guidelines among them.
  await chief.goto('/documents');
  await expect(chief.getByRole('heading', { level: 1, name: 'Styrdokument' })).toBeVisible();
  await expect(chief.getByTestId('document-row').filter({ hasText: guidelines })).toBeVisible();
  await expectNoSeriousAxeViolations(chief, '/documents');

  await chief.getByRole('link', { name: guidelines, exact: true }).click();
  await expect(chief.getByRole('heading', { level: 1, name: guidelines })).toBeVisible();
  await expectNoSeriousAxeViolations(chief, '/documents/:id');
  const before = await securityGuidelines(chief);

  // A new draft from the text in force (or the one the demo left open), with a new paragraph.
  if (before.openVersion) {
    await chief.getByRole('link', { name: `Öppna version ${before.openVersion.number}` }).click();
  } else {
    await chief.getByRole('button', { name: 'Nytt utkast' }).click();
  }
  await expect(chief).toHaveURL(/\/documents\/[0-9a-f-]{36}\/versions\/[0-9a-f-]{36}$/);
  await expect(chief.getByTestId('version-state')).toHaveText(/Utkast|Under granskning/);
  // A version the demo left in review goes back to a draft for the edit.
  if ((await chief.getByTestId('version-state').textContent()) === 'Under granskning') {
    await chief.getByRole('button', { name: 'Dra tillbaka till utkast' }).click();
    await expect(chief.getByTestId('version-state')).toHaveText('Utkast');
  }
  await expectNoSeriousAxeViolations(chief, '/documents/:id/versions/:id (draft)');
  await chief.getByRole('button', { name: 'Redigera utkastet' }).click();
  const draftDialog = chief.getByRole('dialog');
  const text = draftDialog.getByRole('textbox', { name: 'Text' });
  const added = `Lösenord byts direkt vid misstanke om att någon annan känner till det (${Date.now()}).`;
  await text.fill(`${await text.inputValue()}\n\n${added}`);
  await draftDialog.getByRole('textbox', { name: 'Vad som ändrats' }).fill('Nytt stycke om byte av lösenord.');
  await expectNoSeriousAxeViolations(chief, '/documents/:id/versions/:id (edit draft)');
  await draftDialog.getByRole('button', { name: 'Spara utkastet' }).click();
  await expect(draftDialog).toHaveCount(0);
  const draftUrl = chief.url();

  // The diff against the version in force shows the new paragraph as added, by sign and word, not colour alone.
  await chief.getByRole('link', { name: /Jämför med gällande version/ }).click();
  await expect(chief.getByRole('heading', { level: 1, name: `Jämför versioner: ${guidelines}` })).toBeVisible();
  const addedLine = chief.locator('li[data-change="added"]').filter({ hasText: added });
  await expect(addedLine).toBeVisible();
  await expect(addedLine.locator('ins')).toContainText(`Tillagt: ${added}`);
  await expect(chief.getByTestId('diff-summary')).toContainText(/\d+ rad(er)? tillagda?/);
  await expectNoSeriousAxeViolations(chief, '/documents/:id/diff');

  // Submitted for review, then adopted: the preview says how many will be asked before the chief confirms.
  await chief.goto(draftUrl);
  await chief.getByRole('button', { name: 'Skicka på granskning' }).click();
  await expect(chief.getByTestId('version-state')).toHaveText('Under granskning');
  await chief.getByRole('button', { name: 'Anta versionen' }).click();
  const adoptDialog = chief.getByRole('dialog');
  await adoptDialog.getByRole('combobox', { name: 'Antagen av' }).fill('IT-chefen');
  // Typing on in the next field closes the suggestions under "Antagen av".
  await adoptDialog.getByRole('textbox', { name: 'Diarienummer eller paragraf' }).fill('IT 2026/14');
  const preview = adoptDialog.getByTestId('adoption-preview');
  await expect(preview).toContainText(/\d+ medarbetare kommer att ombes bekräfta/);
  // Ticking "editorial" changes the preview to carried-over acknowledgements; unticked again, everyone is asked.
  await adoptDialog.getByRole('checkbox', { name: 'Endast språkliga ändringar' }).check();
  await expect(preview).toContainText('Tidigare bekräftelser gäller');
  await adoptDialog.getByRole('checkbox', { name: 'Endast språkliga ändringar' }).uncheck();
  await expect(preview).toContainText(/\d+ medarbetare kommer att ombes bekräfta/);
  await expectNoSeriousAxeViolations(chief, '/documents/:id/versions/:id (adopt dialog)');
  await adoptDialog.getByRole('button', { name: /^Anta version \d+$/ }).click();
  await expect(adoptDialog).toHaveCount(0);
  await expect(chief.getByTestId('version-state')).toHaveText('Antagen');
  await expectNoSeriousAxeViolations(chief, '/documents/:id/versions/:id (adopted)');

  const adopted = await securityGuidelines(chief);
  expect(adopted.currentVersion?.id).not.toBe(before.currentVersion?.id);
  const acknowledgedBefore = await departmentAcknowledged(admin, adopted.id, 'Äldreomsorgen');

  // The employee (Äldreomsorgen) finds it on the to-do list, reads it and acknowledges it.
  const employee = await loginAs('employee');
  await employee.goto('/');
  const task = employee.getByRole('link', { name: new RegExp(`^${guidelines}`) }).first();
  await expect(task).toBeVisible();
  await task.click();
  await expect(employee).toHaveURL(new RegExp(`/documents/${adopted.id}/versions/${adopted.currentVersion!.id}$`));
  await expect(employee.getByRole('heading', { level: 1, name: guidelines })).toBeVisible();
  await expect(employee.getByTestId('version-text')).toContainText(added);
  await expect(employee.getByTestId('own-request')).toContainText('Du ombeds bekräfta att du har läst och förstått dokumentet senast');
  await expectNoSeriousAxeViolations(employee, '/documents/:id/versions/:id (reading view)');
  await employee.getByRole('button', { name: 'Jag har läst och förstått' }).click();
  await expect(employee.getByTestId('own-acknowledgement')).toContainText(/Bekräftat \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  await expect(employee.getByRole('button', { name: 'Jag har läst och förstått' })).toHaveCount(0);
  await expectNoSeriousAxeViolations(employee, '/documents/:id/versions/:id (acknowledged)');

  // The administrator sees Äldreomsorgen's coverage move by one, in the table under the chart.
  await admin.goto(`/documents/${adopted.id}/coverage`);
  await expect(admin.getByRole('heading', { level: 1, name: `Bekräftelser: ${guidelines}` })).toBeVisible();
  const row = admin.getByTestId('coverage-row').filter({ has: admin.getByRole('rowheader', { name: 'Äldreomsorgen', exact: true }) });
  await expect(row.getByRole('cell').nth(1)).toHaveText(String(acknowledgedBefore + 1));
  await expectNoSeriousAxeViolations(admin, '/documents/:id/coverage');

  // Reminders to those who have not acknowledged: registered, and the page says the e-mail is not sent yet.
  await admin.getByRole('button', { name: 'Påminn alla som inte bekräftat' }).click();
  const reminderDialog = admin.getByRole('dialog');
  await expect(reminderDialog).toContainText('E-post skickas ännu inte');
  await expectNoSeriousAxeViolations(admin, '/documents/:id/coverage (reminder dialog)');
  await reminderDialog.getByRole('button', { name: 'Registrera påminnelser' }).click();
  await expect(admin.getByText(/påminnelser är registrerade/)).toBeVisible();
});

test('a department head records an acknowledgement from paper for one of their own people', async ({ loginAs }) => {
  const document = await securityGuidelines(await loginAs('administrator'));
  const head = await loginAs('departmentHead');
  await head.goto(`/documents/${document.id}/coverage?people.state=requested`);
  await expect(head.getByRole('heading', { level: 1, name: `Bekräftelser: ${guidelines}` })).toBeVisible();
  // A head of Barn- och utbildning sees their own departments only.
  await expect(head.getByTestId('coverage-row').filter({ hasText: 'Äldreomsorgen' })).toHaveCount(0);
  const firstOpen = head.getByTestId('coverage-person').first();
  await expect(firstOpen).toBeVisible();
  const name = ((await firstOpen.getByRole('rowheader').textContent()) ?? '').trim();

  await head.getByRole('button', { name: 'Registrera från papper' }).click();
  const dialog = head.getByRole('dialog');
  await dialog.getByRole('combobox', { name: 'Medarbetare' }).fill(name.split(' ')[1] ?? name);
  await head
    .getByRole('option', { name: new RegExp(`^${name}`) })
    .first()
    .click();
  await dialog.getByRole('textbox', { name: 'Var pappret förvaras' }).fill('Pärm BoU 2026');
  await expectNoSeriousAxeViolations(head, '/documents/:id/coverage (paper record dialog)');
  await dialog.getByRole('button', { name: 'Registrera', exact: true }).click();
  await expect(dialog).toHaveCount(0);

  await head.goto(`/documents/${document.id}/coverage?people.state=acknowledged&people.q=${encodeURIComponent(name)}`);
  const recorded = head.getByTestId('coverage-person').filter({ hasText: name });
  await expect(recorded).toContainText('Bekräftat');
  await expect(recorded).toContainText('från papper (Maria Ek)');
  await expectNoSeriousAxeViolations(head, '/documents/:id/coverage (head)');
});

test('the documents list marks an overdue revision, and reads in English; a person page lists what they acknowledged', async ({
  loginAs,
}) => {
  const page = await loginAs('administrator');
  // Tanum's IT policy was adopted in 2002 and is long past "at least every third year" (ITP-13-REVISE).
  await adoptedDocument(page, 'it_policy', 'IT-policy för Tanums kommun', '2002-12-18');
  await page.goto('/documents?overdue=true');
  await expect(page.getByRole('heading', { level: 1, name: 'Styrdokument' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Endast försenad revidering' })).toBeChecked();
  const policy = page.getByTestId('document-row').filter({ hasText: 'IT-policy' }).first();
  await expect(policy).toContainText('Revidering försenad');
  await chooseOption(page, 'Typ', 'IT-policy');
  await expect(page).toHaveURL(/kind=it_policy/);
  await expect(page.getByTestId('document-row')).toHaveCount(1);
  await expectNoSeriousAxeViolations(page, '/documents (filtered)');

  await setLocale(page.context(), 'en');
  try {
    await page.goto('/documents?overdue=true');
    await expect(page.getByRole('heading', { level: 1, name: 'Policy documents' })).toBeVisible();
    await expect(page.getByTestId('document-row').filter({ hasText: 'IT policy' }).first()).toContainText('Revision overdue');
    await expectNoSeriousAxeViolations(page, '/documents (English)');
  } finally {
    await setLocale(page.context(), 'sv');
  }

  // The demo employee's page: the documents they were asked to read, with how it stands.
  const guidelinesDocument = await securityGuidelines(page);
  const people = await apiCall<{ items: Array<{ id: string }> }>(page, 'GET', '/people?q=Wallin&limit=5');
  await page.goto(`/people/${people.items[0]!.id}`);
  const section = page.getByRole('region', { name: 'Läsbekräftelser av styrdokument' });
  await expect(section).toBeVisible();
  await expect(section.getByTestId('person-acknowledgement').filter({ hasText: guidelinesDocument.title }).first()).toBeVisible();
  await expectNoSeriousAxeViolations(page, '/people/:id (acknowledgements)');
});
