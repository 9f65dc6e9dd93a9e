import { CompiledQuery, PostgresAdapter, type Insertable } from 'kysely';
import type { Database } from './database-schema.ts';
import type { Executor } from './database.ts';

/**
 * Many rows into one table, for the repositories' insertMany functions (imports, the workload
 * generator, the demo). Kysely builds and compiles a syntax tree for every row it inserts, which
 * costs more than the database's own work at 100,000 rows; this writes prepared SQL text directly,
 * in the caller's transaction:
 *
 * - PostgreSQL: `insert … select * from unnest($1::type[], $2::type[], …)`, one array parameter
 *   per column, thousands of rows per statement. `COPY … FROM STDIN` (pg-copy-streams) was
 *   measured on the same 10,000-system load: about 8 % less PostgreSQL CPU, because the per-row
 *   foreign-key checks, which COPY runs too, dominate (docs/performance.md). Kept unnest: it runs
 *   on Kysely's own transaction connection, where COPY needs the raw pg client reached around it.
 * - SQLite: multi-row `values (?, …), (?, …)` of a fixed row count, so the statement text repeats
 *   and the statement cache of database.ts prepares it once per table (a prepared single-row loop
 *   and other row counts measured the same within noise: SQLite's B-tree work dominates).
 *
 * Every row must name the same columns (the first row's); a column left undefined is written as
 * null, not as the column's default, so callers spell out every column.
 */

/** Rows per PostgreSQL statement: large enough to amortise the round trip, small enough to stay a few MB. */
const postgresRowsPerStatement = 5000;
/** SQLite binds at most 32,766 parameters per statement. */
const sqliteRowsPerStatement = 100;
const sqliteParameterLimit = 32_766;

type TableName = keyof Database & string;

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/** PostgreSQL types of a table's columns, read once per table and process (the schema is the migrations'). */
const postgresColumnTypes = new Map<string, Promise<Map<string, string>>>();

async function columnTypesOf(db: Executor, table: string): Promise<Map<string, string>> {
  let types = postgresColumnTypes.get(table);
  if (!types) {
    types = db
      .executeQuery<{ name: string; type: string }>(
        CompiledQuery.raw(
          'select attname as name, format_type(atttypid, atttypmod) as type from pg_attribute where attrelid = $1::regclass and attnum > 0 and not attisdropped',
          [table],
        ),
      )
      .then((result) => new Map(result.rows.map((row) => [row.name, row.type])));
    postgresColumnTypes.set(table, types);
    types.catch(() => postgresColumnTypes.delete(table));
  }
  return types;
}

export async function insertRows<Table extends TableName>(
  db: Executor,
  table: Table,
  rows: ReadonlyArray<Insertable<Database[Table]>>,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const values = rows as ReadonlyArray<Record<string, unknown>>;
  if (db.getExecutor().adapter instanceof PostgresAdapter) await insertPostgres(db, table, columns, values);
  else await insertSqlite(db, table, columns, values);
}

async function insertPostgres(db: Executor, table: string, columns: string[], rows: ReadonlyArray<Record<string, unknown>>) {
  const types = await columnTypesOf(db, table);
  const casts = columns.map((column, index) => {
    const type = types.get(column);
    if (!type) throw new Error(`insertRows: ${table} has no column ${column}`);
    return `$${index + 1}::${type}[]`;
  });
  const text = `insert into ${quote(table)} (${columns.map(quote).join(', ')}) select * from unnest(${casts.join(', ')})`;
  for (let start = 0; start < rows.length; start += postgresRowsPerStatement) {
    const chunk = rows.slice(start, start + postgresRowsPerStatement);
    const parameters = columns.map((column) => chunk.map((row) => row[column] ?? null));
    await db.executeQuery(CompiledQuery.raw(text, parameters));
  }
}

const sqliteStatements = new Map<string, string>();

function sqliteInsert(table: string, columns: string[], rowCount: number): string {
  const key = `${table}\u0000${columns.join(',')}\u0000${rowCount}`;
  let text = sqliteStatements.get(key);
  if (!text) {
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    text = `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values ${Array<string>(rowCount).fill(tuple).join(', ')}`;
    sqliteStatements.set(key, text);
  }
  return text;
}

async function insertSqlite(db: Executor, table: string, columns: string[], rows: ReadonlyArray<Record<string, unknown>>) {
  const rowsPerStatement = Math.max(1, Math.min(sqliteRowsPerStatement, Math.floor(sqliteParameterLimit / columns.length)));
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const chunk = rows.slice(start, start + rowsPerStatement);
    const parameters: unknown[] = [];
    for (const row of chunk) for (const column of columns) parameters.push(row[column] ?? null);
    await db.executeQuery(CompiledQuery.raw(sqliteInsert(table, columns, chunk.length), parameters));
  }
}
