import type { AuditEventListQuery, AuditVerificationResult } from '@forvalta/contracts';
import { municipalityOf } from '../../access/authorise.ts';
import { useCase } from '../../access/use-case.ts';
import { verifyAuditChains } from '../../platform/audit-verify.ts';
import type { Clock } from '../../platform/clock.ts';
import type { DatabaseHandle } from '../../platform/database.ts';
import { notFound } from '../../platform/errors.ts';
import { namesReferencedBy } from './audit-event-names.repository.ts';
import { auditEventsRepository } from './audit-events.repository.ts';

/** The audit log (händelselogg) of the current municipality, for administrators and auditors. */
export function createAuditEventsService(db: DatabaseHandle, clock: Clock) {
  return {
    /** Recomputes the caller's municipality's chain with the audit key; only that chain is named. */
    verifyAuditLog: useCase('auditEvent.read', async ({ actor, authorise }): Promise<AuditVerificationResult> => {
      authorise();
      const municipalityId = municipalityOf(actor);
      const checkedAt = clock.now().toISOString();
      const result = await verifyAuditChains(db, { chainIds: [municipalityId] });
      return {
        intact: result.problems.length === 0,
        checkedAt,
        events: result.events,
        problems: result.problems.map(({ sequence, eventId, problem }) => ({ sequence, eventId, problem })),
      };
    }),

    listAuditEvents: useCase('auditEvent.read', async ({ actor, authorise }, query: AuditEventListQuery) => {
      authorise();
      const municipalityId = municipalityOf(actor);
      const page = await auditEventsRepository.list(db, municipalityId, query);
      return { ...page, names: await namesReferencedBy(db, municipalityId, page.items) };
    }),

    getAuditEvent: useCase('auditEvent.read', async ({ actor, authorise }, id: string) => {
      authorise();
      const event = await auditEventsRepository.findById(db, municipalityOf(actor), id);
      if (!event) throw notFound('Audit event');
      return event;
    }),
  };
}

export type AuditEventsService = ReturnType<typeof createAuditEventsService>;
