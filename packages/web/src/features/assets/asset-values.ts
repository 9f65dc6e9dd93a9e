import type { AssetKind, AssetLifecycle, AssetNetwork, AssetOwnerKind } from '@forvalta/contracts';
import { listSearchValidator, prefixedSearchValidator, type UrlPaging } from '../../components/url-paging.ts';

// Repeated from the contracts as types only: the router imports the validators below into the
// first bundle, and a value import of the contracts would pull zod in with them.
export const assetKindValues = [
  'network',
  'communication',
  'server',
  'pc',
  'laptop',
  'printer',
  'phone',
  'other',
] as const satisfies readonly AssetKind[];
export const assetNetworkValues = ['town_hall', 'school', 'public', 'none'] as const satisfies readonly AssetNetwork[];
export const assetOwnerKindValues = ['it_unit', 'department', 'other'] as const satisfies readonly AssetOwnerKind[];
export const assetLifecycleValues = ['ordered', 'in_use', 'in_repair', 'retired'] as const satisfies readonly AssetLifecycle[];

/** The equipment list's filters and page as they stand in the address (the ITP-6 fix links set departmentId with one more). */
export interface AssetFilters extends UrlPaging {
  q?: string;
  kind?: AssetKind;
  network?: AssetNetwork;
  ownerKind?: AssetOwnerKind;
  modelId?: string;
  nonStandard?: boolean;
  lifecycle?: AssetLifecycle;
  departmentId?: string;
  systemId?: string;
  sort?: string;
}

export const validateAssetFilters = listSearchValidator<AssetFilters>({
  text: ['q'],
  ids: ['modelId', 'departmentId', 'systemId'],
  choices: { kind: assetKindValues, network: assetNetworkValues, ownerKind: assetOwnerKindValues, lifecycle: assetLifecycleValues },
  flags: ['nonStandard'],
  sorts: ['label', '-label', 'updatedAt', '-updatedAt'],
});

/** The API's query for the filters in the address (the flag becomes the API's 'true'). */
export function assetListQuery(filters: AssetFilters) {
  return {
    q: filters.q,
    kind: filters.kind,
    network: filters.network,
    ownerKind: filters.ownerKind,
    modelId: filters.modelId,
    nonStandard: filters.nonStandard ? ('true' as const) : undefined,
    lifecycle: filters.lifecycle,
    departmentId: filters.departmentId,
    systemId: filters.systemId,
  };
}

/** An asset's page: its history's page under `history.` in the address. */
export const validateAssetSections = prefixedSearchValidator('history', {});

/** The catalogue's filters and page in the address. */
export interface AssetModelFilters extends UrlPaging {
  q?: string;
  kind?: AssetKind;
  standard?: 'true' | 'false';
  sort?: string;
}

export const validateAssetModelFilters = listSearchValidator<AssetModelFilters>({
  text: ['q'],
  choices: { kind: assetKindValues, standard: ['true', 'false'] },
  sorts: ['name', '-name'],
});

/**
 * A lifecycle as a badge: every colour is dark enough for white text (4.5:1), and the word says
 * the state, so nothing rests on the colour alone.
 */
export const assetLifecycleBadge: Record<AssetLifecycle, { color: string; variant: 'filled' | 'outline' }> = {
  ordered: { color: 'blue.9', variant: 'outline' },
  in_use: { color: '#1f6f36', variant: 'filled' },
  in_repair: { color: '#9a3f00', variant: 'filled' },
  retired: { color: 'gray.7', variant: 'filled' },
};
