import type { Generated } from 'kysely';

/** Row types of equipment (issue #15): the model catalogue, assets, their network history and systems. */
export interface AssetModelsTable {
  id: string;
  municipality_id: string;
  kind: string;
  maker: string;
  model: string;
  sort_key: string;
  description: string | null;
  approved_from: string | null;
  approved_until: string | null;
  approved_at: string | null;
  approved_by_person_id: string | null;
  approved_by_name: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface AssetsTable {
  id: string;
  municipality_id: string;
  kind: string;
  model_id: string | null;
  non_standard_description: string | null;
  serial: string | null;
  inventory_number: string | null;
  sort_key: string;
  /** 'it_unit' | 'department' | 'other'. */
  owner_kind: string;
  owner_department_id: string | null;
  owner_name: string | null;
  owner_reason: string | null;
  /** 'town_hall' | 'school' | 'public' | 'none'. */
  network: string;
  /** 1 once any network period of the asset was on the town-hall network. */
  ever_on_town_hall: number;
  location: string | null;
  department_id: string | null;
  person_id: string | null;
  /** 'ordered' | 'in_use' | 'in_repair' | 'retired'. */
  lifecycle: string;
  purchase_date: string | null;
  purchase_cost: number | null;
  warranty_end: string | null;
  note: string | null;
  /** The OSL paragraph that makes the content secret (migration 113, ADR 0030); null when not marked. */
  confidential_osl_paragraph: Generated<string | null>;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface AssetNetworkPeriodsTable {
  id: string;
  municipality_id: string;
  asset_id: string;
  network: string;
  started_on: string;
  ended_on: string | null;
  recorded_at: string;
  recorded_by_name: string;
  /** 1 for the asset's first period, then one more for each (migration 101). */
  position: number;
}

export interface AssetSystemsTable {
  municipality_id: string;
  asset_id: string;
  system_id: string;
}

export interface AssetsDatabase {
  asset_models: AssetModelsTable;
  assets: AssetsTable;
  asset_network_periods: AssetNetworkPeriodsTable;
  asset_systems: AssetSystemsTable;
}
