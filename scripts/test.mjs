#!/usr/bin/env node
// The whole test suite, as the README and CI run it: type checks, lint, unit tests, HTTP tests on SQLite
// and on PostgreSQL, CLI tests, then browser tests in Chromium. Ends with one summary line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const reports = path.join(root, '.tmp');
fs.mkdirSync(reports, { recursive: true });

function step(title, command, args, environment = {}) {
  console.log(`\n=== ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...environment } });
  return result.status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const vitestReport = path.join(reports, 'vitest.json');
const playwrightReport = path.join(reports, 'playwright.json');
for (const file of [vitestReport, playwrightReport]) fs.rmSync(file, { force: true });

const results = [];
results.push(step('type check', 'npm', ['run', 'typecheck']));
results.push(step('module boundaries (dependency-cruiser)', 'node', ['scripts/module-boundaries.mjs']));
// Formatting and lint rules in biome.json; a warning fails the step as an error does.
results.push(step('lint (Biome)', 'npx', ['biome', 'ci', '.', '--error-on-warnings']));
// The OpenAPI document as the server builds it from the contracts, linted with Redocly's recommended rules.
const openApiFile = path.join(reports, 'openapi.json');
results.push(
  step('OpenAPI document', 'npx', ['tsx', 'scripts/write-openapi.ts', openApiFile]) &&
    step('OpenAPI lint (Redocly)', 'npx', ['redocly', 'lint', '--extends=recommended', openApiFile], {
      REDOCLY_TELEMETRY: 'off',
      REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
    }),
);
// Built once per run, here: the CLI tests and the browser tests then start `forvalta` from the
// compiled bundle, as `npm start` does, and the browser tests are served this web build (the
// Playwright step below runs Playwright itself, not `npm run test:e2e`, which would build the web again).
results.push(step('web build', 'npm', ['run', 'build', '--workspace', '@forvalta/web']));
results.push(step('server bundle', 'node', ['scripts/build-server.mjs']));
results.push(
  step('unit, HTTP (SQLite and PostgreSQL) and CLI tests', 'npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${vitestReport}`,
  ]),
);
results.push(
  step('browser tests', 'npx', ['playwright', 'test', '-c', 'e2e/playwright.config.ts', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
  }),
);

let passed = 0;
let failed = 0;
let skipped = 0;
const vitest = readJson(vitestReport);
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + vitest.numTodoTests;
}
const playwright = readJson(playwrightReport);
if (playwright?.stats) {
  passed += playwright.stats.expected;
  failed += playwright.stats.unexpected + playwright.stats.flaky;
  skipped += playwright.stats.skipped;
}
const stepsFailed = results.filter((ok) => !ok).length;
console.log(`\nSummary of every suite (${stepsFailed} of ${results.length} steps failed):`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(stepsFailed > 0 || failed > 0 ? 1 : 0);
