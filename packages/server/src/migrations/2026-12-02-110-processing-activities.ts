import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.ts';

/**
 * Records of processing (issue #16; ITP-8-PERSONAL-DATA, GDPR art. 30) and the data protection
 * officer's reviews of them.
 *
 * - processing_activities: one article 30 record. The lists a record holds (categories of data
 *   subjects and of data, recipients, transfers) are JSON, read and written whole with the record;
 *   `has_special_categories` is derived from the data categories on write so the register's filter
 *   and the rule read a column. `review_state` is the latest review's outcome, or 'pending' when
 *   never reviewed or changed since (a changed record loses its approval: ADR 0027).
 * - processing_activity_systems: the systems a record runs in (the rule's coverage of a system).
 *   system_id carries no foreign key, as elsewhere: a deleted system leaves the record's history.
 * - processing_activity_processors: processors with their data processing agreement (PUB-avtal);
 *   a table, not JSON, so "agreement expiring" is an indexed filter.
 * - privacy_reviews: append-only, the history on a record's page.
 *
 * Indexes lead with municipality_id: the list sorted by name (sort_key, id), by controller
 * department, a system's records, a record's processors by expiry, a record's reviews.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const types = await columnTypes(db);
  await db.schema
    .createTable('processing_activities')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('sort_key', 'text', (column) => types.sortKey(column.notNull()))
    .addColumn('purpose', 'text', (column) => column.notNull())
    .addColumn('legal_basis', 'text')
    .addColumn('legal_basis_note', 'text')
    .addColumn('special_category_basis', 'text')
    .addColumn('criminal_data', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('criminal_data_basis', 'text')
    .addColumn('data_subject_categories_json', 'text', (column) => column.notNull().defaultTo('[]'))
    .addColumn('personal_data_categories_json', 'text', (column) => column.notNull().defaultTo('[]'))
    .addColumn('has_special_categories', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('recipients_json', 'text', (column) => column.notNull().defaultTo('[]'))
    .addColumn('third_country_transfers_json', 'text', (column) => column.notNull().defaultTo('[]'))
    .addColumn('retention', 'text')
    .addColumn('retention_plan_reference', 'text')
    .addColumn('technical_measures', 'text')
    .addColumn('controller_department_id', 'text', (column) => column.notNull().references('departments.id'))
    .addColumn('controller_board', 'text')
    .addColumn('dpia_needed', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('dpia_done_on', types.date)
    .addColumn('review_state', 'text', (column) => column.notNull().defaultTo('pending'))
    .addColumn('last_reviewed_on', types.date)
    .addColumn('content_changed_at', types.timestamp, (column) => column.notNull())
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('processing_activities_name')
    .on('processing_activities')
    .columns(['municipality_id', 'sort_key', 'id'])
    .execute();
  await db.schema
    .createIndex('processing_activities_controller')
    .on('processing_activities')
    .columns(['municipality_id', 'controller_department_id', 'sort_key'])
    .execute();
  await db.schema
    .createIndex('processing_activities_review')
    .on('processing_activities')
    .columns(['municipality_id', 'review_state', 'last_reviewed_on'])
    .execute();

  await db.schema
    .createTable('processing_activity_systems')
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('activity_id', 'text', (column) => column.notNull().references('processing_activities.id'))
    .addColumn('system_id', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('processing_activity_systems_pk', ['activity_id', 'system_id'])
    .execute();
  await db.schema
    .createIndex('processing_activity_systems_system')
    .on('processing_activity_systems')
    .columns(['municipality_id', 'system_id', 'activity_id'])
    .execute();

  await db.schema
    .createTable('processing_activity_processors')
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('activity_id', 'text', (column) => column.notNull().references('processing_activities.id'))
    .addColumn('position', 'integer', (column) => column.notNull())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('agreement_signed_on', types.date)
    .addColumn('agreement_expires_on', types.date)
    .addPrimaryKeyConstraint('processing_activity_processors_pk', ['activity_id', 'position'])
    .execute();
  await db.schema
    .createIndex('processing_activity_processors_expiry')
    .on('processing_activity_processors')
    .columns(['municipality_id', 'agreement_expires_on', 'activity_id'])
    .execute();

  await db.schema
    .createTable('privacy_reviews')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('activity_id', 'text', (column) => column.notNull().references('processing_activities.id'))
    .addColumn('outcome', 'text', (column) => column.notNull())
    .addColumn('reviewed_on', types.date, (column) => column.notNull())
    .addColumn('remarks', 'text')
    .addColumn('reviewer_person_id', 'text')
    .addColumn('reviewer_name', 'text', (column) => column.notNull())
    .addColumn('activity_version', 'integer', (column) => column.notNull())
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('privacy_reviews_activity')
    .on('privacy_reviews')
    .columns(['municipality_id', 'activity_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['privacy_reviews', 'processing_activity_processors', 'processing_activity_systems', 'processing_activities'])
    await db.schema.dropTable(table).execute();
}
