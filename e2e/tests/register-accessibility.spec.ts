import type { Page } from '@playwright/test';
import { expect, expectNoSeriousAxeViolations, setLocale, systemIdByName, test } from './fixtures.ts';

/** Waits until the page has its heading and nothing is still loading. */
async function settle(page: Page, heading: string | RegExp) {
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await expect(page.getByRole('status')).toHaveCount(0);
}

test.describe('accessibility of the register and compliance pages (axe, WCAG 2.1 A and AA)', () => {
  test('every new page in Swedish', async ({ loginAs }) => {
    const page = await loginAs('administrator');
    // A system with a few neighbours: axe takes long on large graphs, and the markup is the same.
    const systemId = await systemIdByName(page, 'Matsedel Mashie');
    const pages: Array<[string, string | RegExp]> = [
      ['/systems?uncovered=true', 'Systemregister'],
      [`/systems/${systemId}`, 'Matsedel Mashie'],
      ['/my-systems', 'Mina system'],
      ['/compliance', 'Efterlevnadsöversikt'],
      ['/compliance/clauses/ITP-4.2-DEPUTY', 'Ersättare'],
      ['/compliance/policy', 'Styrdokument'],
      ['/settings', 'Inställningar'],
    ];
    for (const [path, heading] of pages) {
      await page.goto(path);
      await settle(page, heading);
      if (path.startsWith('/systems/')) await expect(page.getByTestId('integration-graph').locator('.react-flow__node').first()).toBeVisible();
      await expectNoSeriousAxeViolations(page, `${path} (sv)`);
    }
  });

  test('dialogs of the system page', async ({ loginAs }) => {
    const page = await loginAs('administrator');
    await page.goto(`/systems/${await systemIdByName(page, 'Matsedel Mashie')}`);
    await settle(page, 'Matsedel Mashie');
    await page.getByRole('button', { name: 'Redigera', exact: true }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoSeriousAxeViolations(page, 'edit system dialog');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Utse systemansvarig eller ersättare' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoSeriousAxeViolations(page, 'appoint dialog');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Ny integration' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoSeriousAxeViolations(page, 'integration dialog');
  });

  test('the main pages in English', async ({ loginAs }) => {
    const page = await loginAs('administrator');
    await setLocale(page.context(), 'en');
    try {
      const systemId = await systemIdByName(page, 'Matsedel Mashie');
      const pages: Array<[string, string]> = [
        ['/systems?uncovered=true', 'System register'],
        [`/systems/${systemId}`, 'Matsedel Mashie'],
        ['/my-systems', 'My systems'],
        ['/compliance', 'Compliance overview'],
        ['/compliance/clauses/ITP-4.2-REGISTER', 'Register of business systems'],
        ['/compliance/policy', 'Policy document'],
      ];
      for (const [path, heading] of pages) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expect(page.getByRole('status')).toHaveCount(0);
        if (!path.startsWith('/compliance/clauses')) await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
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

  test('the pages an employee and a department head see', async ({ loginAs }) => {
    for (const [role, paths] of [
      ['employee', [['/systems?uncovered=true', 'Systemregister'], ['/my-systems', 'Mina system']]],
      ['departmentHead', [['/compliance', 'Efterlevnadsöversikt']]],
    ] as const) {
      const page = await loginAs(role);
      for (const [path, heading] of paths) {
        await page.goto(path);
        await settle(page, heading);
        await expectNoSeriousAxeViolations(page, `${path} as ${role}`);
      }
    }
  });
});
