import {
  auditEventExportSchema,
  auditEventListQuerySchema,
  auditLatestVerificationSchema,
  auditEventListSchema,
  auditEventSchema,
  auditVerificationSchema,
  idParamsSchema,
} from '@forvalta/contracts';
import { fileResponse, problemResponses, type ApiApp } from '../../platform/http/api-app.ts';
import { actorOf } from '../../platform/http/authentication.ts';
import type { AuditEventsService } from './audit-events.service.ts';
import { sendDownload } from '../../platform/http/file-download.ts';

/**
 * The audit log has no route that changes it; it is appended to by every other service. The
 * export is a POST because it is itself recorded (audit_exported): reads never write.
 */
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
    '/api/v1/audit-events/verification/latest',
    {
      schema: {
        tags,
        summary: 'What the nightly verification of the audit chain found last (no recomputation)',
        response: { 200: auditLatestVerificationSchema, ...problemResponses },
      },
      config: { permission: service.latestVerification.permission },
    },
    (request) => service.latestVerification(actorOf(request)),
  );

  app.post(
    '/api/v1/audit-events/export',
    {
      schema: {
        tags,
        summary: 'Export the filtered audit log as CSV or XLSX, with the chain verified now (recorded as audit_exported)',
        body: auditEventExportSchema,
        response: { ...fileResponse, ...problemResponses },
      },
      config: { permission: service.exportAuditEvents.permission },
    },
    async (request, reply) => {
      const file = await service.exportAuditEvents(actorOf(request), request.body);
      return sendDownload(reply, { contentType: file.contentType, fileName: file.filename, body: file.body });
    },
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
