import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.ts';

/**
 * One-time, expiring password-reset links (issue #12, finding 11). Only the link's hash is kept;
 * the link itself is shown once to the administrator who issued it. A link is spent by one
 * conditional UPDATE, so it works once even when sent twice at the same moment.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const types = await columnTypes(db);
  await db.schema
    .createTable('password_reset_links')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('login_id', 'text', (column) => column.notNull().references('logins.id'))
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('token_hash', 'text', (column) => column.notNull().unique())
    .addColumn('issued_by_login_id', 'text', (column) => column.references('logins.id'))
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('expires_at', types.timestamp, (column) => column.notNull())
    .addColumn('used_at', types.timestamp)
    .execute();
  await db.schema.createIndex('password_reset_links_login').on('password_reset_links').column('login_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('password_reset_links').execute();
}
