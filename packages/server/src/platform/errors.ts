import type { ErrorCode, ProblemReason } from '@forvalta/contracts';

export interface FieldError {
  path: string;
  message: string;
  code?: string;
}

/**
 * The one error type services throw. The HTTP layer maps `code` to a status in one place
 * (http/error-handler.ts); nothing classifies errors by their message.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors?: FieldError[];
  /** The policy requirement a refusal rests on, e.g. ITP-4.2-DEPUTY. */
  readonly requirement?: string;
  /** Why a conflict or rule violation was refused, so a client can say it in its own language. */
  readonly reason?: ProblemReason;

  constructor(
    code: ErrorCode,
    message: string,
    options: { fieldErrors?: FieldError[]; requirement?: string; reason?: ProblemReason; cause?: unknown } = {},
  ) {
    // The cause stays on the server (logs, the services' own catch); the problem body never carries it.
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.fieldErrors = options.fieldErrors;
    this.requirement = options.requirement;
    this.reason = options.reason;
  }
}

export const notFound = (entity: string) => new AppError('not_found', `${entity} was not found.`);
export const forbidden = (message = 'You do not have permission to do this.') => new AppError('forbidden', message);
export const conflict = (message: string, reason: ProblemReason, fieldErrors?: FieldError[]) =>
  new AppError('conflict', message, { reason, ...(fieldErrors ? { fieldErrors } : {}) });
export const invalid = (path: string, message: string) => new AppError('validation_failed', message, { fieldErrors: [{ path, message }] });
export const versionMismatch = () =>
  new AppError('version_mismatch', 'The record was changed by someone else. Reload it and apply your change again.');
