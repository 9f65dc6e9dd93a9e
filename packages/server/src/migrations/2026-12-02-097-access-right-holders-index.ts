import { sql, type Kysely } from 'kysely';

/**
 * A system's access page at L (issue #14: 1.5 million rights, the busiest system 5,200 active;
 * first page of 50 by holder's name, p99 ≤ 50 ms). The page is found in two steps
 * (access-rights.repository.ts): the ids and sort values of the page, then its 50 rows. These two
 * indexes let the first step and the count read no table row: the system's rights with their
 * holders and levels (municipality, system, state, person, level, id), and each holder's sort key
 * by id. Measured on a copy of the bench's L database on SQLite (load 17): the page's statement
 * 122 → 13 ms, the count 105 → 14 ms (docs/performance.md).
 *
 * The second migration of number 097 (the first is the employee numbers): the number given to
 * this work, with a name of its own.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('access_rights_system_holders')
    .on('access_rights')
    .columns(['municipality_id', 'system_id', 'state', 'person_id', 'level_id', 'id'])
    .execute();
  await db.schema.createIndex('people_sort_key_by_id').on('people').columns(['id', 'sort_key']).execute();
  // Statistics for the new indexes at once (as migration 094): without them SQLite read each
  // holder's table row by the primary key instead of the covering index (74 ms against 13 at L).
  await sql`analyze access_rights`.execute(db);
  await sql`analyze people`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('people_sort_key_by_id').execute();
  await db.schema.dropIndex('access_rights_system_holders').execute();
}
