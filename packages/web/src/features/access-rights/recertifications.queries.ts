import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { type MutationCallbacks, useApiMutation } from '../../api/mutations.ts';
import { taskKeys } from '../tasks/tasks.queries.ts';
import { accessRightKeys } from './access-rights.queries.ts';

export const recertificationKeys = {
  all: ['recertifications'] as const,
  list: (query: object) => ['recertifications', 'list', query] as const,
  detail: (id: string) => ['recertifications', 'detail', id] as const,
  items: (id: string, query: object) => ['recertifications', 'items', id, query] as const,
};

export const recertificationListQuery = (page: { cursor: string | undefined; limit: number }) => {
  const query = { ...page, sort: 'dueDate' } as const;
  return queryOptions({
    queryKey: recertificationKeys.list(query),
    queryFn: ({ signal }) => api.get('/recertifications', { query, signal }),
    placeholderData: keepPreviousData,
  });
};

export const recertificationQuery = (id: string) =>
  queryOptions({
    queryKey: recertificationKeys.detail(id),
    queryFn: ({ signal }) => api.get('/recertifications/:id', { params: { id }, signal }),
  });

export const recertificationItemsQuery = (
  id: string,
  filters: { decision?: 'undecided' | 'keep' | 'end' },
  page: { cursor: string | undefined; limit: number },
) => {
  const query = { ...filters, ...page, sort: 'personName' } as const;
  return queryOptions({
    queryKey: recertificationKeys.items(id, query),
    queryFn: ({ signal }) => api.get('/recertifications/:id/items', { params: { id }, query, signal }),
    placeholderData: keepPreviousData,
  });
};

export type RecertificationDecision = {
  campaignId: string;
  decision: 'keep' | 'end';
  expectedCount: number;
} & ({ rightIds: string[]; allUndecided?: never } | { allUndecided: true; rightIds?: never });

/** Decisions move the campaign's progress, the rights (an ended one) and the stewards' to-do lists. */
export const useDecideRecertification = (options: MutationCallbacks<RecertificationDecision, unknown> = {}) =>
  useApiMutation(
    ({ campaignId, decision, expectedCount, ...which }: RecertificationDecision) =>
      api.post('/recertifications/:id/decisions', {
        params: { id: campaignId },
        body: { decision, expectedCount, ...(which.rightIds ? { rightIds: which.rightIds } : { allUndecided: {} }) },
      }),
    [recertificationKeys.all, accessRightKeys.all, taskKeys.all],
    options,
  );
