import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

/**
 * The few places where the two dialects need different column types. Everything else in the
 * migrations is shared. Timestamps are timestamptz on PostgreSQL and ISO text on SQLite; the
 * driver setup in platform/database.ts makes both read back as the same ISO string.
 */
export interface ColumnTypes {
  timestamp: 'timestamptz' | 'text';
  date: 'date' | 'text';
  /** Sort keys compare byte-wise on both dialects, so Swedish order (å, ä, ö after z) is identical. */
  sortKey: (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
}

export async function columnTypes(db: Kysely<unknown>): Promise<ColumnTypes> {
  const isPostgres = await detectPostgres(db);
  return {
    timestamp: isPostgres ? 'timestamptz' : 'text',
    date: isPostgres ? 'date' : 'text',
    sortKey: (column) => (isPostgres ? column.modifyEnd(sql`collate "C"`) : column),
  };
}

export async function detectPostgres(db: Kysely<unknown>): Promise<boolean> {
  const adapterName = db.getExecutor().adapter.constructor.name;
  return adapterName.startsWith('Postgres');
}
