import type { Page } from '@playwright/test';
import { expect, expectNoSeriousAxeViolations, setLocale, systemIdByName, test } from './fixtures.ts';

/** Waits until the page has its heading and nothing is still loading. */
async function settle(page: Page, heading: string | RegExp) {
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await expect(page.getByRole('status')).toHaveCount(0);
}

// A scan takes seconds on these machines, so each page is scanned once per language, with a
// system that has a few neighbours (the markup is the same as for a large graph). The settings
// page, which holds the public-register section, is scanned by accessibility.spec.ts.
test.describe('accessibility of the register and compliance pages (axe, WCAG 2.1 A and AA)', () => {
  test('every new page and the system dialogs, in Swedish', async ({ loginAs }) => {
    // Eight pages and two dialogs, each scanned: with two workers sharing two cores this journey
    // needs more than the default minute.
    test.setTimeout(120_000);
    const page = await loginAs('administrator');
    const systemId = await systemIdByName(page, 'Matsedel Mashie');
    const pages: Array<[string, string | RegExp]> = [
      ['/systems?uncovered=true', 'Systemregister'],
      ['/my-systems', 'Mina system'],
      ['/compliance', 'Efterlevnadsöversikt'],
      ['/compliance/clauses/ITP-4.2-DEPUTY', 'Ersättare'],
      ['/compliance/policy', 'Styrdokument'],
      [`/systems/${systemId}`, 'Matsedel Mashie'],
    ];
    for (const [path, heading] of pages) {
      await page.goto(path);
      await settle(page, heading);
      if (path.startsWith('/systems/'))
        await expect(page.getByTestId('integration-graph').locator('.react-flow__node').first()).toBeVisible();
      await expectNoSeriousAxeViolations(page, `${path} (sv)`);
    }

    // Still on the system page: its two largest dialogs.
    await page.getByRole('button', { name: 'Redigera', exact: true }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoSeriousAxeViolations(page, 'edit system dialog');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await page.getByRole('button', { name: 'Utse systemansvarig eller ersättare' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoSeriousAxeViolations(page, 'appoint dialog');
  });

  test('the main pages in English', async ({ loginAs }) => {
    const page = await loginAs('administrator');
    await setLocale(page.context(), 'en');
    try {
      const systemId = await systemIdByName(page, 'Matsedel Mashie');
      const pages: Array<[string, string]> = [
        ['/systems?uncovered=true', 'System register'],
        [`/systems/${systemId}`, 'Matsedel Mashie'],
        ['/compliance', 'Compliance overview'],
      ];
      for (const [path, heading] of pages) {
        await page.goto(path);
        await settle(page, heading);
        await expectNoSeriousAxeViolations(page, `${path} (en)`);
      }
    } finally {
      await setLocale(page.context(), 'sv');
    }
  });

  test('the public register, logged out, in both languages', async ({ page }) => {
    await page.goto('/public');
    await settle(page, 'Publikt systemregister');
    await expectNoSeriousAxeViolations(page, '/public (sv)');
    await page.goto('/public/1435');
    await settle(page, /Publikt systemregister – /);
    await expectNoSeriousAxeViolations(page, '/public/1435 (sv)');
    await page.getByText('English', { exact: true }).click();
    await settle(page, /Public register – /);
    await expectNoSeriousAxeViolations(page, '/public/1435 (en)');
  });

  test('a department head’s view of compliance', async ({ loginAs }) => {
    const page = await loginAs('departmentHead');
    await page.goto('/compliance');
    await settle(page, 'Efterlevnadsöversikt');
    await expectNoSeriousAxeViolations(page, '/compliance as department head');
  });
});
