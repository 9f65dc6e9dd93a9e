import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectDatabase } from '@forvalta/server';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../server/test/test-database.ts';
import { bin, forvalta } from './cli-test-support.ts';

/** 20,000 new assets in one CSV: four batches of 5,000, each written with its audit events in the one transaction. */
function inventoryOf(prefix: string): string {
  const lines = ['serial;kind;nonStandardDescription;network'];
  for (let index = 0; index < 20_000; index += 1) lines.push(`${prefix}${index};pc;Fristående dator;none`);
  return `${lines.join('\r\n')}\r\n`;
}

/** What a killed import left: its assets (by serial prefix), every asset audit event, and SQLite's integrity check. */
async function leftBehind(dialect: 'sqlite' | 'postgres', url: string, serialPrefix: string) {
  const connection = connectDatabase(url);
  try {
    const assets = await connection.db
      .selectFrom('assets')
      .select((eb) => eb.fn.countAll().as('count'))
      .where('serial', 'like', `${serialPrefix}%`)
      .executeTakeFirstOrThrow();
    const events = await connection.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll().as('count'))
      .where('entity_type', '=', 'asset')
      .executeTakeFirstOrThrow();
    const integrity =
      dialect === 'sqlite' ? (await sql<{ integrity_check: string }>`pragma integrity_check`.execute(connection.db)).rows : [];
    return { assets: Number(assets.count), events: Number(events.count), integrity };
  } finally {
    await connection.destroy();
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
  for (const dialect of ['sqlite', 'postgres'] as const) {
    it(`leaves nothing of an apply killed after its first batch, an intact database and audit chain (${dialect})`, async () => {
      const database = await createTestDatabase(dialect);
      const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'forvalta-assets-'));
      try {
        const demo = await forvalta('demo', '--database', database.url);
        expect(demo.code, demo.stderr).toBe(0);
        const file = path.join(directory, 'inventarier.csv');
        fs.writeFileSync(file, inventoryOf('KILL-'));
        const counts = () => leftBehind(dialect, database.url, 'KILL-');
        const before = await counts();

        const child = spawn(process.execPath, [bin, 'assets', 'import', file, '--apply', '--database', database.url], {
          env: { ...process.env, LOG_LEVEL: 'silent' },
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        const killed = await new Promise<string>((resolve, reject) => {
          let output = '';
          child.stderr.on('data', (chunk: Buffer) => {
            output += chunk.toString();
            if (/\d+ of \d+ assets written/.test(output) && child.exitCode === null) child.kill('SIGKILL');
          });
          child.on('exit', (_code, signal) =>
            signal === 'SIGKILL' ? resolve(output) : reject(new Error(`the import ended before it was killed: ${output}`)),
          );
        });
        expect(killed).toMatch(/5000 of 20000 assets written/);
        const after = await counts();
        expect(after).toEqual(before);
        if (dialect === 'sqlite') expect(after.integrity).toEqual([{ integrity_check: 'ok' }]);
        const verify = await forvalta('audit', 'verify', '--database', database.url);
        expect(verify.code, verify.stdout).toBe(0);
      } finally {
        fs.rmSync(directory, { recursive: true, force: true });
        await database.drop();
      }
    }, 300_000);
  }
});

/**
 * The same all-or-nothing when the server dies: `forvalta serve` takes the file over HTTP (an IT
 * unit's API token), logs each batch it has written, and is killed (SIGKILL) after the first;
 * nothing of the file is in the database, SQLite's integrity check passes, the audit chain verifies.
 */
describe('the asset import under a killed server', () => {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    it(`leaves nothing half-imported (${dialect})`, async () => {
      const database = await createTestDatabase(dialect);
      try {
        const demo = await forvalta('demo', '--database', database.url);
        expect(demo.code, demo.stderr).toBe(0);
        const token = await forvalta('token', 'create', '--email', 'it@tanum.demo', '--name', 'inventering', '--database', database.url);
        expect(token.code, token.stderr).toBe(0);
        const secret = token.stdout.trim().split('\n').at(-1)!.trim();

        const counts = () => leftBehind(dialect, database.url, 'SERVER-KILL-');
        const before = await counts();

        const server = spawn(process.execPath, [bin, 'serve', '--port', '0', '--database', database.url], {
          env: { ...process.env, LOG_LEVEL: 'info', JOBS: 'false' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        const seen = (pattern: RegExp) =>
          new Promise<RegExpExecArray>((resolve, reject) => {
            const check = () => {
              const match = pattern.exec(output);
              if (match) resolve(match);
              else if (server.exitCode !== null || server.signalCode !== null) reject(new Error(`serve ended:\n${output}`));
              else setTimeout(check, 20);
            };
            check();
          });
        server.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
        });
        server.stderr.on('data', (chunk: Buffer) => {
          output += chunk.toString();
        });
        const exited = new Promise<NodeJS.Signals | null>((resolve) => server.on('exit', (_code, signal) => resolve(signal)));
        try {
          const url = (await seen(/running at (http:\/\/\S+)/))[1]!.replace('localhost', '127.0.0.1');
          const upload = fetch(`${url}/api/v1/assets/import?mode=apply`, {
            method: 'POST',
            headers: { authorization: `Bearer ${secret}`, 'content-type': 'text/csv' },
            body: inventoryOf('SERVER-KILL-'),
          }).catch((error: unknown) => error);
          await seen(/"written":5000,"total":20000/);
          server.kill('SIGKILL');
          expect(await exited).toBe('SIGKILL');
          // The client saw the connection drop, never an answer.
          expect(await upload).toBeInstanceOf(Error);
        } finally {
          if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
        }
        const after = await counts();
        expect(after).toEqual(before);
        if (dialect === 'sqlite') expect(after.integrity).toEqual([{ integrity_check: 'ok' }]);
        const verify = await forvalta('audit', 'verify', '--database', database.url);
        expect(verify.code, verify.stdout).toBe(0);
      } finally {
        await database.drop();
      }
    }, 300_000);
  }
});
