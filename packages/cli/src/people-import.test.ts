import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../server/test/test-database.ts';
import { forvalta, query } from './cli-test-support.ts';

/**
 * `forvalta import people` on both databases into the demo, whose documents in force every new
 * employee must acknowledge (ITP-3-INFORM-NEW): the requests for a person who has started are made
 * in the import's transaction after its bulk audit chain is closed. They audit on their own and,
 * made while it was open, took the sequence numbers it held: every such import failed as a conflict.
 */
describe('forvalta import people', () => {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    it(`imports a person who has started, with the acknowledgements they owe, and the chain verifies (${dialect})`, async () => {
      const database = await createTestDatabase(dialect);
      const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'forvalta-people-import-'));
      try {
        expect((await forvalta('demo', '--database', database.url)).code).toBe(0);
        const [department] = await query(dialect, database.url, 'select name from departments order by sort_key limit 1');
        const file = path.join(directory, 'hr.csv');
        fs.writeFileSync(
          file,
          `Anställningsnummer ;E-post ;Förnamn;Efternamn;Förvaltning ;Startdatum\r\nHR-90001;ny.person@tanum.demo;Åsa;Ödman;${department!.name};2026-01-05\r\n`,
        );
        const applied = await forvalta('import', 'people', file, '--apply', '--municipality', '1435', '--database', database.url);
        expect(applied.code, applied.stdout + applied.stderr).toBe(0);
        expect(applied.stdout).toContain('Importen är genomförd.');
        const [owed] = await query(
          dialect,
          database.url,
          "select count(*) as count from acknowledgements join people on people.id = acknowledgements.person_id where people.email = 'ny.person@tanum.demo'",
        );
        expect(Number(owed!.count)).toBeGreaterThan(0);
        const verify = await forvalta('audit', 'verify', '--database', database.url);
        expect(verify.code, verify.stdout).toBe(0);
      } finally {
        fs.rmSync(directory, { recursive: true, force: true });
        await database.drop();
      }
    }, 300_000);
  }
});
