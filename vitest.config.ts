import { defineConfig } from 'vitest/config';

const httpTests = ['packages/server/src/**/*.test.ts', 'packages/server/test/**/*.test.ts'];
const unitTests = ['packages/*/src/**/*.unit.test.ts', 'scripts/**/*.unit.test.ts'];
// One migrated template database per dialect and run; each HTTP test file copies it.
const templateDatabase = ['packages/server/test/template-database-setup.ts'];

/**
 * Three tiers (architecture.md): pure unit tests; HTTP tests on a real database, run once on
 * SQLite and once on PostgreSQL; CLI tests that run the real command. Browser tests are Playwright's.
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: unitTests } },
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: httpTests,
          exclude: unitTests,
          env: { FORVALTA_TEST_DATABASE: 'sqlite' },
          globalSetup: templateDatabase,
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: httpTests,
          exclude: unitTests,
          env: { FORVALTA_TEST_DATABASE: 'postgres' },
          globalSetup: templateDatabase,
        },
      },
      // Each CLI test starts real processes; on a busy 2-core machine one start can take seconds.
      { extends: true, test: { name: 'cli', include: ['packages/cli/src/**/*.test.ts'], exclude: unitTests, testTimeout: 180_000 } },
    ],
  },
});
