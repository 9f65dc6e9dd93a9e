import { apiCall, chooseOption, expect, expectNoSeriousAxeViolations, setLocale, test } from './fixtures.ts';

// Issue #16's screens: a record of processing is made from a system's page, reviewed by the data
// protection officer from their queue, and the system's ITP-8-PERSONAL-DATA result turns green; the
// functional mailboxes show their coverage. The spec makes its own system and mailbox, so it works
// whether or not the demo holds records of processing.

test('record a processing for a system, review it as the data protection officer, and see the system pass ITP-8-PERSONAL-DATA', async ({
  loginAs,
}) => {
  test.setTimeout(120_000);
  const admin = await loginAs('administrator');
  const suffix = Date.now().toString(36);
  const departments = await apiCall<{ items: Array<{ id: string }> }>(admin, 'GET', '/departments?limit=1');
  const systemName = `Elevhälsojournal ${suffix}`;
  const activityName = `Elevhälsans journalföring ${suffix}`;
  const system = await apiCall<{ id: string }>(admin, 'POST', '/systems', {
    data: { name: systemName, kind: 'department', ownerDepartmentId: departments.items[0]!.id, processesPersonalData: true },
  });
  const complianceRow = () => admin.locator('#compliance').getByTestId('system-compliance-row').filter({ hasText: 'ITP-8-PERSONAL-DATA' });

  // The system fails the rule: no record of processing covers it; its section says so.
  await admin.goto(`/systems/${system.id}#privacy`);
  await expect(admin.getByRole('heading', { level: 1, name: systemName })).toBeVisible();
  await expect(complianceRow()).toContainText('Ej uppfyllt');
  const section = admin.locator('#privacy');
  await expect(section).toContainText('Ingen behandling i registerförteckningen täcker systemet.');
  await expectNoSeriousAxeViolations(admin, 'a system page with its record of processing section');

  // "Ny" opens the form with the system and its owner chosen.
  await section.getByRole('button', { name: `Ny behandling i ${systemName}` }).click();
  const dialog = admin.getByRole('dialog', { name: 'Ny behandling' });
  await expect(dialog.getByText(systemName)).toBeVisible();
  await expectNoSeriousAxeViolations(admin, 'the record of processing form');
  await dialog.getByRole('textbox', { name: 'Benämning' }).fill(activityName);
  await dialog.getByRole('textbox', { name: 'Ändamål' }).fill('Journalföring av elevhälsans medicinska insatser enligt patientdatalagen.');
  await chooseOption(dialog, 'Rättslig grund', /Rättslig förpliktelse/);
  await dialog.getByRole('textbox', { name: 'Gallring' }).fill('Bevaras enligt patientdatalagen, 10 år');
  await dialog.getByRole('button', { name: 'Lägg till', exact: true }).click();
  await expect(dialog).toBeHidden();

  // The record's page: pending, never reviewed, linked to its system.
  await expect(admin.getByRole('heading', { level: 1, name: activityName })).toBeVisible();
  await expect(admin).toHaveURL(/\/processing-activities\/[\w-]+$/);
  const activityPath = new URL(admin.url()).pathname;
  await expect(admin.getByText('Väntar på granskning').first()).toBeVisible();
  await expect(admin.getByText('Aldrig granskad', { exact: false })).toBeVisible();
  await expect(admin.locator('#data').getByRole('link', { name: systemName })).toBeVisible();
  await expect(admin.getByText('Behandlingen har inte granskats än.')).toBeVisible();
  await expectNoSeriousAxeViolations(admin, 'a record of processing');

  // The register finds it among those without a current review, and the export keeps the filter.
  await admin.goto('/processing-activities');
  await expect(admin.getByRole('heading', { level: 1, name: 'Registerförteckning' })).toBeVisible();
  await admin.getByRole('checkbox', { name: 'Bara utan giltig granskning' }).check();
  await expect(admin).toHaveURL(/missingReview=true/);
  await admin.getByRole('searchbox', { name: 'Sök behandling' }).fill(suffix);
  await expect(admin.getByTestId('processing-activity-row')).toHaveCount(1);
  await expect(admin.getByTestId('processing-activity-row')).toContainText(activityName);
  await expectNoSeriousAxeViolations(admin, 'the record of processing, filtered');
  await admin.getByRole('button', { name: 'Exportera' }).click();
  for (const [name, format, type] of [
    ['Exportera (XLSX)', 'xlsx', 'spreadsheetml'],
    ['Exportera (PDF)', 'pdf', 'application/pdf'],
  ] as const) {
    const link = admin.getByRole('menuitem', { name });
    await expect(link).toHaveAttribute('href', new RegExp(`format=${format}.*missingReview=true|missingReview=true.*format=${format}`));
    // The file the link names answers with the filters on screen.
    const file = await admin.request.get((await link.getAttribute('href'))!);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain(type);
  }
  await admin.keyboard.press('Escape');

  // The officer finds it in their queue and approves it.
  const officer = await loginAs('dataProtectionOfficer');
  await officer.goto('/processing-activities/queue');
  await expect(officer.getByRole('heading', { level: 1, name: 'Att granska' })).toBeVisible();
  await expectNoSeriousAxeViolations(officer, "the data protection officer's queue");
  await officer.goto(activityPath);
  await officer.getByRole('button', { name: 'Granska' }).first().click();
  const review = officer.getByRole('dialog', { name: `Granska ${activityName}` });
  await expectNoSeriousAxeViolations(officer, 'the review form');
  await review.getByRole('radio', { name: 'Godkänd', exact: true }).check();
  await review.getByRole('button', { name: 'Spara granskningen' }).click();
  await expect(review).toBeHidden();
  await expect(officer.getByRole('heading', { level: 1, name: activityName })).toBeVisible();
  await expect(officer.getByText('Senast granskad', { exact: false })).toBeVisible();
  const reviewRows = officer.getByTestId('privacy-review-row');
  await expect(reviewRows).toHaveCount(1);
  await expect(reviewRows).toContainText('Godkänd');
  // Approved, it has left the queue.
  await officer.goto('/processing-activities/queue');
  await expect(officer.getByRole('heading', { level: 1, name: 'Att granska' })).toBeVisible();
  await expect(officer.getByTestId('processing-activity-row').filter({ hasText: activityName })).toHaveCount(0);

  // The system's compliance cell is green, and its section lists the approved record.
  await admin.goto(`/systems/${system.id}#privacy`);
  await expect(complianceRow()).toContainText('Uppfyllt');
  await expect(complianceRow()).not.toContainText('Ej uppfyllt');
  await expect(admin.locator('#privacy').getByTestId('processing-activity-row')).toContainText('Godkänd');
});

test('functional mailboxes show who watches them, and one without a deputy is uncovered', async ({ loginAs }) => {
  const admin = await loginAs('administrator');
  const address = `elevhalsa-${Date.now().toString(36)}@tanum.demo`;
  await admin.goto('/mailboxes');
  await expect(admin.getByRole('heading', { level: 1, name: 'Funktionsbrevlådor' })).toBeVisible();
  await admin.getByRole('button', { name: 'Ny funktionsbrevlåda' }).click();
  const dialog = admin.getByRole('dialog', { name: 'Ny funktionsbrevlåda' });
  await dialog.getByRole('textbox', { name: 'Adress' }).fill(address);
  await chooseOption(dialog, 'Förvaltning', 'Kommunkansliet');
  await dialog.getByRole('combobox', { name: 'Ansvarig' }).fill('Strömberg');
  await admin.getByRole('option', { name: /Agneta Strömberg/ }).click();
  await expect(dialog.getByText('Utan ersättare räknas brevlådan som obevakad')).toBeVisible();
  await expectNoSeriousAxeViolations(admin, 'the mailbox form');
  await dialog.getByRole('button', { name: 'Lägg till', exact: true }).click();
  await expect(dialog).toBeHidden();

  await admin.getByRole('searchbox', { name: 'Sök adress' }).fill(address);
  const row = admin.getByTestId('mailbox-row').filter({ hasText: address });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Agneta Strömberg');
  await expect(row).toContainText('Ersättare saknas');
  await expect(admin.getByTestId('mailbox-coverage')).toContainText(/\d+ av \d+ funktionsbrevlådor/);
  await expectNoSeriousAxeViolations(admin, 'the functional mailboxes');

  // The edit form adds a deputy and the mailbox is covered.
  await row.getByRole('button', { name: `Åtgärder för ${address}` }).click();
  await admin.getByRole('menuitem', { name: 'Redigera' }).click();
  const edit = admin.getByRole('dialog', { name: `Redigera ${address}` });
  await edit.getByRole('button', { name: 'Lägg till ersättare' }).click();
  await edit.getByRole('combobox', { name: 'Ersättare 1' }).fill('Dahl');
  await admin.getByRole('option', { name: /Sven Dahl/ }).click();
  await edit.getByRole('button', { name: 'Spara' }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText('Bevakad');

  // The responsible's own page lists the mailboxes they watch, so a leaver's are found at once.
  const people = await apiCall<{ items: Array<{ id: string; firstName: string }> }>(admin, 'GET', '/people?q=Str%C3%B6mberg&limit=10');
  const agneta = people.items.find((person) => person.firstName === 'Agneta')!;
  await admin.goto(`/people/${agneta.id}`);
  const section = admin.locator('#mailboxes');
  await expect(section.getByRole('heading', { name: 'Funktionsbrevlådor' })).toBeVisible();
  await expect(section.getByTestId('mailbox-row').filter({ hasText: address })).toContainText('Sven Dahl');
  await expectNoSeriousAxeViolations(admin, "a person's page with their mailboxes");
});

test('the privacy screens in English', async ({ loginAs }) => {
  const officer = await loginAs('dataProtectionOfficer');
  await setLocale(officer.context(), 'en');
  await officer.goto('/processing-activities');
  await expect(officer.getByRole('heading', { level: 1, name: 'Record of processing' })).toBeVisible();
  await expect(officer.getByRole('navigation').getByRole('link', { name: 'Data protection review' })).toBeVisible();
  await expect(officer.getByRole('button', { name: 'Export' })).toBeVisible();
  await expectNoSeriousAxeViolations(officer, 'the record of processing in English');
  await officer.goto('/processing-activities/queue');
  await expect(officer.getByRole('heading', { level: 1, name: 'To review' })).toBeVisible();
  await expectNoSeriousAxeViolations(officer, 'the queue in English');
  await officer.goto('/mailboxes');
  await expect(officer.getByRole('heading', { level: 1, name: 'Functional mailboxes' })).toBeVisible();
  await expectNoSeriousAxeViolations(officer, 'the functional mailboxes in English');
});

test("a department head edits their own department's records and only reads another's", async ({ loginAs }) => {
  const admin = await loginAs('administrator');
  const suffix = Date.now().toString(36);
  const departments = await apiCall<{ items: Array<{ id: string; name: string }> }>(admin, 'GET', '/departments?limit=100');
  const own = departments.items.find((department) => department.name === 'Barn- och utbildningsförvaltningen')!;
  const other = departments.items.find((department) => department.name === 'Kommunkansliet')!;
  const record = (name: string, controllerDepartmentId: string) =>
    apiCall<{ id: string }>(admin, 'POST', '/processing-activities', {
      data: { name, purpose: 'Ett ändamål', legalBasis: 'public_interest', controllerDepartmentId },
    });
  const ours = await record(`Skolans behandling ${suffix}`, own.id);
  const theirs = await record(`Kansliets behandling ${suffix}`, other.id);

  const head = await loginAs('departmentHead');
  await head.goto(`/processing-activities/${theirs.id}`);
  await expect(head.getByRole('heading', { level: 1, name: `Kansliets behandling ${suffix}` })).toBeVisible();
  await expect(head.getByText('Ett ändamål')).toBeVisible();
  await expect(head.getByRole('button', { name: 'Redigera' })).toHaveCount(0);
  await expect(head.getByRole('button', { name: 'Granska' })).toHaveCount(0);

  await head.goto(`/processing-activities/${ours.id}`);
  await head.getByRole('button', { name: 'Redigera' }).click();
  const dialog = head.getByRole('dialog', { name: `Redigera Skolans behandling ${suffix}` });
  await expect(dialog.getByText('En ändring skickar behandlingen till dataskyddsombudet')).toHaveCount(0);
  await dialog.getByRole('textbox', { name: 'Gallring' }).fill('Gallras vid läsårets slut');
  await dialog.getByRole('button', { name: 'Spara' }).click();
  await expect(dialog).toBeHidden();
  await expect(head.locator('#keeping')).toContainText('Gallras vid läsårets slut');
  // The review queue is the officer's alone: for anyone else the page does not exist.
  await head.goto('/processing-activities/queue');
  await expect(head.getByRole('heading', { level: 1, name: 'Sidan finns inte' })).toBeVisible();
  await expect(head.getByRole('navigation').getByRole('link', { name: 'Dataskyddsgranskning' })).toHaveCount(0);
});

test('the officer cannot approve what changed after they opened it', async ({ loginAs }) => {
  const admin = await loginAs('administrator');
  const departments = await apiCall<{ items: Array<{ id: string }> }>(admin, 'GET', '/departments?limit=1');
  const name = `Bygglovsarkiv ${Date.now().toString(36)}`;
  const record = await apiCall<{ id: string; version: number }>(admin, 'POST', '/processing-activities', {
    data: { name, purpose: 'Arkivera bygglov', legalBasis: 'public_interest', controllerDepartmentId: departments.items[0]!.id },
  });
  const officer = await loginAs('dataProtectionOfficer');
  await officer.goto(`/processing-activities/${record.id}`);
  await officer.getByRole('button', { name: 'Granska' }).first().click();
  const review = officer.getByRole('dialog', { name: `Granska ${name}` });
  await review.getByRole('radio', { name: 'Godkänd', exact: true }).check();
  // Someone changes the record while the officer has it open.
  await apiCall(admin, 'PATCH', `/processing-activities/${record.id}`, { data: { retention: 'Bevaras' }, version: record.version });
  await review.getByRole('button', { name: 'Spara granskningen' }).click();
  await expect(officer.getByText('Behandlingen har ändrats sedan du öppnade den.')).toBeVisible();
  await expect(review).toBeHidden();
  // The page shows the new version, still awaiting review, and nothing was recorded.
  await expect(officer.locator('#keeping')).toContainText('Bevaras');
  await expect(officer.getByText('Väntar på granskning').first()).toBeVisible();
  await expect(officer.getByText('Behandlingen har inte granskats än.')).toBeVisible();
});

test('mark a record of processing confidential, see it withheld from a department head, and export the register with it for a reason', async ({
  loginAs,
}) => {
  test.setTimeout(120_000);
  const admin = await loginAs('administrator');
  const suffix = Date.now().toString(36);
  const departments = await apiCall<{ items: Array<{ id: string; name: string }> }>(admin, 'GET', '/departments?limit=100');
  const school = departments.items.find((department) => department.name === 'Barn- och utbildningsförvaltningen')!;
  const name = `Kameraövervakning av skolgårdar ${suffix}`;
  const record = await apiCall<{ id: string }>(admin, 'POST', '/processing-activities', {
    data: {
      name,
      purpose: 'Förebygga skadegörelse nattetid',
      legalBasis: 'public_interest',
      technicalMeasures: 'Kamerornas placering enligt ritning K-7',
      controllerDepartmentId: school.id,
    },
  });

  // Marked in the form, with the suggested paragraph; the badge shows on the page and in the register.
  await admin.goto(`/processing-activities/${record.id}`);
  await admin.getByRole('button', { name: 'Redigera' }).click();
  const dialog = admin.getByRole('dialog', { name: `Redigera ${name}` });
  const mark = dialog.getByRole('combobox', { name: 'Sekretessmarkering (OSL-paragraf)' });
  await mark.fill('18 kap');
  await admin.getByRole('option', { name: '18 kap. 8 § OSL' }).click();
  await expectNoSeriousAxeViolations(admin, 'the record of processing form with its confidentiality mark');
  await dialog.getByRole('button', { name: 'Spara' }).click();
  await expect(dialog).toBeHidden();
  await expect(admin.getByTestId('confidential-badge')).toHaveText('Sekretess (18 kap. 8 § OSL)');
  await expect(admin.locator('#keeping')).toContainText('ritning K-7');
  await admin.goto(`/processing-activities?q=${encodeURIComponent(suffix)}`);
  await expect(admin.getByTestId('processing-activity-row').filter({ hasText: name })).toContainText('Sekretess (18 kap. 8 § OSL)');
  await expectNoSeriousAxeViolations(admin, 'the record of processing with a confidential record');

  // The department head drafts the school's records, but this one's content is not theirs to read.
  const head = await loginAs('departmentHead');
  await head.goto(`/processing-activities/${record.id}`);
  await expect(head.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(head.getByTestId('confidential-badge')).toHaveText('Sekretess (18 kap. 8 § OSL)');
  await expect(head.getByTestId('content-withheld')).toContainText('Innehållet visas inte för dig');
  await expect(head.getByTestId('content-withheld')).toContainText('sekretessmarkerad enligt 18 kap. 8 § OSL');
  await expect(head.getByText('ritning K-7')).toHaveCount(0);
  await expect(head.getByRole('button', { name: 'Redigera' })).toHaveCount(0);
  await expectNoSeriousAxeViolations(head, 'a confidential record of processing, withheld');
  // Nor is the register's confidential export offered to them.
  await head.goto('/processing-activities');
  await expect(head.getByRole('heading', { level: 1, name: 'Registerförteckning' })).toBeVisible();
  if (await head.getByRole('button', { name: 'Exportera' }).count()) {
    await head.getByRole('button', { name: 'Exportera' }).click();
    await expect(head.getByRole('menuitem', { name: 'Exportera (XLSX)' })).toBeVisible();
    await expect(head.getByRole('menuitem', { name: /sekretessmarkerade/ })).toHaveCount(0);
    await head.keyboard.press('Escape');
  }

  // The officer exports the register with it: the reason is required, and the file says what it holds.
  const officer = await loginAs('dataProtectionOfficer');
  await officer.goto('/processing-activities');
  await officer.getByRole('button', { name: 'Exportera' }).click();
  await officer.getByRole('menuitem', { name: 'Exportera inklusive sekretessmarkerade…' }).click();
  const exportDialog = officer.getByRole('dialog', { name: 'Exportera inklusive sekretessmarkerade poster' });
  await exportDialog.getByRole('button', { name: 'Exportera' }).click();
  await expect(exportDialog.getByText('Fyll i fältet.')).toBeVisible();
  await expectNoSeriousAxeViolations(officer, 'the confidential export dialog');
  await exportDialog.getByRole('textbox', { name: 'Skäl till exporten' }).fill(`Begäran från IMY, dnr ${suffix}`);
  const download = officer.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Exportera' }).click();
  expect((await download).suggestedFilename()).toMatch(/^registerforteckning-\d{4}-\d{2}-\d{2}-sekretess\.xlsx$/);
  await expect(exportDialog).toBeHidden();
  const events = await apiCall<{ items: Array<{ after: { reason: string } }> }>(
    admin,
    'GET',
    '/audit-events?action=confidential_exported&limit=20',
  );
  expect(events.items.map((event) => event.after.reason)).toContain(`Begäran från IMY, dnr ${suffix}`);
});
