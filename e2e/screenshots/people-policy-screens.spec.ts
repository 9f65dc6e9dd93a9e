import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { adoptedDocument } from '../tests/document-helpers.ts';
import { apiCall, expect, setLocale, test } from '../tests/fixtures.ts';

// The documents, training and to-do screens with the demo's data, in both languages, at a desktop
// width and at 390 px (a phone), for a person to look at (`npm run screenshots`; SCREENSHOTS=<directory>).
// A tool, not a test: it runs outside the browser suite.
const directory = process.env.SCREENSHOTS ?? '/tmp/forvalta-screens';
const widths = [
  ['desktop', { width: 1280, height: 900 }],
  ['phone', { width: 390, height: 844 }],
] as const;

async function settle(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /Laddar|Loading/ })).toHaveCount(0);
  await page.waitForTimeout(500);
}

interface Coverage {
  departments: Array<{ departmentId: string | null; subtree: { activeEmployees: number } }>;
}

for (const locale of ['sv', 'en'] as const) {
  test(`documents, training and to-do screens in ${locale}, desktop and phone`, async ({ loginAs }) => {
    test.setTimeout(300_000);
    fs.mkdirSync(directory, { recursive: true });
    const admin = await loginAs('administrator');
    const chief = await loginAs('itChief');
    const employee = await loginAs('employee');
    const pages = [admin, chief, employee];
    for (const page of pages) await setLocale(page.context(), locale);
    const sv = locale === 'sv';
    /** The page at both widths; a dialog is opened again by `open` after the resize. */
    const shot = async (page: Page, name: string, path: string, open?: (page: Page) => Promise<void>) => {
      for (const [width, size] of widths) {
        await page.setViewportSize(size);
        await page.goto(path);
        await settle(page);
        if (open) {
          await open(page);
          await page.waitForTimeout(700);
        }
        await page.screenshot({ path: `${directory}/pp-${name}-${width}-${locale}.png`, fullPage: !open });
      }
    };
    try {
      const guidelines = await adoptedDocument(admin, 'security_guidelines', 'Riktlinjer för IT-säkerhet', '2026-01-15');
      // The guidelines' draft with its sections, for the editor.
      const draft =
        guidelines.openVersion ?? (await apiCall<{ id: string }>(chief, 'POST', `/documents/${guidelines.id}/versions`, { data: {} }));
      const coverage = await apiCall<Coverage>(admin, 'GET', `/acknowledgements/coverage/${guidelines.id}`);
      const biggest = [...coverage.departments].sort((a, b) => b.subtree.activeEmployees - a.subtree.activeEmployees)[0]!;

      await shot(admin, 'documents', '/documents');
      await shot(admin, 'document-new', '/documents', (page) =>
        page.getByRole('button', { name: sv ? 'Nytt styrdokument' : 'New policy document' }).click(),
      );
      await shot(admin, 'document-new-refused', '/documents', async (page) => {
        await page.getByRole('button', { name: sv ? 'Nytt styrdokument' : 'New policy document' }).click();
        await page.getByRole('button', { name: sv ? 'Skapa styrdokumentet' : 'Create the policy document' }).click();
      });
      await shot(admin, 'document', `/documents/${guidelines.id}`);
      await shot(admin, 'document-edit', `/documents/${guidelines.id}`, (page) =>
        page.getByRole('button', { name: sv ? 'Redigera' : 'Edit', exact: true }).click(),
      );
      await shot(chief, 'guidelines-draft', `/documents/${guidelines.id}/versions/${draft.id}`);
      await shot(chief, 'guidelines-sections-dialog', `/documents/${guidelines.id}/versions/${draft.id}`, (page) =>
        page.getByRole('button', { name: sv ? 'Redigera avsnitt' : 'Edit sections' }).click(),
      );
      await shot(chief, 'guidelines-draft-refused-file', `/documents/${guidelines.id}/versions/${draft.id}`, (page) =>
        page.locator('input[type="file"]').setInputFiles({ name: 'anteckningar.txt', mimeType: 'text/plain', buffer: Buffer.from('x') }),
      );
      await shot(admin, 'coverage', `/documents/${guidelines.id}/coverage`);
      await shot(admin, 'coverage-big-department', `/documents/${guidelines.id}/coverage?people.departmentId=${biggest.departmentId}`);
      await shot(employee, 'reading', `/documents/${guidelines.id}/versions/${guidelines.currentVersion!.id}`);

      await shot(employee, 'tasks-employee', '/');
      await shot(chief, 'tasks-chief', '/');
      await shot(admin, 'training', '/training');
      const courses = await apiCall<{ items: Array<{ id: string }> }>(admin, 'GET', '/courses?limit=5');
      if (courses.items[0]) await shot(admin, 'course', `/training/courses/${courses.items[0].id}`);
      const sessions = await apiCall<{ items: Array<{ id: string }> }>(admin, 'GET', '/training-sessions?limit=5');
      if (sessions.items[0]) await shot(admin, 'session', `/training/sessions/${sessions.items[0].id}`);
      const people = await apiCall<{ items: Array<{ id: string }> }>(admin, 'GET', '/people?q=Wallin&limit=1');
      await shot(admin, 'person', `/people/${people.items[0]!.id}`);
    } finally {
      for (const page of pages) await setLocale(page.context(), 'sv');
    }
  });
}
