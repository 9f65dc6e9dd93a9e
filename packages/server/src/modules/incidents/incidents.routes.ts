import {
  idParamsSchema,
  incidentCreateSchema,
  incidentListQuerySchema,
  incidentListSchema,
  incidentReportCreateSchema,
  incidentSchema,
  incidentUpdateSchema,
} from '@forvalta/contracts';
import { writeProblemResponses, type ApiApp } from '../../platform/http/api-app.ts';
import { actorOf } from '../../platform/http/authentication.ts';
import { registerResourceRoutes } from '../../platform/http/resource-routes.ts';
import { expectedVersion, setVersionTag } from '../../platform/http/versioning.ts';
import type { IncidentsService } from './incidents.service.ts';

/** /api/v1/incidents (issue #19): the log, and each report recorded as sent. */
export function registerIncidentRoutes(app: ApiApp, service: IncidentsService): void {
  registerResourceRoutes(app, {
    path: '/api/v1/incidents',
    tag: 'Incidents',
    noun: 'incident',
    schemas: {
      listQuery: incidentListQuerySchema,
      list: incidentListSchema,
      item: incidentSchema,
      create: incidentCreateSchema,
      update: incidentUpdateSchema,
    },
    list: service.listIncidents,
    get: service.getIncident,
    create: service.createIncident,
    update: service.updateIncident,
  });

  app.post(
    '/api/v1/incidents/:id/reports',
    {
      schema: {
        tags: ['Incidents'],
        summary: 'Record a report (early warning, notification, final report) as sent, with its content (If-Match required)',
        params: idParamsSchema,
        body: incidentReportCreateSchema,
        response: { 201: incidentSchema, ...writeProblemResponses },
      },
      config: { permission: service.recordReport.permission },
    },
    async (request, reply) => {
      const incident = await service.recordReport(actorOf(request), request.params.id, expectedVersion(request), request.body);
      setVersionTag(reply, incident.version);
      return reply.status(201).send(incident);
    },
  );
}
