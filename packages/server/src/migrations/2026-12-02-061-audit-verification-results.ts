import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.ts';

/**
 * The latest result of the nightly audit-chain verification, per municipality (issue #12,
 * finding 6): what the web's banner reads, so that a broken chain is seen by the people who hold
 * the audit permission without every page load recomputing the chain. Written by the scheduled job
 * only; a request never writes it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const types = await columnTypes(db);
  await db.schema
    .createTable('audit_verification_results')
    .addColumn('municipality_id', 'text', (column) => column.primaryKey().references('municipalities.id'))
    .addColumn('checked_at', types.timestamp, (column) => column.notNull())
    .addColumn('intact', 'integer', (column) => column.notNull())
    .addColumn('events', 'integer', (column) => column.notNull())
    .addColumn('problems', 'integer', (column) => column.notNull())
    .addColumn('key_id', 'text', (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_verification_results').execute();
}
