/** Row types of the login back-off (ADR 0010). */
export interface LoginThrottlesTable {
  /** sha256 of `pair`, e-mail and client address, or of `account` and e-mail. */
  key: string;
  attempts: number;
  window_started_at: string;
  /** Pair rows only: when this client address last logged in to this e-mail's login. */
  last_success_at: string | null;
  updated_at: string;
}

export interface LoginSecurityDatabase {
  login_throttles: LoginThrottlesTable;
}
