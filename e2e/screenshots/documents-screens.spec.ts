import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { adoptedDocument, type DocumentSummary } from '../tests/document-helpers.ts';
import { apiCall, expect, setLocale, test } from '../tests/fixtures.ts';

// The policy documents' screens with the demo data, in both languages, for a person to look at
// (`npm run screenshots`; SCREENSHOTS=<directory> to choose where). A tool, not a test.
const directory = process.env.SCREENSHOTS ?? '/tmp/forvalta-screens';

async function settle(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /Laddar|Loading/ })).toHaveCount(0);
  await page.waitForTimeout(600);
}

for (const locale of ['sv', 'en'] as const) {
  test(`policy document screens in ${locale}`, async ({ loginAs }) => {
    test.setTimeout(120_000);
    fs.mkdirSync(directory, { recursive: true });
    const page = await loginAs('administrator');
    await setLocale(page.context(), locale);
    const shot = async (name: string, fullPage = true) => page.screenshot({ path: `${directory}/${name}-${locale}.png`, fullPage });
    try {
      // The demo's documents (made here if the database has none, as the browser journeys do).
      const guidelines = await adoptedDocument(page, 'security_guidelines', 'Riktlinjer för IT-säkerhet', '2026-01-15');
      const policy = await adoptedDocument(page, 'it_policy', 'IT-policy för Tanums kommun', '2002-12-18');
      // An open draft of the guidelines that changes their text, for the diff and the owner's dialogs.
      if (!guidelines.openVersion) {
        const current = await apiCall<{ text: string | null }>(
          page,
          'GET',
          `/documents/${guidelines.id}/versions/${guidelines.currentVersion!.id}`,
        );
        const lines = (current.text ?? '').split('\n');
        const text = [
          ...lines.slice(0, -1),
          'Lösenord byts direkt vid misstanke om att någon annan känner till det.',
          '',
          '# Utrustning',
          '- Lås skärmen när du lämnar den',
        ].join('\n');
        await apiCall(page, 'POST', `/documents/${guidelines.id}/versions`, {
          data: { text, changeSummary: 'Nytt avsnitt om utrustning.' },
        });
      }
      const documents = await apiCall<{ items: DocumentSummary[] }>(page, 'GET', '/documents?limit=50');

      await page.goto('/documents');
      await settle(page);
      await shot('documents');
      await page.goto(`/documents/${guidelines.id}`);
      await settle(page);
      await shot('document');
      await page.goto(`/documents/${policy.id}`);
      await settle(page);
      await shot('document-overdue');
      await page.goto(`/documents/${guidelines.id}/versions/${guidelines.currentVersion!.id}`);
      await settle(page);
      await shot('document-version');
      await page.goto(`/documents/${guidelines.id}/diff`);
      await settle(page);
      await shot('document-diff');
      await page.goto(`/documents/${guidelines.id}/coverage`);
      await settle(page);
      await shot('document-coverage');
      await page.goto(`/documents/${guidelines.id}/coverage?people.state=overdue`);
      await settle(page);
      await shot('document-coverage-overdue');

      const people = await apiCall<{ items: Array<{ id: string }> }>(page, 'GET', '/people?q=Wallin&limit=1');
      await page.goto(`/people/${people.items[0]!.id}`);
      await settle(page);
      await shot('person-acknowledgements');

      // The employee's reading view with the acknowledge button, and the head's view of their departments.
      const employee = await loginAs('employee');
      await setLocale(employee.context(), locale);
      await employee.goto(`/documents/${guidelines.id}/versions/${guidelines.currentVersion!.id}`);
      await settle(employee);
      await employee.screenshot({ path: `${directory}/document-reading-${locale}.png`, fullPage: true });
      await setLocale(employee.context(), 'sv');
      const head = await loginAs('departmentHead');
      await setLocale(head.context(), locale);
      await head.goto(`/documents/${guidelines.id}/coverage`);
      await settle(head);
      await head.screenshot({ path: `${directory}/document-coverage-head-${locale}.png`, fullPage: true });
      await head.getByRole('button', { name: locale === 'sv' ? 'Registrera från papper' : 'Record from paper' }).click();
      await head.waitForTimeout(500);
      await head.screenshot({ path: `${directory}/document-paper-dialog-${locale}.png` });
      await setLocale(head.context(), 'sv');

      // The owner's dialogs on an open draft, when the demo has one.
      const withDraft = documents.items.find((document) => document.openVersion);
      if (withDraft) {
        await page.goto(`/documents/${withDraft.id}/versions/${withDraft.openVersion!.id}`);
        await settle(page);
        await shot('document-draft');
        if (withDraft.openVersion!.state === 'draft') {
          await page.getByRole('button', { name: locale === 'sv' ? 'Redigera utkastet' : 'Edit the draft' }).click();
          await page.waitForTimeout(800);
          await shot('document-draft-dialog', false);
          await page.keyboard.press('Escape');
          await page.getByRole('button', { name: locale === 'sv' ? 'Skicka på granskning' : 'Submit for review' }).click();
          await page.waitForTimeout(800);
        }
        await page.getByRole('button', { name: locale === 'sv' ? 'Anta versionen' : 'Adopt the version' }).click();
        await page.waitForTimeout(800);
        await shot('document-adopt-dialog', false);
      }
    } finally {
      await setLocale(page.context(), 'sv');
    }
  });
}
