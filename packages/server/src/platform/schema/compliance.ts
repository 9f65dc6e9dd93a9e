/** Row types of the compliance engine: policy packs, exceptions, daily snapshots. */
export interface PolicyPacksTable {
  id: string;
  municipality_id: string;
  pack_key: string;
  pack_version: string;
  content_json: string;
  published_at: string;
  published_by_name: string;
}

/** The product's default pack as the municipality received it, per version: the upgrade's merge base (ADR 0021). */
export interface PolicyPackBaselinesTable {
  id: string;
  municipality_id: string;
  pack_key: string;
  pack_version: string;
  content_json: string;
  received_at: string;
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
  policy_pack_baselines: PolicyPackBaselinesTable;
  compliance_exceptions: ComplianceExceptionsTable;
  compliance_snapshots: ComplianceSnapshotsTable;
}
