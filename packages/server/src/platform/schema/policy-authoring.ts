/** Row types of policy pack drafts (issue #21, migration 128). */
export interface PolicyPackDraftsTable {
  id: string;
  municipality_id: string;
  pack_key: string;
  pack_version: string;
  title: string;
  state: string;
  content_json: string;
  adopting_document_version_id: string | null;
  adopted_pack_id: string | null;
  created_by_name: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface PolicyAuthoringDatabase {
  policy_pack_drafts: PolicyPackDraftsTable;
}
