import {
  healthSchema,
  loginRequestSchema,
  loginResponseSchema,
  logoutRequestSchema,
  meSchema,
  meUpdateSchema,
  problemSchema,
  secondFactorLoginSchema,
  switchMunicipalitySchema,
} from '@forvalta/contracts';
import { noContentResponse, problemResponses, writeProblemResponses, type ApiApp } from '../../platform/http/api-app.ts';
import { actorOf, clearSessionCookie, setSessionCookie } from '../../platform/http/authentication.ts';
import type { AuthService } from './auth.service.ts';

export interface AuthRouteSettings {
  cookieSecure: boolean;
  sessionMaxHours: number;
  loginRateLimitPerMinute: number;
  dialect: 'sqlite' | 'postgresql';
  version: string;
  checkDatabase: () => Promise<void>;
}

export function registerAuthRoutes(app: ApiApp, auth: AuthService, settings: AuthRouteSettings): void {
  const tags = ['Session'];

  app.get(
    '/api/v1/health',
    {
      schema: {
        tags: ['Health'],
        summary: 'Liveness and database reachability (version and database only for a logged-in caller)',
        response: { 200: healthSchema },
      },
      config: { permission: 'public' },
    },
    async (request) => {
      await settings.checkDatabase();
      // What runs here is of use to an attacker choosing an exploit; only a logged-in caller learns it.
      if (!request.actor) return { status: 'ok' as const };
      return { status: 'ok' as const, database: settings.dialect, version: settings.version };
    },
  );

  app.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags,
        summary:
          'Log in with e-mail and password; sets the session cookie, or answers a challenge for the second step when the login has a second factor',
        body: loginRequestSchema,
        response: { 200: loginResponseSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema, 429: problemSchema },
      },
      config: { permission: 'public', rateLimit: { max: settings.loginRateLimitPerMinute, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const outcome = await auth.login(request.body, request.ip);
      if (outcome.kind === 'challenge') {
        return { secondFactorRequired: true as const, challenge: outcome.challenge, expiresAt: outcome.expiresAt };
      }
      setSessionCookie(reply, outcome.sessionToken, settings.cookieSecure, settings.sessionMaxHours * 3600);
      return auth.describe(outcome.actor, outcome.session);
    },
  );

  app.post(
    '/api/v1/auth/login/second-factor',
    {
      schema: {
        tags,
        summary:
          "The login's second step: the challenge and a code from the authenticator app (or a recovery code); sets the session cookie",
        body: secondFactorLoginSchema,
        response: { 200: meSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema, 429: problemSchema },
      },
      config: { permission: 'public', rateLimit: { max: settings.loginRateLimitPerMinute, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { sessionToken, session, actor } = await auth.completeSecondFactor(request.body, request.ip);
      setSessionCookie(reply, sessionToken, settings.cookieSecure, settings.sessionMaxHours * 3600);
      return auth.describe(actor, session);
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      schema: {
        tags,
        summary: 'Log out here, or everywhere',
        body: logoutRequestSchema.optional(),
        response: { ...noContentResponse, ...problemResponses },
      },
      config: { permission: 'authenticated', beforeSecondFactor: true },
    },
    async (request, reply) => {
      await auth.logout(actorOf(request), request.session ?? undefined, request.body?.everywhere ?? false);
      clearSessionCookie(reply, settings.cookieSecure);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/me',
    {
      schema: { tags, summary: 'Who I am, where, and what I may do', response: { 200: meSchema, ...problemResponses } },
      config: { permission: 'authenticated', beforeSecondFactor: true },
    },
    (request) => auth.describe(actorOf(request), request.session ?? undefined),
  );

  app.patch(
    '/api/v1/me',
    {
      schema: {
        tags,
        summary: 'Change my language (remembered for my login)',
        body: meUpdateSchema,
        response: { 200: meSchema, ...writeProblemResponses },
      },
      config: { permission: 'authenticated', beforeSecondFactor: true },
    },
    async (request) => {
      const actor = await auth.updateLocale(actorOf(request), request.body.locale);
      return auth.describe(actor, request.session ?? undefined);
    },
  );

  app.post(
    '/api/v1/me/municipality',
    {
      schema: {
        tags,
        summary: 'Switch the municipality; the session and its CSRF token are replaced by new ones',
        body: switchMunicipalitySchema,
        response: { 200: meSchema, ...writeProblemResponses },
      },
      config: { permission: 'authenticated' },
    },
    async (request, reply) => {
      const switched = await auth.switchMunicipality(actorOf(request), request.session ?? undefined, request.body.municipalityId);
      setSessionCookie(reply, switched.sessionToken, settings.cookieSecure, settings.sessionMaxHours * 3600);
      return auth.describe(switched.actor, switched.session);
    },
  );
}
