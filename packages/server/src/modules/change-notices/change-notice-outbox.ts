import { randomUUID } from 'node:crypto';
import { systemActor } from '../../access/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { withTransaction, type DatabaseHandle, type TransactionHandle } from '../../platform/database.ts';
import { parseJson } from '../../platform/json.ts';
import { swedishToday } from '../../platform/calendar.ts';
import { changeNoticeOutboxRepository, type OutboxEvent } from './change-notice-outbox.repository.ts';
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

async function noticeFromEvent(transaction: TransactionHandle, clock: Clock, event: OutboxEvent) {
  const change = parseJson<ResponsibilityChange>(event.payload_json, { systemId: '', change: '' });
  const system = await changeNoticeOutboxRepository.findSystem(transaction, event.municipality_id, change.systemId);
  // A system deleted since (a planned one entered by mistake) has nobody left to tell.
  if (!system) return;
  const subjectName = await changeNoticeOutboxRepository.subjectName(transaction, event.municipality_id, {
    personId: change.personId,
    departmentId: change.toDepartmentId,
  });
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
async function processEvent(transaction: TransactionHandle, clock: Clock, event: OutboxEvent) {
  await noticeFromEvent(transaction, clock, event);
  await changeNoticeOutboxRepository.markProcessed(transaction, event.id, clock.now().toISOString());
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
      const events = await changeNoticeOutboxRepository.claimPending(transaction, {
        municipalityId: options.municipalityId,
        batchSize: options.batchSize ?? 100,
      });
      for (const event of events) await processEvent(transaction, clock, event);
      return events.length;
    });
    processed += count;
    if (count < (options.batchSize ?? 100)) return processed;
  }
}
