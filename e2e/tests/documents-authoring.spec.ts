import { apiCall, chooseOption, expect, expectNoSeriousAxeViolations, setLocale, test } from './fixtures.ts';

// The administrator keeps the list of policy documents; the owner it names writes and adopts its
// versions; adopting one that must be acknowledged puts it on every employee's to-do list.

test('the administrator creates a policy document with the form, its owner adopts a first version, an employee is asked to read it', async ({
  loginAs,
}) => {
  test.setTimeout(180_000);
  const title = `Regler för mobila enheter ${Date.now()}`;
  const admin = await loginAs('administrator');
  await admin.goto('/documents');
  await admin.getByRole('button', { name: 'Nytt styrdokument' }).click();
  const dialog = admin.getByRole('dialog', { name: 'Nytt styrdokument' });

  // Sent empty: each missing field says what to do, in Swedish, and nothing is created.
  await dialog.getByRole('button', { name: 'Skapa styrdokumentet' }).click();
  await expect(dialog.getByText('Välj vilken typ av styrdokument det är.')).toBeVisible();
  await expect(dialog.getByText('Ge dokumentet en titel.')).toBeVisible();
  await expectNoSeriousAxeViolations(admin, '/documents (new document dialog, refused)');

  await chooseOption(dialog, 'Typ', 'Annat styrdokument');
  await dialog.getByRole('textbox', { name: 'Titel' }).fill(title);
  await dialog.getByRole('textbox', { name: 'Beskrivning' }).fill('Hur telefoner och surfplattor i tjänsten hanteras.');
  await chooseOption(dialog, 'Ägs av rollen', 'IT-chef');
  await dialog.getByRole('combobox', { name: 'Beslutande organ' }).fill('IT-chefen');
  await dialog.getByRole('textbox', { name: 'Revisionsintervall (månader)' }).fill('24');
  await expect(dialog.getByRole('checkbox', { name: 'Medarbetare ska bekräfta att de läst dokumentet' })).toBeChecked();
  await expectNoSeriousAxeViolations(admin, '/documents (new document dialog)');
  await dialog.getByRole('button', { name: 'Skapa styrdokumentet' }).click();
  await expect(dialog).toHaveCount(0);

  // The new document's page: what it is, and no version yet.
  await expect(admin.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const about = admin.getByRole('region', { name: 'Om dokumentet' });
  await expect(about).toContainText('IT-chef');
  await expect(about).toContainText('24 månader');
  await expect(admin.getByText('Dokumentet har ingen antagen version ännu.')).toBeVisible();
  // The administrator may act for every document, the IT chief owns this one.
  await expect(admin.getByRole('button', { name: 'Ta bort' })).toBeVisible();
  await expectNoSeriousAxeViolations(admin, '/documents/:id (new document)');

  // Editing the metadata: the kind is not offered again; a cleared interval is refused.
  await admin.getByRole('button', { name: 'Redigera' }).click();
  const edit = admin.getByRole('dialog', { name: `Redigera ${title}` });
  await expect(edit.getByRole('combobox', { name: 'Typ' })).toHaveCount(0);
  await edit.getByRole('textbox', { name: 'Revisionsintervall (månader)' }).fill('');
  await edit.getByRole('button', { name: 'Spara' }).click();
  await expect(edit.getByText('Ange hur ofta dokumentet ska revideras.')).toBeVisible();
  await edit.getByRole('textbox', { name: 'Revisionsintervall (månader)' }).fill('12');
  await expectNoSeriousAxeViolations(admin, '/documents/:id (edit dialog)');
  await edit.getByRole('button', { name: 'Spara' }).click();
  await expect(edit).toHaveCount(0);
  await expect(about).toContainText('12 månader');

  // The IT chief, its owner, drafts the first version, sends it for review and adopts it.
  const chief = await loginAs('itChief');
  const documentUrl = admin.url();
  await chief.goto(documentUrl);
  await expect(chief.getByRole('heading', { level: 1, name: title })).toBeVisible();
  // The metadata is the administrator's: the owner sees no edit or delete.
  await expect(chief.getByRole('button', { name: 'Redigera' })).toHaveCount(0);
  await expect(chief.getByRole('button', { name: 'Ta bort' })).toHaveCount(0);
  await chief.getByRole('button', { name: 'Nytt utkast' }).click();
  await expect(chief.getByTestId('version-state')).toHaveText('Utkast');
  await chief.getByRole('button', { name: 'Redigera utkastet' }).click();
  const draft = chief.getByRole('dialog');
  await draft.getByRole('textbox', { name: 'Text' }).fill('# Telefoner\n- Skärmlås med kod\n- Kommunens appar från företagsportalen');
  await draft.getByRole('button', { name: 'Spara utkastet' }).click();
  await expect(draft).toHaveCount(0);
  await chief.getByRole('button', { name: 'Skicka på granskning' }).click();
  await expect(chief.getByTestId('version-state')).toHaveText('Under granskning');
  await chief.getByRole('button', { name: 'Anta versionen' }).click();
  const adopt = chief.getByRole('dialog');
  await expect(adopt.getByRole('combobox', { name: 'Antagen av' })).toHaveValue('IT-chefen');
  await adopt.getByRole('textbox', { name: 'Diarienummer eller paragraf' }).fill('IT 2026/21');
  await expect(adopt.getByTestId('adoption-preview')).toContainText(/\d+ medarbetare kommer att ombes bekräfta/);
  await adopt.getByRole('button', { name: 'Anta version 1' }).click();
  await expect(adopt).toHaveCount(0);
  await expect(chief.getByTestId('version-state')).toHaveText('Antagen');

  // Adopted, it can no longer be deleted: the record of a decision stays.
  await admin.reload();
  await expect(admin.getByRole('button', { name: 'Redigera' })).toBeVisible();
  await expect(admin.getByRole('button', { name: 'Ta bort' })).toHaveCount(0);

  // The employee finds it among the documents to acknowledge on the to-do list, and reads it.
  const employee = await loginAs('employee');
  await employee.goto('/?kind=acknowledge_document');
  await expect(employee.getByRole('heading', { level: 1, name: 'Att göra' })).toBeVisible();
  const task = employee.getByRole('link', { name: new RegExp(`^${title}`) });
  await expect(task).toBeVisible();
  await expectNoSeriousAxeViolations(employee, '/ (to-do list with the new document)');
  await task.click();
  await expect(employee.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(employee.getByTestId('version-text')).toContainText('Skärmlås med kod');
  await expect(employee.getByRole('button', { name: 'Jag har läst och förstått' })).toBeVisible();
});

test('the document form says its refusals in English, and an employee sees no way to create or edit documents', async ({ loginAs }) => {
  const admin = await loginAs('administrator');
  await setLocale(admin.context(), 'en');
  try {
    await admin.goto('/documents');
    await admin.getByRole('button', { name: 'New policy document' }).click();
    const dialog = admin.getByRole('dialog', { name: 'New policy document' });
    await dialog.getByRole('button', { name: 'Create the policy document' }).click();
    await expect(dialog.getByText('Choose what kind of policy document it is.')).toBeVisible();
    await expect(dialog.getByText('Give the document a title.')).toBeVisible();
    // The municipality has one IT policy: a second one is refused on the kind, in words.
    await chooseOption(dialog, 'Kind', 'IT policy');
    await dialog.getByRole('textbox', { name: 'Title' }).fill('A second IT policy');
    await dialog.getByRole('button', { name: 'Create the policy document' }).click();
    await expect(dialog.getByText('The municipality already has a document of this kind.')).toBeVisible();
    await expectNoSeriousAxeViolations(admin, '/documents (new document dialog, English)');
  } finally {
    await setLocale(admin.context(), 'sv');
  }

  const employee = await loginAs('employee');
  await employee.goto('/documents');
  await expect(employee.getByRole('heading', { level: 1, name: 'Styrdokument' })).toBeVisible();
  await expect(employee.getByRole('button', { name: 'Nytt styrdokument' })).toHaveCount(0);
  const documents = await apiCall<{ items: Array<{ id: string; can: { update: boolean } }> }>(employee, 'GET', '/documents?limit=1');
  expect(documents.items[0]?.can.update).toBe(false);
  await employee.goto(`/documents/${documents.items[0]!.id}`);
  await expect(employee.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(employee.getByRole('button', { name: 'Redigera' })).toHaveCount(0);
});
