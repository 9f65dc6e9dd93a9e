import type { Acknowledgement, AcknowledgementListQuery, AcknowledgementPaperRecord, AcknowledgementReminder } from '@forvalta/contracts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { useApiMutation } from '../../api/mutations.ts';
import { complianceKeys } from '../compliance/compliance.queries.ts';

export const acknowledgementKeys = {
  all: ['acknowledgements'] as const,
  list: (query: object) => ['acknowledgements', 'list', query] as const,
  coverage: (documentId: string) => ['acknowledgements', 'coverage', documentId] as const,
  coverageSummary: ['acknowledgements', 'coverage', 'summary'] as const,
  preview: (versionId: string, editorial: boolean) => ['acknowledgements', 'preview', versionId, editorial] as const,
};
/** An acknowledgement moves the coverage and the compliance figures (ITP-4.2-KNOW); the to-do list follows every write (app/query-client.ts). */
const acknowledgementChangeInvalidates = [acknowledgementKeys.all, complianceKeys.all] as const;

export const acknowledgementListQuery = (query: Partial<AcknowledgementListQuery>) =>
  queryOptions({
    queryKey: acknowledgementKeys.list(query),
    queryFn: ({ signal }) => api.get('/acknowledgements', { query, signal }),
    placeholderData: keepPreviousData,
  });

/** The signed-in person's own request for one version (at most one). */
export const ownRequestQuery = (personId: string, versionId: string) => acknowledgementListQuery({ personId, versionId, limit: 1 });

export const coverageQuery = (documentId: string) =>
  queryOptions({
    queryKey: acknowledgementKeys.coverage(documentId),
    queryFn: ({ signal }) => api.get('/acknowledgements/coverage/:documentId', { params: { documentId }, signal }),
  });

/** Every document that asks acknowledgement with its current version's totals: the documents list's share, in one call. */
export const coverageSummaryQuery = queryOptions({
  queryKey: acknowledgementKeys.coverageSummary,
  queryFn: ({ signal }) => api.get('/acknowledgements/coverage', { signal }),
});

/** What adopting the version would do: how many are asked, how many acknowledgements carry over. */
export const adoptionPreviewQuery = (versionId: string, editorial: boolean) =>
  queryOptions({
    queryKey: acknowledgementKeys.preview(versionId, editorial),
    queryFn: ({ signal }) =>
      api.get('/acknowledgements/preview/:versionId', {
        params: { versionId },
        query: { editorial: editorial ? 'true' : 'false' },
        signal,
      }),
    placeholderData: keepPreviousData,
  });

/** "Jag har läst och förstått": the caller's own request, at the version they saw. */
export const useAcknowledge = () =>
  useApiMutation(
    (request: Acknowledgement) =>
      api.post('/acknowledgements/:id/acknowledge', { params: { id: request.id }, version: request.version, body: {} }),
    acknowledgementChangeInvalidates,
  );

/** A department head records what the person signed on paper. */
export const useRecordFromPaper = () =>
  useApiMutation(
    ({ request, body }: { request: Acknowledgement; body: AcknowledgementPaperRecord }) =>
      api.post('/acknowledgements/:id/paper-record', { params: { id: request.id }, version: request.version, body }),
    acknowledgementChangeInvalidates,
  );

/** Reminders are registered on the open requests (the e-mail itself comes with issue #18). */
export const useSendReminders = () =>
  useApiMutation((body: AcknowledgementReminder) => api.post('/acknowledgements/reminders', { body }), [acknowledgementKeys.all]);
