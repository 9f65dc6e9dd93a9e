import {
  idParamsSchema,
  passwordChangeSchema,
  passwordResetLinkSchema,
  passwordResetRequestSchema,
  passwordResetSchema,
  problemSchema,
} from '@forvalta/contracts';
import { noContentResponse, writeProblemResponses, type ApiApp } from '../../platform/http/api-app.ts';
import { actorOf } from '../../platform/http/authentication.ts';
import type { PasswordsService } from './passwords.service.ts';

export function registerPasswordRoutes(app: ApiApp, passwords: PasswordsService, settings: { loginRateLimitPerMinute: number }): void {
  app.post(
    '/api/v1/me/password',
    {
      schema: {
        tags: ['Session'],
        summary: 'Change my password (with the current one); ends my other sessions',
        body: passwordChangeSchema,
        response: { ...noContentResponse, ...writeProblemResponses, 429: problemSchema },
      },
      config: { permission: 'authenticated' },
    },
    async (request, reply) => {
      await passwords.changePassword(actorOf(request), request.session ?? undefined, request.body, request.ip);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/password-reset',
    {
      schema: {
        tags: ['Session'],
        summary: 'Set a new password with a one-time reset link; ends every session of the login',
        body: passwordResetSchema,
        response: { ...noContentResponse, 400: problemSchema, 429: problemSchema },
      },
      config: { permission: 'public', rateLimit: { max: settings.loginRateLimitPerMinute, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      await passwords.resetPassword(request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/password-reset-requests',
    {
      schema: {
        tags: ['Session'],
        summary: 'Forgot password: e-mail a one-time link to this address if it has a login (the answer is the same either way)',
        body: passwordResetRequestSchema,
        response: { ...noContentResponse, 400: problemSchema, 429: problemSchema },
      },
      config: { permission: 'public', rateLimit: { max: settings.loginRateLimitPerMinute, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      await passwords.requestReset(request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/people/:id/password-reset-links',
    {
      schema: {
        tags: ['People'],
        summary: "Issue a one-time link that sets a new password for the person's login (shown once)",
        params: idParamsSchema,
        response: { 201: passwordResetLinkSchema, ...writeProblemResponses },
      },
      config: { permission: passwords.issueResetLink.permission },
    },
    async (request, reply) => {
      const link = await passwords.issueResetLink(actorOf(request), request.params.id);
      return reply.status(201).send(link);
    },
  );
}
