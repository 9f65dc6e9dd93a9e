import {
  apiTokenCreatedSchema,
  apiTokenCreateSchema,
  apiTokenListQuerySchema,
  apiTokenListSchema,
  apiTokenSchema,
} from '@forvalta/contracts';
import { writeProblemResponses, type ApiApp } from '../../platform/http/api-app.ts';
import { actorOf } from '../../platform/http/authentication.ts';
import { registerResourceRoutes } from '../../platform/http/resource-routes.ts';
import { setVersionTag } from '../../platform/http/versioning.ts';
import type { ApiTokensService } from './api-tokens.service.ts';

/** Your own API tokens. DELETE revokes (the record stays, for the audit trail). */
export function registerApiTokenRoutes(app: ApiApp, service: ApiTokensService): void {
  registerResourceRoutes(app, {
    path: '/api/v1/api-tokens',
    tag: 'API tokens',
    noun: 'API token',
    schemas: { listQuery: apiTokenListQuerySchema, list: apiTokenListSchema, item: apiTokenSchema },
    permissions: { read: 'apiToken.manageOwn', write: 'apiToken.manageOwn' },
    list: service.listOwnTokens,
    get: service.getOwnToken,
    remove: service.revokeOwnToken,
  });

  // Creation answers with the secret, once, so it has its own response contract.
  app.post(
    '/api/v1/api-tokens',
    {
      schema: {
        tags: ['API tokens'],
        summary: 'Create a personal API token; the token is shown only in this response',
        body: apiTokenCreateSchema,
        response: { 201: apiTokenCreatedSchema, ...writeProblemResponses },
      },
      config: { permission: 'apiToken.manageOwn' },
    },
    async (request, reply) => {
      const created = await service.createOwnToken(actorOf(request), request.body);
      setVersionTag(reply, created.version);
      return reply.status(201).send(created);
    },
  );
}
