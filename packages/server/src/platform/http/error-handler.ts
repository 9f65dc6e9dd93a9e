import type { ErrorCode, Problem, ProblemReason } from '@forvalta/contracts';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { isUniqueViolation, raceConflict } from '../database-errors.ts';
import { AppError, type FieldError } from '../errors.ts';

/** The one mapping from error codes to HTTP statuses. */
const statusByCode: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  rule_violation: 422,
  version_mismatch: 412,
  precondition_required: 428,
  payload_too_large: 413,
  account_locked: 423,
  rate_limited: 429,
  internal_error: 500,
};

const titleByCode: Record<ErrorCode, string> = {
  validation_failed: 'The request is not valid',
  unauthenticated: 'You need to log in',
  invalid_credentials: 'Wrong e-mail address or password',
  forbidden: 'Not allowed',
  csrf_failed: 'The request could not be verified',
  not_found: 'Not found',
  conflict: 'Conflict',
  rule_violation: 'A policy requirement stops this change',
  version_mismatch: 'Changed by someone else',
  precondition_required: 'If-Match header required',
  payload_too_large: 'The request is too large',
  account_locked: 'Login temporarily locked',
  rate_limited: 'Too many requests',
  internal_error: 'Something went wrong on our side',
};

export function problemFor(
  code: ErrorCode,
  detail?: string,
  fieldErrors?: FieldError[],
  requirement?: string,
  reason?: ProblemReason,
): Problem {
  return {
    type: `https://forvalta.se/problems/${code.replaceAll('_', '-')}`,
    title: titleByCode[code],
    status: statusByCode[code],
    code,
    ...(detail ? { detail } : {}),
    ...(fieldErrors?.length ? { errors: fieldErrors } : {}),
    ...(requirement ? { requirement } : {}),
    ...(reason ? { reason } : {}),
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.status(problem.status).type('application/problem+json').send(problem);
}

function fastifyErrorCode(error: FastifyError): ErrorCode | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
    case 'FST_ERR_VALIDATION':
      return 'validation_failed';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'payload_too_large';
    default:
      break;
  }
  if (error.statusCode === 429) return 'rate_limited';
  // JSON.parse failures and other 4xx from the framework are the client's input.
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return 'validation_failed';
  return undefined;
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return sendProblem(reply, problemFor(error.code, error.message, error.fieldErrors, error.requirement, error.reason));
    }
    // A write outside withTransaction that loses a unique-key race is still a conflict, not a 500.
    if (isUniqueViolation(error)) {
      const conflict = raceConflict();
      return sendProblem(reply, problemFor(conflict.code, conflict.message));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fieldErrors = error.validation.map((issue) => ({
        path: [error.validationContext, ...issue.instancePath.split('/').filter(Boolean)].join('.'),
        message: issue.message ?? 'Invalid value',
        code: String(
          issue.params?.issue && typeof issue.params.issue === 'object' && 'code' in issue.params.issue
            ? issue.params.issue.code
            : issue.keyword,
        ),
      }));
      return sendProblem(reply, problemFor('validation_failed', 'Some fields are not valid.', fieldErrors));
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its contract');
      return sendProblem(reply, problemFor('internal_error'));
    }
    const code = fastifyErrorCode(error);
    if (code) return sendProblem(reply, problemFor(code, error.message));
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, problemFor('internal_error'));
  });
}
