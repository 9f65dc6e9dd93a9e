import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/** Sums the compressed size of the JavaScript a page load fetched (what goes over the wire). */
async function javascriptBytes(page: Page, load: () => Promise<void>): Promise<{ total: number; files: string[] }> {
  const sizes: Array<Promise<{ url: string; bytes: number }>> = [];
  const listener = (response: import('@playwright/test').Response) => {
    if (!response.url().endsWith('.js')) return;
    sizes.push(
      response
        .request()
        .sizes()
        .then((sizes) => ({ url: response.url(), bytes: sizes.responseBodySize })),
    );
  };
  page.on('response', listener);
  await load();
  await page.waitForLoadState('networkidle');
  page.off('response', listener);
  const files = await Promise.all(sizes);
  return {
    total: files.reduce((sum, file) => sum + file.bytes, 0),
    files: files.map((file) => `${file.url.split('/').pop()} ${(file.bytes / 1024).toFixed(1)} kB`),
  };
}

// docs/quality.md: the JavaScript of the first page is at most 300 kB gzipped; the rest is split off.
const budget = 300 * 1024;

test('the first page stays within the JavaScript budget', async ({ page, loginAs }) => {
  const login = await javascriptBytes(page, async () => {
    await page.goto('/login');
    await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
  });
  console.log(`login page JavaScript: ${(login.total / 1024).toFixed(1)} kB compressed\n  ${login.files.join('\n  ')}`);
  expect(login.total).toBeLessThanOrEqual(budget);

  // The to-do list is the first page after login (issue #13).
  const tasksPage = await loginAs('administrator');
  const tasks = await javascriptBytes(tasksPage, async () => {
    await tasksPage.goto('/');
    await expect(tasksPage.getByRole('heading', { level: 1, name: 'Att göra' })).toBeVisible();
  });
  console.log(`to-do list JavaScript: ${(tasks.total / 1024).toFixed(1)} kB compressed\n  ${tasks.files.join('\n  ')}`);
  expect(tasks.total).toBeLessThanOrEqual(budget);

  const overviewPage = await loginAs('administrator');
  const overview = await javascriptBytes(overviewPage, async () => {
    await overviewPage.goto('/overview');
    await expect(overviewPage.getByRole('heading', { level: 1, name: 'Översikt' })).toBeVisible();
  });
  console.log(
    `overview JavaScript (including the lazily loaded chart): ${(overview.total / 1024).toFixed(1)} kB compressed\n  ${overview.files.join('\n  ')}`,
  );
  const overviewWithoutChart = overview.total - (await chartBytes(overview.files));
  expect(overviewWithoutChart).toBeLessThanOrEqual(budget);
});

/**
 * The lazily loaded chart and the chunks only it pulls in: the chart library is shared with the
 * compliance trend chart and the other lazy charts, so the bundler puts it in chunks of its own
 * (grid-chart.module, d3-*, and Mantine's BarChart since more than one lazy chart imports it).
 */
const lazyChartChunk = /^(DepartmentChart|BarChart|grid-chart\.module|d3-[a-z-]+)-/;
async function chartBytes(files: string[]): Promise<number> {
  return files.filter((file) => lazyChartChunk.test(file)).reduce((sum, file) => sum + Number(file.split(' ')[1]) * 1024, 0);
}
