import { createRoute, createRouter, notFound } from '@tanstack/react-router';
import { LoadingState } from '../components/LoadingState.tsx';
import { RouteError } from '../components/RouteError.tsx';
import { queryClient } from './query-client.ts';
import { authenticatedRoute, contentRoute, rootRoute } from './route-base.tsx';
import { peopleRoutes } from './people-routes.tsx';
import { accountRoutes, publicRoutes } from './public-routes.tsx';
import { registerRoutes } from './register-routes.tsx';
import { thingsRoutes } from './things-routes.tsx';

// Unknown paths of a logged-in user get the not-found page inside the shell, not a bare page.
const unknownRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '$',
  beforeLoad: () => {
    throw notFound();
  },
});

const routeTree = rootRoute.addChildren([
  ...publicRoutes,
  authenticatedRoute.addChildren([
    contentRoute.addChildren([...registerRoutes, ...peopleRoutes, ...thingsRoutes, ...accountRoutes, unknownRoute]),
  ]),
]);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPendingComponent: LoadingState,
  defaultErrorComponent: RouteError,
  // Lazy pages show the loading state at once instead of a blank pause.
  defaultPendingMs: 150,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
