import type { Action } from '../../access/permissions.ts';

/**
 * What a route demands, declared on the route (`config.permission`). `public` needs no login,
 * `authenticated` any logged-in person; otherwise the action from the permission table that the
 * service checks. The route-permission snapshot test lists them all.
 */
export type RoutePermission = Action | 'public' | 'authenticated';

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RoutePermission;
  }
}
