import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import pg from 'pg';

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

/** A fresh, empty database of the current dialect; each test file gets its own. */
export async function createTestDatabase(dialect: TestDialect = testDialect()): Promise<TestDatabase> {
  const suffix = randomBytes(6).toString('hex');
  if (dialect === 'sqlite') {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'forvalta-test-'));
    const url = path.join(directory, `test-${suffix}.db`);
    return { url, drop: async () => fs.rmSync(directory, { recursive: true, force: true }) };
  }
  const name = `forvalta_test_${suffix}`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: postgresAdminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
