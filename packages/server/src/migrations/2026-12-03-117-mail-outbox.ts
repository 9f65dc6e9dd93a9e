import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.ts';

/**
 * The e-mail outbox (issue #18, ADR 0035). A message is written in the transaction of what causes
 * it (a reset request) or by the notification jobs, and sent by the `mail-outbox` job over SMTP.
 *
 * - dedupe_key is unique: one message per recipient and occasion ("the digest of 2026-12-03",
 *   "the notice about this ask"), so a job run twice, or on two instances, enqueues it once.
 * - lease_holder / lease_expires_at: a message is claimed by one instance before it is sent, so
 *   two instances never both hand it to the SMTP server (the job runner's claim in ADR 0006, per row).
 * - sensitive: the body holds a secret (a reset link); it is blanked once sent or given up.
 * - municipality_id: the municipality whose administrators see the message in the SMTP status.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const types = await columnTypes(db);
  await db.schema
    .createTable('mail_messages')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('login_id', 'text', (column) => column.notNull().references('logins.id'))
    .addColumn('person_id', 'text', (column) => column.references('people.id'))
    .addColumn('recipient', 'text', (column) => column.notNull())
    .addColumn('locale', 'text', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('dedupe_key', 'text', (column) => column.notNull().unique())
    .addColumn('subject', 'text', (column) => column.notNull())
    .addColumn('body_text', 'text', (column) => column.notNull())
    .addColumn('body_html', 'text', (column) => column.notNull())
    .addColumn('sensitive', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('attempts', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('next_attempt_at', types.timestamp, (column) => column.notNull())
    .addColumn('lease_holder', 'text')
    .addColumn('lease_expires_at', types.timestamp)
    .addColumn('last_error', 'text')
    .addColumn('sent_at', types.timestamp)
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull())
    .execute();
  // The sender's claim: queued messages by when they are due.
  await db.schema.createIndex('mail_messages_due').on('mail_messages').columns(['status', 'next_attempt_at']).execute();
  // The administrator's status: one municipality's messages by state and time.
  await db.schema
    .createIndex('mail_messages_municipality')
    .on('mail_messages')
    .columns(['municipality_id', 'status', 'updated_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('mail_messages').execute();
}
