import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBoundaryViolations } from './module-boundaries.mjs';

/**
 * The boundary rules can fail: a small checkout laid out like this one, first clean, then with
 * one breach of each rule, gives no violation and then exactly the breached rules.
 */
const root = path.resolve(import.meta.dirname, '..');
let checkout: string;
// Relative imports of the fixture's own files, built so no literal here seems to leave this checkout.
const up = (levels: number) => '../'.repeat(levels);

function write(relative: string, text: string) {
  const file = path.join(checkout, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

const cleanFiles: Record<string, string> = {
  'packages/server/src/modules/alpha/index.ts': "export { alphaService } from './alpha.service.ts';\n",
  'packages/server/src/modules/alpha/alpha.service.ts':
    "import { alphaRepository } from './alpha.repository.ts';\nimport { betaReads } from '../beta/index.ts';\nexport const alphaService = () => [alphaRepository, betaReads];\n",
  'packages/server/src/modules/alpha/alpha.repository.ts':
    "import { sql } from 'kysely';\nexport const alphaRepository = { all: (db: any) => db.selectFrom('alpha').where(sql`true`).execute() };\n",
  'packages/server/src/modules/beta/index.ts': "export { betaReads } from './beta.repository.ts';\n",
  'packages/server/src/modules/beta/beta.repository.ts': 'export const betaReads = {};\n',
  'packages/server/src/platform/http/authentication.ts': 'export interface RequestAuthenticator { resolve(token: string): unknown }\n',
  'packages/server/src/index.ts': "export { alphaService } from './modules/alpha/index.ts';\n",
  'packages/server/src/services.ts':
    "import { alphaService } from './modules/alpha/index.ts';\nexport const services = { alpha: alphaService };\n",
  'packages/cli/src/main.ts': `import { alphaService } from '${up(2)}server/src/index.ts';\nexport const main = alphaService;\n`,
};

beforeAll(() => {
  checkout = fs.mkdtempSync(path.join(os.tmpdir(), 'forvalta-boundaries-'));
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(checkout, 'node_modules'));
  for (const [file, text] of Object.entries(cleanFiles)) write(file, text);
});

afterAll(() => fs.rmSync(checkout, { recursive: true, force: true }));

describe('the module boundary rules', () => {
  it('find nothing in a checkout that keeps them', async () => {
    expect(await findBoundaryViolations(checkout)).toEqual([]);
  });

  it('name each breach: internals, a module cycle, the platform, the CLI, Kysely and query builders outside repositories', async () => {
    // alpha reaches into beta's repository, and beta needs alpha back: a cycle between modules.
    write(
      'packages/server/src/modules/alpha/alpha.service.ts',
      "import { alphaRepository } from './alpha.repository.ts';\nimport { betaReads } from '../beta/beta.repository.ts';\nexport const alphaService = () => [alphaRepository, betaReads];\n",
    );
    write(
      'packages/server/src/modules/beta/beta.service.ts',
      "import { alphaService } from '../alpha/index.ts';\nexport const betaService = alphaService;\n",
    );
    write(
      'packages/server/src/modules/beta/index.ts',
      "export { betaReads } from './beta.repository.ts';\nexport { betaService } from './beta.service.ts';\n",
    );
    write(
      'packages/server/src/platform/http/authentication.ts',
      `import { alphaService } from '${up(2)}modules/alpha/index.ts';\nexport const authenticate = alphaService;\n`,
    );
    write(
      'packages/server/src/services.ts',
      "import { alphaRepository } from './modules/alpha/alpha.repository.ts';\nexport const services = { alpha: alphaRepository };\n",
    );
    write('packages/server/src/platform/database-schema.ts', 'export interface Database { alpha: { id: string } }\n');
    write(
      'packages/cli/src/bench.ts',
      `import type { Database } from '${up(2)}server/src/platform/database-schema.ts';\nexport type Tables = Database;\n`,
    );
    write(
      'packages/server/src/modules/beta/beta-view.ts',
      "import type { Selectable } from 'kysely';\nexport const names = (db: any) => db.selectFrom('beta').execute() as Promise<Selectable<{ id: string }>[]>;\n",
    );

    const violations = await findBoundaryViolations(checkout);
    const byRule = (rule: string) => violations.filter((violation) => violation.rule === rule).map(({ from, to }) => `${from} → ${to}`);
    expect(byRule('module-internals-from-another-module')).toEqual([
      'packages/server/src/modules/alpha/alpha.service.ts → packages/server/src/modules/beta/beta.repository.ts',
    ]);
    expect(byRule('module-internals-from-outside')).toEqual([
      'packages/server/src/services.ts → packages/server/src/modules/alpha/alpha.repository.ts',
    ]);
    expect(byRule('no-cycle-between-modules').sort()).toEqual([
      'packages/server/src/modules/alpha → packages/server/src/modules/beta',
      'packages/server/src/modules/beta → packages/server/src/modules/alpha',
    ]);
    expect(byRule('platform-knows-no-module')).toEqual([
      'packages/server/src/platform/http/authentication.ts → packages/server/src/modules/alpha/index.ts',
    ]);
    expect(byRule('web-and-cli-use-public-server-entries')).toEqual([
      'packages/cli/src/bench.ts → packages/server/src/platform/database-schema.ts',
    ]);
    expect(byRule('database-access-in-repositories')).toEqual([
      'packages/server/src/modules/beta/beta-view.ts → node_modules/kysely/dist/esm/index.js',
    ]);
    expect(byRule('query-builders-in-repositories')).toEqual([
      "packages/server/src/modules/beta/beta-view.ts:2 → export const names = (db: any) => db.selectFrom('beta').execute() as Promise<Selectable<{ id: string }>[]>;",
    ]);
  });
});
