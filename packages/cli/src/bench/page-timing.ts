import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';

/** The browser the project tests with; the bench never downloads one. */
export const chromiumPath = '/usr/bin/chromium';
const chromiumArguments = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const webDistDirectory = path.resolve(import.meta.dirname, '../../../web/dist');

/** Loads timed per page; the median is reported. Each in a fresh browser context: no cache, no state. */
const coldLoads = 5;

export interface PageTiming {
  name: string;
  path: string;
  /** Navigation start → the page is usable (see `readyWhen` in measurePageTimings), per cold load. */
  samplesMilliseconds: number[];
  medianMilliseconds: number;
  /** Bytes over the wire for the median load's documents, scripts, styles and API answers. */
  transferredKilobytes: number;
}

/** Measured; not measured on purpose or for want of Chromium or a built web; or broken (a miss). */
export type PageTimingOutcome = { measured: PageTiming[] } | { skipped: string } | { failed: string };

/** Why the page timing cannot run here, or undefined when it can. */
export function pageTimingUnavailable(): string | undefined {
  if (!fs.existsSync(chromiumPath)) return `${chromiumPath} not found (install Chromium to time the web pages)`;
  const indexFile = path.join(webDistDirectory, 'index.html');
  if (!fs.existsSync(indexFile)) return 'the web is not built: run `npm run build --workspace @forvalta/web` first';
  // A build in progress (or one that failed half-way) leaves index.html naming assets that are not there.
  const missing = [...fs.readFileSync(indexFile, 'utf8').matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)]
    .map((match) => match[1]!)
    .filter((asset) => !fs.existsSync(path.join(webDistDirectory, asset)));
  if (missing.length > 0)
    return `the web build is incomplete (${missing[0]} is missing): run \`npm run build --workspace @forvalta/web\` again`;
  return undefined;
}

/** What the readiness checks use of the page (this package is not compiled against the DOM). */
interface PageElement {
  textContent: string | null;
  disabled?: boolean;
  getBoundingClientRect(): { height: number };
}
interface PageGlobals {
  document: { querySelector(selector: string): PageElement | null };
  performance: { now(): number };
}

/*
 * Readiness checks, run in the page at every animation frame; each returns performance.now()
 * (milliseconds since navigation start) once the page is usable.
 */

/** A row on screen and the search field usable: what a user needs to start working. */
function registerPageReady(): number | false {
  const { document, performance } = globalThis as unknown as PageGlobals;
  const row = document.querySelector('[data-testid="system-row"]');
  const search = document.querySelector('[role="search"] input[type="search"]');
  return row !== null && row.getBoundingClientRect().height > 0 && search !== null && search.disabled !== true ? performance.now() : false;
}

/** The system's name as the heading and its sections below it. */
function systemPageReady(name: string): number | false {
  const { document, performance } = globalThis as unknown as PageGlobals;
  const heading = document.querySelector('h1');
  return heading !== null && (heading.textContent ?? '').includes(name) && document.querySelector('h2') !== null
    ? performance.now()
    : false;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

/**
 * Times the register page and a system page in headless Chromium against the running server:
 * for each, one warm-up load and then five cold loads, each in a new browser context logged in
 * through the API (a session cookie, as the login form would leave). The clock is the page's
 * own: `performance.now()` counts from navigation start, read the first animation frame at which
 * the page is usable.
 */
export async function measurePageTimings(
  baseUrl: string,
  login: { email: string; password: string; municipalityCode: string },
  system: { id: string; name: string },
  log: (line: string) => void,
): Promise<PageTimingOutcome> {
  const unavailable = pageTimingUnavailable();
  if (unavailable) return { skipped: unavailable };
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArguments });
  try {
    const pages = [
      { name: 'web: register page (first 50 rows, filter enabled)', path: '/systems', readyWhen: registerPageReady, argument: '' },
      { name: 'web: system page (heading and sections)', path: `/systems/${system.id}`, readyWhen: systemPageReady, argument: system.name },
    ];
    const measured: PageTiming[] = [];
    for (const page of pages) {
      log(`timing ${page.name}`);
      const samples: Array<{ milliseconds: number; kilobytes: number }> = [];
      for (let load = 0; load <= coldLoads; load += 1) {
        const sample = await timeOneLoad(browser, baseUrl, login, page.path, page.readyWhen, page.argument);
        if (load > 0) samples.push(sample);
      }
      const milliseconds = samples.map((sample) => sample.milliseconds);
      const middle = median(milliseconds);
      measured.push({
        name: page.name,
        path: page.path,
        samplesMilliseconds: milliseconds.map((value) => Math.round(value * 10) / 10),
        medianMilliseconds: Math.round(middle * 10) / 10,
        transferredKilobytes: Math.round(samples.find((sample) => sample.milliseconds === middle)!.kilobytes),
      });
    }
    return { measured };
  } finally {
    await browser.close();
  }
}

async function timeOneLoad(
  browser: Browser,
  baseUrl: string,
  login: { email: string; password: string; municipalityCode: string },
  pagePath: string,
  readyWhen: (argument: string) => number | false,
  argument: string,
): Promise<{ milliseconds: number; kilobytes: number }> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
  try {
    const answer = await context.request.post('/api/v1/auth/login', { data: login });
    if (!answer.ok()) throw new Error(`logging in as ${login.email} answered ${answer.status()}: ${await answer.text()}`);
    const page = await context.newPage();
    const responses: Array<Promise<number>> = [];
    page.on('response', (response) =>
      responses.push(
        response
          .request()
          .sizes()
          .then((sizes) => sizes.responseBodySize + sizes.responseHeadersSize)
          .catch(() => 0),
      ),
    );
    await page.goto(pagePath, { waitUntil: 'commit' });
    const ready = await page.waitForFunction(readyWhen, argument, { polling: 'raf', timeout: 30_000 }).catch(async (error: Error) => {
      const shown = (
        (await page
          .locator('body')
          .textContent()
          .catch(() => '')) ?? ''
      )
        .replace(/\s+/g, ' ')
        .slice(0, 300);
      throw new Error(`${pagePath} did not become usable (${error.message.split('\n')[0]}); the page showed: ${shown || '(nothing)'}`);
    });
    const milliseconds = (await ready.jsonValue()) as number;
    const bytes = (await Promise.all(responses)).reduce((sum, size) => sum + size, 0);
    return { milliseconds, kilobytes: bytes / 1024 };
  } finally {
    await context.close();
  }
}
