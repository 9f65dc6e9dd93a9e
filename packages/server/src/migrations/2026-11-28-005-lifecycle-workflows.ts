import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.ts';

/**
 * Introduction and upgrade projects with budget revisions, checkpoints and operational approvals
 * (§4.2.1); risk analyses; reviews (§4.2, §3); change notices (§4.2.2); the IT security
 * guidelines' sections; the municipality's risk matrix. Structured parts that are always read and
 * written whole (training plan, scenarios, participants) are JSON text, like the register's links.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const types = await columnTypes(db);

  await db.schema
    .createTable('security_guideline_sections')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('code', 'text', (column) => column.notNull())
    .addColumn('sort_key', 'text', (column) => types.sortKey(column.notNull()))
    .addColumn('title', 'text', (column) => column.notNull())
    .addColumn('description', 'text')
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .addUniqueConstraint('security_guideline_sections_code', ['municipality_id', 'code'])
    .execute();

  await db.schema
    .createTable('risk_matrix_settings')
    .addColumn('municipality_id', 'text', (column) => column.primaryKey().references('municipalities.id'))
    .addColumn('matrix_json', 'text', (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('projects')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('title', 'text', (column) => column.notNull())
    .addColumn('sort_key', 'text', (column) => types.sortKey(column.notNull()))
    .addColumn('state', 'text', (column) => column.notNull())
    .addColumn('system_id', 'text', (column) => column.notNull().references('systems.id'))
    .addColumn('department_id', 'text', (column) => column.notNull().references('departments.id'))
    .addColumn('project_lead_person_id', 'text', (column) => column.references('people.id'))
    .addColumn('it_contact_person_id', 'text', (column) => column.references('people.id'))
    .addColumn('description', 'text')
    .addColumn('specification', 'text')
    .addColumn('training_plan_json', 'text', (column) => column.notNull())
    .addColumn('timeline_json', 'text', (column) => column.notNull())
    .addColumn('links_json', 'text', (column) => column.notNull())
    .addColumn('compliance_json', 'text', (column) => column.notNull())
    .addColumn('submitted_at', types.timestamp)
    .addColumn('approved_at', types.timestamp)
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('projects_title').on('projects').columns(['municipality_id', 'sort_key', 'id']).execute();
  await db.schema.createIndex('projects_system').on('projects').columns(['municipality_id', 'system_id']).execute();
  await db.schema.createIndex('projects_state').on('projects').columns(['municipality_id', 'state']).execute();

  await db.schema
    .createTable('project_budget_revisions')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('project_id', 'text', (column) => column.notNull().references('projects.id'))
    .addColumn('revision', 'integer', (column) => column.notNull())
    .addColumn('budget_json', 'text', (column) => column.notNull())
    .addColumn('total_one_off', 'double precision', (column) => column.notNull())
    .addColumn('total_yearly', 'double precision', (column) => column.notNull())
    .addColumn('complete', 'integer', (column) => column.notNull())
    .addColumn('recorded_at', types.timestamp, (column) => column.notNull())
    .addColumn('recorded_by_name', 'text', (column) => column.notNull())
    .addUniqueConstraint('project_budget_revisions_number', ['municipality_id', 'project_id', 'revision'])
    .execute();

  await db.schema
    .createTable('project_checkpoints')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('project_id', 'text', (column) => column.notNull().references('projects.id'))
    .addColumn('held_on', types.date, (column) => column.notNull())
    .addColumn('participants_json', 'text', (column) => column.notNull())
    .addColumn('notes', 'text')
    .addColumn('recorded_by_name', 'text', (column) => column.notNull())
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('project_checkpoints_project')
    .on('project_checkpoints')
    .columns(['municipality_id', 'project_id', 'held_on'])
    .execute();

  await db.schema
    .createTable('operational_approvals')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('project_id', 'text', (column) => column.notNull().references('projects.id'))
    .addColumn('system_id', 'text', (column) => column.notNull().references('systems.id'))
    .addColumn('decision', 'text', (column) => column.notNull())
    .addColumn('conditions_json', 'text', (column) => column.notNull())
    .addColumn('approver_person_id', 'text', (column) => column.references('people.id'))
    .addColumn('approver_name', 'text', (column) => column.notNull())
    .addColumn('decided_on', types.date, (column) => column.notNull())
    .addColumn('approved_version', 'text')
    .addColumn('scope', 'text')
    .addColumn('case_reference', 'text')
    .addColumn('reason', 'text')
    .addColumn('recorded_at', types.timestamp, (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('operational_approvals_project')
    .on('operational_approvals')
    .columns(['municipality_id', 'project_id', 'recorded_at'])
    .execute();
  await db.schema
    .createIndex('operational_approvals_system')
    .on('operational_approvals')
    .columns(['municipality_id', 'system_id'])
    .execute();

  await db.schema
    .createTable('risk_analyses')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('system_id', 'text', (column) => column.notNull().references('systems.id'))
    .addColumn('revision', 'integer', (column) => column.notNull())
    .addColumn('previous_id', 'text', (column) => column.references('risk_analyses.id'))
    .addColumn('superseded', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('scope', 'text', (column) => column.notNull())
    .addColumn('analysed_on', types.date, (column) => column.notNull())
    .addColumn('participants_json', 'text', (column) => column.notNull())
    .addColumn('classification_json', 'text')
    .addColumn('matrix_json', 'text', (column) => column.notNull())
    .addColumn('scenarios_json', 'text', (column) => column.notNull())
    .addColumn('scenario_count', 'integer', (column) => column.notNull())
    .addColumn('described_scenario_count', 'integer', (column) => column.notNull())
    .addColumn('recorded_by_name', 'text', (column) => column.notNull())
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('risk_analyses_system')
    .on('risk_analyses')
    .columns(['municipality_id', 'system_id', 'analysed_on'])
    .execute();

  await db.schema
    .createTable('reviews')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('system_id', 'text', (column) => column.notNull().references('systems.id'))
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('planned_on', types.date, (column) => column.notNull())
    .addColumn('held_on', types.date)
    .addColumn('participants_json', 'text', (column) => column.notNull())
    .addColumn('adjacent_json', 'text', (column) => column.notNull())
    .addColumn('evaluation_use', 'text')
    .addColumn('evaluation_coordination', 'text')
    .addColumn('evaluation_efficiency', 'text')
    .addColumn('findings', 'text')
    .addColumn('actions_json', 'text', (column) => column.notNull())
    .addColumn('next_review_on', types.date)
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('reviews_planned').on('reviews').columns(['municipality_id', 'planned_on', 'id']).execute();
  await db.schema.createIndex('reviews_system').on('reviews').columns(['municipality_id', 'system_id']).execute();

  await db.schema
    .createTable('change_notices')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('title', 'text', (column) => column.notNull())
    .addColumn('description', 'text')
    .addColumn('planned_on', types.date)
    .addColumn('source', 'text', (column) => column.notNull())
    // The outbox event an automatic notice came from; unique, so an event can never make two.
    .addColumn('source_event_id', 'text', (column) => column.unique())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('recipients_json', 'text', (column) => column.notNull())
    .addColumn('created_by_name', 'text', (column) => column.notNull())
    .addColumn('acknowledged_by_person_id', 'text', (column) => column.references('people.id'))
    .addColumn('acknowledged_by_name', 'text')
    .addColumn('acknowledged_at', types.timestamp)
    .addColumn('acknowledgement_note', 'text')
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('change_notices_created').on('change_notices').columns(['municipality_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('change_notices_status').on('change_notices').columns(['municipality_id', 'status']).execute();

  await db.schema
    .createTable('change_notice_systems')
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('change_notice_id', 'text', (column) => column.notNull().references('change_notices.id'))
    .addColumn('system_id', 'text', (column) => column.notNull().references('systems.id'))
    .addPrimaryKeyConstraint('change_notice_systems_pk', ['change_notice_id', 'system_id'])
    .execute();
  await db.schema
    .createIndex('change_notice_systems_system')
    .on('change_notice_systems')
    .columns(['municipality_id', 'system_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'change_notice_systems',
    'change_notices',
    'reviews',
    'risk_analyses',
    'operational_approvals',
    'project_checkpoints',
    'project_budget_revisions',
    'projects',
    'risk_matrix_settings',
    'security_guideline_sections',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
