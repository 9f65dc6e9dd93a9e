import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.ts';

/**
 * The second factor of password logins (issue #12, finding 11; ADR 0014).
 *
 * - login_second_factors: one TOTP secret per login, pending until confirmed with a code; the last
 *   time step a code was accepted for, so a code works once (replay).
 * - login_recovery_codes: ten one-time codes per login, stored as hashes.
 * - login_challenges: the step between a right password and the code, a hashed single-use token
 *   bound to the login and the municipality it enters, for five minutes.
 * - second_factor_requirements: the roles of a municipality that must use a second factor.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const types = await columnTypes(db);
  await db.schema
    .createTable('login_second_factors')
    .addColumn('login_id', 'text', (column) => column.primaryKey().references('logins.id'))
    .addColumn('secret', 'text', (column) => column.notNull())
    .addColumn('confirmed_at', types.timestamp)
    .addColumn('last_used_step', 'integer')
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('login_recovery_codes')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('login_id', 'text', (column) => column.notNull().references('logins.id'))
    .addColumn('code_hash', 'text', (column) => column.notNull().unique())
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('used_at', types.timestamp)
    .execute();
  await db.schema.createIndex('login_recovery_codes_login').on('login_recovery_codes').column('login_id').execute();

  await db.schema
    .createTable('login_challenges')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('login_id', 'text', (column) => column.notNull().references('logins.id'))
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('token_hash', 'text', (column) => column.notNull().unique())
    .addColumn('failed_attempts', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('expires_at', types.timestamp, (column) => column.notNull())
    .addColumn('used_at', types.timestamp)
    .execute();
  await db.schema.createIndex('login_challenges_login').on('login_challenges').column('login_id').execute();

  await db.schema
    .createTable('second_factor_requirements')
    .addColumn('municipality_id', 'text', (column) => column.primaryKey().references('municipalities.id'))
    .addColumn('roles_json', 'text', (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('second_factor_requirements').execute();
  await db.schema.dropTable('login_challenges').execute();
  await db.schema.dropTable('login_recovery_codes').execute();
  await db.schema.dropTable('login_second_factors').execute();
}
