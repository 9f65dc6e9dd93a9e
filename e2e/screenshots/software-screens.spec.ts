import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { apiCall, expect, setLocale, test } from '../tests/fixtures.ts';

// The software, licence and contract screens of issue #15 in both languages, at a desktop width and
// at 390 px, for a person to look at (`npm run screenshots`; SCREENSHOTS=<directory>). A tool, not a test.
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

interface Listed {
  items: Array<{ id: string; product?: string; title?: string; systems?: Array<{ id: string }> }>;
}

for (const locale of ['sv', 'en'] as const) {
  test(`software screens in ${locale}, desktop and phone`, async ({ loginAs }) => {
    test.setTimeout(300_000);
    fs.mkdirSync(directory, { recursive: true });
    const chief = await loginAs('itChief');
    await setLocale(chief.context(), locale);
    const sv = locale === 'sv';
    const shot = async (name: string, path: string, open?: (page: Page) => Promise<void>) => {
      for (const [width, size] of widths) {
        await chief.setViewportSize(size);
        await chief.goto(path);
        await settle(chief);
        if (open) {
          await open(chief);
          await chief.waitForTimeout(700);
        }
        await chief.screenshot({ path: `${directory}/software-${name}-${width}-${locale}.png`, fullPage: !open });
      }
    };
    const software = await apiCall<Listed>(chief, 'GET', '/software?limit=50');
    const booking = software.items.find((item) => item.product === 'Lokalbokningen')!;
    const libre = software.items.find((item) => item.product === 'LibreOffice')!;
    const contracts = await apiCall<Listed>(chief, 'GET', '/contracts?limit=50&sort=noticeDate');
    await shot('list', '/software');
    await shot('new', '/software', (page) => page.getByRole('button', { name: sv ? 'Ny programvara' : 'New software' }).click());
    await shot('self-developed', `/software/${booking.id}`);
    await shot('decide', `/software/${booking.id}`, (page) =>
      page
        .getByRole('button', { name: sv ? 'Besluta om Lokalbokningen' : 'Decide on Lokalbokningen' })
        .first()
        .click(),
    );
    await shot('open-source', `/software/${libre.id}`);
    await shot('propose-open-source', `/software/${libre.id}`, (page) =>
      page.getByRole('button', { name: sv ? 'Föreslå beslut' : 'Propose a decision' }).click(),
    );
    await shot('licences', '/licences');
    await shot('licence-new', '/licences', (page) => page.getByRole('button', { name: sv ? 'Ny licens' : 'New licence' }).click());
    await shot('contracts', '/contracts');
    await shot('contract', `/contracts/${contracts.items[0]!.id}`);
    await shot('contract-edit', `/contracts/${contracts.items[0]!.id}`, (page) =>
      page.getByRole('button', { name: sv ? 'Ändra' : 'Edit' }).click(),
    );
    await shot('suppliers', '/suppliers');
    const systemId = booking.systems?.[0]?.id;
    if (systemId)
      await shot('system-section', `/systems/${systemId}#software`, async (page) => {
        await page.locator('#software').scrollIntoViewIfNeeded();
      });
  });
}
