import type { Kysely } from 'kysely';

/**
 * Indexes for the compliance evaluation (issue #13). It reads each person's latest attended day per course (one grouped row
 * per person and course). Without an index in that order SQLite chose the course index with a
 * skip-scan and a temporary B-tree: 4.7 s for L's largest municipality (16,000 people, 1.1 million
 * attendances in L). This one covers the query in group order.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('training_attendances_compliance')
    .on('training_attendances')
    .columns(['municipality_id', 'status', 'person_id', 'course_id', 'session_date'])
    .execute();
  // The acknowledgements of the versions in force, read from the index alone (77,000 rows of L's
  // largest municipality took 2 s read from the table, one random page per row).
  await db.schema
    .createIndex('acknowledgements_compliance')
    .on('acknowledgements')
    .columns(['municipality_id', 'version_id', 'person_id', 'state', 'requested_at', 'acknowledged_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('acknowledgements_compliance').execute();
  await db.schema.dropIndex('training_attendances_compliance').execute();
}
