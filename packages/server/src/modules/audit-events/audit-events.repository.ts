import type { AuditEvent, AuditEventListQuery } from '@forvalta/contracts';
import type { Selectable } from 'kysely';
import type { AuditEventsTable } from '../../platform/database-schema.ts';
import type { Executor } from '../../platform/database.ts';
import { pageOf, resolveSort } from '../../platform/paging.ts';

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

/** Reads of the audit log. There is no write here: events are only ever appended by platform/audit.ts. */
export const auditEventsRepository = {
  async list(db: Executor, municipalityId: string, query: AuditEventListQuery) {
    const filtered = () => {
      let builder = db.selectFrom('audit_events').where('audit_events.municipality_id', '=', municipalityId);
      if (query.entityType) builder = builder.where('audit_events.entity_type', '=', query.entityType);
      if (query.entityId) builder = builder.where('audit_events.entity_id', '=', query.entityId);
      if (query.actorLoginId) builder = builder.where('audit_events.actor_login_id', '=', query.actorLoginId);
      if (query.from) builder = builder.where('audit_events.occurred_at', '>=', new Date(query.from).toISOString());
      if (query.to) builder = builder.where('audit_events.occurred_at', '<', new Date(query.to).toISOString());
      return builder;
    };
    // A municipality's events form one chain, so its sequence is the order they happened in,
    // strictly, even within the same millisecond; (chain_id, sequence) is indexed.
    const sort = resolveSort(query.sort ?? '-occurredAt', { occurredAt: 'audit_events.sequence' }, 'occurredAt', 'audit_events.id');
    return pageOf(filtered().selectAll('audit_events'), filtered(), sort, query, toAuditEvent);
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
