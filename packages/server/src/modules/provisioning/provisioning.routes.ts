import { provisioningStatusSchema, provisioningTokenCreatedSchema } from '@forvalta/contracts';
import { noContentResponse, problemResponses, writeProblemResponses, type ApiApp } from '../../platform/http/api-app.ts';
import { actorOf } from '../../platform/http/authentication.ts';
import { expectedVersion, setVersionTag } from '../../platform/http/versioning.ts';
import type { ProvisioningTokensService } from './provisioning-tokens.service.ts';

/** The administrator's side of provisioning (ADR 0038): the SCIM endpoint's address and the municipality's token. */
export function registerProvisioningRoutes(app: ApiApp, service: ProvisioningTokensService): void {
  const tags = ['SCIM provisioning'];
  app.get(
    '/api/v1/provisioning',
    {
      schema: {
        tags,
        summary: "The SCIM endpoint's address, the municipality's token (never its secret) and how many people it provisions",
        response: { 200: provisioningStatusSchema, ...problemResponses },
      },
      config: { permission: service.getStatus.permission },
    },
    (request) => service.getStatus(actorOf(request)),
  );
  app.post(
    '/api/v1/provisioning/token',
    {
      schema: {
        tags,
        summary: 'Create the SCIM token, or a new one in place of the live one; the secret is shown only in this answer',
        response: { 201: provisioningTokenCreatedSchema, ...writeProblemResponses },
      },
      config: { permission: service.createToken.permission },
    },
    async (request, reply) => {
      const created = await service.createToken(actorOf(request));
      setVersionTag(reply, created.version);
      return reply.status(201).send(created);
    },
  );
  app.delete(
    '/api/v1/provisioning/token',
    {
      schema: {
        tags,
        summary: 'Revoke the SCIM token (If-Match required): the directory can no longer provision',
        response: { ...noContentResponse, ...writeProblemResponses },
      },
      config: { permission: service.revokeToken.permission },
    },
    async (request, reply) => {
      await service.revokeToken(actorOf(request), expectedVersion(request));
      return reply.status(204).send(null);
    },
  );
}
