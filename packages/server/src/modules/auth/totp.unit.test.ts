import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { acceptedStep, newRecoveryCodes, newTotpSecret, recoveryCodeHash, totpUri } from './totp.ts';

const now = new Date('2026-12-02T10:00:15.000Z');
const step = Math.floor(now.getTime() / 1000 / 30);
const codeAt = (secret: string, offsetSeconds: number) => generate({ secret, epoch: Math.floor(now.getTime() / 1000) + offsetSeconds });

describe('TOTP', () => {
  it('accepts the code of this step and of the steps either side, and says which step it was', async () => {
    const secret = newTotpSecret();
    expect(await acceptedStep(secret, await codeAt(secret, 0), now, null)).toBe(step);
    expect(await acceptedStep(secret, await codeAt(secret, -30), now, null)).toBe(step - 1);
    expect(await acceptedStep(secret, await codeAt(secret, 30), now, null)).toBe(step + 1);
  });

  it('refuses a code two steps away, a wrong code and a code at or before the last accepted step', async () => {
    const secret = newTotpSecret();
    expect(await acceptedStep(secret, await codeAt(secret, -60), now, null)).toBeUndefined();
    expect(await acceptedStep(secret, await codeAt(secret, 60), now, null)).toBeUndefined();
    const code = await codeAt(secret, 0);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect(await acceptedStep(secret, wrong, now, null)).toBeUndefined();
    expect(await acceptedStep(secret, code, now, step)).toBeUndefined();
    expect(await acceptedStep(secret, await codeAt(secret, -30), now, step - 1)).toBeUndefined();
    expect(await acceptedStep(secret, code, now, step - 1)).toBe(step);
  });

  it('names Förvalta and the login in the authenticator URI', () => {
    const uri = totpUri('JBSWY3DPEHPK3PXP', 'anna@tanum.se');
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(decodeURIComponent(uri)).toContain('Förvalta:anna@tanum.se');
    expect(uri).toContain('secret=JBSWY3DPEHPK3PXP');
  });
});

describe('recovery codes', () => {
  it('makes ten distinct codes of twelve base32 characters', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$/);
  });

  it('hashes a code the same however it is typed, and differently for another login', () => {
    expect(recoveryCodeHash('login-1', 'abcd-efgh-ijkl')).toBe(recoveryCodeHash('login-1', 'ABCDEFGHIJKL'));
    expect(recoveryCodeHash('login-1', 'ABCDEFGHIJKL')).not.toBe(recoveryCodeHash('login-2', 'ABCDEFGHIJKL'));
  });
});
