import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.ts';

/**
 * Single sign-on with OpenID Connect (issue #18, ADR 0036). One provider per municipality, set by
 * its administrator: the client secret is stored encrypted (platform/secret-box.ts), never in
 * clear. A login in progress is a row keyed by the hash of a browser cookie, holding the state,
 * nonce and PKCE verifier it must come back with; it is spent by the callback, so it answers once.
 * A session opened by single sign-on is marked: it stays in the municipality whose provider
 * vouched for it (no switching into another tenant on one provider's word).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const types = await columnTypes(db);
  await db.schema
    .createTable('single_sign_on_providers')
    .addColumn('municipality_id', 'text', (column) => column.primaryKey().references('municipalities.id'))
    .addColumn('display_name', 'text', (column) => column.notNull())
    .addColumn('issuer', 'text', (column) => column.notNull())
    .addColumn('client_id', 'text', (column) => column.notNull())
    .addColumn('client_secret_encrypted', 'text', (column) => column.notNull())
    .addColumn('match_by', 'text', (column) => column.notNull())
    .addColumn('match_claim', 'text', (column) => column.notNull())
    .addColumn('groups_claim', 'text')
    .addColumn('group_roles_json', 'text', (column) => column.notNull())
    .addColumn('password_login', 'integer', (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('single_sign_on_attempts')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('state', 'text', (column) => column.notNull())
    .addColumn('nonce', 'text', (column) => column.notNull())
    .addColumn('code_verifier', 'text', (column) => column.notNull())
    .addColumn('return_to', 'text', (column) => column.notNull())
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('expires_at', types.timestamp, (column) => column.notNull())
    .execute();
  await db.schema.createIndex('single_sign_on_attempts_expiry').on('single_sign_on_attempts').column('expires_at').execute();

  await db.schema
    .alterTable('sessions')
    .addColumn('single_sign_on', 'integer', (column) => column.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sessions').dropColumn('single_sign_on').execute();
  await db.schema.dropTable('single_sign_on_attempts').execute();
  await db.schema.dropTable('single_sign_on_providers').execute();
}
