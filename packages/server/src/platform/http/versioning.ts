import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

/** Every writable record's ETag is its version, so If-Match can refuse a stale write. */
export function setVersionTag(reply: FastifyReply, version: number): void {
  reply.header('ETag', `"${version}"`);
}

/** The version the client last saw, from If-Match. Updates and deletes without it are refused (428). */
export function expectedVersion(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (!header) {
    throw new AppError('precondition_required', 'Send the If-Match header with the ETag you last read.');
  }
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!match)
    throw new AppError('validation_failed', 'If-Match must be an ETag such as "3".', {
      fieldErrors: [{ path: 'headers.if-match', message: 'Expected an ETag such as "3"' }],
    });
  return Number(match[1]);
}
