import type { Generated } from 'kysely';

/** Records of processing, the DPO's reviews and functional mailboxes (migrations 110, 111). */
export interface ProcessingActivitiesTable {
  id: string;
  municipality_id: string;
  name: string;
  sort_key: string;
  purpose: string;
  legal_basis: string | null;
  legal_basis_note: string | null;
  special_category_basis: string | null;
  criminal_data: number;
  criminal_data_basis: string | null;
  data_subject_categories_json: string;
  personal_data_categories_json: string;
  has_special_categories: number;
  recipients_json: string;
  third_country_transfers_json: string;
  retention: string | null;
  retention_plan_reference: string | null;
  technical_measures: string | null;
  controller_department_id: string;
  controller_board: string | null;
  dpia_needed: number;
  dpia_done_on: string | null;
  review_state: string;
  last_reviewed_on: string | null;
  content_changed_at: string;
  /** The OSL paragraph that makes the content secret (migration 113, ADR 0030); null when not marked. */
  confidential_osl_paragraph: Generated<string | null>;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface ProcessingActivitySystemsTable {
  municipality_id: string;
  activity_id: string;
  system_id: string;
}

export interface ProcessingActivityProcessorsTable {
  municipality_id: string;
  activity_id: string;
  position: number;
  name: string;
  agreement_signed_on: string | null;
  agreement_expires_on: string | null;
}

export interface PrivacyReviewsTable {
  id: string;
  municipality_id: string;
  activity_id: string;
  outcome: string;
  reviewed_on: string;
  remarks: string | null;
  reviewer_person_id: string | null;
  reviewer_name: string;
  activity_version: number;
  created_at: string;
}

export interface MailboxesTable {
  id: string;
  municipality_id: string;
  address: string;
  department_id: string;
  purpose: string | null;
  responsible_person_id: string | null;
  watch_frequency: string;
  receives_official_documents: number;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface MailboxDeputiesTable {
  municipality_id: string;
  mailbox_id: string;
  person_id: string;
  position: number;
}

export interface PrivacyDatabase {
  processing_activities: ProcessingActivitiesTable;
  processing_activity_systems: ProcessingActivitySystemsTable;
  processing_activity_processors: ProcessingActivityProcessorsTable;
  privacy_reviews: PrivacyReviewsTable;
  mailboxes: MailboxesTable;
  mailbox_deputies: MailboxDeputiesTable;
}
