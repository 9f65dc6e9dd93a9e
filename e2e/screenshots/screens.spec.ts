import fs from 'node:fs';
import { expect, setLocale, test } from '../tests/fixtures.ts';

// Pictures of every screen for a person to look at: `npm run screenshots` (SCREENSHOTS=<directory>
// to choose where). A tool, not a test: it runs outside the browser suite (e2e/screenshots.config.ts).
const directory = process.env.SCREENSHOTS ?? '/tmp/forvalta-screens';

const paths = ['/', '/overview', '/departments', '/people', '/roles', '/audit-log', '/api-tokens', '/settings', '/no-such-page'];

for (const locale of ['sv', 'en'] as const) {
  test(`screenshots in ${locale}`, async ({ loginAs }) => {
    fs.mkdirSync(directory, { recursive: true });
    const page = await loginAs('administrator');
    await setLocale(page.context(), locale);
    try {
      for (const path of paths) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expect(page.getByRole('status')).toHaveCount(0);
        await page.waitForTimeout(400);
        const name = path === '/' ? 'tasks' : path.slice(1);
        await page.screenshot({ path: `${directory}/${name}-${locale}.png`, fullPage: true });
      }
      // The register and compliance screens.
      const systems = (await (await page.request.get('/api/v1/systems?q=Matsedel&limit=1')).json()) as { items: Array<{ id: string }> };
      const registerPaths: Array<[string, string]> = [
        ['/systems', 'systems'],
        ['/systems?uncovered=true', 'systems-uncovered'],
        [`/systems/${systems.items[0]!.id}`, 'system'],
        ['/my-systems', 'my-systems'],
        ['/compliance', 'compliance'],
        ['/compliance/clauses/ITP-4.2-DEPUTY', 'clause'],
        ['/compliance/policy', 'policy'],
        // The Cybersecurity Act's view, a measure's page under it and the NIS2 status report (issue #19).
        ['/compliance?framework=nis2', 'compliance-nis2'],
        ['/compliance/clauses/NIS2-21-2-C?framework=nis2', 'clause-nis2'],
        ['/compliance/nis2-report', 'nis2-report'],
        ['/systems?q=zzzz', 'systems-empty'],
      ];
      for (const [path, name] of registerPaths) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expect(page.getByRole('status')).toHaveCount(0);
        await page.waitForTimeout(600);
        await page.screenshot({ path: `${directory}/${name}-${locale}.png`, fullPage: true });
      }
      await page.goto(`/systems/${systems.items[0]!.id}`);
      await page.getByRole('button', { name: locale === 'sv' ? 'Redigera' : 'Edit', exact: true }).click();
      await page.waitForTimeout(500);
      await page.screenshot({ path: `${directory}/system-dialog-${locale}.png` });
      const publicPage = await page.context().browser()!.newPage({ locale: 'sv-SE' });
      await publicPage.goto('/public/1435'.replace(/^/, new URL(page.url()).origin));
      await expect(publicPage.getByRole('heading', { level: 1 })).toBeVisible();
      if (locale === 'en') await publicPage.getByText('English', { exact: true }).click();
      await publicPage.waitForTimeout(600);
      await publicPage.screenshot({ path: `${directory}/public-${locale}.png`, fullPage: true });
      await publicPage.close();

      await page.goto('/people');
      await page.getByRole('button', { name: locale === 'sv' ? 'Ny medarbetare' : 'New employee' }).click();
      await page.waitForTimeout(400);
      await page.screenshot({ path: `${directory}/person-dialog-${locale}.png` });
    } finally {
      await setLocale(page.context(), 'sv');
    }
  });
}
