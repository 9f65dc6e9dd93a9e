import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, versionMismatch } from '../errors.ts';

/** Every writable record's ETag is its version, so If-Match can refuse a stale write. */
export function setVersionTag(reply: FastifyReply, version: number): void {
  reply.header('ETag', `"${version}"`);
}

/** The version a change is made against: the one the client last saw, or `*` (any current record). */
export type ExpectedVersion = number | '*';

/** A version no record ever has: an entity tag this server did not issue matches nothing (412). */
const noVersion = -1;

/**
 * The version the client last saw, from If-Match. Updates and deletes without it are refused (428).
 * RFC 9110 §13.1.1: an entity tag the server did not issue ("stale-version-0") is not a malformed
 * header but one that matches no current representation, so the change is refused with 412 once
 * the record is found and the caller may change it; `*` matches any current record. Of a list of
 * tags, the first this server issued counts.
 */
export function expectedVersion(request: FastifyRequest): ExpectedVersion {
  const header = request.headers['if-match'];
  if (!header) {
    throw new AppError('precondition_required', 'Send the If-Match header with the ETag you last read.');
  }
  if (header.trim() === '*') return '*';
  for (const tag of header.split(',')) {
    const match = /^(?:W\/)?"?(\d+)"?$/.exec(tag.trim());
    if (match) return Number(match[1]);
  }
  return noVersion;
}

/** The current version when `expected` matches it; otherwise the change is refused (412). */
export function matchVersion(expected: ExpectedVersion, current: number): number {
  if (expected !== '*' && expected !== current) throw versionMismatch();
  return current;
}
