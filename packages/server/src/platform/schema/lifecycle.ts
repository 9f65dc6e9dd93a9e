import type { Generated } from 'kysely';

/** Row types of introductions and upgrades, risk analyses, reviews and change notices (§4.2.1, §4.2.2). */
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

/** Who created, led or submitted a project at any point (separation of duties at approval). */
export interface ProjectInvolvementsTable {
  municipality_id: string;
  project_id: string;
  person_id: string;
  involvement: 'created' | 'led' | 'submitted';
  recorded_at: string;
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
  /** The OSL paragraph that makes the content secret (migration 113, ADR 0030); null when not marked. */
  confidential_osl_paragraph: Generated<string | null>;
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
  risk_matrix_settings: RiskMatrixSettingsTable;
  projects: ProjectsTable;
  project_involvements: ProjectInvolvementsTable;
  project_budget_revisions: ProjectBudgetRevisionsTable;
  project_checkpoints: ProjectCheckpointsTable;
  operational_approvals: OperationalApprovalsTable;
  risk_analyses: RiskAnalysesTable;
  reviews: ReviewsTable;
  change_notices: ChangeNoticesTable;
  change_notice_systems: ChangeNoticeSystemsTable;
}
