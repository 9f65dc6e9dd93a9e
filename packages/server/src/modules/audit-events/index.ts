/** The audit-events module's public entry: reading the audit log and naming what its events refer to (.dependency-cruiser.cjs). */
import { auditEventsRepository } from './audit-events.repository.ts';

export { createAuditEventsService, type AuditEventsService } from './audit-events.service.ts';
export { registerAuditEventRoutes } from './audit-events.routes.ts';
export { namesReferencedBy } from './audit-event-names.repository.ts';

/** Reads other modules make of the audit log, in the caller's executor. */
export const auditEventReads = {
  listForEntities: auditEventsRepository.listForEntities.bind(auditEventsRepository),
};
