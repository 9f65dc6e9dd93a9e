import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.ts';

/**
 * Document acknowledgements (issue #13): one row per person × document version, from the request
 * (made set-based when a version is adopted, or on a new employee's start date) to the
 * acknowledgement (in the app, at a training session, from a signed paper). The row is also the
 * person's to-do entry (ADR 0016): an open request is a task, so nothing is kept twice.
 *
 * Indexes, all led by municipality_id (the distribution column):
 * - (municipality, person, version) unique: one request per person and version (a racing second
 *   request is a 409), and a person's own list and to-do entries.
 * - (municipality, version, person, state, due_date): the coverage of a version, the
 *   set-based creation's "not asked yet" and the carry-over read a version's rows off the index
 *   alone, one probe per person in the audience.
 * - (municipality, due_date, id): the municipality-wide list in due-date order (keyset paging).
 *
 * training_session_id has no foreign key: the training sessions' table comes in a later migration
 * (082); the service checks the session exists when it records one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const types = await columnTypes(db);
  await db.schema
    .createTable('acknowledgements')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('person_id', 'text', (column) => column.notNull().references('people.id'))
    .addColumn('document_id', 'text', (column) => column.notNull().references('policy_documents.id'))
    .addColumn('version_id', 'text', (column) => column.notNull().references('policy_document_versions.id'))
    .addColumn('state', 'text', (column) => column.notNull())
    .addColumn('requested_at', types.timestamp, (column) => column.notNull())
    .addColumn('due_date', types.date, (column) => column.notNull())
    .addColumn('acknowledged_at', types.timestamp)
    .addColumn('method', 'text')
    .addColumn('recorded_by_person_id', 'text', (column) => column.references('people.id'))
    .addColumn('recorded_by_name', 'text')
    .addColumn('training_session_id', 'text')
    .addColumn('note', 'text')
    .addColumn('carried_over_from_version_id', 'text', (column) => column.references('policy_document_versions.id'))
    .addColumn('reminder_count', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('last_reminded_at', types.timestamp)
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull())
    .addUniqueConstraint('acknowledgements_person_version', ['municipality_id', 'person_id', 'version_id'])
    .execute();
  await db.schema
    .createIndex('acknowledgements_version_person')
    .on('acknowledgements')
    .columns(['municipality_id', 'version_id', 'person_id', 'state', 'due_date'])
    .execute();
  await db.schema.createIndex('acknowledgements_due').on('acknowledgements').columns(['municipality_id', 'due_date', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('acknowledgements').execute();
}
