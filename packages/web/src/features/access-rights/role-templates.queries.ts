import type { RoleTemplate, RoleTemplateApply, RoleTemplateCreate, RoleTemplateUpdate } from '@forvalta/contracts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { type MutationCallbacks, useApiMutation } from '../../api/mutations.ts';
import { taskKeys } from '../tasks/tasks.queries.ts';
import { accessRightKeys } from './access-rights.queries.ts';

export const roleTemplateKeys = {
  all: ['role-templates'] as const,
  list: (query: object) => ['role-templates', 'list', query] as const,
};

export const roleTemplateListQuery = (page: { cursor: string | undefined; limit: number }) => {
  const query = { ...page, sort: 'name' } as const;
  return queryOptions({
    queryKey: roleTemplateKeys.list(query),
    queryFn: ({ signal }) => api.get('/role-templates', { query, signal }),
    placeholderData: keepPreviousData,
  });
};

/** A new template, or an edited one (at the version the form was read at). */
export const useSaveRoleTemplate = (
  template: RoleTemplate | null,
  options: MutationCallbacks<RoleTemplateCreate | RoleTemplateUpdate, RoleTemplate> = {},
) =>
  useApiMutation(
    (body: RoleTemplateCreate | RoleTemplateUpdate) =>
      template
        ? api.patch('/role-templates/:id', { params: { id: template.id }, version: template.version, body })
        : api.post('/role-templates', { body: body as RoleTemplateCreate }),
    [roleTemplateKeys.all],
    options,
  );

export const useDeleteRoleTemplate = (options: MutationCallbacks<RoleTemplate, unknown> = {}) =>
  useApiMutation(
    (template: RoleTemplate) => api.delete('/role-templates/:id', { params: { id: template.id }, version: template.version }),
    [roleTemplateKeys.all],
    options,
  );

/** Applying requests every right of the template at once: the access lists, the gate and the to-do lists move. */
export const useApplyRoleTemplate = (
  template: RoleTemplate,
  options: MutationCallbacks<RoleTemplateApply, Awaited<ReturnType<typeof apply>>> = {},
) => useApiMutation((body: RoleTemplateApply) => apply(template.id, body), [accessRightKeys.all, taskKeys.all], options);
const apply = (id: string, body: RoleTemplateApply) => api.post('/role-templates/:id/apply', { params: { id }, body });
