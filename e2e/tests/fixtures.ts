import { test as base, expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { startWorkerServer, type WorkerServer } from '../worker-server.ts';

export const demoPassword = 'Tanum-demo-2026';
export const demoLogins = {
  administrator: 'admin@tanum.demo',
  auditor: 'revisor@tanum.demo',
  departmentHead: 'bou-chef@tanum.demo',
  employee: 'medarbetare@tanum.demo',
  itChief: 'it-chef@tanum.demo',
  itUnit: 'it@tanum.demo',
  dataProtectionOfficer: 'dataskydd@tanum.demo',
} as const;
export type DemoRole = keyof typeof demoLogins;

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

interface Fixtures {
  /** A page in a new context, logged in as one of the demo roles, in Swedish. */
  loginAs: (role: DemoRole) => Promise<Page>;
}
interface WorkerFixtures {
  /** This worker's own server and demo database. */
  workerServer: WorkerServer;
  sessions: Map<DemoRole, StorageState>;
}

/**
 * The server allows ten logins a minute from one address, so each role logs in once per worker
 * (through the API) and the tests reuse the session cookie. Tests that are about logging in use
 * the form themselves.
 */
export const test = base.extend<Fixtures, WorkerFixtures>({
  workerServer: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a function needs from its destructured first parameter; this one needs none
    async ({}, use, workerInfo) => {
      const server = await startWorkerServer(Number(process.env.E2E_PORT ?? 3210) + workerInfo.parallelIndex);
      await use(server);
      await server.stop();
    },
    // Loading the demo takes longer than a test's own timeout allows on a busy machine.
    { scope: 'worker', timeout: 180_000 },
  ],
  baseURL: async ({ workerServer }, use) => {
    await use(workerServer.baseURL);
  },
  sessions: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a function needs from its destructured first parameter; this one needs none
    async ({}, use) => {
      await use(new Map());
    },
    { scope: 'worker' },
  ],
  loginAs: async ({ browser, sessions, baseURL }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (role) => {
      let state = sessions.get(role);
      if (!state) {
        state = await logInThroughApi(browser, baseURL!, demoLogins[role]);
        sessions.set(role, state);
      }
      const context = await browser.newContext({ storageState: state, baseURL: baseURL!, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
      contexts.push(context);
      // Each test starts in Swedish, whatever an earlier (perhaps failed) test left behind.
      await setLocale(context, 'sv');
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },
});

async function logInThroughApi(browser: Browser, baseURL: string, email: string): Promise<StorageState> {
  const context = await browser.newContext({ baseURL });
  const response = await context.request.post('/api/v1/auth/login', { data: { email, password: demoPassword } });
  expect(response.status(), `login as ${email}`).toBe(200);
  const state = await context.storageState();
  await context.close();
  return state;
}

export async function setLocale(context: BrowserContext, locale: 'sv' | 'en'): Promise<void> {
  const me = await context.request.get('/api/v1/me');
  expect(me.status()).toBe(200);
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const response = await context.request.patch('/api/v1/me', { data: { locale }, headers: { 'X-CSRF-Token': csrfToken } });
  expect(response.status()).toBe(200);
}

/**
 * Waits until nothing on the page is moving: two frames (so a transition that was just triggered
 * has started), then no running animation or transition that will end. A dialog scanned mid-fade has text at
 * part opacity, which axe reports as low contrast (seen on CI in the revoke-token dialog).
 */
export async function waitForStillPage(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  // A spinner loops for ever; only animations that end are waited for.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((animation) => animation.playState !== 'running' || animation.effect?.getComputedTiming().endTime === Infinity),
  );
}

/** Fails on any serious or critical WCAG 2.1 A/AA finding, listing them all; scans a still page. */
export async function expectNoSeriousAxeViolations(page: Page, label: string): Promise<void> {
  await waitForStillPage(page);
  // Only violations are collected: gathering every passing node made a scan take seconds per page.
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .options({ resultTypes: ['violations'] })
    .analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  if (serious.length > 0) {
    const lines = serious.map(
      (violation) =>
        `${violation.impact} ${violation.id}: ${violation.help}\n` +
        violation.nodes.map((node) => `    ${node.target.join(' ')} — ${node.failureSummary?.split('\n').join(' ')}`).join('\n'),
    );
    console.log(`axe findings on ${label}:\n${lines.join('\n')}`);
  }
  expect(
    serious.map((violation) => `${violation.id} (${violation.nodes.length})`),
    `axe on ${label}`,
  ).toEqual([]);
}

/**
 * Chooses an option in a Mantine Select by its label; the options open in a portal on the page.
 * A page still loading its other sections can move the field and close its list before the click
 * (seen on a loaded CI machine on the person page): the list is opened again until the click lands.
 */
export async function chooseOption(scope: Page | Locator, label: string | RegExp, option: string | RegExp): Promise<void> {
  const page = 'page' in scope ? scope.page() : scope;
  const field = scope.getByRole('combobox', { name: label, exact: true });
  const choice = page.getByRole('option', { name: option }).first();
  await expect(async () => {
    if (!(await choice.isVisible())) await field.click();
    await choice.click({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}

/** Calls the API with the page's session (CSRF token from /me), for test set-up and look-ups. */
export async function apiCall<Result = unknown>(
  page: Page,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  options: { data?: unknown; version?: number } = {},
): Promise<Result> {
  const me = (await (await page.request.get('/api/v1/me')).json()) as { csrfToken: string };
  const response = await page.request.fetch(`/api/v1${path}`, {
    method,
    ...(options.data === undefined ? {} : { data: options.data }),
    headers: { 'X-CSRF-Token': me.csrfToken, ...(options.version === undefined ? {} : { 'If-Match': `"${options.version}"` }) },
  });
  expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return (response.status() === 204 ? undefined : await response.json()) as Result;
}

/** A system's id by its exact name. */
export async function systemIdByName(page: Page, name: string): Promise<string> {
  const list = await apiCall<{ items: Array<{ id: string; name: string }> }>(
    page,
    'GET',
    `/systems?q=${encodeURIComponent(name)}&limit=50`,
  );
  const system = list.items.find((item) => item.name === name);
  expect(system, `system ${name}`).toBeTruthy();
  return system!.id;
}

export { expect };
