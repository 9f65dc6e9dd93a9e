import { expect, expectNoSeriousAxeViolations, setLocale, test } from './fixtures.ts';

const pages = [
  { path: '/', sv: 'Att göra', en: 'To do' },
  { path: '/overview', sv: 'Översikt', en: 'Overview' },
  { path: '/departments', sv: 'Förvaltningar', en: 'Departments' },
  { path: '/people', sv: 'Medarbetare', en: 'Employees' },
  { path: '/roles', sv: 'Roller', en: 'Roles' },
  { path: '/audit-log', sv: 'Händelselogg', en: 'Audit log' },
  { path: '/api-tokens', sv: 'API-nycklar', en: 'API tokens' },
  { path: '/settings', sv: 'Inställningar', en: 'Settings' },
] as const;

/**
 * Every visible text node's contrast against what is behind it, computed in the page from the
 * styles the browser applied: text marked aria-hidden counts too (a sighted reader still sees it),
 * text hidden from sight (a visually-hidden caption, display:none) does not. Backgrounds are
 * blended up the ancestors until one is opaque; opacity on the way thins the text's colour.
 * The text of a disabled control is left out, as WCAG 1.4.3 leaves out inactive components (a
 * pager's "Nästa sida" on the last page). Returns each text below the ratio, with its colours.
 */
async function textBelowContrast(page: import('@playwright/test').Page, minimum: number) {
  return page.evaluate((minimum) => {
    type Rgba = [number, number, number, number];
    const parse = (value: string): Rgba => {
      const numbers = value.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 0];
      return [numbers[0] ?? 0, numbers[1] ?? 0, numbers[2] ?? 0, numbers[3] ?? 1];
    };
    const over = (top: Rgba, bottom: Rgba): Rgba => {
      const alpha = top[3] + bottom[3] * (1 - top[3]);
      if (alpha === 0) return [0, 0, 0, 0];
      const channel = (index: number) => (top[index]! * top[3] + bottom[index]! * bottom[3] * (1 - top[3])) / alpha;
      return [channel(0), channel(1), channel(2), alpha];
    };
    const luminance = ([red, green, blue]: Rgba) => {
      const linear = (value: number) => {
        const share = value / 255;
        return share <= 0.03928 ? share / 12.92 : ((share + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
    };
    const backgroundOf = (element: Element): Rgba => {
      let colour: Rgba = [0, 0, 0, 0];
      for (let current: Element | null = element; current; current = current.parentElement) {
        colour = over(colour, parse(getComputedStyle(current).backgroundColor));
        if (colour[3] >= 0.999) return colour;
      }
      return over(colour, [255, 255, 255, 1]);
    };
    const isSeen = (element: Element) => {
      if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
      const box = element.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) return false;
      const style = getComputedStyle(element);
      return !(style.clip === 'rect(0px, 0px, 0px, 0px)' || style.clipPath === 'inset(50%)');
    };
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const element = node.parentElement;
      if (!text || !element || !isSeen(element)) continue;
      if (element.closest(':disabled, [aria-disabled="true"]')) continue;
      let opacity = 1;
      for (let current: Element | null = element; current; current = current.parentElement)
        opacity *= Number(getComputedStyle(current).opacity);
      const background = backgroundOf(element);
      const foreground = parse(getComputedStyle(element).color);
      const seen = over([foreground[0], foreground[1], foreground[2], foreground[3] * opacity], background);
      const [lighter, darker] = [luminance(seen), luminance(background)].sort((a, b) => b - a);
      const ratio = (lighter! + 0.05) / (darker! + 0.05);
      if (ratio < minimum)
        found.push(
          `${ratio.toFixed(2)}:1 "${text.slice(0, 40)}" (${getComputedStyle(element).color} on rgba(${background.map((value) => Math.round(value * 100) / 100).join(', ')}))`,
        );
    }
    return found;
  }, minimum);
}

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

  test('every visible text, aria-hidden included, has 4.5:1 contrast on /login, the to-do list, /departments and /settings', async ({
    page,
    loginAs,
  }) => {
    await page.goto('/login');
    await settle(page, 'Logga in');
    expect(await textBelowContrast(page, 4.5), '/login').toEqual([]);
    const administrator = await loginAs('administrator');
    // The to-do list marks overdue tasks in red: text and badge must keep their contrast.
    for (const { path, sv } of pages.filter((entry) => ['/', '/departments', '/settings'].includes(entry.path))) {
      await administrator.goto(path);
      await settle(administrator, sv);
      expect(await textBelowContrast(administrator, 4.5), path).toEqual([]);
    }
  });

  test('the public register links its accessibility statement, in Swedish and English', async ({ page }) => {
    await page.goto('/public');
    await page.getByRole('link', { name: 'Tillgänglighetsredogörelse' }).click();
    await settle(page, 'Tillgänglighetsredogörelse för Förvalta');
    for (const heading of [
      'Hur tillgänglig är tjänsten?',
      'Innehåll som inte är tillgängligt',
      'Rapportera brister i tjänstens tillgänglighet',
      'Tillsyn',
    ]) {
      await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
    }
    await expect(page.getByRole('link', { name: 'Anmäl bristande tillgänglighet till DIGG' })).toHaveAttribute('href', /digg\.se/);
    await expect(page.getByText('Redogörelsen upprättades den 2026-12-01')).toBeVisible();
    await expectNoSeriousAxeViolations(page, 'accessibility statement (sv)');
    expect(await textBelowContrast(page, 4.5), '/public/accessibility').toEqual([]);
    await page.getByText('English', { exact: true }).click();
    await settle(page, 'Accessibility statement for Förvalta');
    await expect(page.getByRole('heading', { level: 2, name: 'Supervision' })).toBeVisible();
    await expectNoSeriousAxeViolations(page, 'accessibility statement (en)');
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
    for (const { path, sv } of pages.filter((entry) =>
      ['/', '/overview', '/departments', '/people', '/api-tokens', '/settings'].includes(entry.path),
    )) {
      await page.goto(path);
      await settle(page, sv);
      await expectNoSeriousAxeViolations(page, `${path} as employee`);
    }
  });
});
