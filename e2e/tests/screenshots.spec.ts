import fs from 'node:fs';
import { expect, setLocale, test } from './fixtures.ts';

// Pictures of every screen for a person to look at; only with SCREENSHOTS=<directory>.
const directory = process.env.SCREENSHOTS;
test.skip(!directory, 'set SCREENSHOTS=/tmp/screens to take screenshots');

const paths = ['/', '/departments', '/people', '/roles', '/audit-log', '/api-tokens', '/settings', '/no-such-page'];

for (const locale of ['sv', 'en'] as const) {
  test(`screenshots in ${locale}`, async ({ loginAs }) => {
    fs.mkdirSync(directory!, { recursive: true });
    const page = await loginAs('administrator');
    await setLocale(page.context(), locale);
    try {
      for (const path of paths) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expect(page.getByRole('status')).toHaveCount(0);
        await page.waitForTimeout(400);
        const name = path === '/' ? 'overview' : path.slice(1);
        await page.screenshot({ path: `${directory}/${name}-${locale}.png`, fullPage: true });
      }
      await page.goto('/people');
      await page.getByRole('button', { name: locale === 'sv' ? 'Ny medarbetare' : 'New employee' }).click();
      await page.waitForTimeout(400);
      await page.screenshot({ path: `${directory}/person-dialog-${locale}.png` });
    } finally {
      await setLocale(page.context(), 'sv');
    }
  });
}
