import { type QueryKey, type UseMutationOptions, useMutation, useQueryClient } from '@tanstack/react-query';

/** What a component may add to a feature's mutation: its own onSuccess, onError, … */
export type MutationCallbacks<Variables, Result> = Omit<UseMutationOptions<Result, Error, Variables>, 'mutationFn'>;

type Invalidates<Variables, Result> = readonly QueryKey[] | ((variables: Variables, result: Result) => readonly QueryKey[]);

/**
 * A write that refreshes what it changed: the feature's queries file names the keys (from its key
 * factory) once, so no component types an invalidation key by hand. The component's own
 * onSuccess/onError/onSettled run after the refresh is started.
 */
export function useApiMutation<Variables = void, Result = unknown>(
  mutationFn: (variables: Variables) => Promise<Result>,
  invalidates: Invalidates<Variables, Result>,
  options: MutationCallbacks<Variables, Result> = {},
) {
  const queryClient = useQueryClient();
  return useMutation<Result, Error, Variables>({
    ...options,
    mutationFn,
    onSuccess: (result, variables, ...rest) => {
      const keys = typeof invalidates === 'function' ? invalidates(variables, result) : invalidates;
      for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
      return options.onSuccess?.(result, variables, ...rest);
    },
  });
}
