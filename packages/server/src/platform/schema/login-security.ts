/** Row types of the login back-off (ADR 0010) and of password-reset links. */
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

export interface LoginSecurityDatabase {
  login_throttles: LoginThrottlesTable;
  password_reset_links: PasswordResetLinksTable;
}
