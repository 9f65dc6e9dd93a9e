/** Row types of provisioning from the directory (issue #18, ADR 0038). */
export interface ProvisioningTokensTable {
  id: string;
  municipality_id: string;
  /** sha256 of the secret; the secret itself is shown once and never stored. */
  token_hash: string;
  token_prefix: string;
  /** The administrator who created it, by name. */
  created_by: string;
  last_used_at: string | null;
  revoked_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface ProvisionedPeopleTable {
  person_id: string;
  municipality_id: string;
  /** The directory's userName as it sent it (Entra: the user principal name). */
  user_name: string;
  /** userName lower-cased: unique per municipality, what filters compare. */
  user_name_key: string;
  external_id: string | null;
  /** The department as the directory names it; the person's department is the one of that name, if any. */
  department_name: string | null;
  manager_person_id: string | null;
  /** A SCIM DELETE: the person left, and the directory's lookups no longer find them (nothing is deleted). */
  deprovisioned_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface ProvisioningDatabase {
  provisioning_tokens: ProvisioningTokensTable;
  provisioned_people: ProvisionedPeopleTable;
}
