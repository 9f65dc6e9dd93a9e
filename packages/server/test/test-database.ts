import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { inject } from 'vitest';
import { migrateToLatest } from '../src/migrations/index.ts';
import { connectDatabase } from '../src/platform/database.ts';

/** Which database the HTTP suite runs on: the vitest project sets it (sqlite | postgres). */
export type TestDialect = 'sqlite' | 'postgres';

export function testDialect(): TestDialect {
  return process.env.FORVALTA_TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';
}

/** The PostgreSQL server the tests create their databases on (the machine's, trust auth). */
export const postgresAdminUrl = process.env.FORVALTA_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

function postgresUrlOf(name: string): string {
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onPostgresAdmin<Result>(work: (client: pg.Client) => Promise<Result>): Promise<Result> {
  const client = new pg.Client({ connectionString: postgresAdminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Database names are generated here from hex digits only, so they can be written into the SQL. */
async function createPostgresDatabase(name: string, template?: string): Promise<TestDatabase> {
  await onPostgresAdmin(async (client) => {
    // PostgreSQL refuses to copy a template while another session is connected to it; a copy
    // being made by a parallel test file can count as one for a moment, so a refusal is retried.
    for (let attempt = 1; ; attempt += 1) {
      try {
        await client.query(`create database ${name}${template ? ` template ${template}` : ''}`);
        return;
      } catch (error) {
        const accessed = error instanceof Error && /being accessed by other users/.test(error.message);
        if (!accessed || attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
  });
  return {
    url: postgresUrlOf(name),
    drop: () => onPostgresAdmin(async (client) => void (await client.query(`drop database if exists ${name} with (force)`))),
  };
}

function createSqliteDirectory(): { directory: string; url: string; drop(): Promise<void> } {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'forvalta-test-'));
  return {
    directory,
    url: path.join(directory, `test-${randomBytes(6).toString('hex')}.db`),
    drop: async () => fs.rmSync(directory, { recursive: true, force: true }),
  };
}

/** A fresh, empty database of the current dialect (the CLI tests migrate it through the command). */
export async function createTestDatabase(dialect: TestDialect = testDialect()): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const { url, drop } = createSqliteDirectory();
    return { url, drop };
  }
  return createPostgresDatabase(`forvalta_test_${randomBytes(6).toString('hex')}`);
}

/**
 * The migrated template of a dialect: made once per test run by the vitest global setup
 * (template-database-setup.ts), which names it for this run only, so runs started side by side
 * (or by several people on one machine) never share or drop each other's template.
 */
export interface TemplateDatabase {
  dialect: TestDialect;
  /** A PostgreSQL database name, or an SQLite file path. */
  location: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    forvaltaTemplateDatabase: TemplateDatabase | null;
  }
}

/** Makes the migrated template the copies start from; the global setup calls it once per run. */
export async function createTemplateDatabase(dialect: TestDialect): Promise<TemplateDatabase & { drop(): Promise<void> }> {
  const database = await createTestDatabase(dialect);
  const connection = connectDatabase(database.url, { poolSize: 1 });
  try {
    await migrateToLatest(connection.db);
  } finally {
    await connection.destroy();
  }
  if (dialect === 'sqlite') {
    // One self-contained file to copy: the write-ahead log folded back in and switched off.
    const sqlite = new SqliteDatabase(database.url);
    sqlite.pragma('journal_mode = DELETE');
    sqlite.close();
    return { dialect, location: database.url, drop: database.drop };
  }
  return { dialect, location: new URL(database.url).pathname.slice(1), drop: database.drop };
}

function providedTemplate(dialect: TestDialect): TemplateDatabase | undefined {
  try {
    const template = inject('forvaltaTemplateDatabase');
    return template?.dialect === dialect ? template : undefined;
  } catch {
    // Outside a vitest project with the global setup (inject is unavailable): no template.
    return undefined;
  }
}

/**
 * A fresh database of the current dialect with every migration applied: a copy of the run's
 * migrated template (PostgreSQL `create database … template`, a copied SQLite file), so a test
 * file costs a file copy instead of running the migrations. Without a template (a project
 * without the global setup) the database is migrated here.
 */
export async function createMigratedTestDatabase(dialect: TestDialect = testDialect()): Promise<TestDatabase> {
  const template = providedTemplate(dialect);
  if (!template) {
    const database = await createTestDatabase(dialect);
    const connection = connectDatabase(database.url, { poolSize: 1 });
    try {
      await migrateToLatest(connection.db);
    } finally {
      await connection.destroy();
    }
    return database;
  }
  if (dialect === 'sqlite') {
    const { url, drop } = createSqliteDirectory();
    fs.copyFileSync(template.location, url);
    return { url, drop };
  }
  return createPostgresDatabase(`forvalta_test_${randomBytes(6).toString('hex')}`, template.location);
}
