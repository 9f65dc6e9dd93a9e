import { randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import { toDataURL } from 'qrcode';
import { hashSecret } from '../../platform/tokens.ts';

/**
 * TOTP (RFC 6238) through otplib, with the settings every authenticator app assumes: SHA-1, six
 * digits, 30-second steps. One step either side is accepted, for a phone clock a little off and a
 * code typed as it turns; a step at or before the last accepted one is refused (a replay).
 */
const stepSeconds = 30;
const issuer = 'Förvalta';

export function newTotpSecret(): string {
  // 20 bytes (160 bits), the length RFC 4226 recommends; base32 for the apps.
  return generateSecret({ length: 20 });
}

export function totpUri(secret: string, email: string): string {
  return generateURI({ issuer, label: email, secret });
}

export function qrCodeDataUrl(uri: string): Promise<string> {
  return toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
}

/** The time step `code` belongs to, when it is valid now (±1 step) and later than `afterStep`; else undefined. */
export async function acceptedStep(secret: string, code: string, now: Date, afterStep: number | null): Promise<number | undefined> {
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: stepSeconds,
    ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
  });
  // otplib's result type covers HOTP too; a TOTP verification answers with the step it matched.
  return result.valid && 'timeStep' in result ? result.timeStep : undefined;
}

const base32Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const recoveryCodeCount = 10;

/**
 * Ten recovery codes of twelve base32 characters (60 random bits each), shown as XXXX-XXXX-XXXX.
 * No 0/1/8/9, so O and 0, I and 1 cannot be confused when copied from paper.
 */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: recoveryCodeCount }, () => {
    const bytes = randomBytes(12);
    const characters = Array.from(bytes, (byte) => base32Alphabet[byte % 32]).join('');
    return `${characters.slice(0, 4)}-${characters.slice(4, 8)}-${characters.slice(8, 12)}`;
  });
}

/**
 * A recovery code's stored hash, salted with the login so one table of hashes serves no other
 * login; 60 random bits make guessing from a stolen hash impractical without a slow hash.
 */
export function recoveryCodeHash(loginId: string, code: string): string {
  return hashSecret(`recovery\n${loginId}\n${code.replace(/[\s-]+/g, '').toUpperCase()}`);
}
