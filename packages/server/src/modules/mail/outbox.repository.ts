import { sql } from 'kysely';
import { isPostgres, type Executor } from '../../platform/database.ts';

export interface NewMailMessage {
  id: string;
  municipalityId: string;
  loginId: string;
  personId: string | null;
  recipient: string;
  locale: string;
  kind: string;
  dedupeKey: string;
  subject: string;
  text: string;
  html: string;
  sensitive: boolean;
}

/** What stands in place of a secret body once the message is sent or given up. */
export const blankedBody = '(removed after sending: it held a one-time link)';

/** The outbox's statements (migration 117). A claim, like the job runner's, is one conditional UPDATE. */
export const outboxRepository = {
  /** Queues a message once per dedupe key; false when that occasion was queued already. */
  async enqueue(db: Executor, message: NewMailMessage, now: string): Promise<boolean> {
    const result = await db
      .insertInto('mail_messages')
      .values({
        id: message.id,
        municipality_id: message.municipalityId,
        login_id: message.loginId,
        person_id: message.personId,
        recipient: message.recipient,
        locale: message.locale,
        kind: message.kind,
        dedupe_key: message.dedupeKey,
        subject: message.subject,
        body_text: message.text,
        body_html: message.html,
        sensitive: message.sensitive ? 1 : 0,
        status: 'queued',
        attempts: 0,
        next_attempt_at: now,
        lease_holder: null,
        lease_expires_at: null,
        last_error: null,
        sent_at: null,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .onConflict((conflict) => conflict.column('dedupe_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    return result !== undefined;
  },

  /**
   * Leases up to `limit` due messages to `holder`, with the recipient's standing: a queued message
   * whose attempt is due and whom nobody holds an unexpired lease on. PostgreSQL: the chosen rows
   * are locked FOR UPDATE SKIP LOCKED, so another instance claiming at the same moment takes
   * others; SQLite: the UPDATE takes the write lock before it reads. The conditions are repeated
   * outside the subquery, so a row claimed meanwhile no longer qualifies.
   */
  async claimDue(db: Executor, holder: string, now: string, leaseUntil: string, limit: number) {
    let due = db
      .selectFrom('mail_messages')
      .select('id')
      .where((eb) =>
        eb.and([
          eb('status', '=', 'queued'),
          eb('next_attempt_at', '<=', now),
          eb.or([eb('lease_expires_at', 'is', null), eb('lease_expires_at', '<=', now)]),
        ]),
      )
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(limit);
    if (isPostgres(db)) due = due.forUpdate().skipLocked();
    return db
      .updateTable('mail_messages')
      .set({ lease_holder: holder, lease_expires_at: leaseUntil })
      .where('id', 'in', due)
      .where('status', '=', 'queued')
      .where('next_attempt_at', '<=', now)
      .where((eb) => eb.or([eb('lease_expires_at', 'is', null), eb('lease_expires_at', '<=', now)]))
      .returningAll()
      .execute();
  },

  /** Whether the person a message is for may still hear from us: active, their end date not come. */
  async recipientActive(db: Executor, personId: string, today: string): Promise<boolean> {
    const row = await db
      .selectFrom('people')
      .select('id')
      .where('id', '=', personId)
      .where('employment_status', '=', 'active')
      .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>', today)]))
      .executeTakeFirst();
    return row !== undefined;
  },

  /** Records a delivery, only while this holder still holds the message. */
  async markSent(db: Executor, id: string, holder: string, now: string) {
    const result = await db
      .updateTable('mail_messages')
      .set((eb) => ({
        status: 'sent',
        sent_at: now,
        attempts: eb('attempts', '+', 1),
        last_error: null,
        lease_holder: null,
        lease_expires_at: null,
        updated_at: now,
        version: eb('version', '+', 1),
        body_text: sql<string>`case when sensitive = 1 then ${blankedBody} else body_text end`,
        body_html: sql<string>`case when sensitive = 1 then ${blankedBody} else body_html end`,
      }))
      .where('id', '=', id)
      .where('lease_holder', '=', holder)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** A failed attempt: tried again at `retryAt`, or given up (`failed`) when it was the last. */
  async markAttemptFailed(db: Executor, id: string, holder: string, now: string, error: string, retryAt: string | null) {
    await db
      .updateTable('mail_messages')
      .set((eb) => ({
        status: retryAt === null ? 'failed' : 'queued',
        next_attempt_at: retryAt ?? now,
        attempts: eb('attempts', '+', 1),
        last_error: error,
        lease_holder: null,
        lease_expires_at: null,
        updated_at: now,
        version: eb('version', '+', 1),
        ...(retryAt === null
          ? {
              body_text: sql<string>`case when sensitive = 1 then ${blankedBody} else body_text end`,
              body_html: sql<string>`case when sensitive = 1 then ${blankedBody} else body_html end`,
            }
          : {}),
      }))
      .where('id', '=', id)
      .where('lease_holder', '=', holder)
      .execute();
  },

  /** Not sent: the recipient left, or e-mail is off for them now. */
  async cancel(db: Executor, id: string, holder: string, now: string, reason: string) {
    await db
      .updateTable('mail_messages')
      .set((eb) => ({
        status: 'cancelled',
        last_error: reason,
        lease_holder: null,
        lease_expires_at: null,
        updated_at: now,
        version: eb('version', '+', 1),
        body_text: sql<string>`case when sensitive = 1 then ${blankedBody} else body_text end`,
        body_html: sql<string>`case when sensitive = 1 then ${blankedBody} else body_html end`,
      }))
      .where('id', '=', id)
      .where('lease_holder', '=', holder)
      .execute();
  },

  /** One municipality's outbox in numbers, for its administrators. */
  async statusOf(db: Executor, municipalityId: string) {
    const counts = await db
      .selectFrom('mail_messages')
      .select((eb) => [
        eb.fn.count<number>('id').filterWhere('status', '=', 'queued').as('queued'),
        eb.fn
          .count<number>('id')
          .filterWhere((inner) => inner.and([inner('status', '=', 'queued'), inner('attempts', '>', 0)]))
          .as('retrying'),
        eb.fn.count<number>('id').filterWhere('status', '=', 'failed').as('failed'),
        eb.fn.max('sent_at').as('last_sent_at'),
      ])
      .where('municipality_id', '=', municipalityId)
      .executeTakeFirstOrThrow();
    const failures = await db
      .selectFrom('mail_messages')
      .select(['id', 'kind', 'recipient', 'subject', 'attempts', 'last_error', 'updated_at'])
      .where('municipality_id', '=', municipalityId)
      .where('status', '=', 'failed')
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .limit(20)
      .execute();
    return { counts, failures };
  },

  /** Sent and given-up messages older than `before`, removed (the nightly job): the outbox is not an archive. */
  async removeFinishedBefore(db: Executor, before: string) {
    const result = await db
      .deleteFrom('mail_messages')
      .where('status', 'in', ['sent', 'failed', 'cancelled'])
      .where('updated_at', '<', before)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};
