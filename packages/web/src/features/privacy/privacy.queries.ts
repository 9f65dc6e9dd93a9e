import type {
  Mailbox,
  MailboxCreate,
  MailboxUpdate,
  PrivacyReviewCreate,
  ProcessingActivity,
  ProcessingActivityCreate,
  ProcessingActivityUpdate,
} from '@forvalta/contracts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, downloadByPost, downloadUrl } from '../../api/client.ts';
import { useApiMutation } from '../../api/mutations.ts';
import { auditKeys } from '../audit/audit.queries.ts';
import { complianceKeys } from '../compliance/compliance.queries.ts';
import { taskKeys } from '../tasks/tasks.queries.ts';
import { type ActivityFilters, activityListQuery, type MailboxFilters, mailboxListQuery } from './privacy-values.ts';

export const processingActivityKeys = {
  all: ['processing-activities'] as const,
  list: (query: object) => ['processing-activities', 'list', query] as const,
  detail: (id: string) => ['processing-activities', 'detail', id] as const,
  reviews: (id: string) => ['processing-activities', 'reviews', id] as const,
};
export const mailboxKeys = {
  all: ['mailboxes'] as const,
  list: (query: object) => ['mailboxes', 'list', query] as const,
  detail: (id: string) => ['mailboxes', 'detail', id] as const,
};

type Page = { sort: string | undefined; cursor: string | undefined; limit: number };

/** One page of the register; `extra` is a fixed filter of the page showing it (the queue, a system's section). */
export const processingActivityListQuery = (filters: ActivityFilters, today: string, page: Page, extra: { reviewDue?: 'true' } = {}) => {
  const query = { ...activityListQuery(filters, today), ...extra, ...page };
  return queryOptions({
    queryKey: processingActivityKeys.list(query),
    queryFn: ({ signal }) => api.get('/processing-activities', { query, signal }),
    placeholderData: keepPreviousData,
  });
};

/** The article 30 register as XLSX or PDF with the filters on screen, without paging. */
export const processingActivitiesExportUrl = (filters: ActivityFilters, today: string, format: 'xlsx' | 'pdf') =>
  downloadUrl('/processing-activities/export', { format, ...activityListQuery(filters, today) });

/**
 * The register with its confidential records (ADR 0030): a POST with the reason, as the export is
 * recorded in the audit log, whose queries are read again after it.
 */
export const useConfidentialExport = (filters: ActivityFilters, today: string) =>
  useApiMutation(
    ({ format, reason }: { format: 'xlsx' | 'pdf'; reason: string }) =>
      downloadByPost('/processing-activities/export', { reason }, {}, { format, ...activityListQuery(filters, today) }),
    [auditKeys.all],
  );

export const processingActivityQuery = (id: string) =>
  queryOptions({
    queryKey: processingActivityKeys.detail(id),
    queryFn: ({ signal }) => api.get('/processing-activities/:id', { params: { id }, signal }),
  });

export const privacyReviewsQuery = (id: string) =>
  queryOptions({
    queryKey: processingActivityKeys.reviews(id),
    queryFn: ({ signal }) => api.get('/processing-activities/:id/reviews', { params: { id }, signal }),
  });

export const loadProcessingActivity = (activity: ProcessingActivity) =>
  api.get('/processing-activities/:id', { params: { id: activity.id } });

/** Creates a record, or edits it with If-Match on the version the form opened. */
export const saveProcessingActivity = (body: ProcessingActivityCreate, activity: ProcessingActivity | null, version: number | undefined) =>
  activity
    ? api.patch('/processing-activities/:id', { params: { id: activity.id }, version, body: body satisfies ProcessingActivityUpdate })
    : api.post('/processing-activities', { body });

/**
 * A record moves the register, the system's compliance (ITP-8-PERSONAL-DATA) and, as a change sends
 * it back to the officer, their to-do list.
 */
export const processingActivitySavedInvalidates = [processingActivityKeys.all, complianceKeys.all, taskKeys.all] as const;

export const useDeleteProcessingActivity = () =>
  useApiMutation(
    (activity: ProcessingActivity) => api.delete('/processing-activities/:id', { params: { id: activity.id }, version: activity.version }),
    processingActivitySavedInvalidates,
  );

/** The officer's review, with If-Match on the version reviewed: a record changed meanwhile is refused (412). */
export const useReviewProcessingActivity = (activity: ProcessingActivity) =>
  useApiMutation(
    (body: PrivacyReviewCreate) =>
      api.post('/processing-activities/:id/reviews', { params: { id: activity.id }, version: activity.version, body }),
    processingActivitySavedInvalidates,
  );

/** One page of mailboxes; `personId` narrows to those a person watches or stands in for. */
export const mailboxListQueryOptions = (filters: MailboxFilters, page: Page, personId?: string) => {
  const query = { ...mailboxListQuery(filters), ...(personId ? { personId } : {}), ...page };
  return queryOptions({
    queryKey: mailboxKeys.list(query),
    queryFn: ({ signal }) => api.get('/mailboxes', { query, signal }),
    placeholderData: keepPreviousData,
  });
};

export const loadMailbox = (mailbox: Mailbox) => api.get('/mailboxes/:id', { params: { id: mailbox.id } });

export const saveMailbox = (body: MailboxCreate, mailbox: Mailbox | null, version: number | undefined) =>
  mailbox
    ? api.patch('/mailboxes/:id', { params: { id: mailbox.id }, version, body: body satisfies MailboxUpdate })
    : api.post('/mailboxes', { body });

/** A mailbox moves its department's ITP-8-MAILBOX result. */
export const mailboxSavedInvalidates = [mailboxKeys.all, complianceKeys.all] as const;

export const useDeleteMailbox = () =>
  useApiMutation(
    (mailbox: Mailbox) => api.delete('/mailboxes/:id', { params: { id: mailbox.id }, version: mailbox.version }),
    mailboxSavedInvalidates,
  );
