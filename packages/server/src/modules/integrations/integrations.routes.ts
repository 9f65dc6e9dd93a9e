import {
  integrationCreateSchema,
  integrationListQuerySchema,
  integrationListSchema,
  integrationSchema,
  integrationUpdateSchema,
} from '@forvalta/contracts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import { registerResourceRoutes } from '../../platform/http/resource-routes.ts';
import type { IntegrationsService } from './integrations.service.ts';

export function registerIntegrationRoutes(app: ApiApp, service: IntegrationsService): void {
  registerResourceRoutes(app, {
    path: '/api/v1/integrations',
    tag: 'System register',
    noun: 'integration',
    schemas: {
      listQuery: integrationListQuerySchema,
      list: integrationListSchema,
      item: integrationSchema,
      create: integrationCreateSchema,
      update: integrationUpdateSchema,
    },
    list: service.listIntegrations,
    get: service.getIntegration,
    create: service.createIntegration,
    update: service.updateIntegration,
    remove: service.deleteIntegration,
  });
}
