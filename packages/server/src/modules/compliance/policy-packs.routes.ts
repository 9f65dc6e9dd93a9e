import {
  complianceExceptionCreateSchema,
  complianceExceptionListSchema,
  complianceExceptionSchema,
  idParamsSchema,
  policyPackListSchema,
  policyPackSchema,
  policyPackVersionCreateSchema,
} from '@forvalta/contracts';
import { noContentResponse, problemResponses, writeProblemResponses, type ApiApp } from '../../platform/http/api-app.ts';
import { actorOf } from '../../platform/http/authentication.ts';
import { expectedVersion, setVersionTag } from '../../platform/http/versioning.ts';
import type { PolicyPacksService } from './policy-packs.service.ts';

// The same tag as the evaluation: in the API document policy packs and exceptions are part of compliance.
const tags = ['Compliance'];

/**
 * The municipality's policy pack versions (read, publish a new version based on one) and its
 * exceptions (undantag) to clauses.
 */
export function registerPolicyPackRoutes(app: ApiApp, packs: PolicyPacksService): void {
  app.get(
    '/api/v1/policy-packs',
    {
      schema: {
        tags,
        summary: 'Policy pack versions of this municipality, newest first',
        response: { 200: policyPackListSchema, ...problemResponses },
      },
      config: { permission: packs.listPacks.permission },
    },
    (request) => packs.listPacks(actorOf(request)),
  );

  app.get(
    '/api/v1/policy-packs/:id',
    {
      schema: {
        tags,
        summary: 'A policy pack version with its clauses and parameters',
        params: idParamsSchema,
        response: { 200: policyPackSchema, ...problemResponses },
      },
      config: { permission: packs.getPack.permission },
    },
    (request) => packs.getPack(actorOf(request), request.params.id),
  );

  app.post(
    '/api/v1/policy-packs/:id/versions',
    {
      schema: {
        tags,
        summary: 'Publish a new version with changed parameters or texts',
        params: idParamsSchema,
        body: policyPackVersionCreateSchema,
        response: { 201: policyPackSchema, ...writeProblemResponses },
      },
      config: { permission: packs.publishVersion.permission },
    },
    async (request, reply) => reply.status(201).send(await packs.publishVersion(actorOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/compliance/exceptions',
    {
      schema: {
        tags,
        summary: 'Clauses switched off, with reason and end date',
        response: { 200: complianceExceptionListSchema, ...problemResponses },
      },
      config: { permission: packs.listExceptions.permission },
    },
    (request) => packs.listExceptions(actorOf(request)),
  );

  app.post(
    '/api/v1/compliance/exceptions',
    {
      schema: {
        tags,
        summary: 'Record an exception (undantag) for a clause',
        body: complianceExceptionCreateSchema,
        response: { 201: complianceExceptionSchema, ...writeProblemResponses },
      },
      config: { permission: packs.createException.permission },
    },
    async (request, reply) => {
      const created = await packs.createException(actorOf(request), request.body);
      setVersionTag(reply, created.version);
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/api/v1/compliance/exceptions/:id',
    {
      schema: {
        tags,
        summary: 'End an exception (If-Match required)',
        params: idParamsSchema,
        response: { ...noContentResponse, ...writeProblemResponses },
      },
      config: { permission: packs.deleteException.permission },
    },
    async (request, reply) => {
      await packs.deleteException(actorOf(request), request.params.id, expectedVersion(request));
      return reply.status(204).send(null);
    },
  );
}
