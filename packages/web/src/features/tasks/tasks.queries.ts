import type { TaskKind } from '@forvalta/contracts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const taskKeys = {
  /** Every write may change what is asked of the person: the app invalidates this after each (app/query-client.ts). */
  all: ['tasks'] as const,
  list: (query: object) => ['tasks', 'list', query] as const,
};

export const myTasksQuery = (query: { kind?: TaskKind; cursor?: string; limit: number }) =>
  queryOptions({
    queryKey: taskKeys.list(query),
    queryFn: ({ signal }) => api.get('/me/tasks', { query, signal }),
    placeholderData: keepPreviousData,
  });

/** The navigation's badge: the counts come with any page, so one row is asked for. */
export const taskCountsQuery = queryOptions({
  queryKey: taskKeys.list({ limit: 1 }),
  queryFn: ({ signal }) => api.get('/me/tasks', { query: { limit: 1 }, signal }),
  select: (page) => ({ total: Object.values(page.counts).reduce((sum, count) => sum + count, 0), overdue: page.overdueCount }),
});
