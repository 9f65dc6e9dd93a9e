import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.ts';

/**
 * Column mappings saved by name (issue #17 §1, ADR 0032): a municipality that imports the same
 * export again (its SharePoint list every month, the HR file every week) reuses the mapping it
 * corrected the first time. The mapping is JSON ({"Systemnamn ": "name", …}); the name is unique
 * per municipality and kind.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const types = await columnTypes(db);
  await db.schema
    .createTable('import_mappings')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('mapping_json', 'text', (column) => column.notNull())
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull())
    .addUniqueConstraint('import_mappings_name', ['municipality_id', 'kind', 'name'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('import_mappings').execute();
}
