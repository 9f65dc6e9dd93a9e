import { sql, type Kysely } from 'kysely';
import { columnTypes } from './column-types.ts';

/**
 * Access rights (issue #14; ITP-3-INFORM-NEW, §4.2.3 "administer access rights").
 *
 * - access_levels: the roles a system itself knows ("Läsare", "Handläggare"), privileged or not.
 * - access_rights: person × system × level, never deleted (ended rights keep their history). The
 *   level's system is copied onto the row so a system's list, the rules and the leavers' flagging
 *   read one table. At most one right not ended per person and level (a partial unique index:
 *   a racing second grant is a 409).
 * - recertification_campaigns / recertification_items: a campaign snapshots the rights in scope
 *   when it starts (one row per right, set-based); a decision is written on the item.
 * - role_templates / role_template_levels: a business role bundling levels in several systems.
 *
 * Indexes, all led by municipality_id (the distribution column):
 * - access_rights (system, state, id): a system's list, its recertification snapshot.
 * - access_rights (person, state): a person's rights, the first-grant gate, the leavers' flagging.
 * - access_rights (flagged, system) partial on flagged rows: the leavers queue and the stewards' to-do.
 * - access_rights (level, state): a level's count, its deletion check, the privileged-holders rule.
 *
 * system_id carries no foreign key (as training's): a deleted system leaves its rights' history.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const types = await columnTypes(db);
  await db.schema
    .createTable('access_levels')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('system_id', 'text', (column) => column.notNull())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('sort_key', 'text', (column) => types.sortKey(column.notNull()))
    .addColumn('description', 'text')
    .addColumn('privileged', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull())
    .addUniqueConstraint('access_levels_system_name', ['municipality_id', 'system_id', 'sort_key'])
    .execute();

  await db.schema
    .createTable('access_rights')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('person_id', 'text', (column) => column.notNull().references('people.id'))
    .addColumn('system_id', 'text', (column) => column.notNull())
    .addColumn('level_id', 'text', (column) => column.notNull().references('access_levels.id'))
    .addColumn('state', 'text', (column) => column.notNull())
    .addColumn('source', 'text', (column) => column.notNull())
    .addColumn('start_date', types.date, (column) => column.notNull())
    .addColumn('end_date', types.date)
    .addColumn('reason', 'text')
    .addColumn('case_reference', 'text')
    .addColumn('granted_at', types.timestamp, (column) => column.notNull())
    .addColumn('granted_by_person_id', 'text')
    .addColumn('granted_by_name', 'text', (column) => column.notNull())
    .addColumn('activated_at', types.timestamp)
    .addColumn('activation', 'text')
    .addColumn('exception_reason', 'text')
    .addColumn('exception_by_person_id', 'text')
    .addColumn('exception_by_name', 'text')
    .addColumn('flagged_for_removal', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('flagged_at', types.timestamp)
    .addColumn('ended_at', types.timestamp)
    .addColumn('ended_by_person_id', 'text')
    .addColumn('ended_by_name', 'text')
    .addColumn('end_reason', 'text')
    .addColumn('end_note', 'text')
    .addColumn('last_recertified_on', types.date)
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('access_rights_system')
    .on('access_rights')
    .columns(['municipality_id', 'system_id', 'state', 'id'])
    .execute();
  await db.schema.createIndex('access_rights_person').on('access_rights').columns(['municipality_id', 'person_id', 'state']).execute();
  await db.schema.createIndex('access_rights_level').on('access_rights').columns(['municipality_id', 'level_id', 'state']).execute();
  await db.schema
    .createIndex('access_rights_flagged')
    .on('access_rights')
    .columns(['municipality_id', 'system_id', 'person_id'])
    .where(sql.ref('flagged_for_removal'), '=', 1)
    .execute();
  await db.schema
    .createIndex('access_rights_one_open_per_level')
    .on('access_rights')
    .columns(['municipality_id', 'person_id', 'level_id'])
    .unique()
    .where(sql.ref('state'), '<>', 'ended')
    .execute();

  await db.schema
    .createTable('recertification_campaigns')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('title', 'text', (column) => column.notNull())
    .addColumn('scope', 'text', (column) => column.notNull())
    .addColumn('system_id', 'text')
    .addColumn('department_id', 'text', (column) => column.references('departments.id'))
    .addColumn('due_date', types.date, (column) => column.notNull())
    .addColumn('started_at', types.timestamp, (column) => column.notNull())
    .addColumn('started_by_person_id', 'text')
    .addColumn('started_by_name', 'text', (column) => column.notNull())
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('recertification_campaigns_due')
    .on('recertification_campaigns')
    .columns(['municipality_id', 'due_date', 'id'])
    .execute();

  await db.schema
    .createTable('recertification_items')
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('campaign_id', 'text', (column) => column.notNull().references('recertification_campaigns.id'))
    .addColumn('right_id', 'text', (column) => column.notNull().references('access_rights.id'))
    .addColumn('system_id', 'text', (column) => column.notNull())
    .addColumn('person_id', 'text', (column) => column.notNull())
    .addColumn('decision', 'text')
    .addColumn('decided_at', types.timestamp)
    .addColumn('decided_by_person_id', 'text')
    .addColumn('decided_by_name', 'text')
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('recertification_items_pk', ['campaign_id', 'right_id'])
    .execute();
  await db.schema
    .createIndex('recertification_items_system')
    .on('recertification_items')
    .columns(['campaign_id', 'system_id', 'decision'])
    .execute();
  // The stewards' to-do: open items of the systems they keep, across campaigns.
  await db.schema
    .createIndex('recertification_items_open')
    .on('recertification_items')
    .columns(['municipality_id', 'system_id', 'campaign_id'])
    .where(sql.ref('decision'), 'is', null)
    .execute();

  await db.schema
    .createTable('role_templates')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('sort_key', 'text', (column) => types.sortKey(column.notNull()))
    .addColumn('description', 'text')
    .addColumn('department_id', 'text', (column) => column.references('departments.id'))
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull())
    .addUniqueConstraint('role_templates_name', ['municipality_id', 'sort_key'])
    .execute();
  await db.schema
    .createTable('role_template_levels')
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('template_id', 'text', (column) => column.notNull().references('role_templates.id'))
    .addColumn('level_id', 'text', (column) => column.notNull().references('access_levels.id'))
    .addPrimaryKeyConstraint('role_template_levels_pk', ['template_id', 'level_id'])
    .execute();
  await db.schema.createIndex('role_template_levels_level').on('role_template_levels').columns(['level_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('role_template_levels').execute();
  await db.schema.dropTable('role_templates').execute();
  await db.schema.dropTable('recertification_items').execute();
  await db.schema.dropTable('recertification_campaigns').execute();
  await db.schema.dropTable('access_rights').execute();
  await db.schema.dropTable('access_levels').execute();
}
