import type { Incident, IncidentCreate, IncidentReportCreate, IncidentUpdate } from '@forvalta/contracts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { useApiMutation } from '../../api/mutations.ts';
import { taskKeys } from '../tasks/tasks.queries.ts';
import { type IncidentFilters, incidentListQuery } from './incidents-values.ts';

export const incidentKeys = {
  all: ['incidents'] as const,
  list: (query: object) => ['incidents', 'list', query] as const,
  detail: (id: string) => ['incidents', 'detail', id] as const,
};

type Page = { sort?: string | undefined; cursor: string | undefined; limit: number };

export const incidentListQueryOptions = (filters: IncidentFilters, page: Page) => {
  const query = { ...incidentListQuery(filters), ...page };
  return queryOptions({
    queryKey: incidentKeys.list(query),
    queryFn: ({ signal }) => api.get('/incidents', { query, signal }),
    placeholderData: keepPreviousData,
  });
};

/** The open incidents for the timeline, newest detection first (at most 50 on one picture). */
export const openIncidentsQuery = () => {
  const query = { status: 'open', sort: '-detectedAt', limit: 50 } as const;
  return queryOptions({
    queryKey: incidentKeys.list({ timeline: query }),
    queryFn: ({ signal }) => api.get('/incidents', { query, signal }),
  });
};

export const incidentQuery = (id: string) =>
  queryOptions({ queryKey: incidentKeys.detail(id), queryFn: ({ signal }) => api.get('/incidents/:id', { params: { id }, signal }) });

export const loadIncident = (incident: Incident) => api.get('/incidents/:id', { params: { id: incident.id } });

export const saveIncident = (body: IncidentCreate, incident: Incident | null, version: number | undefined) =>
  incident
    ? api.patch('/incidents/:id', { params: { id: incident.id }, version, body: body satisfies IncidentUpdate })
    : api.post('/incidents', { body });

/** An incident moves its clocks and the IT chief's and owners' to-do entries. */
export const incidentSavedInvalidates = [incidentKeys.all, taskKeys.all] as const;

export const useRecordReport = (incident: Incident) =>
  useApiMutation(
    (body: IncidentReportCreate) => api.post('/incidents/:id/reports', { params: { id: incident.id }, version: incident.version, body }),
    incidentSavedInvalidates,
  );

export const useCloseIncident = (incident: Incident) =>
  useApiMutation(
    () => api.patch('/incidents/:id', { params: { id: incident.id }, version: incident.version, body: { status: 'closed' } }),
    incidentSavedInvalidates,
  );
