import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// E2E_PORT lets two runs (say, two people's branches on one machine) go side by side.
const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;
const repositoryRoot = path.resolve(import.meta.dirname, '..');
// A fresh database for every run, so the journeys start from the same demo data each time.
// The runner's worker processes load this file too; they reuse the main process's name (through
// the environment), so the teardown deletes exactly the file the server was started with.
process.env.FORVALTA_E2E_DATABASE ??= path.join(os.tmpdir(), `forvalta-e2e-${Date.now()}-${process.pid}.db`);
const databaseFile = process.env.FORVALTA_E2E_DATABASE;

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
  globalTeardown: path.join(import.meta.dirname, 'global-teardown.ts'),
  outputDir: path.join(repositoryRoot, 'test-results'),
  workers: 1,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  webServer: {
    command: `node packages/cli/bin/forvalta.mjs serve --demo --port ${port} --database "${databaseFile}"`,
    cwd: repositoryRoot,
    url: `${baseURL}/api/v1/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: { LOG_LEVEL: 'warn' },
  },
  use: {
    baseURL,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArguments },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium', viewport: { width: 1280, height: 900 } } }],
});
