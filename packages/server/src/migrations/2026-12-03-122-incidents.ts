import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.ts';

/**
 * The incident log of the Cybersecurity Act (issue #19, NIS2 article 23; ADR 0037).
 *
 * - incidents: detected_at is the instant the clocks start from (24 h, 72 h as elapsed hours);
 *   reports_json holds each report as sent (kind, sentAt, content, who recorded it), at most one of
 *   each kind; follow_up_json the follow-up actions, each linked to an affected system's risk analysis;
 *   confidential_osl_paragraph the OSL marking of ADR 0030.
 * - incident_systems: the systems affected. Like contract_systems the system id has no foreign key:
 *   a deleted system leaves the incident in the log, no longer naming it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const types = await columnTypes(db);
  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('title', 'text', (column) => column.notNull())
    .addColumn('sort_key', 'text', (column) => types.sortKey(column.notNull()))
    .addColumn('description', 'text')
    .addColumn('detected_at', types.timestamp, (column) => column.notNull())
    .addColumn('significant', 'integer', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('closed_at', types.timestamp)
    .addColumn('reports_json', 'text', (column) => column.notNull())
    .addColumn('lessons', 'text')
    .addColumn('follow_up_json', 'text', (column) => column.notNull())
    .addColumn('recorded_by_name', 'text', (column) => column.notNull())
    .addColumn('confidential_osl_paragraph', 'text')
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull())
    .execute();
  // The log's default order (newest detection first) and its order by title, both keyset-paged.
  await db.schema.createIndex('incidents_detected').on('incidents').columns(['municipality_id', 'detected_at', 'id']).execute();
  await db.schema.createIndex('incidents_title').on('incidents').columns(['municipality_id', 'sort_key', 'id']).execute();
  // The to-do list's and the timeline's open incidents.
  await db.schema.createIndex('incidents_status').on('incidents').columns(['municipality_id', 'status']).execute();

  await db.schema
    .createTable('incident_systems')
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('incident_id', 'text', (column) => column.notNull().references('incidents.id'))
    .addColumn('system_id', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('incident_systems_pk', ['incident_id', 'system_id'])
    .execute();
  await db.schema.createIndex('incident_systems_system').on('incident_systems').columns(['municipality_id', 'system_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('incident_systems').execute();
  await db.schema.dropTable('incidents').execute();
}
