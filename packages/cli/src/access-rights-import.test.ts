import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDialect } from '../../server/test/test-database.ts';
import { bin, forvalta } from './cli-test-support.ts';

/** The few statements the test makes itself, on either database. */
async function connect(dialect: TestDialect, url: string) {
  if (dialect === 'sqlite') {
    const sqlite = new SqliteDatabase(url);
    return {
      all: async (text: string, values: unknown[] = []) => sqlite.prepare(text).all(...values) as Array<Record<string, unknown>>,
      run: async (text: string, values: unknown[] = []) => void sqlite.prepare(text).run(...values),
      close: async () => sqlite.close(),
    };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let index = 0;
  const numbered = (text: string) => text.replace(/\?/g, () => `$${++index}`);
  return {
    all: async (text: string, values: unknown[] = []) => {
      index = 0;
      return (await client.query(numbered(text), values)).rows as Array<Record<string, unknown>>;
    },
    run: async (text: string, values: unknown[] = []) => {
      index = 0;
      await client.query(numbered(text), values);
    },
    close: () => client.end(),
  };
}

/**
 * All or nothing when the process dies (quality.md, reliability): the CLI applies a file of tens of
 * thousands of rights in one transaction and is killed (SIGKILL, no clean-up of its own) after its
 * first batch is written. Nothing of the file may remain, the audit chain must verify, and the same
 * file must then import whole.
 */
describe('forvalta access-rights import, killed in the middle', () => {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    it(`leaves nothing half-imported and an audit chain that verifies (${dialect})`, async () => {
      const database = await createTestDatabase(dialect);
      const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'forvalta-import-'));
      try {
        const demo = await forvalta('demo', '--database', database.url);
        expect(demo.code, demo.stderr).toBe(0);
        const db = await connect(dialect, database.url);
        let file: string;
        try {
          const [municipality] = await db.all('select id from municipalities');
          const systems = await db.all('select id from systems where municipality_id = ?', [municipality!.id]);
          const people = await db.all("select email from people where municipality_id = ? and employment_status = 'active'", [
            municipality!.id,
          ]);
          const now = new Date().toISOString();
          for (const system of systems)
            await db.run(
              'insert into access_levels (id, municipality_id, system_id, name, sort_key, description, privileged, created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)',
              [randomUUID(), municipality!.id, system.id, 'Importnivå', 'importniv}', null, 0, now, now],
            );
          // Every person in every system: tens of thousands of rows, several batches of 5,000.
          const lines = ['email;system;level'];
          for (const person of people) for (const system of systems) lines.push(`${person.email};${system.id};Importnivå`);
          expect(lines.length).toBeGreaterThan(15_000);
          file = path.join(directory, 'rights.csv');
          fs.writeFileSync(file, `${lines.join('\r\n')}\r\n`);
        } finally {
          await db.close();
        }
        const countRights = async () => {
          const reader = await connect(dialect, database.url);
          try {
            const [row] = await reader.all('select count(*) as count from access_rights');
            const [events] = await reader.all("select count(*) as count from audit_events where entity_type = 'access_right'");
            return { rights: Number(row!.count), events: Number(events!.count) };
          } finally {
            await reader.close();
          }
        };
        const before = await countRights();

        const child = spawn(process.execPath, [bin, 'access-rights', 'import', '--file', file, '--apply', '--database', database.url], {
          env: { ...process.env, LOG_LEVEL: 'silent' },
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        const killed = await new Promise<string>((resolve, reject) => {
          let output = '';
          child.stderr.on('data', (chunk: Buffer) => {
            output += chunk.toString();
            // The first batch of rights and their audit events are written, the transaction is open.
            if (/\d+ of \d+ rights written/.test(output) && child.exitCode === null) child.kill('SIGKILL');
          });
          child.on('exit', (_code, signal) =>
            signal === 'SIGKILL' ? resolve(output) : reject(new Error(`the import ended before it was killed: ${output}`)),
          );
        });
        expect(killed).toMatch(/5000 of \d+ rights written/);
        expect(await countRights()).toEqual(before);
        const verify = await forvalta('audit', 'verify', '--database', database.url);
        expect(verify.code, verify.stdout).toBe(0);

        const whole = await forvalta('access-rights', 'import', '--file', file, '--apply', '--language', 'en', '--database', database.url);
        expect(whole.code, whole.stderr).toBe(0);
        expect(whole.stdout).toContain('The import was applied.');
        const after = await countRights();
        expect(after.rights - before.rights).toBe(after.events - before.events);
        expect(after.rights).toBeGreaterThan(before.rights + 15_000);
        expect((await forvalta('audit', 'verify', '--database', database.url)).code).toBe(0);
      } finally {
        fs.rmSync(directory, { recursive: true, force: true });
        await database.drop();
      }
    }, 300_000);
  }
});
