import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditKeyOf } from './audit-key.ts';
import { openSecret, SecretUnreadable, sealSecret } from './secret-box.ts';

describe('the secret box (ADR 0036)', () => {
  const key = auditKeyOf(randomBytes(32));

  it('opens what it sealed, and never stores the secret in clear', () => {
    const sealed = sealSecret('client secret ÅÄÖ', key);
    expect(sealed).not.toContain('client secret');
    expect(sealed.startsWith(`v1.${key.id}.`)).toBe(true);
    expect(openSecret(sealed, key)).toBe('client secret ÅÄÖ');
    // A fresh IV each time: the same secret does not seal to the same text.
    expect(sealSecret('client secret ÅÄÖ', key)).not.toBe(sealed);
  });

  it('refuses a secret sealed under another key, or altered', () => {
    const sealed = sealSecret('s3cret', key);
    expect(() => openSecret(sealed, auditKeyOf(randomBytes(32)))).toThrow(SecretUnreadable);
    const parts = sealed.split('.');
    parts[4] = Buffer.from('other text').toString('base64url');
    expect(() => openSecret(parts.join('.'), key)).toThrow(SecretUnreadable);
    expect(() => openSecret('plain text', key)).toThrow(SecretUnreadable);
  });
});
