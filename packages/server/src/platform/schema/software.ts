/** Row types of software, the IT chief's decisions, licences, suppliers and contracts (issue #15). */
interface Stamped {
  created_at: string;
  updated_at: string;
  version: number;
}

export interface SoftwareTable extends Stamped {
  id: string;
  municipality_id: string;
  product: string;
  sort_key: string;
  maker: string | null;
  origin: string;
  licence: string | null;
  description: string | null;
}

export interface SoftwareSystemsTable {
  municipality_id: string;
  software_id: string;
  system_id: string;
}

export interface SoftwareDecisionsTable extends Stamped {
  id: string;
  municipality_id: string;
  software_id: string;
  status: string;
  purpose: string | null;
  valid_until: string | null;
  conditions_json: string;
  stability_assessment: string | null;
  stability_evidence: string | null;
  security_assessment: string | null;
  security_evidence: string | null;
  future_assessment: string | null;
  future_evidence: string | null;
  proposed_by_person_id: string | null;
  proposed_by_name: string;
  proposed_on: string;
  decided_by_person_id: string | null;
  decided_by_name: string | null;
  decided_on: string | null;
  reason: string | null;
}

export interface SuppliersTable extends Stamped {
  id: string;
  municipality_id: string;
  name: string;
  sort_key: string;
  organisation_number: string;
  contact: string | null;
}

export interface ContractsTable extends Stamped {
  id: string;
  municipality_id: string;
  supplier_id: string;
  title: string;
  sort_key: string;
  reference: string | null;
  starts_on: string;
  ends_on: string;
  notice_amount: number;
  notice_unit: string;
  automatic_renewal: number;
  renewal_months: number | null;
  yearly_cost: number | null;
  reminder_days: number;
  notice_date: string;
  notice_decision: string | null;
  notice_decided_on: string | null;
  notes: string | null;
}

export interface ContractSystemsTable {
  municipality_id: string;
  contract_id: string;
  system_id: string;
}

export interface LicencesTable extends Stamped {
  id: string;
  municipality_id: string;
  software_id: string;
  metric: string;
  quantity: number | null;
  valid_from: string | null;
  valid_until: string | null;
  contract_id: string | null;
  notes: string | null;
}

export interface LicenceConsumptionTable extends Stamped {
  id: string;
  municipality_id: string;
  software_id: string;
  kind: string;
  count: number;
  source: string;
  asset_id: string | null;
  inventory: string | null;
  counted_on: string;
}

export interface LicenceConsumptionTotalsTable {
  municipality_id: string;
  software_id: string;
  kind: string;
  total: number;
}

export interface SoftwareDatabase {
  software: SoftwareTable;
  software_systems: SoftwareSystemsTable;
  software_decisions: SoftwareDecisionsTable;
  suppliers: SuppliersTable;
  contracts: ContractsTable;
  contract_systems: ContractSystemsTable;
  licences: LicencesTable;
  licence_consumption: LicenceConsumptionTable;
  licence_consumption_totals: LicenceConsumptionTotalsTable;
}
