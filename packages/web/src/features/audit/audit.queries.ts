import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { listSearchValidator, type UrlPaging } from '../../components/url-paging.ts';
import { stockholmDayStart } from '../../i18n/format.ts';

export const auditEntityTypes = ['department', 'person', 'role_assignment', 'api_token', 'municipality', 'login'] as const;

export const auditKeys = {
  all: ['audit-events'] as const,
  list: (query: object) => ['audit-events', 'list', query] as const,
  systemHistory: (systemId: string, query: object) => ['systems', 'history', systemId, query] as const,
};

/** The audit log's filters as they stand in the address; the person filter keeps the name for its label. */
export interface AuditFilters extends UrlPaging {
  entityType?: (typeof auditEntityTypes)[number];
  entityId?: string;
  actorLoginId?: string;
  actorName?: string;
  from?: string;
  to?: string;
}

export const validateAuditFilters = listSearchValidator<AuditFilters>({
  text: ['entityId', 'actorName'],
  ids: ['actorLoginId'],
  choices: { entityType: auditEntityTypes },
  dates: ['from', 'to'],
});

export const auditEventListQuery = (filters: AuditFilters, page: { cursor: string | undefined; limit: number }) => {
  const query = {
    entityType: filters.entityType,
    entityId: filters.entityId,
    actorLoginId: filters.actorLoginId,
    // Dates are Stockholm calendar days; "to" includes the whole day.
    from: filters.from ? stockholmDayStart(filters.from) : undefined,
    to: filters.to ? stockholmDayStart(filters.to, 1) : undefined,
    sort: '-occurredAt' as const,
    ...page,
  };
  return queryOptions({
    queryKey: auditKeys.list(query),
    queryFn: ({ signal }) => api.get('/audit-events', { query, signal }),
    placeholderData: keepPreviousData,
  });
};

export const systemHistoryQuery = (systemId: string, query: { cursor: string | undefined; limit: number }) =>
  queryOptions({
    queryKey: auditKeys.systemHistory(systemId, query),
    queryFn: ({ signal }) => api.get('/systems/:id/history', { params: { id: systemId }, query, signal }),
    placeholderData: keepPreviousData,
  });
