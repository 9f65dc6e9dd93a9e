import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { isPostgres } from '../src/platform/database.ts';
import type { TestContext } from './test-app.ts';

export type DatabaseState = Record<string, { rows: number; checksum: string }>;

/**
 * Every table's rows, as a count and a hash of their sorted JSON, to prove that a request changed
 * nothing. Left out: the bookkeeping a request may do without changing data, a session's last-seen
 * time (for idle expiry) and a token's last use (API and SCIM tokens).
 */
export async function stateOfDatabase(context: TestContext): Promise<DatabaseState> {
  const db = context.database.db;
  const tables = isPostgres(db)
    ? (
        await sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(db)
      ).rows
    : (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)).rows;
  const state: DatabaseState = {};
  for (const { name } of tables.sort((left, right) => left.name.localeCompare(right.name))) {
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db)).rows;
    const lines = rows
      .map((row) => {
        const kept = { ...row, ...bookkeeping[name] };
        return JSON.stringify(kept, Object.keys(kept).sort());
      })
      .sort();
    state[name] = { rows: rows.length, checksum: createHash('sha256').update(lines.join('\n')).digest('hex') };
  }
  return state;
}

const bookkeeping: Record<string, Record<string, null>> = {
  sessions: { last_seen_at: null },
  api_tokens: { last_used_at: null },
  provisioning_tokens: { last_used_at: null },
};

/** The tables whose rows differ between two states. */
export function changedTables(before: DatabaseState, after: DatabaseState): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => before[name]?.checksum !== after[name]?.checksum);
}
