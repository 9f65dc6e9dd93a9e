import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { currentAuditKey, type AuditKey } from './audit-key.ts';

/**
 * Secrets the application must use again in clear (an OpenID client secret, ADR 0036), stored
 * encrypted: AES-256-GCM under a key derived (HKDF-SHA-256, its own label) from the installation's
 * key file (AUDIT_KEY_FILE, ADR 0012). The key stays outside the database, so a copy of the
 * database, or a backup archive, does not carry a usable secret; the file is already the one thing
 * an operator must keep and back up. A distinct label keeps the two uses of the file apart: a
 * ciphertext key never seals an audit chain.
 *
 * Stored as `v1.<key id>.<iv>.<tag>.<ciphertext>` (base64url). The key id tells a secret sealed under
 * another installation's key (a restored database on a new file) from a tampered one: both fail to
 * open, and the administrator enters the secret again.
 */
const label = 'forvalta secret box v1';

function boxKey(key: AuditKey): Buffer {
  return Buffer.from(hkdfSync('sha256', key.secret, Buffer.alloc(0), label, 32));
}

export function sealSecret(plain: string, key: AuditKey = currentAuditKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', boxKey(key), iv);
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', key.id, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), sealed.toString('base64url')].join('.');
}

export class SecretUnreadable extends Error {}

/** The secret in clear; throws SecretUnreadable when it was sealed under another key or altered. */
export function openSecret(stored: string, key: AuditKey = currentAuditKey()): string {
  const [version, keyId, iv, tag, sealed] = stored.split('.');
  if (version !== 'v1' || !iv || !tag || sealed === undefined) throw new SecretUnreadable('Not a sealed secret.');
  if (keyId !== key.id) throw new SecretUnreadable('Sealed under another installation key; enter the secret again.');
  try {
    const decipher = createDecipheriv('aes-256-gcm', boxKey(key), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretUnreadable('The sealed secret was altered; enter it again.');
  }
}
