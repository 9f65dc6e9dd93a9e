import type { Review, ReviewCreate, ReviewUpdate } from '@forvalta/contracts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { useApiMutation } from '../../api/mutations.ts';
import { complianceKeys } from '../compliance/compliance.queries.ts';
import { type ReviewFilters, reviewListQuery } from './review-filters.ts';

export const reviewKeys = {
  all: ['reviews'] as const,
  list: (query: object) => ['reviews', 'list', query] as const,
  detail: (id: string) => ['reviews', 'detail', id] as const,
};
/** A held review moves the compliance figures (ITP reviews are a rule). */
const reviewChangeInvalidates = [reviewKeys.all, complianceKeys.all] as const;

export const reviewPlanningQuery = (filters: ReviewFilters, today: string, page: { cursor: string | undefined; limit: number }) => {
  const query = { ...reviewListQuery(filters, today), ...page };
  return queryOptions({
    queryKey: reviewKeys.list(query),
    queryFn: ({ signal }) => api.get('/reviews', { query, signal }),
    placeholderData: keepPreviousData,
  });
};

/** A system's reviews, newest first (a system has a handful a year). */
export const systemReviewsQuery = (systemId: string) => {
  const query = { systemId, sort: '-plannedOn', limit: 50 } as const;
  return queryOptions({ queryKey: reviewKeys.list(query), queryFn: ({ signal }) => api.get('/reviews', { query, signal }) });
};

export const reviewQuery = (id: string) =>
  queryOptions({ queryKey: reviewKeys.detail(id), queryFn: ({ signal }) => api.get('/reviews/:id', { params: { id }, signal }) });

export type ReviewSave = { review: Review; body: ReviewUpdate } | { review: null; body: ReviewCreate };

export const useSaveReview = () =>
  useApiMutation(
    (save: ReviewSave) =>
      save.review
        ? api.patch('/reviews/:id', { params: { id: save.review.id }, version: save.review.version, body: save.body })
        : api.post('/reviews', { body: save.body }),
    reviewChangeInvalidates,
  );
