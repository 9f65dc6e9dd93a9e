import { isPostgres, type TransactionHandle } from '../../platform/database.ts';
import { responsibilityChangedEvent } from '../systems/index.ts';

/** An outbox event as the notice writer reads it. */
export interface OutboxEvent {
  id: string;
  municipality_id: string;
  payload_json: string;
  occurred_at: string;
}

/** The queries of the change-notice outbox (change-notice-outbox.ts): claiming events, naming what they speak of. */
export const changeNoticeOutboxRepository = {
  /**
   * The oldest unprocessed responsibility changes, claimed for this transaction: on PostgreSQL
   * locked with SKIP LOCKED, so two instances never take one event; SQLite has a single writer.
   */
  async claimPending(transaction: TransactionHandle, options: { municipalityId?: string; batchSize: number }): Promise<OutboxEvent[]> {
    let query = transaction
      .selectFrom('domain_events')
      .select(['id', 'municipality_id', 'payload_json', 'occurred_at'])
      .where('processed_at', 'is', null)
      .where('type', '=', responsibilityChangedEvent)
      .orderBy('occurred_at')
      .orderBy('id')
      .limit(options.batchSize);
    if (options.municipalityId) query = query.where('municipality_id', '=', options.municipalityId);
    if (isPostgres(transaction)) query = query.forUpdate().skipLocked();
    return query.execute();
  },

  async markProcessed(transaction: TransactionHandle, eventId: string, now: string) {
    await transaction
      .updateTable('domain_events')
      .set({ processed_at: now })
      .where('id', '=', eventId)
      .where('processed_at', 'is', null)
      .execute();
  },

  /** The system an event speaks of, if it still exists. */
  findSystem(transaction: TransactionHandle, municipalityId: string, systemId: string) {
    return transaction
      .selectFrom('systems')
      .select(['id', 'name'])
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', systemId)
      .executeTakeFirst();
  },

  /** Who or what takes the role: a person's full name, or a department's name; null when gone or not named. */
  async subjectName(
    transaction: TransactionHandle,
    municipalityId: string,
    subject: { personId?: string; departmentId?: string },
  ): Promise<string | null> {
    if (subject.personId) {
      const person = await transaction
        .selectFrom('people')
        .select(['first_name', 'last_name'])
        .where('municipality_id', '=', municipalityId)
        .where('id', '=', subject.personId)
        .executeTakeFirst();
      return person ? `${person.first_name} ${person.last_name}` : null;
    }
    if (subject.departmentId) {
      const department = await transaction
        .selectFrom('departments')
        .select('name')
        .where('municipality_id', '=', municipalityId)
        .where('id', '=', subject.departmentId)
        .executeTakeFirst();
      return department?.name ?? null;
    }
    return null;
  },
};
