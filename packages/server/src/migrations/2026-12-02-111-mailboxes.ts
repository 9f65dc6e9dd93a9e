import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.ts';

/**
 * Functional mailboxes (issue #16; ITP-8-MAILBOX) and who has a personal mailbox (ITP-8-OFFICIAL-DOC).
 *
 * - mailboxes: an address is unique within its municipality only (ADR 0027): a regional
 *   installation holds several municipalities, and a uniqueness across them would tell one
 *   municipality's secretariat, by a refusal, which addresses another one keeps.
 * - mailbox_deputies: the deputies, in order.
 * - people.has_personal_mailbox: set by the person import or an edit; the e-mail rules'
 *   acknowledgement share is counted among these people.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const types = await columnTypes(db);
  await db.schema
    .createTable('mailboxes')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('address', 'text', (column) => types.sortKey(column.notNull()))
    .addColumn('department_id', 'text', (column) => column.notNull().references('departments.id'))
    .addColumn('purpose', 'text')
    .addColumn('responsible_person_id', 'text', (column) => column.references('people.id'))
    .addColumn('watch_frequency', 'text', (column) => column.notNull())
    .addColumn('receives_official_documents', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull())
    .addUniqueConstraint('mailboxes_address', ['municipality_id', 'address'])
    .execute();
  await db.schema.createIndex('mailboxes_department').on('mailboxes').columns(['municipality_id', 'department_id', 'address']).execute();
  await db.schema.createIndex('mailboxes_responsible').on('mailboxes').columns(['municipality_id', 'responsible_person_id']).execute();

  await db.schema
    .createTable('mailbox_deputies')
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('mailbox_id', 'text', (column) => column.notNull().references('mailboxes.id'))
    .addColumn('person_id', 'text', (column) => column.notNull().references('people.id'))
    .addColumn('position', 'integer', (column) => column.notNull())
    .addPrimaryKeyConstraint('mailbox_deputies_pk', ['mailbox_id', 'person_id'])
    .execute();
  await db.schema.createIndex('mailbox_deputies_person').on('mailbox_deputies').columns(['municipality_id', 'person_id']).execute();

  await db.schema
    .alterTable('people')
    .addColumn('has_personal_mailbox', 'integer', (column) => column.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('people').dropColumn('has_personal_mailbox').execute();
  await db.schema.dropTable('mailbox_deputies').execute();
  await db.schema.dropTable('mailboxes').execute();
}
