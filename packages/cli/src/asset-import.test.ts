import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { connectDatabase } from '@forvalta/server';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../server/test/test-database.ts';

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '../bin/forvalta.mjs');

async function forvalta(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env: { ...process.env, LOG_LEVEL: 'silent' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/**
 * `forvalta assets import FILE`: a dry run unless --apply, as every import command of the CLI
 * (import-command.ts); --apply writes every row with its audit event; the same file again changes nothing.
 */
describe('forvalta assets import', () => {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    it(`dry-runs by default, applies with --apply, and changes nothing the second time (${dialect})`, async () => {
      const database = await createTestDatabase(dialect);
      const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'forvalta-assets-'));
      const connection = connectDatabase(database.url);
      try {
        const demo = await forvalta('demo', '--database', database.url);
        expect(demo.code, demo.stderr).toBe(0);
        const file = path.join(directory, 'inventarier.csv');
        fs.writeFileSync(
          file,
          [
            'serial;kind;nonStandardDescription;network',
            'CLI-1;printer;Brother HL-L2350;public',
            'CLI-2;phone;Växeltelefon;none',
            'CLI-3;server;Dell PowerEdge R650;town_hall',
            '',
          ].join('\r\n'),
        );
        const counts = async () => {
          const db = connection.db;
          const assets = await db
            .selectFrom('assets')
            .select((eb) => eb.fn.countAll().as('count'))
            .executeTakeFirstOrThrow();
          const events = await db
            .selectFrom('audit_events')
            .select((eb) => eb.fn.countAll().as('count'))
            .where('entity_type', '=', 'asset')
            .executeTakeFirstOrThrow();
          return { assets: Number(assets.count), events: Number(events.count) };
        };
        const before = await counts();

        const dryRun = await forvalta('assets', 'import', file, '--database', database.url);
        expect(dryRun.code, dryRun.stderr).toBe(0);
        expect(dryRun.stdout).toContain('3 rader: 3 skapas, 0 ändras, 0 oförändrade, 0 avvisas.');
        expect(dryRun.stdout).toContain('Provkörning: inget ändrades. Kör med --apply för att importera.');
        expect(await counts()).toEqual(before);

        expect((await forvalta('assets', 'import', file, '--apply', '--dry-run', '--database', database.url)).code).toBe(2);
        expect(await counts()).toEqual(before);

        const applied = await forvalta('assets', 'import', file, '--apply', '--language', 'en', '--database', database.url);
        expect(applied.code, applied.stderr).toBe(0);
        expect(applied.stdout).toContain('The import was applied.');
        expect(applied.stderr).toContain('3 of 3 assets written');
        expect(await counts()).toEqual({ assets: before.assets + 3, events: before.events + 3 });

        const again = await forvalta('assets', 'import', file, '--apply', '--database', database.url);
        expect(again.code, again.stderr).toBe(0);
        expect(again.stdout).toContain('3 rader: 0 skapas, 0 ändras, 3 oförändrade, 0 avvisas.');
        expect(await counts()).toEqual({ assets: before.assets + 3, events: before.events + 3 });
      } finally {
        await connection.destroy();
        fs.rmSync(directory, { recursive: true, force: true });
        await database.drop();
      }
    }, 300_000);
  }
});
