import {
  auditEventListQuerySchema,
  auditEventListSchema,
  auditEventSchema,
  auditVerificationSchema,
  idParamsSchema,
} from '@forvalta/contracts';
import { problemResponses, type ApiApp } from '../../platform/http/api-app.ts';
import { actorOf } from '../../platform/http/authentication.ts';
import type { AuditEventsService } from './audit-events.service.ts';

/** Read-only: the audit log has no write route; it is appended to by every other service. */
export function registerAuditEventRoutes(app: ApiApp, service: AuditEventsService): void {
  const tags = ['Audit log'];
  app.get(
    '/api/v1/audit-events',
    {
      schema: {
        tags,
        summary: 'List audit events, newest first',
        querystring: auditEventListQuerySchema,
        response: { 200: auditEventListSchema, ...problemResponses },
      },
      config: { permission: service.listAuditEvents.permission },
    },
    (request) => service.listAuditEvents(actorOf(request), request.query),
  );
  app.get(
    '/api/v1/audit-events/verification',
    {
      schema: {
        tags,
        summary: "Verify the municipality's audit chain with the installation's audit key",
        response: { 200: auditVerificationSchema, ...problemResponses },
      },
      config: { permission: service.verifyAuditLog.permission },
    },
    (request) => service.verifyAuditLog(actorOf(request)),
  );
  app.get(
    '/api/v1/audit-events/:id',
    {
      schema: { tags, summary: 'Get an audit event', params: idParamsSchema, response: { 200: auditEventSchema, ...problemResponses } },
      config: { permission: service.getAuditEvent.permission },
    },
    (request) => service.getAuditEvent(actorOf(request), request.params.id),
  );
}
