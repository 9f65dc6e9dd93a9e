import { expect, expectNoSeriousAxeViolations, setLocale, test } from './fixtures.ts';

const pages = [
  { path: '/', sv: 'Översikt', en: 'Overview' },
  { path: '/departments', sv: 'Förvaltningar', en: 'Departments' },
  { path: '/people', sv: 'Medarbetare', en: 'Employees' },
  { path: '/roles', sv: 'Roller', en: 'Roles' },
  { path: '/audit-log', sv: 'Händelselogg', en: 'Audit log' },
  { path: '/api-tokens', sv: 'API-nycklar', en: 'API tokens' },
  { path: '/settings', sv: 'Inställningar', en: 'Settings' },
] as const;

/** Waits until the page has its heading and no list is still loading. */
async function settle(page: import('@playwright/test').Page, heading: string) {
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await expect(page.getByRole('status')).toHaveCount(0);
}

test.describe('accessibility (axe, WCAG 2.1 A and AA)', () => {
  test('the login page, in Swedish and English', async ({ page }) => {
    await page.goto('/login');
    await settle(page, 'Logga in');
    await expectNoSeriousAxeViolations(page, 'login (sv)');
    await page.getByText('English', { exact: true }).click();
    await settle(page, 'Log in');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expectNoSeriousAxeViolations(page, 'login (en)');
  });

  test('every page in Swedish', async ({ loginAs }) => {
    const page = await loginAs('administrator');
    for (const { path, sv } of pages) {
      await page.goto(path);
      await settle(page, sv);
      await expectNoSeriousAxeViolations(page, `${path} (sv)`);
    }
  });

  test('every page in English', async ({ loginAs }) => {
    const page = await loginAs('administrator');
    await setLocale(page.context(), 'en');
    try {
      for (const { path, en } of pages) {
        await page.goto(path);
        await settle(page, en);
        await expectNoSeriousAxeViolations(page, `${path} (en)`);
      }
    } finally {
      await setLocale(page.context(), 'sv');
    }
  });

  test('dialogs, an expanded audit event, and the not-found page', async ({ loginAs }) => {
    const page = await loginAs('administrator');
    await page.goto('/departments');
    await settle(page, 'Förvaltningar');
    await page.getByRole('button', { name: 'Ny förvaltning' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoSeriousAxeViolations(page, 'new department dialog');
    await page.keyboard.press('Escape');

    await page.goto('/people');
    await settle(page, 'Medarbetare');
    await page.getByRole('button', { name: 'Ny medarbetare' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoSeriousAxeViolations(page, 'new person dialog');
    await page.keyboard.press('Escape');

    await page.goto('/audit-log');
    await settle(page, 'Händelselogg');
    await page
      .getByTestId('audit-row')
      .first()
      .getByRole('button', { name: /Visa detaljer/ })
      .click();
    await expectNoSeriousAxeViolations(page, 'audit log with details');

    await page.goto('/no-such-page');
    await settle(page, 'Sidan finns inte');
    await expectNoSeriousAxeViolations(page, 'not found');
  });

  test('the pages an employee sees', async ({ loginAs }) => {
    const page = await loginAs('employee');
    for (const { path, sv } of pages.filter((entry) => ['/', '/departments', '/people', '/api-tokens', '/settings'].includes(entry.path))) {
      await page.goto(path);
      await settle(page, sv);
      await expectNoSeriousAxeViolations(page, `${path} as employee`);
    }
  });
});
