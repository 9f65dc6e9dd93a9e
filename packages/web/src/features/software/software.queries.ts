import type {
  ConsumptionCreate,
  ConsumptionImportQuery,
  Licence,
  LicenceCreate,
  LicenceUpdate,
  Software,
  SoftwareCreate,
  SoftwareDecision,
  SoftwareDecisionCreate,
  SoftwareDecisionDecide,
  SoftwareUpdate,
} from '@forvalta/contracts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, uploadFile } from '../../api/client.ts';
import { useApiMutation } from '../../api/mutations.ts';
import { complianceKeys } from '../compliance/compliance.queries.ts';
import { systemKeys } from '../systems/systems.queries.ts';
import { type SoftwareFilters, softwareListQuery } from './software-values.ts';

export const softwareKeys = {
  all: ['software'] as const,
  list: (query: object) => ['software', 'list', query] as const,
  detail: (id: string) => ['software', 'detail', id] as const,
};
export const decisionKeys = {
  all: ['software-decisions'] as const,
  list: (query: object) => ['software-decisions', 'list', query] as const,
};
export const licenceKeys = {
  all: ['licences'] as const,
  list: (query: object) => ['licences', 'list', query] as const,
  position: (query: object) => ['licences', 'position', query] as const,
  consumption: (query: object) => ['licences', 'consumption', query] as const,
};

type Page = { sort?: string | undefined; cursor: string | undefined; limit: number };

export const softwareListQueryOptions = (filters: SoftwareFilters, page: Page) => {
  const query = { ...softwareListQuery(filters), ...page };
  return queryOptions({
    queryKey: softwareKeys.list(query),
    queryFn: ({ signal }) => api.get('/software', { query, signal }),
    placeholderData: keepPreviousData,
  });
};

/** Every product for a picker (a municipality has tens, not thousands). */
export const softwareOptionsQuery = () => softwareListQueryOptions({}, { sort: 'product', cursor: undefined, limit: 200 });

export const softwareQuery = (id: string) =>
  queryOptions({ queryKey: softwareKeys.detail(id), queryFn: ({ signal }) => api.get('/software/:id', { params: { id }, signal }) });

export const loadSoftware = (software: Software) => api.get('/software/:id', { params: { id: software.id } });

export const saveSoftware = (body: SoftwareCreate, software: Software | null, version: number | undefined) =>
  software
    ? api.patch('/software/:id', { params: { id: software.id }, version, body: body satisfies SoftwareUpdate })
    : api.post('/software', { body });

/** A product moves the systems' ITP-7 results and, through its systems, the production gate. */
export const softwareSavedInvalidates = [softwareKeys.all, decisionKeys.all, licenceKeys.all, complianceKeys.all, systemKeys.all] as const;

export const useDeleteSoftware = () =>
  useApiMutation(
    (software: Software) => api.delete('/software/:id', { params: { id: software.id }, version: software.version }),
    softwareSavedInvalidates,
  );

export const decisionListQuery = (softwareId: string, page: Page) => {
  const query = { softwareId, sort: '-proposedOn', ...page };
  return queryOptions({
    queryKey: decisionKeys.list(query),
    queryFn: ({ signal }) => api.get('/software-decisions', { query, signal }),
    placeholderData: keepPreviousData,
  });
};

export const useProposeDecision = () =>
  useApiMutation((body: SoftwareDecisionCreate) => api.post('/software-decisions', { body }), softwareSavedInvalidates);

/** The IT chief's decision, with If-Match on the proposal as shown (a proposal changed meanwhile is refused, 412). */
export const useDecide = (decision: SoftwareDecision) =>
  useApiMutation(
    (body: SoftwareDecisionDecide) =>
      api.post('/software-decisions/:id/decide', { params: { id: decision.id }, version: decision.version, body }),
    softwareSavedInvalidates,
  );

export const licencePositionQuery = (query: {
  softwareId?: string;
  systemId?: string;
  overOnly?: 'true';
  cursor: string | undefined;
  limit: number;
}) =>
  queryOptions({
    queryKey: licenceKeys.position(query),
    queryFn: ({ signal }) => api.get('/licence-position', { query, signal }),
    placeholderData: keepPreviousData,
  });

export const licenceListQuery = (query: { softwareId?: string; sort?: string; cursor: string | undefined; limit: number }) =>
  queryOptions({
    queryKey: licenceKeys.list(query),
    queryFn: ({ signal }) => api.get('/licences', { query, signal }),
    placeholderData: keepPreviousData,
  });

export const consumptionListQuery = (query: { softwareId?: string; cursor: string | undefined; limit: number }) =>
  queryOptions({
    queryKey: licenceKeys.consumption(query),
    queryFn: ({ signal }) => api.get('/licence-consumption', { query, signal }),
    placeholderData: keepPreviousData,
  });

export const loadLicence = (licence: Licence) => api.get('/licences/:id', { params: { id: licence.id } });

export const saveLicence = (body: LicenceCreate, licence: Licence | null, version: number | undefined) => {
  if (!licence) return api.post('/licences', { body });
  const { softwareId: _softwareId, ...changes } = body;
  return api.patch('/licences/:id', { params: { id: licence.id }, version, body: changes satisfies LicenceUpdate });
};

/** Licences and consumption move the position and ITP-7-LICENCE. */
export const licenceSavedInvalidates = [licenceKeys.all, complianceKeys.all] as const;

export const useDeleteLicence = () =>
  useApiMutation(
    (licence: Licence) => api.delete('/licences/:id', { params: { id: licence.id }, version: licence.version }),
    licenceSavedInvalidates,
  );

export const useRecordConsumption = () =>
  useApiMutation((body: ConsumptionCreate) => api.post('/licence-consumption', { body }), licenceSavedInvalidates);

export const useDeleteConsumption = () =>
  useApiMutation(
    (record: { id: string; version: number }) =>
      api.delete('/licence-consumption/:id', { params: { id: record.id }, version: record.version }),
    licenceSavedInvalidates,
  );

/** A dry run reads only; an apply changes the licence position and the ITP-7 rules. */
export const useImportConsumption = () =>
  useApiMutation(
    ({ file, ...query }: { file: File } & ConsumptionImportQuery) => uploadFile('/licence-consumption/import-file', file, query),
    (variables) => (variables.mode === 'apply' ? [licenceKeys.all, complianceKeys.all] : []),
  );
