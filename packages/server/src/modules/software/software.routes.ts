import {
  consumptionCreateSchema,
  consumptionImportResultSchema,
  consumptionImportSchema,
  consumptionListQuerySchema,
  consumptionListSchema,
  consumptionRecordSchema,
  idParamsSchema,
  licenceCreateSchema,
  licenceListQuerySchema,
  licenceListSchema,
  licencePositionQuerySchema,
  licencePositionSchema,
  licenceSchema,
  licenceUpdateSchema,
  softwareCreateSchema,
  softwareDecisionCreateSchema,
  softwareDecisionDecideSchema,
  softwareDecisionListQuerySchema,
  softwareDecisionListSchema,
  softwareDecisionSchema,
  softwareDecisionUpdateSchema,
  softwareListQuerySchema,
  softwareListSchema,
  softwareSchema,
  softwareUpdateSchema,
} from '@forvalta/contracts';
import { noContentResponse, problemResponses, writeProblemResponses, type ApiApp } from '../../platform/http/api-app.ts';
import { actorOf } from '../../platform/http/authentication.ts';
import { registerResourceRoutes } from '../../platform/http/resource-routes.ts';
import { expectedVersion, setVersionTag } from '../../platform/http/versioning.ts';
import { registerConsumptionImportRoutes } from './consumption-import.routes.ts';
import type { ConsumptionImportService } from './consumption-import.service.ts';
import type { LicencesService } from './licences.service.ts';
import type { SoftwareDecisionsService } from './software-decisions.service.ts';
import type { SoftwareService } from './software.service.ts';

export interface SoftwareServices {
  software: SoftwareService;
  decisions: SoftwareDecisionsService;
  licences: LicencesService;
  consumptionImport: ConsumptionImportService;
}

const tags = ['Software and licences'];

/** /api/v1/software, /software-decisions, /licences, /licence-position, /licence-consumption (issue #15). */
export function registerSoftwareRoutes(app: ApiApp, services: SoftwareServices): void {
  const { software, decisions, licences } = services;
  registerConsumptionImportRoutes(app, services.consumptionImport);
  registerResourceRoutes(app, {
    path: '/api/v1/software',
    tag: tags[0]!,
    noun: 'software product',
    schemas: {
      listQuery: softwareListQuerySchema,
      list: softwareListSchema,
      item: softwareSchema,
      create: softwareCreateSchema,
      update: softwareUpdateSchema,
    },
    list: software.listSoftware,
    get: software.getSoftware,
    create: software.createSoftware,
    update: software.updateSoftware,
    remove: software.deleteSoftware,
  });
  registerResourceRoutes(app, {
    path: '/api/v1/software-decisions',
    tag: tags[0]!,
    noun: 'software decision',
    schemas: {
      listQuery: softwareDecisionListQuerySchema,
      list: softwareDecisionListSchema,
      item: softwareDecisionSchema,
      create: softwareDecisionCreateSchema,
      update: softwareDecisionUpdateSchema,
    },
    list: decisions.listDecisions,
    get: decisions.getDecision,
    create: decisions.proposeDecision,
    update: decisions.updateProposal,
  });
  app.post(
    '/api/v1/software-decisions/:id/decide',
    {
      schema: {
        tags,
        summary: "The IT chief's decision on a proposal: allowed or refused (If-Match required; never the proposer's)",
        params: idParamsSchema,
        body: softwareDecisionDecideSchema,
        response: { 200: softwareDecisionSchema, ...writeProblemResponses },
      },
      config: { permission: decisions.decide.permission },
    },
    async (request, reply) => {
      const decision = await decisions.decide(actorOf(request), request.params.id, expectedVersion(request), request.body);
      setVersionTag(reply, decision.version);
      return decision;
    },
  );
  registerResourceRoutes(app, {
    path: '/api/v1/licences',
    tag: tags[0]!,
    noun: 'licence',
    schemas: {
      listQuery: licenceListQuerySchema,
      list: licenceListSchema,
      item: licenceSchema,
      create: licenceCreateSchema,
      update: licenceUpdateSchema,
    },
    list: licences.listLicences,
    get: licences.getLicence,
    create: licences.createLicence,
    update: licences.updateLicence,
    remove: licences.deleteLicence,
  });
  app.get(
    '/api/v1/licence-position',
    {
      schema: {
        tags,
        summary: 'The licence position: per product and kind, what current licences entitle against what is consumed (ITP-7-LICENCE)',
        querystring: licencePositionQuerySchema,
        response: { 200: licencePositionSchema, ...problemResponses },
      },
      config: { permission: licences.position.permission },
    },
    (request) => licences.position(actorOf(request), request.query),
  );
  app.get(
    '/api/v1/licence-consumption',
    {
      schema: {
        tags,
        summary: 'Consumption counts (installations, assignments, cores), per asset, by hand or from an inventory',
        querystring: consumptionListQuerySchema,
        response: { 200: consumptionListSchema, ...problemResponses },
      },
      config: { permission: licences.listConsumption.permission },
    },
    (request) => licences.listConsumption(actorOf(request), request.query),
  );
  app.post(
    '/api/v1/licence-consumption',
    {
      schema: {
        tags,
        summary: 'Record a count: the installations on an asset, or a count taken by hand',
        body: consumptionCreateSchema,
        response: { 201: consumptionRecordSchema, ...writeProblemResponses },
      },
      config: { permission: licences.recordConsumption.permission },
    },
    async (request, reply) => reply.status(201).send(await licences.recordConsumption(actorOf(request), request.body)),
  );
  app.post(
    '/api/v1/licence-consumption/import',
    {
      schema: {
        tags,
        summary:
          "An inventory's counts, all or none, replacing its earlier ones (dryRun: check only; the same counts again change nothing)",
        body: consumptionImportSchema,
        response: { 200: consumptionImportResultSchema, ...writeProblemResponses },
      },
      config: { permission: licences.importConsumption.permission },
    },
    (request) => licences.importConsumption(actorOf(request), request.body),
  );
  app.delete(
    '/api/v1/licence-consumption/:id',
    {
      schema: {
        tags,
        summary: 'Delete a count (If-Match required)',
        params: idParamsSchema,
        response: { ...noContentResponse, ...writeProblemResponses },
      },
      config: { permission: licences.deleteConsumption.permission },
    },
    async (request, reply) => {
      await licences.deleteConsumption(actorOf(request), request.params.id, expectedVersion(request));
      return reply.status(204).send(null);
    },
  );
}
