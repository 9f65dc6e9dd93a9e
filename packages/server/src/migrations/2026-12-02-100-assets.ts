import { sql, type Kysely } from 'kysely';
import { columnTypes } from './column-types.ts';

/**
 * Equipment (issue #15; ITP-6-STANDARD, ITP-6-OWNED, ITP-6-SCHOOL-NET).
 *
 * - asset_models: the standard catalogue; a model is standard while approved_from <= today <=
 *   approved_until (approved only by the IT chief).
 * - assets: one row per piece of equipment. owner_kind is 'it_unit' (the default), 'department'
 *   (owner_department_id) or 'other' (owner_name), the last two with a reason. ever_on_town_hall is
 *   kept by the write that opens a town-hall network period, so the rule and the owner check read one
 *   column instead of the periods. sort_key is the label (inventory number, else serial) lower-cased,
 *   never null, for keyset paging.
 * - asset_network_periods: the history of networks, one open period (ended_on null) per asset.
 * - asset_systems: the systems an asset serves.
 *
 * Indexes, led by municipality_id: one (filter, sort_key, id) per list filter so a filtered page
 * seeks its index; serial and inventory number are unique where given (the import's matching keys).
 * system_id carries no foreign key (as access rights'): a deleted system leaves the asset's history.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const types = await columnTypes(db);
  await db.schema
    .createTable('asset_models')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('maker', 'text', (column) => column.notNull())
    .addColumn('model', 'text', (column) => column.notNull())
    .addColumn('sort_key', 'text', (column) => types.sortKey(column.notNull()))
    .addColumn('description', 'text')
    .addColumn('approved_from', types.date)
    .addColumn('approved_until', types.date)
    .addColumn('approved_at', types.timestamp)
    .addColumn('approved_by_person_id', 'text')
    .addColumn('approved_by_name', 'text')
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull())
    .addUniqueConstraint('asset_models_name', ['municipality_id', 'sort_key'])
    .execute();
  await db.schema.createIndex('asset_models_kind').on('asset_models').columns(['municipality_id', 'kind', 'sort_key', 'id']).execute();

  await db.schema
    .createTable('assets')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('model_id', 'text', (column) => column.references('asset_models.id'))
    .addColumn('non_standard_description', 'text')
    .addColumn('serial', 'text')
    .addColumn('inventory_number', 'text')
    .addColumn('sort_key', 'text', (column) => types.sortKey(column.notNull()))
    .addColumn('owner_kind', 'text', (column) => column.notNull())
    .addColumn('owner_department_id', 'text', (column) => column.references('departments.id'))
    .addColumn('owner_name', 'text')
    .addColumn('owner_reason', 'text')
    .addColumn('network', 'text', (column) => column.notNull())
    .addColumn('ever_on_town_hall', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('location', 'text')
    .addColumn('department_id', 'text', (column) => column.references('departments.id'))
    .addColumn('person_id', 'text', (column) => column.references('people.id'))
    .addColumn('lifecycle', 'text', (column) => column.notNull())
    .addColumn('purchase_date', types.date)
    .addColumn('purchase_cost', 'double precision')
    .addColumn('warranty_end', types.date)
    .addColumn('note', 'text')
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('assets_sort').on('assets').columns(['municipality_id', 'sort_key', 'id']).execute();
  for (const filter of ['kind', 'network', 'owner_kind', 'model_id', 'lifecycle', 'department_id'] as const) {
    await db.schema.createIndex(`assets_${filter}`).on('assets').columns(['municipality_id', filter, 'sort_key', 'id']).execute();
  }
  await db.schema
    .createIndex('assets_serial')
    .on('assets')
    .columns(['municipality_id', 'serial'])
    .unique()
    .where(sql.ref('serial'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('assets_inventory_number')
    .on('assets')
    .columns(['municipality_id', 'inventory_number'])
    .unique()
    .where(sql.ref('inventory_number'), 'is not', null)
    .execute();

  await db.schema
    .createTable('asset_network_periods')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('asset_id', 'text', (column) => column.notNull().references('assets.id'))
    .addColumn('network', 'text', (column) => column.notNull())
    .addColumn('started_on', types.date, (column) => column.notNull())
    .addColumn('ended_on', types.date)
    .addColumn('recorded_at', types.timestamp, (column) => column.notNull())
    .addColumn('recorded_by_name', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('asset_network_periods_asset')
    .on('asset_network_periods')
    .columns(['asset_id', 'started_on', 'id'])
    .execute();

  await db.schema
    .createTable('asset_systems')
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('asset_id', 'text', (column) => column.notNull().references('assets.id'))
    .addColumn('system_id', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('asset_systems_pk', ['asset_id', 'system_id'])
    .execute();
  await db.schema.createIndex('asset_systems_system').on('asset_systems').columns(['municipality_id', 'system_id', 'asset_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('asset_systems').execute();
  await db.schema.dropTable('asset_network_periods').execute();
  await db.schema.dropTable('assets').execute();
  await db.schema.dropTable('asset_models').execute();
}
