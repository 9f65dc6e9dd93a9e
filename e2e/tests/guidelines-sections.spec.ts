import type { Page } from '@playwright/test';
import { adoptedDocument } from './document-helpers.ts';
import { apiCall, expect, expectNoSeriousAxeViolations, setLocale, test } from './fixtures.ts';

const guidelines = 'Riktlinjer för IT-säkerhet';

/** The guidelines' open draft, made from the version in force if none is open; a version in review goes back to a draft. */
async function openDraft(chief: Page): Promise<void> {
  const document = await adoptedDocument(chief, 'security_guidelines', guidelines, '2026-01-15');
  await chief.goto(`/documents/${document.id}`);
  await expect(chief.getByRole('heading', { level: 1, name: guidelines })).toBeVisible();
  if (document.openVersion) {
    await chief.getByRole('link', { name: `Öppna version ${document.openVersion.number}` }).click();
  } else {
    await chief.getByRole('button', { name: 'Nytt utkast' }).click();
  }
  await expect(chief.getByTestId('version-state')).toHaveText(/Utkast|Under granskning/);
  if ((await chief.getByTestId('version-state').textContent()) === 'Under granskning') {
    await chief.getByRole('button', { name: 'Dra tillbaka till utkast' }).click();
    await expect(chief.getByTestId('version-state')).toHaveText('Utkast');
  }
}

/** The sections' headings as the version shows them ("2 Lösenord"), without their numbers. */
const sectionTitles = async (page: Page) =>
  (await page.getByTestId('version-section').getByRole('heading').allTextContents()).map((heading) => heading.replace(/^\S+\s+/, ''));

test('the IT chief adds, moves, edits and removes the guidelines’ sections of a draft, adopts it, and an employee reads the new section', async ({
  loginAs,
}) => {
  test.setTimeout(180_000);
  const chief = await loginAs('itChief');
  await openDraft(chief);
  const before = await sectionTitles(chief);
  // The demo's guidelines have six; the steps below need at least three.
  expect(before.length).toBeGreaterThan(2);

  await chief.getByRole('button', { name: 'Redigera avsnitt' }).click();
  const dialog = chief.getByRole('dialog');
  const editors = dialog.getByTestId('section-editor');
  await expect(editors).toHaveCount(before.length);

  // A new section at the end, moved up one place with the keyboard's button, the focus following it.
  const added = `Mobila enheter ${Date.now()}`;
  await dialog.getByRole('button', { name: 'Lägg till avsnitt' }).click();
  const last = editors.last();
  await expect(last.getByRole('textbox', { name: 'Nummer' })).toBeFocused();
  await last.getByRole('textbox', { name: 'Nummer' }).fill('7');
  await last.getByRole('textbox', { name: 'Rubrik' }).fill(added);
  await last.getByRole('textbox', { name: 'Innehåll' }).fill('Telefoner och surfplattor i tjänsten har skärmlås och hanteras centralt.');
  await dialog.getByRole('button', { name: `Flytta 7 ${added} upp` }).click();
  await expect(dialog.getByRole('button', { name: `Flytta 7 ${added} upp` })).toBeFocused();
  await expect(dialog.getByRole('status')).toHaveText(new RegExp(`står nu på plats ${before.length} av ${before.length + 1}`));
  // The first section's heading is reworded; the second is removed.
  const firstTitle = editors.first().getByRole('textbox', { name: 'Rubrik' });
  const reworded = `${await firstTitle.inputValue()} (ny lydelse)`;
  await firstTitle.fill(reworded);
  const removedTitle = before[1]!;
  await editors
    .nth(1)
    .getByRole('button', { name: /^Ta bort / })
    .click();
  await expect(editors).toHaveCount(before.length);

  // Two sections may not share a number; an empty one says what it needs.
  await dialog.getByRole('button', { name: 'Lägg till avsnitt' }).click();
  await editors.last().getByRole('textbox', { name: 'Nummer' }).fill('7');
  await dialog.getByRole('button', { name: 'Spara avsnitten' }).click();
  await expect(dialog.getByText('Ett annat avsnitt har samma nummer.').first()).toBeVisible();
  await expect(dialog.getByText('Ge avsnittet en rubrik.')).toBeVisible();
  await expectNoSeriousAxeViolations(chief, '/documents/:id/versions/:id (sections dialog, refused)');
  await editors
    .last()
    .getByRole('button', { name: /^Ta bort / })
    .click();
  await dialog.getByRole('button', { name: 'Spara avsnitten' }).click();
  await expect(dialog).toHaveCount(0);

  // The draft holds them in the order shown: the new one before the last of the old ones.
  // (Read again until the page has the saved draft: the dialog closes before the version is fetched anew.)
  const after = [reworded, ...before.slice(2, -1), added, before.at(-1)!];
  await expect.poll(() => sectionTitles(chief)).toEqual(after);
  expect(after).not.toContain(removedTitle);
  await expectNoSeriousAxeViolations(chief, '/documents/:id/versions/:id (draft with sections)');

  // Submitted and adopted through the workflow.
  await chief.getByRole('button', { name: 'Skicka på granskning' }).click();
  await expect(chief.getByTestId('version-state')).toHaveText('Under granskning');
  await chief.getByRole('button', { name: 'Anta versionen' }).click();
  const adopt = chief.getByRole('dialog');
  await adopt.getByRole('combobox', { name: 'Antagen av' }).fill('IT-chefen');
  await adopt.getByRole('textbox', { name: 'Diarienummer eller paragraf' }).fill('IT 2026/22');
  await expect(adopt.getByTestId('adoption-preview')).toContainText(/\d+ medarbetare kommer att ombes bekräfta/);
  await adopt.getByRole('button', { name: /^Anta version \d+$/ }).click();
  await expect(adopt).toHaveCount(0);
  await expect(chief.getByTestId('version-state')).toHaveText('Antagen');

  // The employee has it to acknowledge, and reads the new section in its place.
  const employee = await loginAs('employee');
  await employee.goto('/?kind=acknowledge_document');
  const task = employee.getByRole('link', { name: new RegExp(`^${guidelines}`) }).first();
  await expect(task).toBeVisible();
  await task.click();
  await expect(employee.getByRole('heading', { level: 1, name: guidelines })).toBeVisible();
  await expect.poll(() => sectionTitles(employee)).toEqual(after);
  await expectNoSeriousAxeViolations(employee, '/documents/:id/versions/:id (guidelines with sections)');
});

test('the sections editor reads in English, and the button is not there for a document without sections', async ({ loginAs }) => {
  const chief = await loginAs('itChief');
  await openDraft(chief);
  await setLocale(chief.context(), 'en');
  try {
    await chief.reload();
    await chief.getByRole('button', { name: 'Edit sections' }).click();
    const dialog = chief.getByRole('dialog');
    await expect(dialog.getByText('The guidelines read in the order the sections stand here.', { exact: false })).toBeVisible();
    await dialog.getByRole('button', { name: 'Add section' }).click();
    await dialog.getByRole('button', { name: 'Save the sections' }).click();
    await expect(dialog.getByText('Enter the section’s number.')).toBeVisible();
    await expect(dialog.getByText('Give the section a heading.')).toBeVisible();
    await expectNoSeriousAxeViolations(chief, '/documents/:id/versions/:id (sections dialog, English)');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  } finally {
    await setLocale(chief.context(), 'sv');
  }

  // The operations instruction is a text: its draft offers no sections.
  const instruction = await adoptedDocument(await loginAs('administrator'), 'operations_instruction', 'Driftinstruktion', '2026-02-01');
  const draft = instruction.openVersion
    ? instruction.openVersion
    : await apiCall<{ id: string }>(chief, 'POST', `/documents/${instruction.id}/versions`, { data: {} });
  await chief.goto(`/documents/${instruction.id}/versions/${draft.id}`);
  await expect(chief.getByTestId('version-state')).toHaveText(/Utkast|Under granskning/);
  await expect(chief.getByRole('button', { name: 'Redigera avsnitt' })).toHaveCount(0);
});
