import { AppError } from './errors.ts';

/**
 * Whether a database error is a unique constraint refusing a second row with the same key:
 * PostgreSQL's SQLSTATE 23505, SQLite's SQLITE_CONSTRAINT_UNIQUE (or _PRIMARYKEY). Services check
 * such keys first and answer with their own conflict; this is the race their check cannot see
 * (two requests that both found the key free, on PostgreSQL, where writers do not queue).
 */
export function isUniqueViolation(error: unknown): boolean {
  // withTransaction answers a unique violation with the race conflict, which keeps it as its cause:
  // a service that catches around its transaction still tells its own key apart (import_key_taken).
  if (error instanceof AppError) return error.code === 'conflict' && isUniqueViolation(error.cause);
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const code = (error as { code: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * The conflict a lost race is answered with. It names no constraint, table or value: the key may
 * be a global one (a login's e-mail address), and the database's wording is not the API's.
 */
export function raceConflict(cause?: unknown): AppError {
  return new AppError('conflict', 'Another request saved the same record at the same moment. Reload and try again.', {
    ...(cause === undefined ? {} : { cause }),
  });
}

/** The error a caller should see: a unique violation becomes the race conflict, anything else is itself. */
export function asApplicationError(error: unknown): unknown {
  return isUniqueViolation(error) && !(error instanceof AppError) ? raceConflict(error) : error;
}
