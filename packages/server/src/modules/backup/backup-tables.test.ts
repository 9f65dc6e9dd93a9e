import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, type DatabaseConnection } from '../../platform/database.ts';
import { createMigratedTestDatabase, testDialect, type TestDatabase } from '../../../test/test-database.ts';
import { backupPlan, excludedTables, insertionOrder, UnplannedTableError } from './backup-tables.ts';
import { backupRepository } from './backup.repository.ts';

/**
 * The backup's table list is the migrated schema's: a table added by a migration is exported when
 * it has a municipality_id, and otherwise fails here until backup-tables.ts exports or excludes it.
 */
let database: TestDatabase;
let connection: DatabaseConnection;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  connection = connectDatabase(database.url, { poolSize: 1 });
});
afterAll(async () => {
  await connection.destroy();
  await database.drop();
});

describe(`the backup's tables (${testDialect()})`, () => {
  it('exports or deliberately excludes every table of the schema, and excludes only tables that exist', async () => {
    const tables = await backupRepository.listTables(connection.db);
    const plan = backupPlan(tables);
    const names = tables.map((table) => table.name);
    expect(plan.length + Object.keys(excludedTables).length).toBe(names.length);
    expect(Object.keys(excludedTables).filter((table) => !names.includes(table))).toEqual([]);
    expect(plan.map((table) => table.name)).toEqual(
      expect.arrayContaining(['municipalities', 'logins', 'people', 'systems', 'audit_events', 'audit_chain_heads']),
    );
    for (const secret of ['sessions', 'api_tokens', 'password_reset_links', 'login_second_factors'])
      expect(plan.map((table) => table.name)).not.toContain(secret);
  });

  it('is documented: docs/backup-format.md lists every table of the schema', async () => {
    const format = fs.readFileSync(path.join(import.meta.dirname, '../../../../../docs/backup-format.md'), 'utf8');
    const missing = (await backupRepository.listTables(connection.db)).filter((table) => !format.includes(`| \`${table.name}\``));
    expect(missing.map((table) => table.name)).toEqual([]);
  });

  it('refuses a table it does not know, naming it', () => {
    const tables = [
      { name: 'systems', columns: ['id', 'municipality_id'] },
      { name: 'installation_notes', columns: ['id', 'text'] },
    ];
    expect(() => backupPlan(tables)).toThrow(UnplannedTableError);
    expect(() => backupPlan(tables)).toThrow(/installation_notes/);
  });

  it('orders the tables so every foreign key points at a table loaded before it', async () => {
    const plan = backupPlan(await backupRepository.listTables(connection.db));
    const keys = await backupRepository.listForeignKeys(connection.db);
    const order = insertionOrder(
      plan.map((table) => table.name),
      keys,
    );
    for (const key of keys.filter((candidate) => order.includes(candidate.table) && order.includes(candidate.references))) {
      if (key.table !== key.references)
        expect(order.indexOf(key.references), `${key.table}.${key.column}`).toBeLessThan(order.indexOf(key.table));
    }
  });
});
