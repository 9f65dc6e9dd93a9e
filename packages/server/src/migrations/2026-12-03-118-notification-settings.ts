import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.ts';

/**
 * A person's e-mail notification settings (issue #18, ADR 0035): per kind of ask, immediate,
 * digest or off, as JSON (`{ "review_due": "off", … }`); a kind not named has its default. No row
 * until the person first saves: the defaults read as version 1 (like the municipality settings).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const types = await columnTypes(db);
  await db.schema
    .createTable('notification_settings')
    .addColumn('person_id', 'text', (column) => column.primaryKey().references('people.id'))
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('deliveries_json', 'text', (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('notification_settings_municipality').on('notification_settings').column('municipality_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notification_settings').execute();
}
