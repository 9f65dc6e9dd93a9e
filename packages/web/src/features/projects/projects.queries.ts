import type {
  BudgetInput,
  CheckpointCreate,
  ComplianceAnalysisUpdate,
  Project,
  ProjectAction,
  ProjectApprove,
  ProjectCreate,
  ProjectReject,
  ProjectUpdate,
} from '@forvalta/contracts';
import { keepPreviousData, queryOptions, type UseMutationOptions, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { useApiMutation } from '../../api/mutations.ts';
import type { ProjectFilters } from './project-values.ts';

export const projectKeys = {
  all: ['projects'] as const,
  lists: ['projects', 'list'] as const,
  list: (query: object) => ['projects', 'list', query] as const,
  detail: (id: string) => ['projects', 'detail', id] as const,
  budgetRevisions: (id: string) => ['projects', 'budget-revisions', id] as const,
};

export const projectListQuery = (filters: ProjectFilters, page: { cursor: string | undefined; limit: number }) => {
  const query = {
    state: filters.state,
    kind: filters.kind,
    departmentId: filters.departmentId,
    q: filters.q,
    sort: '-updatedAt' as const,
    ...page,
  };
  return queryOptions({
    queryKey: projectKeys.list(query),
    queryFn: ({ signal }) => api.get('/projects', { query, signal }),
    placeholderData: keepPreviousData,
  });
};

export const projectQuery = (id: string) =>
  queryOptions({ queryKey: projectKeys.detail(id), queryFn: ({ signal }) => api.get('/projects/:id', { params: { id }, signal }) });

export const budgetRevisionsQuery = (id: string) =>
  queryOptions({
    queryKey: projectKeys.budgetRevisions(id),
    queryFn: ({ signal }) => api.get('/projects/:id/budget/revisions', { params: { id }, signal }),
  });

const target = (project: Pick<Project, 'id' | 'version'>) => ({ params: { id: project.id }, version: project.version });

export const updateProject = (project: Project, body: ProjectUpdate) => api.patch('/projects/:id', { ...target(project), body });
export const saveBudget = (project: Project, body: BudgetInput) => api.put('/projects/:id/budget', { ...target(project), body });
export const saveComplianceAnalysis = (project: Project, body: ComplianceAnalysisUpdate) =>
  api.put('/projects/:id/compliance-analysis', { ...target(project), body });

export const useCreateProject = (options: Omit<UseMutationOptions<Project, Error, ProjectCreate>, 'mutationFn'>) =>
  useApiMutation((body: ProjectCreate) => api.post('/projects', { body }), [projectKeys.all], options);

export const useAddCheckpoint = (project: Project) =>
  useApiMutation(
    (body: CheckpointCreate) => api.post('/projects/:id/checkpoints', { params: { id: project.id }, body }),
    [projectKeys.detail(project.id)],
  );

/** A step without a decision (start, submit, reopen, close); approving and rejecting carry one. */
export function runProjectAction(project: Project, action: ProjectAction) {
  if (action === 'approve' || action === 'reject') {
    return Promise.reject(new Error(`${action} carries a decision: use ${action}Project`));
  }
  return api.post(`/projects/:id/${action}`, { ...target(project), body: {} });
}

export const approveProject = (project: Project, body: ProjectApprove) => api.post('/projects/:id/approve', { ...target(project), body });
export const rejectProject = (project: Project, body: ProjectReject) => api.post('/projects/:id/reject', { ...target(project), body });

/** Puts a saved project in the cache, so every section shows the new version. */
export function useSaveProject() {
  const queryClient = useQueryClient();
  return (project: Project) => {
    queryClient.setQueryData(projectKeys.detail(project.id), project);
    void queryClient.invalidateQueries({ queryKey: projectKeys.lists });
    void queryClient.invalidateQueries({ queryKey: projectKeys.budgetRevisions(project.id) });
  };
}
