import {
  apiTokenCreatedSchema,
  apiTokenCreateSchema,
  apiTokenListQuerySchema,
  apiTokenListSchema,
  apiTokenSchema,
  idParamsSchema,
  municipalityApiTokenListQuerySchema,
  municipalityApiTokenListSchema,
} from '@forvalta/contracts';
import { noContentResponse, problemResponses, writeProblemResponses, type ApiApp } from '../../platform/http/api-app.ts';
import { actorOf } from '../../platform/http/authentication.ts';
import { registerResourceRoutes } from '../../platform/http/resource-routes.ts';
import { expectedVersion, setVersionTag } from '../../platform/http/versioning.ts';
import type { ApiTokensService } from './api-tokens.service.ts';

/** Your own API tokens. DELETE revokes (the record stays, for the audit trail). */
export function registerApiTokenRoutes(app: ApiApp, service: ApiTokensService): void {
  registerResourceRoutes(app, {
    path: '/api/v1/api-tokens',
    tag: 'API tokens',
    noun: 'API token',
    schemas: { listQuery: apiTokenListQuerySchema, list: apiTokenListSchema, item: apiTokenSchema },
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
      config: { permission: service.createOwnToken.permission },
    },
    async (request, reply) => {
      const created = await service.createOwnToken(actorOf(request), request.body);
      setVersionTag(reply, created.version);
      return reply.status(201).send(created);
    },
  );

  // The municipality's tokens, for its administrators: list and revoke anyone's (issue #12, finding 8).
  app.get(
    '/api/v1/municipality-api-tokens',
    {
      schema: {
        tags: ['API tokens'],
        summary: 'Every API token of this municipality, with its holder (administrators)',
        querystring: municipalityApiTokenListQuerySchema,
        response: { 200: municipalityApiTokenListSchema, ...problemResponses },
      },
      config: { permission: service.listMunicipalityTokens.permission },
    },
    (request) => service.listMunicipalityTokens(actorOf(request), request.query),
  );

  app.delete(
    '/api/v1/municipality-api-tokens/:id',
    {
      schema: {
        tags: ['API tokens'],
        summary: "Revoke anyone's API token in this municipality (If-Match required)",
        params: idParamsSchema,
        response: { ...noContentResponse, ...writeProblemResponses },
      },
      config: { permission: service.revokeMunicipalityToken.permission },
    },
    async (request, reply) => {
      await service.revokeMunicipalityToken(actorOf(request), request.params.id, expectedVersion(request));
      return reply.status(204).send(null);
    },
  );
}
