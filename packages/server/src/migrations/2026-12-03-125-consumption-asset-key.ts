import { type Kysely, sql } from 'kysely';
import { columnTypes, detectPostgres } from './column-types.ts';

/**
 * A licence consumption counted on an asset names an asset of its own municipality (issue #15):
 * migration 105 left `licence_consumption.asset_id` a plain column. The key is composite,
 * (municipality_id, asset_id) → assets (municipality_id, id), so the database itself refuses a
 * count on another municipality's asset, not only a missing one; the service checks it first to
 * answer with a field error. A count whose asset no longer exists keeps its number and loses the
 * link (none can exist through the API, which never deleted assets under a count).
 *
 * PostgreSQL adds the constraint in place. SQLite cannot add a foreign key to a table, so the
 * table is rebuilt as SQLite's documentation describes: a new table, the rows copied, the old one
 * dropped, the new one renamed, its indexes made again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('assets_municipality_id').on('assets').columns(['municipality_id', 'id']).unique().execute();
  await sql`
    update licence_consumption set asset_id = null
    where asset_id is not null
      and not exists (select 1 from assets where assets.id = licence_consumption.asset_id and assets.municipality_id = licence_consumption.municipality_id)
  `.execute(db);

  if (await detectPostgres(db)) {
    await sql`
      alter table licence_consumption add constraint licence_consumption_asset
      foreign key (municipality_id, asset_id) references assets (municipality_id, id)
    `.execute(db);
    return;
  }

  const types = await columnTypes(db);
  await db.schema
    .createTable('licence_consumption_rebuilt')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('software_id', 'text', (column) => column.notNull().references('software.id'))
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('count', 'integer', (column) => column.notNull())
    .addColumn('source', 'text', (column) => column.notNull())
    .addColumn('asset_id', 'text')
    .addColumn('inventory', 'text')
    .addColumn('counted_on', types.date, (column) => column.notNull())
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull())
    .addForeignKeyConstraint('licence_consumption_asset', ['municipality_id', 'asset_id'], 'assets', ['municipality_id', 'id'])
    .execute();
  await sql`
    insert into licence_consumption_rebuilt
      (id, municipality_id, software_id, kind, count, source, asset_id, inventory, counted_on, created_at, updated_at, version)
    select id, municipality_id, software_id, kind, count, source, asset_id, inventory, counted_on, created_at, updated_at, version
    from licence_consumption
  `.execute(db);
  await db.schema.dropTable('licence_consumption').execute();
  await db.schema.alterTable('licence_consumption_rebuilt').renameTo('licence_consumption').execute();
  await db.schema
    .createIndex('licence_consumption_software')
    .on('licence_consumption')
    .columns(['municipality_id', 'software_id', 'kind'])
    .execute();
  await db.schema
    .createIndex('licence_consumption_inventory')
    .on('licence_consumption')
    .columns(['municipality_id', 'inventory'])
    .execute();
  await db.schema.createIndex('licence_consumption_asset').on('licence_consumption').columns(['municipality_id', 'asset_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (await detectPostgres(db)) await sql`alter table licence_consumption drop constraint licence_consumption_asset`.execute(db);
  await db.schema.dropIndex('assets_municipality_id').execute();
}
