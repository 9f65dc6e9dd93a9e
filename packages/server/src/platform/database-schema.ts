/**
 * Row types as stored. Timestamps are ISO strings and booleans 0/1 on both dialects
 * (the PostgreSQL driver is configured in database.ts to return the same shapes as SQLite),
 * so nothing above the repositories sees a dialect difference.
 */
import type { AccessRightsDatabase } from './schema/access-rights.ts';
import type { AcknowledgementsDatabase } from './schema/acknowledgements.ts';
import type { AssetsDatabase } from './schema/assets.ts';
import type { ComplianceDatabase } from './schema/compliance.ts';
import type { DocumentsDatabase } from './schema/documents.ts';
import type { LifecycleDatabase } from './schema/lifecycle.ts';
import type { LoginSecurityDatabase } from './schema/login-security.ts';
import type { RegisterDatabase } from './schema/register.ts';
import type { SoftwareDatabase } from './schema/software.ts';
import type { TrainingDatabase } from './schema/training.ts';
import type { PrivacyDatabase } from './schema/privacy.ts';
import type { MailDatabase } from './schema/mail.ts';
import type { IncidentsDatabase } from './schema/incidents.ts';
import type { PolicyAuthoringDatabase } from './schema/policy-authoring.ts';
import type { SingleSignOnDatabase } from './schema/single-sign-on.ts';
import type { ProvisioningDatabase } from './schema/provisioning.ts';
import type { Generated } from 'kysely';

export type * from './schema/access-rights.ts';
export type * from './schema/acknowledgements.ts';
export type * from './schema/assets.ts';
export type * from './schema/compliance.ts';
export type * from './schema/documents.ts';
export type * from './schema/lifecycle.ts';
export type * from './schema/register.ts';
export type * from './schema/training.ts';
export type * from './schema/privacy.ts';
export type * from './schema/software.ts';
export type * from './schema/mail.ts';
export type * from './schema/incidents.ts';
export type * from './schema/policy-authoring.ts';
export type * from './schema/single-sign-on.ts';

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
  last_municipality_id: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface LoginInvitationsTable {
  id: string;
  municipality_id: string;
  person_id: string;
  email: string;
  token_hash: string;
  created_by_name: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_login_id: string | null;
  revoked_at: string | null;
  failed_attempts: number;
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
  /** Unique per municipality where given (migration 097); the HR system's key for the person. */
  employee_number: string | null;
  department_id: string | null;
  title: string | null;
  employment_status: string;
  start_date: string | null;
  end_date: string | null;
  sort_key: string;
  search_text: string;
  /** Whether the person has a personal mailbox (migration 111): the e-mail rules' audience. */
  has_personal_mailbox: Generated<number>;
  /** When the leaver was pseudonymised (migration 112, ADR 0029); null for everyone else. */
  pseudonymised_at: Generated<string | null>;
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
  /** 1 when opened by single sign-on (ADR 0036): such a session stays in its municipality. */
  single_sign_on: Generated<number>;
}

export interface ApiTokensTable {
  id: string;
  municipality_id: string;
  login_id: string;
  name: string;
  token_hash: string;
  token_prefix: string;
  expires_at: string | null;
  can_create_tokens: number;
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
  /** Which audit key sealed the chain (AuditKey.id); null for a chain still hashed with unkeyed SHA-256 (ADR 0012). */
  key_id: string | null;
}

/** The nightly verification's latest result for a municipality's chain (written by the scheduled job only). */
export interface AuditVerificationResultsTable {
  municipality_id: string;
  checked_at: string;
  intact: number;
  events: number;
  problems: number;
  key_id: string;
  version: number;
}

/** A column mapping saved by name (migration 114, issue #17). */
export interface ImportMappingsTable {
  id: string;
  municipality_id: string;
  kind: string;
  name: string;
  mapping_json: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface Database
  extends RegisterDatabase,
    ComplianceDatabase,
    LifecycleDatabase,
    LoginSecurityDatabase,
    TrainingDatabase,
    DocumentsDatabase,
    AccessRightsDatabase,
    AcknowledgementsDatabase,
    AssetsDatabase,
    PrivacyDatabase,
    MailDatabase,
    SoftwareDatabase,
    SingleSignOnDatabase,
    ProvisioningDatabase,
    IncidentsDatabase,
    PolicyAuthoringDatabase {
  municipalities: MunicipalitiesTable;
  logins: LoginsTable;
  login_invitations: LoginInvitationsTable;
  departments: DepartmentsTable;
  people: PeopleTable;
  role_assignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_events: AuditEventsTable;
  audit_chain_heads: AuditChainHeadsTable;
  audit_verification_results: AuditVerificationResultsTable;
  import_mappings: ImportMappingsTable;
}
