import type {
  Asset,
  AssetCreate,
  AssetModel,
  AssetModelApprove,
  AssetModelCreate,
  AssetModelUpdate,
  AssetUpdate,
  AssetImportQuery,
} from '@forvalta/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, uploadFile } from '../../api/client.ts';
import { useApiMutation } from '../../api/mutations.ts';
import { complianceKeys } from '../compliance/compliance.queries.ts';
import { type AssetFilters, type AssetModelFilters, assetListQuery } from './asset-values.ts';

export const assetKeys = {
  all: ['assets'] as const,
  list: (query: object) => ['assets', 'list', query] as const,
  detail: (id: string) => ['assets', 'detail', id] as const,
  networkPeriods: (id: string) => ['assets', 'network-periods', id] as const,
  history: (id: string, query: object) => ['assets', 'history', id, query] as const,
};
export const assetModelKeys = {
  all: ['asset-models'] as const,
  list: (query: object) => ['asset-models', 'list', query] as const,
  options: ['asset-models', 'options'] as const,
};

type Page = { sort: string | undefined; cursor: string | undefined; limit: number };

/** One page of the equipment list, filtered by the server (a municipality may hold 250,000 assets). */
export const assetListQueryOptions = (filters: AssetFilters, page: Page) => {
  const query = { ...assetListQuery(filters), ...page };
  return queryOptions({
    queryKey: assetKeys.list(query),
    queryFn: ({ signal }) => api.get('/assets', { query, signal }),
    placeholderData: keepPreviousData,
  });
};

export const assetQuery = (id: string) =>
  queryOptions({
    queryKey: assetKeys.detail(id),
    queryFn: ({ signal }) => api.get('/assets/:id', { params: { id }, signal }),
  });

/** The networks the asset has been on; only asked for when its network details are not withheld. */
export const assetNetworkPeriodsQuery = (id: string, enabled: boolean) =>
  queryOptions({
    queryKey: assetKeys.networkPeriods(id),
    queryFn: ({ signal }) => api.get('/assets/:id/network-periods', { params: { id }, signal }),
    enabled,
  });

export const assetHistoryQuery = (id: string, query: { cursor: string | undefined; limit: number }, enabled: boolean) =>
  queryOptions({
    queryKey: assetKeys.history(id, query),
    queryFn: ({ signal }) => api.get('/assets/:id/history', { params: { id }, query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });

export const loadAsset = (asset: Asset) => api.get('/assets/:id', { params: { id: asset.id } });

/** Creates an asset, or edits it with If-Match on the version the form opened. */
export const saveAsset = (body: AssetCreate, asset: Asset | null, version: number | undefined) =>
  asset ? api.patch('/assets/:id', { params: { id: asset.id }, version, body: body satisfies AssetUpdate }) : api.post('/assets', { body });

/** An asset moves its department's ITP-6 results. */
export const assetSavedInvalidates = [assetKeys.all, assetModelKeys.all, complianceKeys.all] as const;

export const assetModelListQueryOptions = (filters: AssetModelFilters, page: Page) => {
  const query = { q: filters.q, kind: filters.kind, standard: filters.standard, ...page };
  return queryOptions({
    queryKey: assetModelKeys.list(query),
    queryFn: ({ signal }) => api.get('/asset-models', { query, signal }),
    placeholderData: keepPreviousData,
  });
};

/** The catalogue for the filters and the asset form: one page of 200, by name (a catalogue is a standard, it stays short). */
export const assetModelOptionsQuery = queryOptions({
  queryKey: assetModelKeys.options,
  queryFn: ({ signal }) => api.get('/asset-models', { query: { limit: 200, sort: 'name' }, signal }),
  staleTime: 60_000,
});
export const useAssetModelOptions = () => useQuery(assetModelOptionsQuery);

export const loadAssetModel = (model: AssetModel) => api.get('/asset-models/:id', { params: { id: model.id } });

export const saveAssetModel = (body: AssetModelCreate, model: AssetModel | null, version: number | undefined) =>
  model
    ? api.patch('/asset-models/:id', { params: { id: model.id }, version, body: body satisfies AssetModelUpdate })
    : api.post('/asset-models', { body });

/** A model's approval moves whether its assets are standard (ITP-6-STANDARD). */
export const assetModelSavedInvalidates = [assetModelKeys.all, assetKeys.all, complianceKeys.all] as const;

/** The IT chief's approval, with If-Match on the version seen. */
export const useApproveAssetModel = (model: AssetModel) =>
  useApiMutation(
    (body: AssetModelApprove) => api.post('/asset-models/:id/approve', { params: { id: model.id }, version: model.version, body }),
    assetModelSavedInvalidates,
  );

/** A dry run reads only; an apply changes the asset lists and the ITP-6 rules. */
export const useImportAssets = () =>
  useApiMutation(
    ({ file, mode }: { file: File; mode: AssetImportQuery['mode'] }) => uploadFile('/assets/import', file, { mode }),
    (variables) => (variables.mode === 'apply' ? [assetKeys.all, complianceKeys.all] : []),
  );
