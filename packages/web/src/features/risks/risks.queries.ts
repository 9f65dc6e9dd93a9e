import type { RiskAnalysis } from '@forvalta/contracts';
import { queryOptions } from '@tanstack/react-query';
import { api, type BodyFor } from '../../api/client.ts';
import { type MutationCallbacks, useApiMutation } from '../../api/mutations.ts';
import { projectKeys } from '../projects/projects.queries.ts';

export const riskKeys = {
  all: ['risk-analyses'] as const,
  ofSystem: (systemId: string) => ['risk-analyses', systemId] as const,
  list: (systemId: string) => ['risk-analyses', systemId, 'list'] as const,
  detail: (systemId: string, analysisId: string) => ['risk-analyses', systemId, analysisId] as const,
  matrix: ['risk-matrix'] as const,
};

/** A system's risk analyses, newest first (a handful: one a year and its revisions). */
export const riskAnalysesQuery = (systemId: string) =>
  queryOptions({
    queryKey: riskKeys.list(systemId),
    queryFn: ({ signal }) => api.get('/systems/:id/risk-analyses', { params: { id: systemId }, signal }),
  });

export const riskAnalysisQuery = (systemId: string, analysisId: string) =>
  queryOptions({
    queryKey: riskKeys.detail(systemId, analysisId),
    queryFn: ({ signal }) => api.get('/systems/:id/risk-analyses/:analysisId', { params: { id: systemId, analysisId }, signal }),
  });

/** The municipality's current matrix (its labels); it changes seldom. */
export const riskMatrixQuery = queryOptions({
  queryKey: riskKeys.matrix,
  queryFn: ({ signal }) => api.get('/risk-matrix', { signal }),
  staleTime: 60_000,
});

type AnalysisBody = BodyFor<'POST /api/v1/systems/:id/risk-analyses'>;

/** A new analysis, or a revision of one (If-Match with the version opened; the server keeps the old one). */
export const useSaveRiskAnalysis = (
  systemId: string,
  revising: RiskAnalysis | undefined,
  options: MutationCallbacks<AnalysisBody, RiskAnalysis>,
) =>
  useApiMutation(
    (body: AnalysisBody) =>
      revising
        ? api.post('/systems/:id/risk-analyses/:analysisId/revisions', {
            params: { id: systemId, analysisId: revising.id },
            version: revising.version,
            body,
          })
        : api.post('/systems/:id/risk-analyses', { params: { id: systemId }, body }),
    // A project's gate checks whether its system has a current analysis.
    [riskKeys.ofSystem(systemId), projectKeys.all],
    options,
  );
