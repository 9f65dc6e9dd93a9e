import {
  auditEventListSchema,
  classificationListSchema,
  idParamsSchema,
  listQuerySchema,
  systemConfirmSchema,
  systemCreateSchema,
  systemExportQuerySchema,
  systemGraphSchema,
  systemListQuerySchema,
  systemListSchema,
  systemSchema,
  systemUpdateSchema,
} from '@forvalta/contracts';
import type { SystemGraph } from '@forvalta/contracts';
import type { UseCase } from '../../access/use-case.ts';
import { fileResponse, problemResponses, writeProblemResponses, type ApiApp } from '../../platform/http/api-app.ts';
import { actorOf } from '../../platform/http/authentication.ts';
import { registerResourceRoutes } from '../../platform/http/resource-routes.ts';
import { expectedVersion, setVersionTag } from '../../platform/http/versioning.ts';
import { registerSystemAssignmentRoutes } from './system-assignments.routes.ts';
import type { SystemAssignmentsService } from './system-assignments.service.ts';
import { registerSystemDutyRoutes } from './system-duties.routes.ts';
import type { SystemDutiesService } from './system-duties.service.ts';
import type { SystemsExport } from './systems-export.service.ts';
import type { SystemsService } from './systems.service.ts';
import { sendDownload } from '../../platform/http/file-download.ts';

const tags = ['System register'];

/** The graph of a system's integrations, served on the system's page; the integrations module provides it. */
export interface SystemGraphSource {
  /** A use case (access/use-case.ts): the graph route declares its permission. */
  systemGraph: UseCase<[systemId: string], SystemGraph>;
}

/** The register as a Backstage catalog (modules/backstage), served by the export route as its format `backstage`. */
export interface SystemCatalogSource {
  exportCatalog: UseCase<[], { body: string; contentType: string; fileName: string }>;
}

export interface SystemRouteServices {
  catalog: SystemCatalogSource;
  systems: SystemsService;
  assignments: SystemAssignmentsService;
  duties: SystemDutiesService;
  integrations: SystemGraphSource;
  exporter: SystemsExport;
}

export function registerSystemRoutes(app: ApiApp, services: SystemRouteServices): void {
  const { systems, assignments, duties, integrations, exporter, catalog } = services;

  // Registered before /systems/:id so that "export" is never read as an id.
  app.get(
    '/api/v1/systems/export',
    {
      schema: {
        tags,
        summary:
          'Export the register view as CSV or XLSX (same filters as the list), or the whole register as Backstage catalog entities (YAML)',
        querystring: systemExportQuerySchema,
        response: { ...fileResponse, ...problemResponses },
      },
      config: { permission: exporter.exportSystems.permission },
    },
    async (request, reply) => {
      if (request.query.format === 'backstage') return sendDownload(reply, await catalog.exportCatalog(actorOf(request)));
      const file = await exporter.exportSystems(actorOf(request), request.query);
      return sendDownload(reply, { contentType: file.contentType, fileName: file.filename, body: file.body });
    },
  );

  registerResourceRoutes(app, {
    path: '/api/v1/systems',
    tag: tags[0]!,
    noun: 'system',
    schemas: {
      listQuery: systemListQuerySchema,
      list: systemListSchema,
      item: systemSchema,
      create: systemCreateSchema,
      update: systemUpdateSchema,
    },
    list: systems.listSystems,
    get: systems.getSystem,
    create: systems.createSystem,
    update: systems.updateSystem,
    remove: systems.deleteSystem,
  });

  app.post(
    '/api/v1/systems/:id/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm the record is current (manager or deputy; If-Match required)',
        params: idParamsSchema,
        body: systemConfirmSchema.optional(),
        response: { 200: systemSchema, ...writeProblemResponses },
      },
      config: { permission: systems.confirmSystem.permission },
    },
    async (request, reply) => {
      const system = await systems.confirmSystem(actorOf(request), request.params.id, expectedVersion(request), request.body?.note);
      setVersionTag(reply, system.version);
      return system;
    },
  );

  app.get(
    '/api/v1/systems/:id/classifications',
    {
      schema: {
        tags,
        summary: 'Information classification history',
        params: idParamsSchema,
        response: { 200: classificationListSchema, ...problemResponses },
      },
      config: { permission: systems.listClassifications.permission },
    },
    (request) => systems.listClassifications(actorOf(request), request.params.id),
  );

  app.get(
    '/api/v1/systems/:id/history',
    {
      schema: {
        tags,
        summary: 'The audit history of the system, its people, duties and integrations',
        params: idParamsSchema,
        querystring: listQuerySchema,
        response: { 200: auditEventListSchema, ...problemResponses },
      },
      config: { permission: systems.systemHistory.permission },
    },
    (request) => systems.systemHistory(actorOf(request), request.params.id, request.query),
  );

  app.get(
    '/api/v1/systems/:id/graph',
    {
      schema: {
        tags,
        summary: 'The system and its adjacent systems',
        params: idParamsSchema,
        response: { 200: systemGraphSchema, ...problemResponses },
      },
      config: { permission: integrations.systemGraph.permission },
    },
    (request) => integrations.systemGraph(actorOf(request), request.params.id),
  );

  // The sub-areas' routes, after the system's own (the API document keeps this order).
  registerSystemAssignmentRoutes(app, assignments);
  registerSystemDutyRoutes(app, duties);
}
