import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../access/actor.ts';
import { AppError } from '../errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    session: SessionContext | null;
  }
}

/** A browser session as the platform knows it: which one, and the token its unsafe requests must echo. */
export interface SessionContext {
  sessionId: string;
  csrfToken: string;
}

/**
 * What the platform needs to tell who is calling. The platform knows no module: the auth module
 * implements this and the composition (app.ts) passes it in.
 */
export interface RequestAuthenticator {
  /** The actor of a personal API token, or undefined when it is unknown, expired or revoked. */
  resolveApiToken(token: string): Promise<Actor | undefined>;
  /** The actor and session of a session cookie, or undefined when it is unknown, expired or idle too long. */
  resolveSession(sessionToken: string): Promise<{ actor: Actor; session: SessionContext } | undefined>;
}

/**
 * The session cookie's name. Behind TLS it carries the `__Host-` prefix, which browsers accept
 * only with Secure, Path=/ and no Domain: a sibling subdomain cannot plant or overwrite it.
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-forvalta_session' : 'forvalta_session';
}

/** Compares without leaking through timing how much of a guessed token was right. */
function sameToken(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const givenBytes = Buffer.from(given);
  const expectedBytes = Buffer.from(expected);
  return givenBytes.length === expectedBytes.length && timingSafeEqual(givenBytes, expectedBytes);
}
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves who is calling, once per request: a Bearer token (scripts) or the session cookie
 * (the browser). Cookie-authenticated unsafe requests must echo the session's CSRF token in
 * X-CSRF-Token; Bearer requests cannot be forged cross-site and skip it.
 */
export function registerAuthentication(app: FastifyInstance, auth: RequestAuthenticator, cookieSecure: boolean): void {
  const cookieName = sessionCookieName(cookieSecure);
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      const actor = await auth.resolveApiToken(authorization.slice('Bearer '.length).trim());
      if (!actor) throw new AppError('unauthenticated', 'The API token is not valid, has expired or was revoked.');
      request.actor = actor;
      return;
    }
    const sessionToken = request.cookies[cookieName];
    if (!sessionToken) return;
    const resolved = await auth.resolveSession(sessionToken);
    if (!resolved) return;
    request.actor = resolved.actor;
    request.session = resolved.session;
    if (unsafeMethods.has(request.method) && !sameToken(request.headers['x-csrf-token'], resolved.session.csrfToken)) {
      throw new AppError('csrf_failed', 'Missing or wrong X-CSRF-Token header. Reload the page and try again.');
    }
  });
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated', 'Log in, or send an API token as Authorization: Bearer.');
  return request.actor;
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean, maxAgeSeconds: number): void {
  reply.setCookie(sessionCookieName(secure), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(sessionCookieName(secure), { path: '/', secure });
}
