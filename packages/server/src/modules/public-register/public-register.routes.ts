import {
  publicMunicipalityListSchema,
  publicRegisterSettingsSchema,
  publicRegisterSettingsUpdateSchema,
  publicSystemListQuerySchema,
  publicSystemListSchema,
} from '@forvalta/contracts';
import { problemResponses, writeProblemResponses, type ApiApp } from '../../platform/http/api-app.ts';
import { actorOf } from '../../platform/http/authentication.ts';
import { expectedVersion, setVersionTag } from '../../platform/http/versioning.ts';
import type { PublicRegisterService } from './public-register.service.ts';

export function registerPublicRegisterRoutes(app: ApiApp, service: PublicRegisterService): void {
  app.get(
    '/api/v1/public-register-settings',
    {
      schema: {
        tags: ['Public register'],
        summary: 'What this municipality publishes',
        response: { 200: publicRegisterSettingsSchema, ...problemResponses },
      },
      config: { permission: service.getSettings.permission },
    },
    async (request, reply) => {
      const settings = await service.getSettings(actorOf(request));
      setVersionTag(reply, settings.version);
      return settings;
    },
  );

  app.put(
    '/api/v1/public-register-settings',
    {
      schema: {
        tags: ['Public register'],
        summary: 'Choose the published fields (If-Match required)',
        body: publicRegisterSettingsUpdateSchema,
        response: { 200: publicRegisterSettingsSchema, ...writeProblemResponses },
      },
      config: { permission: service.updateSettings.permission },
    },
    async (request, reply) => {
      const settings = await service.updateSettings(actorOf(request), expectedVersion(request), request.body);
      setVersionTag(reply, settings.version);
      return settings;
    },
  );

  app.get(
    '/public/v1/municipalities',
    {
      schema: {
        tags: ['Public register'],
        summary: 'Municipalities that publish their register',
        response: { 200: publicMunicipalityListSchema },
      },
      config: { permission: 'public' },
    },
    async (_request, reply) => {
      reply.header('Cache-Control', 'public, max-age=60');
      return { items: await service.listMunicipalities() };
    },
  );

  app.get(
    '/public/v1/systems',
    {
      schema: {
        tags: ['Public register'],
        summary: 'The published register of one municipality, no login',
        querystring: publicSystemListQuerySchema,
        response: { 200: publicSystemListSchema, 400: problemResponses[400], 404: problemResponses[404] },
      },
      config: { permission: 'public' },
    },
    async (request, reply) => {
      reply.header('Cache-Control', 'public, max-age=60');
      return service.listPublicSystems(request.query);
    },
  );
}
