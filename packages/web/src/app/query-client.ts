import { MutationCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/client.ts';
import { taskKeys } from '../features/tasks/tasks.queries.ts';

export const queryClient: QueryClient = new QueryClient({
  // Any write may change what is asked of the person (a notice acknowledged, a record confirmed):
  // the to-do list and the navigation's count refresh after every one, whichever feature made it.
  mutationCache: new MutationCache({ onSuccess: () => queryClient.invalidateQueries({ queryKey: taskKeys.all }) }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A 4xx will not heal by asking again; only retry what may be a passing network problem.
      retry: (failureCount, error) => failureCount < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});
