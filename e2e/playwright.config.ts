import path from 'node:path';
import { defineConfig } from '@playwright/test';

const repositoryRoot = path.resolve(import.meta.dirname, '..');
// Each worker starts its own server with the demo on its own database (tests/fixtures.ts), on
// E2E_PORT plus the worker's slot; E2E_PORT lets two runs (say, two people's branches on one
// machine) go side by side.
// Two workers on the two cores CI has; E2E_WORKERS=1 runs the journeys one after another.
const workers = Number(process.env.E2E_WORKERS ?? 2);

export const chromiumArguments = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export default defineConfig({
  testDir: path.join(import.meta.dirname, 'tests'),
  outputDir: path.join(repositoryRoot, 'test-results'),
  workers,
  fullyParallel: false,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArguments },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium', viewport: { width: 1280, height: 900 } } }],
});
