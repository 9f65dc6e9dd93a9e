import { randomUUID } from 'node:crypto';
import { systemActor } from '../../access/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { isPostgres, withTransaction, type DatabaseHandle, type TransactionHandle } from '../../platform/database.ts';
import { parseJson } from '../../platform/json.ts';
import { swedishToday } from '../../platform/calendar.ts';
import { responsibilityChangedEvent } from '../systems/index.ts';
import { changeNoticesRepository } from './change-notices.repository.ts';

/** What modules/systems writes to the outbox when an owner, manager or deputy changes. */
interface ResponsibilityChange {
  systemId: string;
  change: 'owner' | 'manager' | 'deputy' | 'manager_ended' | 'deputy_ended' | string;
  personId?: string;
  toDepartmentId?: string;
  startDate?: string;
  endDate?: string | null;
  by?: string;
}

/** The notice's text is stored in Swedish, the municipality's working language (like the register's data). */
function describe(change: ResponsibilityChange, systemName: string, subjectName: string | null) {
  const who = subjectName ?? 'okänd';
  const titles: Record<string, string> = {
    owner: `Ny systemägare för ${systemName}: ${who}`,
    manager: `Ny systemansvarig för ${systemName}: ${who}`,
    deputy: `Ny ersättare för ${systemName}: ${who}`,
    manager_ended: `Uppdrag som systemansvarig för ${systemName} avslutas: ${who}`,
    deputy_ended: `Uppdrag som ersättare för ${systemName} avslutas: ${who}`,
  };
  const date = change.startDate ?? change.endDate ?? null;
  return {
    title: titles[change.change] ?? `Ändrat ansvar för ${systemName}`,
    description: [`Registrerat av ${change.by ?? 'okänd'}.`, date ? `Gäller från ${date}.` : null].filter(Boolean).join(' '),
    plannedOn: date,
  };
}

async function noticeFromEvent(
  transaction: TransactionHandle,
  clock: Clock,
  event: { id: string; municipality_id: string; payload_json: string; occurred_at: string },
) {
  const change = parseJson<ResponsibilityChange>(event.payload_json, { systemId: '', change: '' });
  const system = await transaction
    .selectFrom('systems')
    .select(['id', 'name'])
    .where('municipality_id', '=', event.municipality_id)
    .where('id', '=', change.systemId)
    .executeTakeFirst();
  // A system deleted since (a planned one entered by mistake) has nobody left to tell.
  if (!system) return;
  let subjectName: string | null = null;
  if (change.personId) {
    const person = await transaction
      .selectFrom('people')
      .select(['first_name', 'last_name'])
      .where('municipality_id', '=', event.municipality_id)
      .where('id', '=', change.personId)
      .executeTakeFirst();
    subjectName = person ? `${person.first_name} ${person.last_name}` : null;
  } else if (change.toDepartmentId) {
    const department = await transaction
      .selectFrom('departments')
      .select('name')
      .where('municipality_id', '=', event.municipality_id)
      .where('id', '=', change.toDepartmentId)
      .executeTakeFirst();
    subjectName = department?.name ?? null;
  }
  // The adjacent systems' managers lose or gain a counterpart for their integrations.
  const recipientPersonIds = await changeNoticesRepository.adjacentManagerIds(
    transaction,
    event.municipality_id,
    [system.id],
    swedishToday(clock.now()),
  );
  const text = describe(change, system.name, subjectName);
  const id = randomUUID();
  await changeNoticesRepository.insert(transaction, {
    id,
    municipalityId: event.municipality_id,
    kind: 'responsibility',
    ...text,
    source: 'automatic',
    sourceEventId: event.id,
    recipientPersonIds,
    createdByName: change.by ?? 'system',
    systemIds: [system.id],
    // The notice dates from the change, not from when the queue happened to be read.
    now: event.occurred_at,
  });
  await recordAudit(transaction, systemActor('change-notice outbox', event.municipality_id), clock, {
    action: 'create',
    entityType: 'change_notice',
    entityId: id,
    after: { ...text, source: 'automatic', sourceEventId: event.id, systemIds: [system.id], recipientPersonIds },
  });
}

/** The notice of one event, and the event marked processed: one step, in the caller's transaction. */
async function processEvent(
  transaction: TransactionHandle,
  clock: Clock,
  event: { id: string; municipality_id: string; payload_json: string; occurred_at: string },
) {
  await noticeFromEvent(transaction, clock, event);
  await transaction
    .updateTable('domain_events')
    .set({ processed_at: clock.now().toISOString() })
    .where('id', '=', event.id)
    .where('processed_at', 'is', null)
    .execute();
}

/**
 * The change-notice writer the composition gives the register (services.ts): a responsibility
 * change's notice is written in the transaction of the change itself, so it is in the IT unit's
 * queue at once and no read of the queue has to run the outbox (ADR 0004).
 */
export function responsibilityNoticeWriter(clock: Clock) {
  return (transaction: TransactionHandle, change: { id: string; municipalityId: string; payload: unknown; occurredAt: string }) =>
    processEvent(transaction, clock, {
      id: change.id,
      municipality_id: change.municipalityId,
      payload_json: JSON.stringify(change.payload),
      occurred_at: change.occurredAt,
    });
}

/**
 * Turns unprocessed `system.responsibility_changed` outbox events into change notices
 * (ITP-4.2.2-CHANGE-NOTICE), each in the same transaction that marks its event processed. On
 * PostgreSQL the claimed rows are locked with SKIP LOCKED, so two instances (or two requests)
 * never process one event twice; SQLite has a single writer. The unique source_event_id is the
 * last guard. Returns how many events were processed. Only the scheduled job (and `forvalta jobs
 * run-due`) calls it, never a read: since the register writes each notice with its change, it
 * finds only events left from before that, or from a register built without the writer.
 */
export async function processChangeNoticeOutbox(
  db: DatabaseHandle,
  clock: Clock,
  options: { municipalityId?: string; batchSize?: number } = {},
): Promise<number> {
  let processed = 0;
  for (;;) {
    const count = await withTransaction(db, async (transaction) => {
      let query = transaction
        .selectFrom('domain_events')
        .select(['id', 'municipality_id', 'payload_json', 'occurred_at'])
        .where('processed_at', 'is', null)
        .where('type', '=', responsibilityChangedEvent)
        .orderBy('occurred_at')
        .orderBy('id')
        .limit(options.batchSize ?? 100);
      if (options.municipalityId) query = query.where('municipality_id', '=', options.municipalityId);
      if (isPostgres(transaction)) query = query.forUpdate().skipLocked();
      const events = await query.execute();
      for (const event of events) await processEvent(transaction, clock, event);
      return events.length;
    });
    processed += count;
    if (count < (options.batchSize ?? 100)) return processed;
  }
}
