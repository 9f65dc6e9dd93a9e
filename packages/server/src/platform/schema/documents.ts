/** Row types of policy documents, their versions and the security guidelines' sections (issue #13). */
export interface PolicyDocumentsTable {
  id: string;
  municipality_id: string;
  kind: string;
  title: string;
  sort_key: string;
  search_text: string;
  description: string | null;
  owner_role: string;
  owner_body: string | null;
  review_interval_months: number;
  requires_acknowledgement: number;
  audience_department_ids_json: string;
  policy_pack_id: string | null;
  current_version_id: string | null;
  next_review_date: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface PolicyDocumentVersionsTable {
  id: string;
  municipality_id: string;
  document_id: string;
  number: number;
  state: string;
  adopted_by: string | null;
  decision_date: string | null;
  decision_reference: string | null;
  change_summary: string | null;
  editorial: number;
  text: string | null;
  attachment_file_name: string | null;
  attachment_content_type: string | null;
  attachment_size: number | null;
  /** The file's name in the documents storage directory (a UUID: never the uploaded name). */
  attachment_storage_key: string | null;
  adopted_at: string | null;
  adopted_by_person_id: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface PolicyDocumentSectionsTable {
  municipality_id: string;
  version_id: string;
  /** The section's identity across versions. */
  section_id: string;
  code: string;
  sort_key: string;
  title: string;
  description: string | null;
}

export interface DocumentsDatabase {
  policy_documents: PolicyDocumentsTable;
  policy_document_versions: PolicyDocumentVersionsTable;
  policy_document_sections: PolicyDocumentSectionsTable;
}
