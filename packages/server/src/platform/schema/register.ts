import type { Generated } from 'kysely';

/** Row types of the system register (§4.2): systems, responsibilities, duties, integrations. */
export interface SystemsTable {
  id: string;
  municipality_id: string;
  name: string;
  sort_key: string;
  search_text: string;
  description: string | null;
  purpose: string | null;
  kind: string;
  scope: string;
  lifecycle: string;
  supplier: string | null;
  product: string | null;
  product_version: string | null;
  hosting: string | null;
  owner_department_id: string;
  cost_licence: number | null;
  cost_operation: number | null;
  cost_support: number | null;
  cost_other: number | null;
  documentation_links_json: string;
  processes_personal_data: number;
  criticality: string | null;
  recovery_time_objective_hours: number | null;
  recovery_point_objective_hours: number | null;
  last_restore_test_on: string | null;
  supplier_support_ends_on: string | null;
  nis2: number;
  user_count: number | null;
  tags_json: string;
  last_confirmed_at: string | null;
  last_confirmed_by_name: string | null;
  /** The system's id in the register it was imported from (migration 115); unique per municipality where given. */
  external_id: Generated<string | null>;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface SystemUsingDepartmentsTable {
  municipality_id: string;
  system_id: string;
  department_id: string;
}

export interface SystemClassificationsTable {
  id: string;
  municipality_id: string;
  system_id: string;
  confidentiality: number;
  integrity: number;
  availability: number;
  traceability: number;
  classified_on: string;
  recorded_at: string;
  recorded_by_name: string;
}

export interface SystemAssignmentsTable {
  id: string;
  municipality_id: string;
  system_id: string;
  person_id: string;
  role: string;
  start_date: string;
  end_date: string | null;
  allotted_hours_per_week: number | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface SystemDutiesTable {
  municipality_id: string;
  system_id: string;
  duty: string;
  status: string;
  evidence: string | null;
  confirmed_at: string | null;
  confirmed_by_name: string | null;
  version: number;
}

export interface IntegrationsTable {
  id: string;
  municipality_id: string;
  provider_system_id: string;
  consumer_system_id: string;
  description: string | null;
  flow: string;
  method: string;
  frequency: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface PublicRegisterSettingsTable {
  municipality_id: string;
  enabled: number;
  fields_json: string;
  /** The lifecycles whose systems are published (JSON array); retired never is. */
  lifecycles_json: string;
  updated_at: string;
  version: number;
}

export interface DomainEventsTable {
  id: string;
  municipality_id: string;
  type: string;
  payload_json: string;
  occurred_at: string;
  processed_at: string | null;
}

export interface RegisterDatabase {
  systems: SystemsTable;
  system_using_departments: SystemUsingDepartmentsTable;
  system_classifications: SystemClassificationsTable;
  system_assignments: SystemAssignmentsTable;
  system_duties: SystemDutiesTable;
  integrations: IntegrationsTable;
  public_register_settings: PublicRegisterSettingsTable;
  domain_events: DomainEventsTable;
}
