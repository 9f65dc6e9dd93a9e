import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.ts';

/**
 * The login back-off (ADR 0010): one row per e-mail address and client address, and one per
 * e-mail address, each counting attempts in its window. Keyed by a hash of the address so that
 * guessed e-mail addresses of nobody are not kept in readable form. The old per-login counter
 * (logins.failed_login_count, locked_until) is no longer read.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const types = await columnTypes(db);
  await db.schema
    .createTable('login_throttles')
    .addColumn('key', 'text', (column) => column.primaryKey())
    .addColumn('attempts', 'integer', (column) => column.notNull())
    .addColumn('window_started_at', types.timestamp, (column) => column.notNull())
    .addColumn('last_success_at', types.timestamp)
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .execute();
  await db.schema.createIndex('login_throttles_updated').on('login_throttles').column('updated_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('login_throttles').execute();
}
