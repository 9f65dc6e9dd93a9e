import type { AccessRight, AccessRightGrant, AccessRightImportQuery, AccessRightListQuery } from '@forvalta/contracts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, uploadFile } from '../../api/client.ts';
import { useApiMutation, type MutationCallbacks } from '../../api/mutations.ts';
import { taskKeys } from '../tasks/tasks.queries.ts';

export const accessRightKeys = {
  all: ['access-rights'] as const,
  list: (query: object) => ['access-rights', 'list', query] as const,
  levels: (systemId: string) => ['access-rights', 'levels', systemId] as const,
  gate: (systemId: string, personId: string) => ['access-rights', 'gate', systemId, personId] as const,
};
/** A grant or an end moves the lists, the gate and the to-do lists (a pending acknowledgement, a leaver's right). */
const accessChangeInvalidates = [accessRightKeys.all, taskKeys.all] as const;

export type AccessRightFilters = Pick<AccessRightListQuery, 'systemId' | 'personId' | 'state' | 'levelId' | 'q'> & { flagged?: boolean };

export const accessRightListQuery = (filters: Partial<AccessRightFilters>, page: { cursor: string | undefined; limit: number }) => {
  const { flagged, ...rest } = filters;
  const query = { ...rest, ...(flagged ? { flagged: 'true' as const } : {}), ...page, sort: 'personName' } as const;
  return queryOptions({
    queryKey: accessRightKeys.list(query),
    queryFn: ({ signal }) => api.get('/access-rights', { query, signal }),
    placeholderData: keepPreviousData,
  });
};

/** A system's access levels (a handful): for the grant dialog and the filters. */
export const accessLevelsQuery = (systemId: string) =>
  queryOptions({
    queryKey: accessRightKeys.levels(systemId),
    queryFn: ({ signal }) => api.get('/systems/:id/access-levels', { params: { id: systemId }, query: { limit: 200 }, signal }),
  });

/** The first-grant gate for a person, shown before the grant is saved (ITP-3-INFORM-NEW). */
export const accessGateQuery = (systemId: string, personId: string) =>
  queryOptions({
    queryKey: accessRightKeys.gate(systemId, personId),
    queryFn: ({ signal }) => api.get('/systems/:id/access-gate', { params: { id: systemId }, query: { personId }, signal }),
  });

/** The same gate for a person, for those who request rights from templates (a department head for their people). */
export const personAccessGateQuery = (personId: string) =>
  queryOptions({
    queryKey: accessRightKeys.gate('person', personId),
    queryFn: ({ signal }) => api.get('/people/:id/access-gate', { params: { id: personId }, signal }),
  });

export const useGrantAccessRight = (options: MutationCallbacks<AccessRightGrant, Awaited<ReturnType<typeof grant>>> = {}) =>
  useApiMutation((body: AccessRightGrant) => grant(body), accessChangeInvalidates, options);
const grant = (body: AccessRightGrant) => api.post('/access-rights', { body });

export const useEndAccessRight = (options: MutationCallbacks<{ right: AccessRight; note: string | null }, AccessRight> = {}) =>
  useApiMutation(
    ({ right, note }: { right: AccessRight; note: string | null }) =>
      api.post('/access-rights/:id/end', { params: { id: right.id }, version: right.version, body: { note } }),
    accessChangeInvalidates,
    options,
  );

export const useActivateAccessRight = (options: MutationCallbacks<{ right: AccessRight; exceptionReason: string }, AccessRight> = {}) =>
  useApiMutation(
    ({ right, exceptionReason }: { right: AccessRight; exceptionReason: string }) =>
      api.post('/access-rights/:id/activate', { params: { id: right.id }, version: right.version, body: { exceptionReason } }),
    accessChangeInvalidates,
    options,
  );

/** A dry run reads only; an apply changes the rights every access list shows. */
export const useImportAccessRights = () =>
  useApiMutation(
    ({ file, query }: { file: File; query: AccessRightImportQuery }) => uploadFile('/access-rights/import', file, query),
    (variables) => (variables.query.mode === 'apply' ? [accessRightKeys.all] : []),
  );
