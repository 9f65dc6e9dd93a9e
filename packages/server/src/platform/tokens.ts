import { createHash, randomBytes } from 'node:crypto';

/** Secrets are stored only as SHA-256 hashes; a database leak does not leak sessions or tokens. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export const apiTokenPrefix = 'fvt_';
