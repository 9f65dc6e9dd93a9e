import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.ts';

/**
 * Giving people logins (issue #12): a one-time invitation for one person of one municipality,
 * stored as the hash of its secret. A login joins a municipality only by accepting one (or by the
 * installation operator, ADR 0009), never because a tenant registered a person with its e-mail.
 *
 * `logins.last_municipality_id` is where the login last worked, so that signing in picks that
 * municipality rather than the first by name.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const types = await columnTypes(db);
  await db.schema
    .createTable('login_invitations')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('person_id', 'text', (column) => column.notNull().references('people.id'))
    .addColumn('email', 'text', (column) => column.notNull())
    .addColumn('token_hash', 'text', (column) => column.notNull().unique())
    .addColumn('created_by_name', 'text', (column) => column.notNull())
    .addColumn('expires_at', types.timestamp, (column) => column.notNull())
    .addColumn('accepted_at', types.timestamp)
    .addColumn('accepted_login_id', 'text', (column) => column.references('logins.id'))
    .addColumn('revoked_at', types.timestamp)
    .addColumn('failed_attempts', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('login_invitations_person')
    .on('login_invitations')
    .columns(['municipality_id', 'person_id', 'created_at'])
    .execute();
  await db.schema
    .alterTable('logins')
    .addColumn('last_municipality_id', 'text', (column) => column.references('municipalities.id'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('logins').dropColumn('last_municipality_id').execute();
  await db.schema.dropTable('login_invitations').execute();
}
