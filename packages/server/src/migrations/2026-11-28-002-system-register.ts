import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.ts';

/** The system register: systems, responsibilities, duties, integrations, the public register. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const types = await columnTypes(db);
  const money = 'double precision';

  await db.schema
    .createTable('systems')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('sort_key', 'text', (column) => types.sortKey(column.notNull()))
    .addColumn('search_text', 'text', (column) => column.notNull())
    .addColumn('description', 'text')
    .addColumn('purpose', 'text')
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('scope', 'text', (column) => column.notNull())
    .addColumn('lifecycle', 'text', (column) => column.notNull())
    .addColumn('supplier', 'text')
    .addColumn('product', 'text')
    .addColumn('product_version', 'text')
    .addColumn('hosting', 'text')
    .addColumn('owner_department_id', 'text', (column) => column.notNull().references('departments.id'))
    .addColumn('cost_licence', money)
    .addColumn('cost_operation', money)
    .addColumn('cost_support', money)
    .addColumn('cost_other', money)
    .addColumn('documentation_links_json', 'text', (column) => column.notNull().defaultTo('[]'))
    .addColumn('processes_personal_data', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('criticality', 'text')
    .addColumn('recovery_time_objective_hours', 'integer')
    .addColumn('recovery_point_objective_hours', 'integer')
    .addColumn('last_restore_test_on', types.date)
    .addColumn('supplier_support_ends_on', types.date)
    .addColumn('nis2', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('user_count', 'integer')
    .addColumn('tags_json', 'text', (column) => column.notNull().defaultTo('[]'))
    .addColumn('last_confirmed_at', types.timestamp)
    .addColumn('last_confirmed_by_name', 'text')
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .execute();
  // Every list filter and sort has an index that starts with the municipality (Citus-ready).
  for (const [name, columns] of [
    ['systems_municipality_sort', ['municipality_id', 'sort_key', 'id']],
    ['systems_municipality_owner', ['municipality_id', 'owner_department_id', 'sort_key']],
    ['systems_municipality_lifecycle', ['municipality_id', 'lifecycle', 'sort_key']],
    ['systems_municipality_kind', ['municipality_id', 'kind', 'sort_key']],
    ['systems_municipality_updated', ['municipality_id', 'updated_at', 'id']],
    ['systems_municipality_confirmed', ['municipality_id', 'last_confirmed_at']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('systems')
      .columns([...columns])
      .execute();
  }

  await db.schema
    .createTable('system_using_departments')
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('system_id', 'text', (column) => column.notNull().references('systems.id').onDelete('cascade'))
    .addColumn('department_id', 'text', (column) => column.notNull().references('departments.id'))
    .addPrimaryKeyConstraint('system_using_departments_pk', ['system_id', 'department_id'])
    .execute();
  await db.schema
    .createIndex('system_using_departments_department')
    .on('system_using_departments')
    .columns(['municipality_id', 'department_id'])
    .execute();

  await db.schema
    .createTable('system_classifications')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('system_id', 'text', (column) => column.notNull().references('systems.id').onDelete('cascade'))
    .addColumn('confidentiality', 'integer', (column) => column.notNull())
    .addColumn('integrity', 'integer', (column) => column.notNull())
    .addColumn('availability', 'integer', (column) => column.notNull())
    .addColumn('traceability', 'integer', (column) => column.notNull())
    .addColumn('classified_on', types.date, (column) => column.notNull())
    .addColumn('recorded_at', types.timestamp, (column) => column.notNull())
    .addColumn('recorded_by_name', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('system_classifications_system')
    .on('system_classifications')
    .columns(['municipality_id', 'system_id', 'recorded_at'])
    .execute();

  await db.schema
    .createTable('system_assignments')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('system_id', 'text', (column) => column.notNull().references('systems.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (column) => column.notNull().references('people.id'))
    .addColumn('role', 'text', (column) => column.notNull())
    .addColumn('start_date', types.date, (column) => column.notNull())
    .addColumn('end_date', types.date)
    .addColumn('allotted_hours_per_week', 'double precision')
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('system_assignments_system')
    .on('system_assignments')
    .columns(['municipality_id', 'system_id', 'role'])
    .execute();
  await db.schema.createIndex('system_assignments_person').on('system_assignments').columns(['municipality_id', 'person_id']).execute();

  await db.schema
    .createTable('system_duties')
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('system_id', 'text', (column) => column.notNull().references('systems.id').onDelete('cascade'))
    .addColumn('duty', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('evidence', 'text')
    .addColumn('confirmed_at', types.timestamp)
    .addColumn('confirmed_by_name', 'text')
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('system_duties_pk', ['system_id', 'duty'])
    .execute();
  await db.schema.createIndex('system_duties_municipality').on('system_duties').columns(['municipality_id', 'system_id']).execute();

  await db.schema
    .createTable('integrations')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('provider_system_id', 'text', (column) => column.notNull().references('systems.id').onDelete('cascade'))
    .addColumn('consumer_system_id', 'text', (column) => column.notNull().references('systems.id').onDelete('cascade'))
    .addColumn('description', 'text')
    .addColumn('flow', 'text', (column) => column.notNull())
    .addColumn('method', 'text', (column) => column.notNull())
    .addColumn('frequency', 'text', (column) => column.notNull())
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('integrations_provider').on('integrations').columns(['municipality_id', 'provider_system_id']).execute();
  await db.schema.createIndex('integrations_consumer').on('integrations').columns(['municipality_id', 'consumer_system_id']).execute();

  await db.schema
    .createTable('public_register_settings')
    .addColumn('municipality_id', 'text', (column) => column.primaryKey().references('municipalities.id'))
    .addColumn('enabled', 'integer', (column) => column.notNull())
    .addColumn('fields_json', 'text', (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .execute();

  // The outbox: domain events written in the same transaction as the change, consumed later
  // (change notices to the IT unit, ITP-4.2.2-CHANGE-NOTICE).
  await db.schema
    .createTable('domain_events')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('type', 'text', (column) => column.notNull())
    .addColumn('payload_json', 'text', (column) => column.notNull())
    .addColumn('occurred_at', types.timestamp, (column) => column.notNull())
    .addColumn('processed_at', types.timestamp)
    .execute();
  await db.schema.createIndex('domain_events_pending').on('domain_events').columns(['processed_at', 'occurred_at']).execute();
  await db.schema
    .createIndex('domain_events_municipality')
    .on('domain_events')
    .columns(['municipality_id', 'type', 'occurred_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'domain_events',
    'public_register_settings',
    'integrations',
    'system_duties',
    'system_assignments',
    'system_classifications',
    'system_using_departments',
    'systems',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
