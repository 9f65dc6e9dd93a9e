import { createHash, createHmac } from 'node:crypto';

/**
 * The installation's audit key (ADR 0012): the audit chains are HMAC-SHA-256 under a key that is
 * kept outside the database (AUDIT_KEY_FILE), so someone who can write the database can neither
 * recompute a chain with an event removed nor forge a chain head. It is loaded once per process by
 * `buildApp` and by every command that opens the database (config.ts, loadAuditKey), and installed
 * here because recordAudit is called from every service with only a transaction in hand.
 */
export interface AuditKey {
  /** The secret itself (32 bytes or more). */
  secret: Buffer;
  /** A public name for the key, stored on each chain head: which key sealed the chain. */
  id: string;
}

let installed: AuditKey | undefined;

export function auditKeyOf(secret: Buffer): AuditKey {
  const id = createHash('sha256').update('forvalta-audit-key-id').update(secret).digest('hex').slice(0, 16);
  return { secret, id };
}

/** Makes `key` the one every audit write and verification of this process uses. */
export function installAuditKey(key: AuditKey): void {
  installed = key;
}

/** The installed key; writing or verifying the audit log without one is a programming error, never a silent unkeyed chain. */
export function currentAuditKey(): AuditKey {
  if (!installed) throw new Error('No audit key is loaded: call installAuditKey(loadAuditKey(config.auditKeyFile)) at start-up.');
  return installed;
}

export function hmacHex(key: AuditKey, material: string): string {
  return createHmac('sha256', key.secret).update(material).digest('hex');
}
