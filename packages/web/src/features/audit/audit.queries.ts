import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { listSearchValidator, type UrlPaging } from '../../components/url-paging.ts';
import { stockholmDayStart } from '../../i18n/format.ts';

import { auditActions } from '@forvalta/contracts';

/** The record kinds the filter offers (the entity types the server records). */
export const auditEntityTypes = [
  'department',
  'person',
  'role_assignment',
  'api_token',
  'municipality',
  'login',
  'login_invitation',
  'system',
  'system_assignment',
  'system_duty',
  'integration',
  'compliance_exception',
  'compliance_snapshot',
  'policy_pack',
  'public_register_settings',
  'project',
  'project_checkpoint',
  'change_notice',
  'risk_analysis',
  'risk_matrix',
  'review',
  'security_guideline_section',
  'audit_log',
  'audit_chain',
  'policy_document',
  'policy_document_version',
  'acknowledgement',
  'training_course',
  'training_session',
  'training_attendance',
  'access_level',
  'access_right',
  'recertification',
  'role_template',
  'processing_activity',
  'mailbox',
  'software',
  'software_decision',
  'licence',
  'licence_consumption',
  'supplier',
  'contract',
] as const;
export { auditActions };

export const auditKeys = {
  all: ['audit-events'] as const,
  list: (query: object) => ['audit-events', 'list', query] as const,
  systemHistory: (systemId: string, query: object) => ['systems', 'history', systemId, query] as const,
  latestVerification: ['audit-events', 'verification', 'latest'] as const,
};

/** The audit log's filters as they stand in the address; the person filter keeps the name for its label. */
export interface AuditFilters extends UrlPaging {
  entityType?: (typeof auditEntityTypes)[number];
  entityId?: string;
  actorLoginId?: string;
  actorName?: string;
  action?: (typeof auditActions)[number];
  from?: string;
  to?: string;
}

export const validateAuditFilters = listSearchValidator<AuditFilters>({
  text: ['entityId', 'actorName'],
  ids: ['actorLoginId'],
  choices: { entityType: auditEntityTypes, action: auditActions },
  dates: ['from', 'to'],
});

/** The filters as the API reads them: dates are Stockholm calendar days, and "to" includes the whole day. */
export const auditApiFilters = (filters: AuditFilters) => ({
  entityType: filters.entityType,
  entityId: filters.entityId,
  actorLoginId: filters.actorLoginId,
  action: filters.action,
  from: filters.from ? stockholmDayStart(filters.from) : undefined,
  to: filters.to ? stockholmDayStart(filters.to, 1) : undefined,
});

/** The nightly verification's latest result, for the banner; checked again every ten minutes. */
export const latestVerificationQuery = () =>
  queryOptions({
    queryKey: auditKeys.latestVerification,
    queryFn: ({ signal }) => api.get('/audit-events/verification/latest', { signal }),
    staleTime: 10 * 60_000,
  });

export const auditEventListQuery = (filters: AuditFilters, page: { cursor: string | undefined; limit: number }) => {
  const query = { ...auditApiFilters(filters), sort: '-occurredAt' as const, ...page };
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
