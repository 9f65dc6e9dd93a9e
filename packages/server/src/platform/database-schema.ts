/**
 * Row types as stored. Timestamps are ISO strings and booleans 0/1 on both dialects
 * (the PostgreSQL driver is configured in database.ts to return the same shapes as SQLite),
 * so nothing above the repositories sees a dialect difference.
 */
export interface MunicipalitiesTable {
  id: string;
  code: string;
  name: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface LoginsTable {
  id: string;
  email: string;
  password_hash: string | null;
  locale: string;
  failed_login_count: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface DepartmentsTable {
  id: string;
  municipality_id: string;
  parent_id: string | null;
  name: string;
  short_name: string | null;
  sort_key: string;
  is_it_unit: number;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface PeopleTable {
  id: string;
  municipality_id: string;
  login_id: string | null;
  first_name: string;
  last_name: string;
  email: string;
  department_id: string | null;
  title: string | null;
  employment_status: string;
  start_date: string | null;
  end_date: string | null;
  sort_key: string;
  search_text: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface RoleAssignmentsTable {
  id: string;
  municipality_id: string;
  person_id: string;
  role: string;
  department_id: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface SessionsTable {
  id: string;
  login_id: string;
  municipality_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: string;
  municipality_id: string;
  login_id: string;
  name: string;
  token_hash: string;
  token_prefix: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface AuditEventsTable {
  id: string;
  chain_id: string;
  sequence: number;
  municipality_id: string | null;
  occurred_at: string;
  actor_login_id: string | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  previous_hash: string;
  hash: string;
}

export interface AuditChainHeadsTable {
  chain_id: string;
  last_sequence: number;
  last_hash: string;
}

export interface Database extends RegisterDatabase, ComplianceDatabase, LifecycleDatabase {
  municipalities: MunicipalitiesTable;
  logins: LoginsTable;
  departments: DepartmentsTable;
  people: PeopleTable;
  role_assignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_events: AuditEventsTable;
  audit_chain_heads: AuditChainHeadsTable;
}

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

export interface PolicyPacksTable {
  id: string;
  municipality_id: string;
  pack_key: string;
  pack_version: string;
  content_json: string;
  published_at: string;
  published_by_name: string;
}

export interface ComplianceExceptionsTable {
  id: string;
  municipality_id: string;
  clause_id: string;
  reason: string;
  decided_by: string;
  until: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface ComplianceSnapshotsTable {
  id: string;
  municipality_id: string;
  taken_on: string;
  pack_id: string;
  score: number | null;
  passed: number;
  failed: number;
  summary_json: string;
  created_at: string;
}

export interface ComplianceDatabase {
  policy_packs: PolicyPacksTable;
  compliance_exceptions: ComplianceExceptionsTable;
  compliance_snapshots: ComplianceSnapshotsTable;
}

export interface SecurityGuidelineSectionsTable {
  id: string;
  municipality_id: string;
  code: string;
  sort_key: string;
  title: string;
  description: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface RiskMatrixSettingsTable {
  municipality_id: string;
  matrix_json: string;
  updated_at: string;
  version: number;
}

export interface ProjectsTable {
  id: string;
  municipality_id: string;
  kind: string;
  title: string;
  sort_key: string;
  state: string;
  system_id: string;
  department_id: string;
  project_lead_person_id: string | null;
  it_contact_person_id: string | null;
  description: string | null;
  specification: string | null;
  training_plan_json: string;
  timeline_json: string;
  links_json: string;
  compliance_json: string;
  submitted_at: string | null;
  approved_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface ProjectBudgetRevisionsTable {
  id: string;
  municipality_id: string;
  project_id: string;
  revision: number;
  budget_json: string;
  total_one_off: number;
  total_yearly: number;
  complete: number;
  recorded_at: string;
  recorded_by_name: string;
}

export interface ProjectCheckpointsTable {
  id: string;
  municipality_id: string;
  project_id: string;
  held_on: string;
  participants_json: string;
  notes: string | null;
  recorded_by_name: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface OperationalApprovalsTable {
  id: string;
  municipality_id: string;
  project_id: string;
  system_id: string;
  decision: string;
  conditions_json: string;
  approver_person_id: string | null;
  approver_name: string;
  decided_on: string;
  approved_version: string | null;
  scope: string | null;
  case_reference: string | null;
  reason: string | null;
  recorded_at: string;
}

export interface RiskAnalysesTable {
  id: string;
  municipality_id: string;
  system_id: string;
  revision: number;
  previous_id: string | null;
  superseded: number;
  scope: string;
  analysed_on: string;
  participants_json: string;
  classification_json: string | null;
  matrix_json: string;
  scenarios_json: string;
  scenario_count: number;
  described_scenario_count: number;
  recorded_by_name: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface ReviewsTable {
  id: string;
  municipality_id: string;
  system_id: string;
  status: string;
  planned_on: string;
  held_on: string | null;
  participants_json: string;
  adjacent_json: string;
  evaluation_use: string | null;
  evaluation_coordination: string | null;
  evaluation_efficiency: string | null;
  findings: string | null;
  actions_json: string;
  next_review_on: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface ChangeNoticesTable {
  id: string;
  municipality_id: string;
  kind: string;
  title: string;
  description: string | null;
  planned_on: string | null;
  source: string;
  source_event_id: string | null;
  status: string;
  recipients_json: string;
  created_by_name: string;
  acknowledged_by_person_id: string | null;
  acknowledged_by_name: string | null;
  acknowledged_at: string | null;
  acknowledgement_note: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface ChangeNoticeSystemsTable {
  municipality_id: string;
  change_notice_id: string;
  system_id: string;
}

/** Introductions and upgrades, risk analyses, reviews and change notices (§4.2, §4.2.1, §4.2.2). */
export interface LifecycleDatabase {
  security_guideline_sections: SecurityGuidelineSectionsTable;
  risk_matrix_settings: RiskMatrixSettingsTable;
  projects: ProjectsTable;
  project_budget_revisions: ProjectBudgetRevisionsTable;
  project_checkpoints: ProjectCheckpointsTable;
  operational_approvals: OperationalApprovalsTable;
  risk_analyses: RiskAnalysesTable;
  reviews: ReviewsTable;
  change_notices: ChangeNoticesTable;
  change_notice_systems: ChangeNoticeSystemsTable;
}
