import type { Role, RoleAssignment, RoleAssignmentCreate } from '@forvalta/contracts';
import { keepPreviousData, queryOptions, type UseMutationOptions } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useApiMutation } from '../../../api/mutations.ts';
import { listSearchValidator, type UrlPaging } from '../../../components/url-paging.ts';
import { allRoles } from './role-names.ts';

export const roleAssignmentKeys = {
  all: ['role-assignments'] as const,
  list: (query: object) => ['role-assignments', 'list', query] as const,
};

export interface RoleFilters extends UrlPaging {
  role?: Role;
}
export const validateRoleFilters = listSearchValidator<RoleFilters>({ choices: { role: allRoles } });

export const roleAssignmentListQuery = (query: { role?: Role | undefined; cursor?: string | undefined; limit?: number }) =>
  queryOptions({
    queryKey: roleAssignmentKeys.list(query),
    queryFn: ({ signal }) => api.get('/role-assignments', { query: { ...query, sort: 'role' }, signal }),
    placeholderData: keepPreviousData,
  });

export const useAssignRole = () =>
  useApiMutation((body: RoleAssignmentCreate) => api.post('/role-assignments', { body }), [roleAssignmentKeys.all]);

export const useRemoveRoleAssignment = (options: Omit<UseMutationOptions<undefined, Error, RoleAssignment>, 'mutationFn'>) =>
  useApiMutation(
    (assignment: RoleAssignment) => api.delete('/role-assignments/:id', { params: { id: assignment.id }, version: assignment.version }),
    [roleAssignmentKeys.all],
    options,
  );
