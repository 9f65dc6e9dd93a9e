import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { asApplicationError } from './database-errors.ts';
import type { Database } from './database-schema.ts';

export type DialectName = 'sqlite' | 'postgresql';
export type DatabaseHandle = Kysely<Database>;
export type TransactionHandle = Transaction<Database>;
/** Repositories accept either; a service decides where the transaction starts. */
export type Executor = DatabaseHandle | TransactionHandle;

/** Whether statements go to PostgreSQL (row locks with SKIP LOCKED, planner statistics) rather than SQLite. */
export function isPostgres(db: Executor): boolean {
  return db.getExecutor().adapter.constructor.name.startsWith('Postgres');
}

export interface DatabaseConnection {
  db: DatabaseHandle;
  dialect: DialectName;
  destroy(): Promise<void>;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

// PostgreSQL returns int8 counts as strings and timestamps as Date; normalise once, here,
// so rows look the same as SQLite's everywhere above this file.
const pgTypes = pg.types;
pgTypes.setTypeParser(pgTypes.builtins.INT8, (value) => Number.parseInt(value, 10));
pgTypes.setTypeParser(pgTypes.builtins.NUMERIC, (value) => Number.parseFloat(value));
pgTypes.setTypeParser(pgTypes.builtins.DATE, (value) => value);
pgTypes.setTypeParser(pgTypes.builtins.TIMESTAMPTZ, (value) => new Date(value).toISOString());
pgTypes.setTypeParser(pgTypes.builtins.TIMESTAMP, (value) => new Date(`${value}Z`).toISOString());

export interface ConnectOptions {
  /** Called with every SQL statement; tests use it to count queries per request. */
  onQuery?: (sql: string) => void;
  poolSize?: number;
  /** Errors of idle PostgreSQL connections; logged by the server, ignored by tests that drop databases. */
  onConnectionError?: (error: Error) => void;
}

export function connectDatabase(url: string, options: ConnectOptions = {}): DatabaseConnection {
  const log = options.onQuery
    ? (event: { level: string; query: { sql: string } }) => {
        if (event.level === 'query') options.onQuery?.(event.query.sql);
      }
    : undefined;

  if (isPostgresUrl(url)) {
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
    // An idle connection can die (server restart, failover); without a listener pg would crash the
    // process. The pool replaces the connection; the next query reports any real outage.
    pool.on('error', (error) => options.onConnectionError?.(error));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log });
    return { db, dialect: 'postgresql', destroy: () => db.destroy() };
  }

  const filePath = url.startsWith('file:') ? url.slice('file:'.length) : url;
  if (filePath !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true });
  const sqlite = new SqliteDatabase(filePath);
  // WAL lets readers run during a write; the busy timeout makes a second process wait
  // instead of failing with SQLITE_BUSY.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // SQLite's default page cache is 2 MB per connection. An import of 100,000 assets writes into a
  // dozen indexes of a 250,000-row table in sort-key order, not insertion order, so with 2 MB nearly
  // every index entry read its page back from the operating system and the transaction spilled
  // dirty pages to the WAL mid-way; 64 MB holds the working set (docs/performance.md, #15).
  sqlite.pragma('cache_size = -65536');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }), log });
  return { db, dialect: 'sqlite', destroy: () => db.destroy() };
}

/**
 * Kysely prepares every statement anew on SQLite; preparing is a fifth of a list request's CPU.
 * The queries are few and parameterised, so their prepared statements are kept (bounded).
 * Kysely runs one statement at a time on this connection, so reusing a statement is safe.
 */
function withStatementCache(sqlite: SqliteDatabase.Database, limit = 500) {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      // Kysely opens transactions with a deferred `begin`: with several processes on one file
      // (serve --workers), a transaction that read first and then writes finds its snapshot stale
      // and fails at once with SQLITE_BUSY, which busy_timeout cannot wait out. `begin immediate`
      // takes the write lock at the start, so writers queue (up to busy_timeout) instead.
      const sql = text === 'begin' ? 'begin immediate' : text;
      let statement = statements.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        if (statements.size >= limit) statements.delete(statements.keys().next().value!);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

/**
 * Runs `work` in one transaction. Every mutation and its audit event go through here. A unique
 * constraint that refuses a row (a race the service's own check could not see) rolls it back and
 * becomes a 409 conflict, never a 500 (database-errors.ts).
 */
export async function withTransaction<Result>(
  db: DatabaseHandle,
  work: (transaction: TransactionHandle) => Promise<Result>,
): Promise<Result> {
  try {
    return await db.transaction().execute(work);
  } catch (error) {
    throw asApplicationError(error);
  }
}

/**
 * Runs independent queries together on the pool, but one after another inside a transaction:
 * a transaction has a single connection, which must not carry two queries at once (pg 9 refuses).
 */
export async function inParallel<Results extends unknown[]>(
  executor: Executor,
  ...work: { [Index in keyof Results]: () => Promise<Results[Index]> }
): Promise<Results> {
  if (!executor.isTransaction) return (await Promise.all(work.map((run) => run()))) as Results;
  const results: unknown[] = [];
  for (const run of work) results.push(await run());
  return results as Results;
}
