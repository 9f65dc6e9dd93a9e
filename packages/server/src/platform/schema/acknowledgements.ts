/** Document acknowledgements (migration 2026-12-02-081-acknowledgements): one row per person × document version. */
export interface AcknowledgementsTable {
  id: string;
  municipality_id: string;
  person_id: string;
  document_id: string;
  version_id: string;
  /** requested | acknowledged | withdrawn */
  state: string;
  requested_at: string;
  /** Swedish date (YYYY-MM-DD). */
  due_date: string;
  acknowledged_at: string | null;
  /** in_app | training_session | paper; null while requested. */
  method: string | null;
  recorded_by_person_id: string | null;
  recorded_by_name: string | null;
  training_session_id: string | null;
  note: string | null;
  carried_over_from_version_id: string | null;
  reminder_count: number;
  last_reminded_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** Kept by triggers (migration 095, ADR 0022): the people marked active per department ('' for none). */
export interface ActivePeopleCountsTable {
  municipality_id: string;
  department_id: string;
  total: number;
}

/** Kept by triggers (migration 095, ADR 0022): a version's acknowledgements of people marked active, per department, state and due date. */
export interface AcknowledgementCountsTable {
  municipality_id: string;
  version_id: string;
  department_id: string;
  state: string;
  due_date: string;
  total: number;
}

export interface AcknowledgementsDatabase {
  acknowledgements: AcknowledgementsTable;
  active_people_counts: ActivePeopleCountsTable;
  acknowledgement_counts: AcknowledgementCountsTable;
}
