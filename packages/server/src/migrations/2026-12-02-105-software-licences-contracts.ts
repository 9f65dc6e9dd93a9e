import type { CreateTableBuilder, Kysely } from 'kysely';
import { columnTypes } from './column-types.ts';

/**
 * Software, the IT chief's decisions, licences as counts, suppliers and contracts (issue #15, §7).
 *
 * - software / software_systems: a product by origin (commercial, self-developed, open source)
 *   with its licence, and the systems that use it.
 * - software_decisions: the IT chief's decision on a self-developed or open-source product, first
 *   proposed, then allowed or refused, with the three aspects of an open-source review.
 * - suppliers / contracts / contract_systems: the supplier by organisation number; the contract's
 *   terms, notice period and the systems it covers. notice_date is the computed last day to give
 *   notice as of the last write, kept for sorting and the list's filter (reads compute it again).
 * - licences: an entitlement as a count (never a row per seat), optionally under a contract.
 * - licence_consumption: counts of installations, assignments or cores, per asset or from an
 *   inventory; asset_id is a plain column until the assets table exists (a later migration adds
 *   the foreign key). licence_consumption_totals keeps their sum per product and kind.
 *
 * system_id carries no foreign key: a deleted system drops out of the joins, the records stay.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const types = await columnTypes(db);
  const stamps = <Table extends string, Columns extends string>(table: CreateTableBuilder<Table, Columns>) =>
    table
      .addColumn('created_at', types.timestamp, (column) => column.notNull())
      .addColumn('updated_at', types.timestamp, (column) => column.notNull())
      .addColumn('version', 'integer', (column) => column.notNull());

  await stamps(
    db.schema
      .createTable('software')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
      .addColumn('product', 'text', (column) => column.notNull())
      .addColumn('sort_key', 'text', (column) => types.sortKey(column.notNull()))
      .addColumn('maker', 'text')
      .addColumn('origin', 'text', (column) => column.notNull())
      .addColumn('licence', 'text')
      .addColumn('description', 'text'),
  ).execute();
  await db.schema.createIndex('software_product').on('software').columns(['municipality_id', 'sort_key', 'id']).execute();

  await db.schema
    .createTable('software_systems')
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('software_id', 'text', (column) => column.notNull().references('software.id'))
    .addColumn('system_id', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('software_systems_pk', ['software_id', 'system_id'])
    .execute();
  await db.schema.createIndex('software_systems_system').on('software_systems').columns(['municipality_id', 'system_id']).execute();

  await stamps(
    db.schema
      .createTable('software_decisions')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
      .addColumn('software_id', 'text', (column) => column.notNull().references('software.id'))
      .addColumn('status', 'text', (column) => column.notNull())
      .addColumn('purpose', 'text')
      .addColumn('valid_until', types.date)
      .addColumn('conditions_json', 'text', (column) => column.notNull())
      .addColumn('stability_assessment', 'text')
      .addColumn('stability_evidence', 'text')
      .addColumn('security_assessment', 'text')
      .addColumn('security_evidence', 'text')
      .addColumn('future_assessment', 'text')
      .addColumn('future_evidence', 'text')
      .addColumn('proposed_by_person_id', 'text', (column) => column.references('people.id'))
      .addColumn('proposed_by_name', 'text', (column) => column.notNull())
      .addColumn('proposed_on', types.date, (column) => column.notNull())
      .addColumn('decided_by_person_id', 'text', (column) => column.references('people.id'))
      .addColumn('decided_by_name', 'text')
      .addColumn('decided_on', types.date)
      .addColumn('reason', 'text'),
  ).execute();
  await db.schema
    .createIndex('software_decisions_software')
    .on('software_decisions')
    .columns(['municipality_id', 'software_id', 'created_at'])
    .execute();

  await stamps(
    db.schema
      .createTable('suppliers')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
      .addColumn('name', 'text', (column) => column.notNull())
      .addColumn('sort_key', 'text', (column) => types.sortKey(column.notNull()))
      .addColumn('organisation_number', 'text', (column) => column.notNull())
      .addColumn('contact', 'text')
      .addUniqueConstraint('suppliers_number', ['municipality_id', 'organisation_number']),
  ).execute();
  await db.schema.createIndex('suppliers_name').on('suppliers').columns(['municipality_id', 'sort_key', 'id']).execute();

  await stamps(
    db.schema
      .createTable('contracts')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
      .addColumn('supplier_id', 'text', (column) => column.notNull().references('suppliers.id'))
      .addColumn('title', 'text', (column) => column.notNull())
      .addColumn('sort_key', 'text', (column) => types.sortKey(column.notNull()))
      .addColumn('reference', 'text')
      .addColumn('starts_on', types.date, (column) => column.notNull())
      .addColumn('ends_on', types.date, (column) => column.notNull())
      .addColumn('notice_amount', 'integer', (column) => column.notNull())
      .addColumn('notice_unit', 'text', (column) => column.notNull())
      .addColumn('automatic_renewal', 'integer', (column) => column.notNull())
      .addColumn('renewal_months', 'integer')
      .addColumn('yearly_cost', 'double precision')
      .addColumn('reminder_days', 'integer', (column) => column.notNull())
      .addColumn('notice_date', types.date, (column) => column.notNull())
      .addColumn('notice_decision', 'text')
      .addColumn('notice_decided_on', types.date)
      .addColumn('notes', 'text'),
  ).execute();
  await db.schema.createIndex('contracts_title').on('contracts').columns(['municipality_id', 'sort_key', 'id']).execute();
  await db.schema.createIndex('contracts_notice').on('contracts').columns(['municipality_id', 'notice_date', 'id']).execute();
  await db.schema.createIndex('contracts_supplier').on('contracts').columns(['supplier_id']).execute();

  await db.schema
    .createTable('contract_systems')
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('contract_id', 'text', (column) => column.notNull().references('contracts.id'))
    .addColumn('system_id', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('contract_systems_pk', ['contract_id', 'system_id'])
    .execute();
  await db.schema.createIndex('contract_systems_system').on('contract_systems').columns(['municipality_id', 'system_id']).execute();

  await stamps(
    db.schema
      .createTable('licences')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
      .addColumn('software_id', 'text', (column) => column.notNull().references('software.id'))
      .addColumn('metric', 'text', (column) => column.notNull())
      .addColumn('quantity', 'integer')
      .addColumn('valid_from', types.date)
      .addColumn('valid_until', types.date)
      .addColumn('contract_id', 'text', (column) => column.references('contracts.id'))
      .addColumn('notes', 'text'),
  ).execute();
  await db.schema.createIndex('licences_software').on('licences').columns(['municipality_id', 'software_id']).execute();
  await db.schema.createIndex('licences_contract').on('licences').columns(['contract_id']).execute();

  await stamps(
    db.schema
      .createTable('licence_consumption')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
      .addColumn('software_id', 'text', (column) => column.notNull().references('software.id'))
      .addColumn('kind', 'text', (column) => column.notNull())
      .addColumn('count', 'integer', (column) => column.notNull())
      .addColumn('source', 'text', (column) => column.notNull())
      .addColumn('asset_id', 'text')
      .addColumn('inventory', 'text')
      .addColumn('counted_on', types.date, (column) => column.notNull()),
  ).execute();
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

  // The sum of a product's consumption per kind, kept in the writing transaction, so the licence
  // position reads one row per product and kind, not every installation (p99 ≤ 50 ms at L).
  await db.schema
    .createTable('licence_consumption_totals')
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('software_id', 'text', (column) => column.notNull().references('software.id'))
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('total', 'integer', (column) => column.notNull())
    .addPrimaryKeyConstraint('licence_consumption_totals_pk', ['municipality_id', 'software_id', 'kind'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'licence_consumption_totals',
    'licence_consumption',
    'licences',
    'contract_systems',
    'contracts',
    'suppliers',
    'software_decisions',
    'software_systems',
    'software',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
