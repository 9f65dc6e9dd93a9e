import {
  idParamsSchema,
  invitationAcceptedSchema,
  invitationAcceptSchema,
  invitationDetailsSchema,
  invitationLookupSchema,
  loginInvitationCreatedSchema,
  loginInvitationCreateSchema,
  personLoginSchema,
  problemSchema,
} from '@forvalta/contracts';
import { noContentResponse, problemResponses, writeProblemResponses, type ApiApp } from '../../platform/http/api-app.ts';
import { actorOf } from '../../platform/http/authentication.ts';
import { expectedVersion, setVersionTag } from '../../platform/http/versioning.ts';
import type { LoginInvitationsService } from './login-invitations.service.ts';

/**
 * Giving people logins: the administrator's side (a person's login and its invitation) and the
 * invited person's side (look the link up, accept it), which needs no login and is rate-limited
 * like signing in. The secret travels in the body, never in a URL that logs would keep.
 */
export function registerLoginInvitationRoutes(app: ApiApp, service: LoginInvitationsService, settings: { rateLimitPerMinute: number }) {
  const tags = ['Logins'];
  const publicLimit = { max: settings.rateLimitPerMinute, timeWindow: '1 minute' };

  app.get(
    '/api/v1/people/:id/login',
    {
      schema: {
        tags,
        summary: 'Whether the person can sign in to this municipality, and their latest invitation',
        params: idParamsSchema,
        response: { 200: personLoginSchema, ...problemResponses },
      },
      config: { permission: service.getPersonLogin.permission },
    },
    (request) => service.getPersonLogin(actorOf(request), request.params.id),
  );

  app.post(
    '/api/v1/people/:id/login',
    {
      schema: {
        tags,
        summary: 'Invite the person to sign in: a one-time link, shown only in this response',
        params: idParamsSchema,
        body: loginInvitationCreateSchema.nullish(),
        response: { 201: loginInvitationCreatedSchema, ...writeProblemResponses },
      },
      config: { permission: service.invite.permission },
    },
    async (request, reply) => {
      const created = await service.invite(actorOf(request), request.params.id);
      setVersionTag(reply, created.version);
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/api/v1/people/:id/login',
    {
      schema: {
        tags,
        summary: "Remove the person's login from this municipality: roles, sessions and tokens here end (If-Match: the person's version)",
        params: idParamsSchema,
        response: { ...noContentResponse, ...writeProblemResponses },
      },
      config: { permission: service.removeLogin.permission },
    },
    async (request, reply) => {
      await service.removeLogin(actorOf(request), request.params.id, expectedVersion(request));
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/v1/login-invitations/:id',
    {
      schema: {
        tags,
        summary: 'Revoke an invitation that has not been accepted (If-Match required)',
        params: idParamsSchema,
        response: { ...noContentResponse, ...writeProblemResponses },
      },
      config: { permission: service.revokeInvitation.permission },
    },
    async (request, reply) => {
      await service.revokeInvitation(actorOf(request), request.params.id, expectedVersion(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/invitations/lookup',
    {
      schema: {
        tags,
        summary: 'What an invitation link is for (no login)',
        body: invitationLookupSchema,
        response: { 200: invitationDetailsSchema, 400: problemSchema, 404: problemSchema, 429: problemSchema },
      },
      config: { permission: 'public', rateLimit: publicLimit },
    },
    (request) => service.lookup(request.body.token),
  );

  app.post(
    '/api/v1/invitations/accept',
    {
      schema: {
        tags,
        summary: 'Accept an invitation with a new password, or the password of the login the address already has',
        body: invitationAcceptSchema,
        response: {
          200: invitationAcceptedSchema,
          400: problemSchema,
          401: problemSchema,
          404: problemSchema,
          409: problemSchema,
          429: problemSchema,
        },
      },
      config: { permission: 'public', rateLimit: publicLimit },
    },
    (request) => service.accept(request.body),
  );
}
