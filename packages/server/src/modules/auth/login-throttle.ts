import { createHash } from 'node:crypto';
import type { Executor } from '../../platform/database.ts';
import { loginThrottlesRepository } from './login-throttles.repository.ts';

/**
 * The login back-off (ADR 0010). Two counters slow password guessing without letting a stranger
 * lock the owner out:
 *
 * - per e-mail address and client address: at most `maxAttempts` attempts in `pairWindowMinutes`;
 *   beyond that only that client address waits, so the owner elsewhere is not affected;
 * - per e-mail address: at most `accountMaxAttemptsPerHour` attempts an hour from client
 *   addresses that have never logged in to it, so guessing spread over many addresses stays slow;
 *   an address that has logged in to this login before is not held back by this counter.
 *
 * Both are keyed by the e-mail address as typed (not by login), so an unknown address is counted,
 * answered and delayed exactly like a known one. Each attempt is claimed before the password is
 * checked, in one atomic statement (login-throttles.repository.ts), so parallel attempts cannot slip
 * past the count.
 */
export interface ThrottleSettings {
  maxAttempts: number;
  pairWindowMinutes: number;
  accountMaxAttemptsPerHour: number;
}

export type ThrottleVerdict =
  | { allowed: true; pairKey: string; accountKey: string | null }
  | { allowed: false; scope: 'address' | 'account'; retryAt: string; firstRefusal: boolean };

const keyOf = (...parts: string[]) => createHash('sha256').update(parts.join('\n')).digest('hex');
/** The per-e-mail counter's window: an hour. */
const accountWindowMinutes = 60;

export const loginThrottle = {
  /** Claims this attempt on both counters; refuses once either is spent. */
  async claim(db: Executor, settings: ThrottleSettings, email: string, clientAddress: string, now: Date): Promise<ThrottleVerdict> {
    const pairKey = keyOf('pair', email, clientAddress);
    const pair = await loginThrottlesRepository.claimAttempt(db, pairKey, now, settings.pairWindowMinutes);
    if (pair.attempts > settings.maxAttempts) {
      return { allowed: false, scope: 'address', retryAt: pair.retryAt, firstRefusal: pair.attempts === settings.maxAttempts + 1 };
    }
    let accountKey: string | null = null;
    if (pair.lastSuccessAt === null) {
      accountKey = keyOf('account', email);
      const account = await loginThrottlesRepository.claimAttempt(db, accountKey, now, accountWindowMinutes);
      if (account.attempts > settings.accountMaxAttemptsPerHour) {
        return {
          allowed: false,
          scope: 'account',
          retryAt: account.retryAt,
          firstRefusal: account.attempts === settings.accountMaxAttemptsPerHour + 1,
        };
      }
    }
    return { allowed: true, pairKey, accountKey };
  },

  /**
   * Deletes the rows whose window has passed and from which no login has succeeded; returns how
   * many. The key does not say which counter a row is, so the longer window of the two decides.
   */
  removeExpired(db: Executor, settings: Pick<ThrottleSettings, 'pairWindowMinutes'>, now: Date) {
    const longest = Math.max(settings.pairWindowMinutes, accountWindowMinutes);
    return loginThrottlesRepository.removeExpired(db, new Date(now.getTime() - longest * 60_000));
  },

  /**
   * A correct password: this client address starts afresh and is known to this login from now on,
   * and the attempt is taken back from the e-mail's hourly count (it counts guesses, not logins).
   */
  async succeeded(db: Executor, verdict: { pairKey: string; accountKey: string | null }, now: Date) {
    await loginThrottlesRepository.recordSuccess(db, verdict.pairKey, now);
    if (verdict.accountKey) await loginThrottlesRepository.takeBackAttempt(db, verdict.accountKey, now);
  },
};
