import {
  type ClauseCheck,
  type ComplianceException,
  clauseChecks,
  type complianceFrameworks,
  type PolicyPackView,
} from '@forvalta/contracts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, type BodyFor, downloadUrl, type QueryFor } from '../../api/client.ts';
import { type MutationCallbacks, useApiMutation } from '../../api/mutations.ts';
import { pickValue, prefixedSearchValidator } from '../../components/url-paging.ts';

/**
 * The cache keys of compliance. Every write that can change a rule's outcome (a system, a person,
 * a duty, an exception, a pack version) invalidates `all`, so the summary and the results follow.
 */
export const complianceKeys = {
  all: ['compliance'] as const,
  summary: (department: string | undefined) => ['compliance', 'summary', department ?? 'all'] as const,
  results: (query: object) => ['compliance', 'results', query] as const,
  exceptions: ['compliance', 'exceptions'] as const,
};

export const policyPackKeys = {
  all: ['policy-packs'] as const,
  list: ['policy-packs', 'list'] as const,
  detail: (id: string | undefined) => ['policy-packs', 'detail', id] as const,
};

export const resultStatuses = ['fail', 'pass', 'not_applicable'] as const;

/** The framework shown: the IT policy (absent from the address) or the Cybersecurity Act (`nis2`, ADR 0037). */
export type Framework = (typeof complianceFrameworks)[number];

/** The framework in an address: only `nis2` is written, the policy is the default. */
export function frameworkSearch(search: Record<string, unknown>): { framework?: 'nis2' } {
  return search.framework === 'nis2' ? { framework: 'nis2' } : {};
}

/** The overview's address: the framework, the department shown and which clause checks the clause table lists. */
export function validateComplianceOverview(search: Record<string, unknown>): {
  department?: string;
  check?: ClauseCheck;
  framework?: 'nis2';
} {
  const department =
    typeof search.department === 'string' && /^[\w-]{1,64}$/.test(search.department) ? { department: search.department } : {};
  const check = pickValue(clauseChecks, search.check);
  return { ...frameworkSearch(search), ...department, ...(check ? { check } : {}) };
}

/** A clause page's list of subjects: its status and page under `results.` in the address. */
export const validateClauseResults = prefixedSearchValidator('results', { choices: { status: resultStatuses } });

/** The summary under a framework: the IT policy's, or the Cybersecurity Act's measures judged by the rules they rest on (ADR 0037). */
export const complianceSummaryQuery = (department: string | undefined, framework: Framework = 'policy') =>
  queryOptions({
    queryKey: [...complianceKeys.summary(department), framework] as const,
    queryFn: ({ signal }) =>
      api.get('/compliance', { query: { ...(department ? { department } : {}), ...(framework === 'nis2' ? { framework } : {}) }, signal }),
  });

/** The NIS2 status report (issue #19): the Act's measures and the systems in its scope. */
export const nis2ReportQuery = queryOptions({
  queryKey: [...complianceKeys.all, 'nis2-report'] as const,
  queryFn: ({ signal }) => api.get('/compliance/nis2-report', { signal }),
});

/** The same report as a file to hand on. */
export const nis2ReportExportUrl = (format: 'xlsx' | 'pdf') => downloadUrl('/compliance/nis2-report/export', { format });

/** One page of rule outcomes; `systems` is a comma-separated list of system ids (one request for a page of systems). */
export const complianceResultsQuery = (query: QueryFor<'GET /api/v1/compliance/results'>) =>
  queryOptions({
    queryKey: complianceKeys.results(query),
    queryFn: ({ signal }) => api.get('/compliance/results', { query, signal }),
    placeholderData: keepPreviousData,
  });

/** A system's outcome on every clause (a system is judged on about twenty, well under one page). */
export const systemComplianceQuery = (systemId: string) => complianceResultsQuery({ system: systemId, limit: 100 });

export const complianceExceptionsQuery = queryOptions({
  queryKey: complianceKeys.exceptions,
  queryFn: ({ signal }) => api.get('/compliance/exceptions', { signal }),
});

export const policyPacksQuery = queryOptions({
  queryKey: policyPackKeys.list,
  queryFn: ({ signal }) => api.get('/policy-packs', { signal }),
});

export const policyPackQuery = (id: string | undefined) =>
  queryOptions({
    queryKey: policyPackKeys.detail(id),
    queryFn: ({ signal }) => api.get('/policy-packs/:id', { params: { id: id ?? '' }, signal }),
    enabled: Boolean(id),
  });

type VersionBody = BodyFor<'POST /api/v1/policy-packs/:id/versions'>;
export const usePublishPolicyPackVersion = (packId: string, options: MutationCallbacks<VersionBody, PolicyPackView> = {}) =>
  useApiMutation(
    (body: VersionBody) => api.post('/policy-packs/:id/versions', { params: { id: packId }, body }),
    [policyPackKeys.all, complianceKeys.all],
    options,
  );

type ExceptionBody = BodyFor<'POST /api/v1/compliance/exceptions'>;
export const useCreateComplianceException = (options: MutationCallbacks<ExceptionBody, ComplianceException>) =>
  useApiMutation((body: ExceptionBody) => api.post('/compliance/exceptions', { body }), [complianceKeys.all], options);

export const useRemoveComplianceException = (options: MutationCallbacks<ComplianceException, undefined>) =>
  useApiMutation(
    (exception: ComplianceException) =>
      api.delete('/compliance/exceptions/:id', { params: { id: exception.id }, version: exception.version }),
    [complianceKeys.all],
    options,
  );
