import type { Assignment, Duty, Integration, System } from '@forvalta/contracts';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type BodyFor, downloadUrl, isApiError, type QueryFor } from '../../api/client.ts';
import { type MutationCallbacks, useApiMutation } from '../../api/mutations.ts';
import { complianceKeys } from '../compliance/compliance.queries.ts';
import { type SystemFilters, twelveMonthsAgo } from './system-values.ts';

/**
 * The cache keys of the register. A system's parts (its people, duties, graph) sit under
 * `systems`, so a change of the system refreshes them too (the graph shows names and lifecycles).
 */
export const systemKeys = {
  all: ['systems'] as const,
  list: (query: object) => ['systems', 'list', query] as const,
  detail: (id: string) => ['systems', 'detail', id] as const,
  picker: (search: string) => ['systems', 'picker', search] as const,
  options: ['systems', 'options'] as const,
  mine: (query: object) => ['systems', 'mine', query] as const,
  graphs: ['systems', 'graph'] as const,
  graph: (id: string) => ['systems', 'graph', id] as const,
  assignments: (id: string, query: object) => ['systems', 'assignments', id, query] as const,
  duties: (id: string) => ['systems', 'duties', id] as const,
};
export const integrationKeys = {
  all: ['integrations'] as const,
  list: (query: object) => ['integrations', 'list', query] as const,
};
/** A system's change can move any rule's outcome. */
const systemChangeInvalidates = [systemKeys.all, complianceKeys.all] as const;

type SystemListQuery = QueryFor<'GET /api/v1/systems'>;

/** The API's query for the register's filters in the address (without the page). */
export function systemListParameters(filters: SystemFilters) {
  return {
    q: filters.q,
    ownerDepartmentId: filters.ownerDepartmentId,
    kind: filters.kind,
    lifecycle: filters.lifecycle,
    scope: filters.scope,
    uncovered: filters.uncovered ? 'true' : undefined,
    unconfirmedSince: filters.unconfirmed ? twelveMonthsAgo() : undefined,
    tag: filters.tag,
    sort: filters.sort ?? 'name',
  } satisfies SystemListQuery;
}

export const exportUrl = (filters: SystemFilters, format: 'csv' | 'xlsx') =>
  downloadUrl('/systems/export', { format, ...systemListParameters(filters) });

export const systemListQuery = (query: SystemListQuery) =>
  queryOptions({
    queryKey: systemKeys.list(query),
    queryFn: ({ signal }) => api.get('/systems', { query, signal }),
    placeholderData: keepPreviousData,
  });

export const systemQuery = (id: string) =>
  queryOptions({ queryKey: systemKeys.detail(id), queryFn: ({ signal }) => api.get('/systems/:id', { params: { id }, signal }) });

export const loadSystem = (id: string) => api.get('/systems/:id', { params: { id } });

/** The first 20 systems matching a search, for choosing one (a register has hundreds). */
export const systemPickerQuery = (search: string) =>
  queryOptions({
    queryKey: systemKeys.picker(search),
    queryFn: ({ signal }) => api.get('/systems', { query: { q: search, limit: 20, sort: 'name' }, signal }),
    placeholderData: keepPreviousData,
  });

/** Every system, by name, for choosing the subject of a project, a review or a notice. */
export const systemOptionsQuery = queryOptions({
  queryKey: systemKeys.options,
  queryFn: ({ signal }) => api.get('/systems', { query: { limit: 200, sort: 'name' }, signal }),
  staleTime: 60_000,
});
export const useSystemOptions = () => useQuery(systemOptionsQuery);

/** "My systems": where this person is manager or deputy; `filter` narrows for the counts. */
export const mySystemsQuery = (personId: string | null, query: Omit<SystemListQuery, 'stewardPersonId'>) => {
  const full = { ...query, stewardPersonId: personId ?? undefined };
  return queryOptions({
    queryKey: systemKeys.mine(full),
    queryFn: ({ signal }) => api.get('/systems', { query: full, signal }),
    enabled: Boolean(personId),
    placeholderData: keepPreviousData,
  });
};

export function useSaveSystem(system: System | null, options: MutationCallbacks<{ body: unknown; version: number }, System> = {}) {
  const queryClient = useQueryClient();
  return useApiMutation(
    ({ body, version }: { body: unknown; version: number }) =>
      system
        ? api.patch('/systems/:id', { params: { id: system.id }, version, body: body as BodyFor<'PATCH /api/v1/systems/:id'> })
        : api.post('/systems', { body: body as BodyFor<'POST /api/v1/systems'> }),
    systemChangeInvalidates,
    {
      ...options,
      onSuccess: (saved, ...rest) => {
        queryClient.setQueryData(systemKeys.detail(saved.id), saved);
        return options.onSuccess?.(saved, ...rest);
      },
    },
  );
}

/** The steward confirms the record is right (ITP-4.2-CONFIRM); a stale version reloads the page's record. */
export function useConfirmSystem(system: Pick<System, 'id' | 'version'>, options: MutationCallbacks<void, System> = {}) {
  const queryClient = useQueryClient();
  return useApiMutation(
    () => api.post('/systems/:id/confirm', { params: { id: system.id }, version: system.version, body: {} }),
    systemChangeInvalidates,
    {
      ...options,
      onSuccess: (saved, ...rest) => {
        queryClient.setQueryData(systemKeys.detail(saved.id), saved);
        return options.onSuccess?.(saved, ...rest);
      },
      onError: (error, ...rest) => {
        if (isApiError(error, 'version_mismatch')) void queryClient.invalidateQueries({ queryKey: systemKeys.detail(system.id) });
        return options.onError?.(error, ...rest);
      },
    },
  );
}

/** Deleting drops the record's cache first, so nothing asks for it again (a 404) on the way out. */
export function useDeleteSystem(system: Pick<System, 'id' | 'version'> | undefined, options: MutationCallbacks<void, undefined> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: () => api.delete('/systems/:id', { params: { id: system!.id }, version: system!.version }),
    onSuccess: (...args) => {
      queryClient.removeQueries({ queryKey: systemKeys.detail(system!.id) });
      for (const queryKey of systemChangeInvalidates) void queryClient.invalidateQueries({ queryKey });
      return options.onSuccess?.(...args);
    },
  });
}

/* ---------- People (manager and deputies) ---------- */

export const assignmentListQuery = (systemId: string, includeEnded: boolean) => {
  const query = includeEnded ? ({ includeEnded: 'true' } as const) : {};
  return queryOptions({
    queryKey: systemKeys.assignments(systemId, query),
    queryFn: ({ signal }) => api.get('/systems/:id/assignments', { params: { id: systemId }, query, signal }),
    placeholderData: keepPreviousData,
  });
};

export const useAppoint = (systemId: string, options: MutationCallbacks<BodyFor<'POST /api/v1/systems/:id/assignments'>, Assignment>) =>
  useApiMutation(
    (body: BodyFor<'POST /api/v1/systems/:id/assignments'>) => api.post('/systems/:id/assignments', { params: { id: systemId }, body }),
    systemChangeInvalidates,
    options,
  );

export const useChangeAssignment = (
  systemId: string,
  assignment: Assignment,
  options: MutationCallbacks<BodyFor<'PATCH /api/v1/systems/:id/assignments/:assignmentId'>, Assignment>,
) =>
  useApiMutation(
    (body: BodyFor<'PATCH /api/v1/systems/:id/assignments/:assignmentId'>) =>
      api.patch('/systems/:id/assignments/:assignmentId', {
        params: { id: systemId, assignmentId: assignment.id },
        version: assignment.version,
        body,
      }),
    systemChangeInvalidates,
    options,
  );

/* ---------- Duties ---------- */

export const dutiesQuery = (systemId: string) =>
  queryOptions({
    queryKey: systemKeys.duties(systemId),
    queryFn: ({ signal }) => api.get('/systems/:id/duties', { params: { id: systemId }, signal }),
  });

export function useSaveDuty(
  systemId: string,
  duty: Duty,
  options: MutationCallbacks<BodyFor<'PATCH /api/v1/systems/:id/duties/:duty'>, Duty>,
) {
  const queryClient = useQueryClient();
  return useApiMutation(
    (body: BodyFor<'PATCH /api/v1/systems/:id/duties/:duty'>) =>
      api.patch('/systems/:id/duties/:duty', { params: { id: systemId, duty: duty.duty }, version: duty.version, body }),
    [systemKeys.duties(systemId), complianceKeys.all],
    {
      ...options,
      onError: (error, ...rest) => {
        // Someone saved this duty meanwhile: show theirs, so the next save starts from it.
        if (isApiError(error, 'version_mismatch')) void queryClient.invalidateQueries({ queryKey: systemKeys.duties(systemId) });
        return options.onError?.(error, ...rest);
      },
    },
  );
}

/* ---------- Integrations and the graph ---------- */

export const systemGraphQuery = (systemId: string) =>
  queryOptions({
    queryKey: systemKeys.graph(systemId),
    queryFn: ({ signal }) => api.get('/systems/:id/graph', { params: { id: systemId }, signal }),
  });

export const integrationListQuery = (query: QueryFor<'GET /api/v1/integrations'>) =>
  queryOptions({
    queryKey: integrationKeys.list(query),
    queryFn: ({ signal }) => api.get('/integrations', { query, signal }),
    placeholderData: keepPreviousData,
  });

const integrationChangeInvalidates = [integrationKeys.all, systemKeys.graphs] as const;

export type IntegrationSave =
  | { integration: Integration; body: BodyFor<'PATCH /api/v1/integrations/:id'> }
  | { integration: null; body: BodyFor<'POST /api/v1/integrations'> };

export const useSaveIntegration = (options: MutationCallbacks<IntegrationSave, Integration>) =>
  useApiMutation(
    (save: IntegrationSave) =>
      save.integration
        ? api.patch('/integrations/:id', { params: { id: save.integration.id }, version: save.integration.version, body: save.body })
        : api.post('/integrations', { body: save.body }),
    integrationChangeInvalidates,
    options,
  );

export const useRemoveIntegration = (options: MutationCallbacks<Integration, undefined>) =>
  useApiMutation(
    (integration: Integration) => api.delete('/integrations/:id', { params: { id: integration.id }, version: integration.version }),
    integrationChangeInvalidates,
    options,
  );
