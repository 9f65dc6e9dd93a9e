import { sql, type Kysely } from 'kysely';

/**
 * A person's employee number (issue #14): the key the HR and directory exports carry, so an
 * access-rights file can name a person by it as well as by e-mail. Optional (a municipality
 * without one records none) and unique per municipality where given: a partial unique index, so
 * the many people without one do not collide, and the import's lookup by number is one seek.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('people').addColumn('employee_number', 'text').execute();
  await db.schema
    .createIndex('people_employee_number')
    .on('people')
    .columns(['municipality_id', 'employee_number'])
    .unique()
    .where(sql.ref('employee_number'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('people_employee_number').execute();
  await db.schema.alterTable('people').dropColumn('employee_number').execute();
}
