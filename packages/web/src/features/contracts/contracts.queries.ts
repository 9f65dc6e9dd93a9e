import type { Contract, ContractCreate, ContractUpdate, Supplier, SupplierCreate, SupplierUpdate } from '@forvalta/contracts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { useApiMutation } from '../../api/mutations.ts';
import { complianceKeys } from '../compliance/compliance.queries.ts';
import { taskKeys } from '../tasks/tasks.queries.ts';
import { type ContractFilters, contractListQuery, monthsAfter, timelineMonths } from './contracts-values.ts';

export const contractKeys = {
  all: ['contracts'] as const,
  list: (query: object) => ['contracts', 'list', query] as const,
  detail: (id: string) => ['contracts', 'detail', id] as const,
};
export const supplierKeys = {
  all: ['suppliers'] as const,
  list: (query: object) => ['suppliers', 'list', query] as const,
};

type Page = { sort?: string | undefined; cursor: string | undefined; limit: number };

export const contractListQueryOptions = (filters: ContractFilters, today: string, page: Page) => {
  const query = { ...contractListQuery(filters, today), ...page };
  return queryOptions({
    queryKey: contractKeys.list(query),
    queryFn: ({ signal }) => api.get('/contracts', { query, signal }),
    placeholderData: keepPreviousData,
  });
};

/** The contracts whose notice date lies within the timeline, soonest first (at most 100 on one picture). */
export const timelineQuery = (today: string) => {
  const query = { noticeBefore: monthsAfter(today, timelineMonths), sort: 'noticeDate', limit: 100 };
  return queryOptions({
    queryKey: contractKeys.list({ timeline: query }),
    queryFn: ({ signal }) => api.get('/contracts', { query, signal }),
  });
};

/** Every contract for a picker (a licence's contract). */
export const contractOptionsQuery = () => {
  const query = { sort: 'title', limit: 200 };
  return queryOptions({
    queryKey: contractKeys.list({ options: query }),
    queryFn: ({ signal }) => api.get('/contracts', { query, signal }),
  });
};

export const contractQuery = (id: string) =>
  queryOptions({ queryKey: contractKeys.detail(id), queryFn: ({ signal }) => api.get('/contracts/:id', { params: { id }, signal }) });

export const loadContract = (contract: Contract) => api.get('/contracts/:id', { params: { id: contract.id } });

export const saveContract = (body: ContractCreate, contract: Contract | null, version: number | undefined) =>
  contract
    ? api.patch('/contracts/:id', { params: { id: contract.id }, version, body: body satisfies ContractUpdate })
    : api.post('/contracts', { body });

/** A contract moves the notice rule, the owners' to-do entries and its suppliers' counts. */
export const contractSavedInvalidates = [contractKeys.all, supplierKeys.all, complianceKeys.all, taskKeys.all] as const;

export const useDeleteContract = () =>
  useApiMutation(
    (contract: Contract) => api.delete('/contracts/:id', { params: { id: contract.id }, version: contract.version }),
    contractSavedInvalidates,
  );

/** The notice decision (terminate or continue) with If-Match on the contract as shown. */
export const useRecordNoticeDecision = (contract: Contract) =>
  useApiMutation(
    (body: Pick<ContractUpdate, 'noticeDecision' | 'noticeDecidedOn'>) =>
      api.patch('/contracts/:id', { params: { id: contract.id }, version: contract.version, body }),
    contractSavedInvalidates,
  );

export const supplierListQueryOptions = (query: { q?: string; sort?: string; cursor: string | undefined; limit: number }) =>
  queryOptions({
    queryKey: supplierKeys.list(query),
    queryFn: ({ signal }) => api.get('/suppliers', { query, signal }),
    placeholderData: keepPreviousData,
  });

export const supplierOptionsQuery = () => supplierListQueryOptions({ sort: 'name', cursor: undefined, limit: 200 });

export const loadSupplier = (supplier: Supplier) => api.get('/suppliers/:id', { params: { id: supplier.id } });

export const saveSupplier = (body: SupplierCreate, supplier: Supplier | null, version: number | undefined) =>
  supplier
    ? api.patch('/suppliers/:id', { params: { id: supplier.id }, version, body: body satisfies SupplierUpdate })
    : api.post('/suppliers', { body });

export const supplierSavedInvalidates = [supplierKeys.all, contractKeys.all] as const;

export const useDeleteSupplier = () =>
  useApiMutation(
    (supplier: Supplier) => api.delete('/suppliers/:id', { params: { id: supplier.id }, version: supplier.version }),
    supplierSavedInvalidates,
  );
