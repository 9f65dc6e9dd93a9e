import type { AuditEvent, AuditEventExport, AuditEventListQuery } from '@forvalta/contracts';
import type { Selectable } from 'kysely';
import type { AuditEventsTable } from '../../platform/database-schema.ts';
import type { Executor } from '../../platform/database.ts';
import { applyKeysetPage, finishPage, pageOf, resolveSort } from '../../platform/paging.ts';

function parseJson(text: string | null): unknown {
  return text === null ? null : JSON.parse(text);
}

function toAuditEvent(row: Selectable<AuditEventsTable>): AuditEvent {
  return {
    id: row.id,
    sequence: row.sequence,
    occurredAt: row.occurred_at,
    actorLoginId: row.actor_login_id,
    actorName: row.actor_name,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: parseJson(row.before_json),
    after: parseJson(row.after_json),
  };
}

/** The log of one municipality narrowed by record, person, action and period [from, to). */
function filteredEvents(db: Executor, municipalityId: string, filters: Omit<AuditEventExport, 'format'>) {
  let builder = db.selectFrom('audit_events').where('audit_events.municipality_id', '=', municipalityId);
  if (filters.entityType) builder = builder.where('audit_events.entity_type', '=', filters.entityType);
  if (filters.entityId) builder = builder.where('audit_events.entity_id', '=', filters.entityId);
  if (filters.actorLoginId) builder = builder.where('audit_events.actor_login_id', '=', filters.actorLoginId);
  if (filters.action) builder = builder.where('audit_events.action', '=', filters.action);
  if (filters.from) builder = builder.where('audit_events.occurred_at', '>=', new Date(filters.from).toISOString());
  if (filters.to) builder = builder.where('audit_events.occurred_at', '<', new Date(filters.to).toISOString());
  return builder;
}

/** Reads of the audit log, and the nightly verification's result. Events are only ever appended, by platform/audit.ts. */
export const auditEventsRepository = {
  async list(db: Executor, municipalityId: string, query: AuditEventListQuery) {
    // A municipality's events form one chain, so its sequence is the order they happened in,
    // strictly, even within the same millisecond; (chain_id, sequence) is indexed.
    const sort = resolveSort(query.sort ?? '-occurredAt', { occurredAt: 'audit_events.sequence' }, 'occurredAt', 'audit_events.id');
    const filtered = () => filteredEvents(db, municipalityId, query);
    return pageOf(filtered().selectAll('audit_events'), filtered(), sort, query, toAuditEvent);
  },

  /**
   * The filtered log oldest first, a batch at a time (keyset paging, no count): an export of
   * 100,000 events holds one batch in memory, never the whole log.
   */
  async *eachBatch(db: Executor, municipalityId: string, filters: Omit<AuditEventExport, 'format'>, batchSize = 1000) {
    const sort = resolveSort('occurredAt', { occurredAt: 'audit_events.sequence' }, 'occurredAt', 'audit_events.id');
    let cursor: string | undefined;
    do {
      const rows = await applyKeysetPage(
        filteredEvents(db, municipalityId, filters).selectAll('audit_events'),
        sort,
        cursor,
        batchSize,
      ).execute();
      const page = finishPage(rows, batchSize);
      yield page.rows.map(toAuditEvent);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  },

  async municipalityName(db: Executor, municipalityId: string) {
    const row = await db.selectFrom('municipalities').select(['name', 'code']).where('id', '=', municipalityId).executeTakeFirst();
    return row ? `${row.name} (${row.code})` : municipalityId;
  },

  /** The nightly verification's latest result for the municipality, if it has run. */
  latestVerification(db: Executor, municipalityId: string) {
    return db.selectFrom('audit_verification_results').selectAll().where('municipality_id', '=', municipalityId).executeTakeFirst();
  },

  /** Replaces the municipality's latest verification result (the scheduled job's write). */
  async saveVerification(
    db: Executor,
    result: { municipalityId: string; checkedAt: string; intact: boolean; events: number; problems: number; keyId: string },
  ) {
    const values = {
      checked_at: result.checkedAt,
      intact: result.intact ? 1 : 0,
      events: result.events,
      problems: result.problems,
      key_id: result.keyId,
    };
    await db
      .insertInto('audit_verification_results')
      .values({ municipality_id: result.municipalityId, ...values, version: 1 })
      .onConflict((conflict) =>
        conflict
          .column('municipality_id')
          .doUpdateSet((eb) => ({ ...values, version: eb(eb.ref('audit_verification_results.version'), '+', 1) })),
      )
      .execute();
  },

  /** The history of a record and its parts: events on any of these ids, or ids starting with `prefix:`. */
  async listForEntities(
    db: Executor,
    municipalityId: string,
    entityIds: string[],
    prefix: string,
    query: { limit: number; cursor?: string },
  ) {
    const filtered = () =>
      db
        .selectFrom('audit_events')
        .where('audit_events.municipality_id', '=', municipalityId)
        .where((eb) => eb.or([eb('audit_events.entity_id', 'in', entityIds), eb('audit_events.entity_id', 'like', `${prefix}:%`)]));
    const sort = resolveSort('-occurredAt', { occurredAt: 'audit_events.sequence' }, 'occurredAt', 'audit_events.id');
    return pageOf(filtered().selectAll('audit_events'), filtered(), sort, query, toAuditEvent);
  },

  async findById(db: Executor, municipalityId: string, id: string) {
    const row = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toAuditEvent(row) : undefined;
  },
};
