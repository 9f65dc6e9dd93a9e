/** Row types of the login back-off (ADR 0010), password-reset links and the second factor (ADR 0014). */
export interface LoginThrottlesTable {
  /** sha256 of `pair`, e-mail and client address, or of `account` and e-mail. */
  key: string;
  attempts: number;
  window_started_at: string;
  /** Pair rows only: when this client address last logged in to this e-mail's login. */
  last_success_at: string | null;
  updated_at: string;
}

export interface PasswordResetLinksTable {
  id: string;
  login_id: string;
  municipality_id: string;
  token_hash: string;
  issued_by_login_id: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface LoginSecondFactorsTable {
  login_id: string;
  /** The TOTP secret (base32); returned once, when the enrolment starts, never again. */
  secret: string;
  /** Null while the enrolment waits for its first code. */
  confirmed_at: string | null;
  /** The TOTP time step of the last accepted code: a code at or before it is a replay. */
  last_used_step: number | null;
  created_at: string;
  updated_at: string;
}

export interface LoginRecoveryCodesTable {
  id: string;
  login_id: string;
  code_hash: string;
  created_at: string;
  used_at: string | null;
}

export interface LoginChallengesTable {
  id: string;
  login_id: string;
  municipality_id: string;
  token_hash: string;
  failed_attempts: number;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface SecondFactorRequirementsTable {
  municipality_id: string;
  /** JSON array of roles. */
  roles_json: string;
  updated_at: string;
  version: number;
}

export interface LoginSecurityDatabase {
  login_throttles: LoginThrottlesTable;
  password_reset_links: PasswordResetLinksTable;
  login_second_factors: LoginSecondFactorsTable;
  login_recovery_codes: LoginRecoveryCodesTable;
  login_challenges: LoginChallengesTable;
  second_factor_requirements: SecondFactorRequirementsTable;
}
