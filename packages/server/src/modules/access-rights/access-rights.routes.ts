import {
  accessGateQuerySchema,
  accessGateSchema,
  accessLevelCreateSchema,
  accessLevelListQuerySchema,
  accessLevelListSchema,
  accessLevelSchema,
  accessLevelUpdateSchema,
  accessRightActivateSchema,
  accessRightEndSchema,
  accessRightExportQuerySchema,
  accessRightGrantedSchema,
  accessRightGrantSchema,
  accessRightListQuerySchema,
  accessRightListSchema,
  accessRightSchema,
  idParamsSchema,
  systemAccessLevelParamsSchema,
} from '@forvalta/contracts';
import { fileResponse, noContentResponse, problemResponses, writeProblemResponses, type ApiApp } from '../../platform/http/api-app.ts';
import { actorOf } from '../../platform/http/authentication.ts';
import { expectedVersion, setVersionTag } from '../../platform/http/versioning.ts';
import type { AccessLevelsService } from './access-levels.service.ts';
import type { AccessRightsService } from './access-rights.service.ts';
import { registerRecertificationRoutes } from './recertifications.routes.ts';
import type { RecertificationsService } from './recertifications.service.ts';
import { registerRoleTemplateRoutes } from './role-templates.routes.ts';
import type { RoleTemplatesService } from './role-templates.service.ts';
import { sendDownload } from '../../platform/http/file-download.ts';

const tags = ['Access rights'];

export interface AccessRightRouteServices {
  levels: AccessLevelsService;
  rights: AccessRightsService;
  recertifications: RecertificationsService;
  templates: RoleTemplatesService;
}

/** A system's access levels and the access rights (issue #14); recertifications and role templates register after. */
export function registerAccessRightRoutes(app: ApiApp, services: AccessRightRouteServices): void {
  const { levels, rights } = services;

  app.get(
    '/api/v1/systems/:id/access-levels',
    {
      schema: {
        tags,
        summary: "A system's access levels",
        params: idParamsSchema,
        querystring: accessLevelListQuerySchema,
        response: { 200: accessLevelListSchema, ...problemResponses },
      },
      config: { permission: levels.listAccessLevels.permission },
    },
    (request) => levels.listAccessLevels(actorOf(request), request.params.id, request.query),
  );
  app.post(
    '/api/v1/systems/:id/access-levels',
    {
      schema: {
        tags,
        summary: 'Add an access level to a system',
        params: idParamsSchema,
        body: accessLevelCreateSchema,
        response: { 201: accessLevelSchema, ...writeProblemResponses },
      },
      config: { permission: levels.createAccessLevel.permission },
    },
    async (request, reply) => {
      const level = await levels.createAccessLevel(actorOf(request), request.params.id, request.body);
      setVersionTag(reply, level.version);
      return reply.status(201).send(level);
    },
  );
  app.get(
    '/api/v1/systems/:id/access-levels/:levelId',
    {
      schema: {
        tags,
        summary: 'Get an access level',
        params: systemAccessLevelParamsSchema,
        response: { 200: accessLevelSchema, ...problemResponses },
      },
      config: { permission: levels.getAccessLevel.permission },
    },
    async (request, reply) => {
      const level = await levels.getAccessLevel(actorOf(request), request.params.id, request.params.levelId);
      setVersionTag(reply, level.version);
      return level;
    },
  );
  app.patch(
    '/api/v1/systems/:id/access-levels/:levelId',
    {
      schema: {
        tags,
        summary: 'Rename an access level or mark it privileged (If-Match required)',
        params: systemAccessLevelParamsSchema,
        body: accessLevelUpdateSchema,
        response: { 200: accessLevelSchema, ...writeProblemResponses },
      },
      config: { permission: levels.updateAccessLevel.permission },
    },
    async (request, reply) => {
      const level = await levels.updateAccessLevel(
        actorOf(request),
        request.params.id,
        request.params.levelId,
        expectedVersion(request),
        request.body,
      );
      setVersionTag(reply, level.version);
      return level;
    },
  );
  app.delete(
    '/api/v1/systems/:id/access-levels/:levelId',
    {
      schema: {
        tags,
        summary: 'Delete an access level no right or template names (If-Match required)',
        params: systemAccessLevelParamsSchema,
        response: { ...noContentResponse, ...writeProblemResponses },
      },
      config: { permission: levels.deleteAccessLevel.permission },
    },
    async (request, reply) => {
      await levels.deleteAccessLevel(actorOf(request), request.params.id, request.params.levelId, expectedVersion(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/systems/:id/access-gate',
    {
      schema: {
        tags,
        summary: 'The first-grant gate a grant in this system to the person would meet now (ITP-3-INFORM-NEW)',
        params: idParamsSchema,
        querystring: accessGateQuerySchema,
        response: { 200: accessGateSchema, ...problemResponses },
      },
      config: { permission: rights.previewGate.permission },
    },
    (request) => rights.previewGate(actorOf(request), request.params.id, request.query),
  );

  // Registered before /access-rights/:id so that "export" is never read as an id.
  app.get(
    '/api/v1/access-rights/export',
    {
      schema: {
        tags,
        summary: 'The access rights to provision, as CSV',
        querystring: accessRightExportQuerySchema,
        response: { ...fileResponse, ...problemResponses },
      },
      config: { permission: rights.exportAccessRights.permission },
    },
    async (request, reply) => {
      const file = await rights.exportAccessRights(actorOf(request), request.query);
      return sendDownload(reply, { contentType: file.contentType, fileName: file.filename, body: file.body });
    },
  );
  app.get(
    '/api/v1/access-rights',
    {
      schema: {
        tags,
        summary: 'List access rights (those the caller may see)',
        querystring: accessRightListQuerySchema,
        response: { 200: accessRightListSchema, ...problemResponses },
      },
      config: { permission: rights.listAccessRights.permission },
    },
    (request) => rights.listAccessRights(actorOf(request), request.query),
  );
  app.post(
    '/api/v1/access-rights',
    {
      schema: {
        tags,
        summary: "Grant an access right; a person's first waits for their acknowledgement of the IT policy and guidelines",
        body: accessRightGrantSchema,
        response: { 201: accessRightGrantedSchema, ...writeProblemResponses },
      },
      config: { permission: rights.grantAccessRight.permission },
    },
    async (request, reply) => {
      const granted = await rights.grantAccessRight(actorOf(request), request.body);
      setVersionTag(reply, granted.right.version);
      return reply.status(201).send(granted);
    },
  );
  app.get(
    '/api/v1/access-rights/:id',
    {
      schema: { tags, summary: 'Get an access right', params: idParamsSchema, response: { 200: accessRightSchema, ...problemResponses } },
      config: { permission: rights.getAccessRight.permission },
    },
    async (request, reply) => {
      const right = await rights.getAccessRight(actorOf(request), request.params.id);
      setVersionTag(reply, right.version);
      return right;
    },
  );
  app.post(
    '/api/v1/access-rights/:id/end',
    {
      schema: {
        tags,
        summary: 'End an access right; it is kept with its history (If-Match required)',
        params: idParamsSchema,
        body: accessRightEndSchema,
        response: { 200: accessRightSchema, ...writeProblemResponses },
      },
      config: { permission: rights.endAccessRight.permission },
    },
    async (request, reply) => {
      const right = await rights.endAccessRight(actorOf(request), request.params.id, expectedVersion(request), request.body);
      setVersionTag(reply, right.version);
      return right;
    },
  );
  app.post(
    '/api/v1/access-rights/:id/activate',
    {
      schema: {
        tags,
        summary: 'The system manager activates a pending right before the acknowledgement, with a written reason (If-Match required)',
        params: idParamsSchema,
        body: accessRightActivateSchema,
        response: { 200: accessRightSchema, ...writeProblemResponses },
      },
      config: { permission: rights.activateWithException.permission },
    },
    async (request, reply) => {
      const right = await rights.activateWithException(actorOf(request), request.params.id, expectedVersion(request), request.body);
      setVersionTag(reply, right.version);
      return right;
    },
  );
  registerRecertificationRoutes(app, services.recertifications);
  registerRoleTemplateRoutes(app, services.templates);
}
