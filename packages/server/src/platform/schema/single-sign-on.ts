/** Row types of single sign-on with OpenID Connect (issue #18, ADR 0036). */
export interface SingleSignOnProvidersTable {
  municipality_id: string;
  /** Shown on the login button: "Logga in med <display_name>". */
  display_name: string;
  issuer: string;
  client_id: string;
  /** platform/secret-box.ts: AES-256-GCM under a key derived from the installation's key file; never returned. */
  client_secret_encrypted: string;
  /** 'email' or 'employee_number': which field of the person the claim is matched to. */
  match_by: string;
  /** The ID token claim matched (`email`, `preferred_username`, `employeeid`, …). */
  match_claim: string;
  /** The claim holding the person's groups; null: roles are not taken from the provider. */
  groups_claim: string | null;
  /** JSON array of `{ group, role }`. */
  group_roles_json: string;
  /** 0: password login is turned off in this municipality; only single sign-on. */
  password_login: number;
  updated_at: string;
  version: number;
}

export interface SingleSignOnAttemptsTable {
  /** sha256 of the browser's attempt cookie. */
  id: string;
  municipality_id: string;
  state: string;
  nonce: string;
  code_verifier: string;
  /** A same-origin path to go to after the login. */
  return_to: string;
  created_at: string;
  expires_at: string;
}

export interface SingleSignOnDatabase {
  single_sign_on_providers: SingleSignOnProvidersTable;
  single_sign_on_attempts: SingleSignOnAttemptsTable;
}
