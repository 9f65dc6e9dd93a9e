import {
  accessGateSchema,
  idParamsSchema,
  roleTemplateAppliedSchema,
  roleTemplateApplySchema,
  roleTemplateCreateSchema,
  roleTemplateListQuerySchema,
  roleTemplateListSchema,
  roleTemplateSchema,
  roleTemplateUpdateSchema,
} from '@forvalta/contracts';
import { problemResponses, writeProblemResponses, type ApiApp } from '../../platform/http/api-app.ts';
import { actorOf } from '../../platform/http/authentication.ts';
import { registerResourceRoutes } from '../../platform/http/resource-routes.ts';
import type { RoleTemplatesService } from './role-templates.service.ts';

/** GET|POST /api/v1/role-templates, GET|PATCH|DELETE /api/v1/role-templates/:id, POST …/:id/apply, GET /api/v1/people/:id/access-gate. */
export function registerRoleTemplateRoutes(app: ApiApp, templates: RoleTemplatesService): void {
  registerResourceRoutes(app, {
    path: '/api/v1/role-templates',
    tag: 'Access rights',
    noun: 'role template',
    schemas: {
      listQuery: roleTemplateListQuerySchema,
      list: roleTemplateListSchema,
      item: roleTemplateSchema,
      create: roleTemplateCreateSchema,
      update: roleTemplateUpdateSchema,
    },
    list: templates.listRoleTemplates,
    get: templates.getRoleTemplate,
    create: templates.createRoleTemplate,
    update: templates.updateRoleTemplate,
    remove: templates.deleteRoleTemplate,
  });
  app.get(
    '/api/v1/people/:id/access-gate',
    {
      schema: {
        tags: ['Access rights'],
        summary: "The first-grant gate a template's rights would meet for the person now (ITP-3-INFORM-NEW)",
        params: idParamsSchema,
        response: { 200: accessGateSchema, ...problemResponses },
      },
      config: { permission: templates.previewGate.permission },
    },
    (request) => templates.previewGate(actorOf(request), request.params.id),
  );
  app.post(
    '/api/v1/role-templates/:id/apply',
    {
      schema: {
        tags: ['Access rights'],
        summary: 'Request every right of the template for a person, behind the first-grant gate',
        params: idParamsSchema,
        body: roleTemplateApplySchema,
        response: { 201: roleTemplateAppliedSchema, ...writeProblemResponses },
      },
      config: { permission: templates.applyRoleTemplate.permission },
    },
    async (request, reply) => reply.status(201).send(await templates.applyRoleTemplate(actorOf(request), request.params.id, request.body)),
  );
}
