import type { AuditEventListQuery } from '@forvalta/contracts';
import type { AnyActor } from '../../access/actor.ts';
import { municipalityOf, requirePermission } from '../../access/authorise.ts';
import type { DatabaseHandle } from '../../platform/database.ts';
import { notFound } from '../../platform/errors.ts';
import { auditEventsRepository } from './audit-events.repository.ts';

/** The audit log (händelselogg) of the current municipality, for administrators and auditors. */
export function createAuditEventsService(db: DatabaseHandle) {
  return {
    async listAuditEvents(actor: AnyActor, query: AuditEventListQuery) {
      requirePermission(actor, 'auditEvent.read');
      return auditEventsRepository.list(db, municipalityOf(actor), query);
    },

    /**
     * A record's own history, readable by whoever may read the record (the caller checked that);
     * the full log stays with administrators and auditors.
     */
    async listHistory(actor: AnyActor, entityIds: string[], prefix: string, query: { limit: number; cursor?: string }) {
      return auditEventsRepository.listForEntities(db, municipalityOf(actor), entityIds, prefix, query);
    },

    async getAuditEvent(actor: AnyActor, id: string) {
      requirePermission(actor, 'auditEvent.read');
      const event = await auditEventsRepository.findById(db, municipalityOf(actor), id);
      if (!event) throw notFound('Audit event');
      return event;
    },
  };
}

export type AuditEventsService = ReturnType<typeof createAuditEventsService>;
