import {
  scimErrorSchema,
  scimErrorSchemaUrn,
  scimIdParamsSchema,
  scimListQuerySchema,
  scimPatchSchema,
  scimUserInputSchema,
  scimUserListSchema,
  scimUserSchema,
  type ErrorCode,
  type ScimError,
} from '@forvalta/contracts';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AnyActor, SystemActor } from '../../access/actor.ts';
import { isUniqueViolation } from '../../platform/database-errors.ts';
import { AppError } from '../../platform/errors.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import type { ProvisioningTokensService } from './provisioning-tokens.service.ts';
import type { ScimRequestContext, ScimUsersService } from './scim-users.service.ts';
import { ScimRequestError } from './scim-users.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The actor of a SCIM request's provisioning token (ADR 0038); set only under /scim/v2. */
    provisioningActor: SystemActor | null;
  }
}

const scimContentType = 'application/scim+json';
const errorResponses = { 400: scimErrorSchema, 401: scimErrorSchema, 403: scimErrorSchema, 404: scimErrorSchema } as const;
const writeErrorResponses = { ...errorResponses, 409: scimErrorSchema, 412: scimErrorSchema } as const;

/** AppError codes in SCIM's terms: the status and, for a 400 or 409, the scimType (RFC 7644 §3.12). */
const scimStatusOf: Partial<Record<ErrorCode, { status: number; scimType?: string }>> = {
  validation_failed: { status: 400, scimType: 'invalidValue' },
  unauthenticated: { status: 401 },
  forbidden: { status: 403 },
  not_found: { status: 404 },
  conflict: { status: 409, scimType: 'uniqueness' },
  version_mismatch: { status: 412 },
  payload_too_large: { status: 413 },
};

function scimError(status: number, detail: string, scimType?: string): ScimError {
  return { schemas: [scimErrorSchemaUrn], status: String(status), ...(scimType ? { scimType } : {}), detail };
}

function sendScimError(reply: FastifyReply, error: ScimError) {
  return reply.status(Number(error.status)).type(scimContentType).send(error);
}

/** The request's provisioning actor; the route-permission test calls handlers with a person instead, who is refused. */
function actorOf(request: FastifyRequest): AnyActor {
  const actor = request.provisioningActor ?? request.actor;
  if (!actor) throw new ScimRequestError(401, undefined, 'Send the municipality’s provisioning token as Authorization: Bearer.');
  return actor;
}

/**
 * SCIM 2.0 Users (RFC 7644) at /scim/v2, where directories expect it, in a scope of its own: the
 * provisioning token authenticates (not a session or an API token), bodies are application/scim+json,
 * errors are SCIM's error schema. A request without a live token is 401 before anything else.
 */
export function registerScimRoutes(
  app: ApiApp,
  services: { tokens: ProvisioningTokensService; users: ScimUsersService },
  options: { publicUrl: string | null },
): void {
  app.decorateRequest('provisioningActor', null);
  app.register(async (scope: ApiApp) => {
    scope.addContentTypeParser(scimContentType, { parseAs: 'string' }, scope.getDefaultJsonParser('error', 'error'));

    scope.addHook('onRequest', async (request) => {
      const authorization = request.headers.authorization;
      const token = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length).trim() : undefined;
      const actor = token ? await services.tokens.authenticate(token) : undefined;
      if (!actor) throw new ScimRequestError(401, undefined, 'The provisioning token is missing, not valid or revoked.');
      request.provisioningActor = actor;
    });

    scope.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof ScimRequestError) return sendScimError(reply, scimError(error.status, error.message, error.scimType));
      if (error instanceof AppError) {
        const mapped = scimStatusOf[error.code] ?? { status: 400, scimType: 'invalidValue' };
        const fields = error.fieldErrors?.map((field) => `${field.path}: ${field.message}`).join('; ');
        return sendScimError(reply, scimError(mapped.status, fields ? `${error.message} (${fields})` : error.message, mapped.scimType));
      }
      if (isUniqueViolation(error)) return sendScimError(reply, scimError(409, 'Another user has that value.', 'uniqueness'));
      if (hasZodFastifySchemaValidationErrors(error)) {
        const detail = error.validation.map((issue) => `${issue.instancePath || error.validationContext}: ${issue.message}`).join('; ');
        return sendScimError(reply, scimError(400, detail, 'invalidValue'));
      }
      if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
        return sendScimError(reply, scimError(error.statusCode, error.message, error.statusCode === 400 ? 'invalidSyntax' : undefined));
      request.log.error({ err: error }, 'unhandled error in SCIM');
      return sendScimError(reply, scimError(500, 'Something went wrong on our side.'));
    });

    const contextOf = (request: FastifyRequest): ScimRequestContext => {
      const base = options.publicUrl ? options.publicUrl.replace(/\/+$/, '') : `${request.protocol}://${request.host}`;
      const ifMatch = request.headers['if-match'];
      return { baseUrl: `${base}/scim/v2`, ...(typeof ifMatch === 'string' ? { ifMatch } : {}) };
    };
    const config = (permission: ScimUsersService['listUsers']['permission']) => ({ permission, ownAuthentication: true });
    const tags = ['SCIM provisioning'];

    scope.get(
      '/scim/v2/Users',
      {
        schema: {
          tags,
          operationId: 'listScimUsers',
          summary: 'Find users (filter userName eq / externalId eq / id eq), with startIndex and count',
          querystring: scimListQuerySchema,
          response: { 200: scimUserListSchema, ...errorResponses },
        },
        config: config(services.users.listUsers.permission),
      },
      async (request, reply) =>
        reply.type(scimContentType).send(await services.users.listUsers(actorOf(request), request.query, contextOf(request))),
    );
    scope.get(
      '/scim/v2/Users/:id',
      {
        schema: {
          tags,
          operationId: 'getScimUser',
          summary: 'One user of this municipality',
          params: scimIdParamsSchema,
          response: { 200: scimUserSchema, ...errorResponses },
        },
        config: config(services.users.getUser.permission),
      },
      async (request, reply) => {
        const user = await services.users.getUser(actorOf(request), request.params.id, contextOf(request));
        return reply.type(scimContentType).header('ETag', user.meta.version).send(user);
      },
    );
    scope.post(
      '/scim/v2/Users',
      {
        schema: {
          tags,
          operationId: 'createScimUser',
          summary: 'Create a person (or link the unlinked person with the same work address)',
          body: scimUserInputSchema,
          response: { 201: scimUserSchema, ...writeErrorResponses },
        },
        config: config(services.users.createUser.permission),
      },
      async (request, reply) => {
        const user = await services.users.createUser(actorOf(request), request.body, contextOf(request));
        return reply.status(201).type(scimContentType).header('ETag', user.meta.version).header('Location', user.meta.location).send(user);
      },
    );
    scope.put(
      '/scim/v2/Users/:id',
      {
        schema: {
          tags,
          operationId: 'replaceScimUser',
          summary: 'Replace a user with what the directory has now',
          params: scimIdParamsSchema,
          body: scimUserInputSchema,
          response: { 200: scimUserSchema, ...writeErrorResponses },
        },
        config: config(services.users.replaceUser.permission),
      },
      async (request, reply) => {
        const user = await services.users.replaceUser(actorOf(request), request.params.id, request.body, contextOf(request));
        return reply.type(scimContentType).header('ETag', user.meta.version).send(user);
      },
    );
    scope.patch(
      '/scim/v2/Users/:id',
      {
        schema: {
          tags,
          operationId: 'patchScimUser',
          summary: 'Change a user: Operations of op add / replace / remove (active: false deactivates)',
          params: scimIdParamsSchema,
          body: scimPatchSchema,
          response: { 200: scimUserSchema, ...writeErrorResponses },
        },
        config: config(services.users.patchUser.permission),
      },
      async (request, reply) => {
        const user = await services.users.patchUser(actorOf(request), request.params.id, request.body, contextOf(request));
        return reply.type(scimContentType).header('ETag', user.meta.version).send(user);
      },
    );
    scope.delete(
      '/scim/v2/Users/:id',
      {
        schema: {
          tags,
          operationId: 'deleteScimUser',
          summary: 'Deprovision a user: marked left (the leaver rules run), never deleted',
          params: scimIdParamsSchema,
          response: { 204: z.null().describe('No content'), ...writeErrorResponses },
        },
        config: config(services.users.deleteUser.permission),
      },
      async (request, reply) => {
        await services.users.deleteUser(actorOf(request), request.params.id, contextOf(request));
        return reply.status(204).send(null);
      },
    );
  });
}
