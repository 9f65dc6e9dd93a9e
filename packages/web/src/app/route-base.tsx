import type { Permission } from '@forvalta/contracts';
import { createRootRouteWithContext, createRoute, notFound, Outlet, redirect } from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { AppLayout } from './layout/AppLayout.tsx';
import { NotFoundPage, StandaloneNotFoundPage } from './NotFoundPage.tsx';
import { hasPermission, meQuery } from './session.ts';

/**
 * The route tree's trunk: the root, the login-guarded shell and its content outlet, and the
 * permission guard every page route uses. The pages hang from it in the *-routes.ts files.
 */

export interface RouterContext {
  queryClient: QueryClient;
}

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: StandaloneNotFoundPage,
});

/** Where to go after logging in; only paths inside the application, never another site. */
export function safeRedirect(target: unknown): string {
  return typeof target === 'string' && target.startsWith('/') && !target.startsWith('//') ? target : '/';
}

/** Everything behind the login; the shell (header, navigation) lives here. */
export const authenticatedRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'authenticated',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: '/login', search: location.href === '/' ? {} : { redirect: location.href } });
    // A role held here requires two-step verification and this login has none: it sets it up first
    // (the server refuses everything else with second_factor_required).
    if (me.secondFactorEnrolmentRequired && location.pathname !== '/account') throw redirect({ to: '/account' });
    return { me };
  },
  component: AppLayout,
});

/**
 * The pages inside the shell. A page that throws notFound (unknown path, missing permission)
 * is answered by this route's notFoundComponent, which takes the place of the page, so the
 * header and navigation stay.
 */
export const contentRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  id: 'content',
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

/**
 * A page only for those holding a permission. Without it the page does not exist for them (404),
 * as the API answers for records one may not read.
 */
export function requirePermission(permission: Permission) {
  return ({ context }: { context: { me: Parameters<typeof hasPermission>[0] } }) => {
    if (!hasPermission(context.me, permission)) throw notFound();
  };
}
