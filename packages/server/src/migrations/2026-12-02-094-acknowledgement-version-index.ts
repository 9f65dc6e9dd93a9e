import { sql, type Kysely } from 'kysely';

/**
 * One index for a version's acknowledgements instead of two (issue #13's scale). Migration 081's
 * (municipality, version, person, state, due date) served the coverage view and the carry-over;
 * 084's (municipality, version, person, state, requested at, acknowledged at) the compliance
 * evaluation. They share their first four columns, so one index with all six serves all three
 * from the index alone, and adopting a version for 96,000 employees writes one such entry per
 * request instead of two (measured: a fifth of the insert's CPU on SQLite and PostgreSQL,
 * docs/performance.md).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('acknowledgements_version')
    .on('acknowledgements')
    .columns(['municipality_id', 'version_id', 'person_id', 'state', 'due_date', 'requested_at', 'acknowledged_at'])
    .execute();
  await db.schema.dropIndex('acknowledgements_version_person').execute();
  await db.schema.dropIndex('acknowledgements_compliance').execute();
  // Statistics for the new index at once: SQLite, with figures for the others only, took the
  // unique (municipality, person, version) index for the coverage join and read every table row
  // (2–3 s at 96,000 people against 1 s covered, measured on a loaded machine).
  await sql`analyze acknowledgements`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('acknowledgements_compliance')
    .on('acknowledgements')
    .columns(['municipality_id', 'version_id', 'person_id', 'state', 'requested_at', 'acknowledged_at'])
    .execute();
  await db.schema
    .createIndex('acknowledgements_version_person')
    .on('acknowledgements')
    .columns(['municipality_id', 'version_id', 'person_id', 'state', 'due_date'])
    .execute();
  await db.schema.dropIndex('acknowledgements_version').execute();
}
