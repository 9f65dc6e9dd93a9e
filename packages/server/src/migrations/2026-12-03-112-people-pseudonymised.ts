import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.ts';

/**
 * people.pseudonymised_at (issue #16, ADR 0029): when a leaver's name, addresses and numbers were
 * replaced by a pseudonym, null for everyone else. The row itself stays (the register's history and
 * the audit log name it by id); the mark says the job has done it, so it never runs twice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const types = await columnTypes(db);
  await db.schema.alterTable('people').addColumn('pseudonymised_at', types.timestamp).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('people').dropColumn('pseudonymised_at').execute();
}
