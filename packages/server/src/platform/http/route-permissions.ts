import type { Permission } from '@forvalta/contracts';

/**
 * What a route demands, declared on the route (`config.permission`). `public` needs no login,
 * `authenticated` any logged-in person; otherwise the permission of the use case the route calls,
 * taken from it (`config: { permission: systems.deleteSystem.permission }`), never written again.
 * The route-permission snapshot lists them all, and its test checks each route's handler calls a
 * use case of exactly that permission.
 */
export type RoutePermission = Permission | 'public' | 'authenticated';

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RoutePermission;
    /**
     * A session that must enrol a second factor first (ADR 0014) may call this route: enrolment
     * itself, `me` and logging out. Every other route refuses it with 403 second_factor_required.
     */
    beforeSecondFactor?: boolean;
    /**
     * The route's own scope authenticates its caller before any check of the platform's (the SCIM
     * endpoint's provisioning token, ADR 0038): the platform's 401 for a request without a person
     * leaves it to that scope.
     */
    ownAuthentication?: boolean;
  }
}
