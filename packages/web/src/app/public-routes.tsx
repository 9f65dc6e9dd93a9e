import { validatePublicFilters } from '../features/public/public.queries.ts';
import { createRoute, lazyRouteComponent, redirect } from '@tanstack/react-router';
import { meQuery } from './session.ts';
import { contentRoute, rootRoute, safeRedirect } from './route-base.tsx';

/** Pages outside the shell: login, password and invitation links, the public register; and My account inside it. */

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  // `municipality` and `sso` come from single sign-on: which municipality's button to offer, and why it refused.
  validateSearch: (search: Record<string, unknown>): { redirect?: string; municipality?: string; sso?: string } => ({
    ...(typeof search.redirect === 'string' ? { redirect: search.redirect } : {}),
    ...(typeof search.municipality === 'string' || typeof search.municipality === 'number'
      ? { municipality: String(search.municipality) }
      : {}),
    ...(typeof search.sso === 'string' ? { sso: search.sso } : {}),
  }),
  beforeLoad: async ({ context, search }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (me) throw redirect({ href: safeRedirect(search.redirect) });
  },
  component: lazyRouteComponent(() => import('../features/auth/LoginPage.tsx'), 'LoginPage'),
});

const accountRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/account',
  component: lazyRouteComponent(() => import('../features/account/AccountPage.tsx'), 'AccountPage'),
});

/** The pages of a one-time link, reached before logging in: no shell. */
const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password',
  component: lazyRouteComponent(() => import('../features/auth/ResetPasswordPage.tsx'), 'ResetPasswordPage'),
});

const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/forgot-password',
  component: lazyRouteComponent(() => import('../features/auth/ForgotPasswordPage.tsx'), 'ForgotPasswordPage'),
});

const invitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/invitation',
  component: lazyRouteComponent(() => import('../features/auth/InvitationPage.tsx'), 'InvitationPage'),
});

/** The public register: no login, no shell; works for anyone on the internet. */
const publicStartRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/public',
  component: lazyRouteComponent(() => import('../features/public/PublicRegisterPage.tsx'), 'PublicRegisterStartPage'),
});

/** The accessibility statement the law asks of a public body's pages (tillgänglighetsredogörelse). */
const accessibilityStatementRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/public/accessibility',
  component: lazyRouteComponent(() => import('../features/public/AccessibilityStatementPage.tsx'), 'AccessibilityStatementPage'),
});

const publicRegisterRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/public/$code',
  validateSearch: validatePublicFilters,
  component: lazyRouteComponent(() => import('../features/public/PublicRegisterPage.tsx'), 'PublicRegisterPage'),
});

/** Beside the shell. */
export const publicRoutes = [
  loginRoute,
  resetPasswordRoute,
  forgotPasswordRoute,
  invitationRoute,
  publicStartRoute,
  accessibilityStatementRoute,
  publicRegisterRoute,
] as const;
/** Inside the shell. */
export const accountRoutes = [accountRoute] as const;
