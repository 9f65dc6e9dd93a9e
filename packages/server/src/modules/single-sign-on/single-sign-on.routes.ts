import {
  loginOptionsQuerySchema,
  loginOptionsSchema,
  singleSignOnCallbackQuerySchema,
  singleSignOnLogoutSchema,
  singleSignOnSettingsSchema,
  singleSignOnSettingsUpdateSchema,
  singleSignOnStartQuerySchema,
  singleSignOnStatusSchema,
  problemSchema,
} from '@forvalta/contracts';
import { z } from 'zod';
import { noContentResponse, problemResponses, writeProblemResponses, type ApiApp } from '../../platform/http/api-app.ts';
import { actorOf, clearSessionCookie, setSessionCookie } from '../../platform/http/authentication.ts';
import { expectedVersion, setVersionTag } from '../../platform/http/versioning.ts';
import { attemptMinutes, type SingleSignOnLogin } from './login.service.ts';
import type { SingleSignOnSettingsService } from './settings.service.ts';

export interface SingleSignOnRouteSettings {
  cookieSecure: boolean;
  sessionMaxHours: number;
  loginRateLimitPerMinute: number;
}

const redirectResponse = { 302: z.null().describe('A redirect: the browser follows Location') } as const;
const attemptCookiePath = '/api/v1/auth/oidc/';
const attemptCookieName = (secure: boolean) => (secure ? '__Secure-forvalta_sso' : 'forvalta_sso');

/** The login page, saying why single sign-on was refused (in the reader's language). */
const refusedPage = (reason: string, municipalityCode: string | null) =>
  `/login?${new URLSearchParams({ ...(municipalityCode ? { municipality: municipalityCode } : {}), sso: reason })}`;

export function registerSingleSignOnRoutes(
  app: ApiApp,
  services: { login: SingleSignOnLogin; settings: SingleSignOnSettingsService },
  settings: SingleSignOnRouteSettings,
): void {
  const { login } = services;
  const tags = ['Session'];
  const limited = { rateLimit: { max: settings.loginRateLimitPerMinute, timeWindow: '1 minute' } };

  app.get(
    '/api/v1/auth/oidc/options',
    {
      schema: {
        tags,
        summary: "What the login page offers in a municipality: its single sign-on button's name, and whether passwords work",
        querystring: loginOptionsQuerySchema,
        response: { 200: loginOptionsSchema, 400: problemSchema },
      },
      config: { permission: 'public' },
    },
    (request) => login.options(request.query.municipality),
  );

  app.get(
    '/api/v1/auth/oidc/login',
    {
      schema: {
        tags,
        summary: "Starts single sign-on at the municipality's OpenID provider (a browser navigation; answers a redirect)",
        querystring: singleSignOnStartQuerySchema,
        response: { ...redirectResponse, 400: problemSchema },
      },
      config: { permission: 'public', ...limited },
    },
    async (request, reply) => {
      const outcome = await login.start(request.query.municipality, request.query.returnTo);
      if (outcome.kind === 'refused') return reply.redirect(refusedPage(outcome.reason, outcome.municipalityCode), 302);
      reply.setCookie(attemptCookieName(settings.cookieSecure), outcome.attemptCookie, {
        path: attemptCookiePath,
        httpOnly: true,
        // Lax: the provider sends the browser back with a top-level GET, which carries it; nothing else does.
        sameSite: 'lax',
        secure: settings.cookieSecure,
        maxAge: attemptMinutes * 60,
      });
      return reply.redirect(outcome.location, 302);
    },
  );

  app.get(
    '/api/v1/auth/oidc/callback',
    {
      schema: {
        tags,
        summary: "The provider's answer: checks state, nonce and PKCE, matches the person, sets the session cookie, and redirects",
        querystring: singleSignOnCallbackQuerySchema,
        response: redirectResponse,
      },
      config: { permission: 'public', ...limited },
    },
    async (request, reply) => {
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      const outcome = await login.callback(query, request.cookies[attemptCookieName(settings.cookieSecure)]);
      reply.clearCookie(attemptCookieName(settings.cookieSecure), { path: attemptCookiePath, secure: settings.cookieSecure });
      if (outcome.kind === 'refused') return reply.redirect(refusedPage(outcome.reason, outcome.municipalityCode), 302);
      setSessionCookie(reply, outcome.sessionToken, settings.cookieSecure, settings.sessionMaxHours * 3600);
      return reply.redirect(outcome.returnTo, 302);
    },
  );

  app.post(
    '/api/v1/auth/oidc/logout',
    {
      schema: {
        tags,
        summary: "Log out here and, for a single sign-on session, name the provider's end-session address to go to",
        response: { 200: singleSignOnLogoutSchema, ...problemResponses },
      },
      config: { permission: 'authenticated', beforeSecondFactor: true },
    },
    async (request, reply) => {
      const answer = await login.logout(actorOf(request), request.session ?? undefined);
      clearSessionCookie(reply, settings.cookieSecure);
      return answer;
    },
  );

  app.get(
    '/api/v1/single-sign-on',
    {
      schema: {
        tags: ['Organisation'],
        summary: "The municipality's OpenID provider, roles from groups and password login (administrators; never the secret)",
        response: { 200: singleSignOnSettingsSchema, ...problemResponses },
      },
      config: { permission: services.settings.getSettings.permission },
    },
    async (request, reply) => {
      const answer = await services.settings.getSettings(actorOf(request));
      setVersionTag(reply, answer.version);
      return answer;
    },
  );

  app.put(
    '/api/v1/single-sign-on',
    {
      schema: {
        tags: ['Organisation'],
        summary: 'Set the OpenID provider (If-Match required); the client secret is stored encrypted and never returned',
        body: singleSignOnSettingsUpdateSchema,
        response: { 200: singleSignOnSettingsSchema, ...writeProblemResponses },
      },
      config: { permission: services.settings.updateSettings.permission },
    },
    async (request, reply) => {
      const answer = await services.settings.updateSettings(actorOf(request), expectedVersion(request), request.body);
      setVersionTag(reply, answer.version);
      return answer;
    },
  );

  app.delete(
    '/api/v1/single-sign-on',
    {
      schema: {
        tags: ['Organisation'],
        summary: 'Remove the OpenID provider (If-Match required); refused while password login is off',
        response: { ...noContentResponse, ...writeProblemResponses },
      },
      config: { permission: services.settings.deleteSettings.permission },
    },
    async (request, reply) => {
      await services.settings.deleteSettings(actorOf(request), expectedVersion(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/single-sign-on/status',
    {
      schema: {
        tags: ['Organisation'],
        summary: "The provider's discovery, checked now: reachable, its issuer, the last error (administrators)",
        response: { 200: singleSignOnStatusSchema, ...problemResponses },
      },
      config: { permission: services.settings.status.permission },
    },
    (request) => services.settings.status(actorOf(request)),
  );
}
