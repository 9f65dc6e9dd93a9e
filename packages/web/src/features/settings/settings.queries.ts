import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const jobKeys = { all: ['jobs'] as const };

/** The scheduled jobs' state, refreshed every 30 s while the settings page is open. */
export const scheduledJobsQuery = (enabled: boolean) =>
  queryOptions({
    queryKey: jobKeys.all,
    queryFn: ({ signal }) => api.get('/jobs', { signal }),
    enabled,
    refetchInterval: 30_000,
  });
