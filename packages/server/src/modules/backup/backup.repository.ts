import { sql } from 'kysely';
import type { Database } from '../../platform/database-schema.ts';
import { isPostgres, type Executor } from '../../platform/database.ts';
import { insertRows } from '../../platform/bulk-insert.ts';
import type { TableScope } from './backup-tables.ts';

/** A stored row as the driver returns it: column name to value (ISO text, numbers, null). */
export type StoredRow = Record<string, unknown>;

export interface ForeignKey {
  table: string;
  column: string;
  references: string;
}

const idsPerStatement = 1000;

/**
 * The backup's queries. Unlike a domain repository it reads and writes every table of a
 * municipality by name, because the tables come from the schema itself (backup-tables.ts); each
 * query is still scoped to one municipality.
 */
export const backupRepository = {
  /** The schema's tables with their columns, as the database reports them (the migrations' result). */
  async listTables(db: Executor): Promise<Array<{ name: string; columns: string[] }>> {
    const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
    return tables.map((table) => ({ name: table.name, columns: table.columns.map((column) => column.name) }));
  },

  async listForeignKeys(db: Executor): Promise<ForeignKey[]> {
    if (isPostgres(db)) {
      const result = await sql<ForeignKey>`
        select source.relname as "table", attribute.attname as "column", target.relname as "references"
        from pg_constraint constraint_row
        join pg_class source on source.oid = constraint_row.conrelid
        join pg_class target on target.oid = constraint_row.confrelid
        join pg_namespace namespace on namespace.oid = source.relnamespace
        cross join unnest(constraint_row.conkey) as key_column(number)
        join pg_attribute attribute on attribute.attrelid = source.oid and attribute.attnum = key_column.number
        where constraint_row.contype = 'f' and namespace.nspname = current_schema()`.execute(db);
      return result.rows;
    }
    const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db);
    const keys: ForeignKey[] = [];
    for (const { name } of tables.rows) {
      const rows = await sql<{ from: string; table: string }>`select "from", "table" from pragma_foreign_key_list(${name})`.execute(db);
      for (const row of rows.rows) keys.push({ table: name, column: row.from, references: row.table });
    }
    return keys;
  },

  /** The municipality's rows of one table, in a stable order (its id, or a chain's sequence). */
  async rowsOf(db: Executor, table: string, columns: readonly string[], scope: TableScope, municipalityId: string): Promise<StoredRow[]> {
    const name = sql.table(table);
    const order = columns.includes('sequence') ? sql`order by sequence` : columns.includes('id') ? sql`order by id` : sql``;
    const filter =
      scope.kind === 'municipality'
        ? sql`municipality_id = ${municipalityId}`
        : scope.kind === 'self'
          ? sql`id = ${municipalityId}`
          : scope.kind === 'chain'
            ? sql`chain_id = ${municipalityId}`
            : sql`id in (select login_id from people where municipality_id = ${municipalityId})`;
    const query = sql<StoredRow>`select * from ${name} where ${filter} ${order}`;
    return (await query.execute(db)).rows;
  },

  /** Which of `ids` the table already holds. */
  async existingIds(db: Executor, table: string, ids: readonly string[]): Promise<string[]> {
    const found: string[] = [];
    for (let start = 0; start < ids.length; start += idsPerStatement) {
      const chunk = ids.slice(start, start + idsPerStatement);
      const rows = await sql<{ id: string }>`select id from ${sql.table(table)} where id in (${sql.join(chunk)})`.execute(db);
      for (const row of rows.rows) found.push(row.id);
    }
    return found;
  },

  async municipalityCodeExists(db: Executor, code: string): Promise<boolean> {
    return (await db.selectFrom('municipalities').select('id').where('code', '=', code).executeTakeFirst()) !== undefined;
  },

  /** Logins of this installation by e-mail: a person restored under a new code keeps signing in with the login they have. */
  /** The logins here with one of the e-mails, by lower-cased e-mail (an address differing in case is the same one). */
  async loginIdsByEmail(db: Executor, emails: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    const lowered = [...new Set(emails.map((email) => email.toLowerCase()))];
    for (let start = 0; start < lowered.length; start += idsPerStatement) {
      const chunk = lowered.slice(start, start + idsPerStatement);
      const rows = await db.selectFrom('logins').select(['id', 'email']).where(sql<string>`lower(email)`, 'in', chunk).execute();
      for (const row of rows) found.set(row.email.toLowerCase(), row.id);
    }
    return found;
  },

  async insertTableRows(db: Executor, table: string, rows: StoredRow[]): Promise<void> {
    await insertRows(db, table as keyof Database & string, rows as never);
  },

  /** The last migration the schema has run: the archive's schema level. */
  async migrationLevel(db: Executor): Promise<string | null> {
    const row = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`.execute(db);
    return row.rows[0]?.name ?? null;
  },

  async migrationNames(db: Executor): Promise<Set<string>> {
    const rows = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    return new Set(rows.rows.map((row) => row.name));
  },
};
