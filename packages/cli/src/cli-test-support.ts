import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import type { TestDialect } from '../../server/test/test-database.ts';

/**
 * What the CLI's tests share: the command as an operator runs it (the package's bin, in a child
 * process) and a plain read of a test database, so each test file states only its own journey.
 */
const run = promisify(execFile);

export const bin = path.resolve(import.meta.dirname, '../bin/forvalta.mjs');

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `forvalta …` with the given environment besides this process's (logging silenced), and its exit code and output. */
export async function forvaltaWith(environment: Record<string, string>, ...args: string[]): Promise<CommandResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      env: { ...process.env, LOG_LEVEL: 'silent', ...environment },
      // An import's report of 100,000 rows, or a demo's export listing, is several megabytes.
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

export const forvalta = (...args: string[]) => forvaltaWith({}, ...args);

/** Rows of a query on a test database, read with the driver itself (not through the code under test). */
export async function query(dialect: TestDialect, url: string, text: string): Promise<Array<Record<string, unknown>>> {
  if (dialect === 'sqlite') {
    const sqlite = new SqliteDatabase(url, { readonly: true });
    try {
      return sqlite.prepare(text).all() as Array<Record<string, unknown>>;
    } finally {
      sqlite.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}
