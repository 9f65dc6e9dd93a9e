import { createHash } from 'node:crypto';
import type { Executor } from '../../platform/database.ts';

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
 * checked, in one atomic statement, so parallel attempts cannot slip past the count.
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
const minutes = (count: number) => count * 60_000;

/** Counts one attempt on a key in one statement and returns the count in its (possibly new) window. */
async function claim(db: Executor, key: string, now: Date, windowMinutes: number) {
  const nowIso = now.toISOString();
  const windowStart = new Date(now.getTime() - minutes(windowMinutes)).toISOString();
  const row = await db
    .insertInto('login_throttles')
    .values({ key, attempts: 1, window_started_at: nowIso, updated_at: nowIso })
    .onConflict((conflict) =>
      conflict.column('key').doUpdateSet((eb) => {
        const expired = eb('login_throttles.window_started_at', '<=', windowStart);
        return {
          attempts: eb
            .case()
            .when(expired)
            .then(1)
            .else(eb('login_throttles.attempts', '+', 1))
            .end(),
          window_started_at: eb.case().when(expired).then(nowIso).else(eb.ref('login_throttles.window_started_at')).end(),
          updated_at: nowIso,
        };
      }),
    )
    .returning(['attempts', 'window_started_at', 'last_success_at'])
    .executeTakeFirstOrThrow();
  const retryAt = new Date(Date.parse(row.window_started_at) + minutes(windowMinutes)).toISOString();
  return { ...row, retryAt };
}

export const loginThrottle = {
  /** Claims this attempt on both counters; refuses once either is spent. */
  async claim(db: Executor, settings: ThrottleSettings, email: string, clientAddress: string, now: Date): Promise<ThrottleVerdict> {
    const pairKey = keyOf('pair', email, clientAddress);
    const pair = await claim(db, pairKey, now, settings.pairWindowMinutes);
    if (pair.attempts > settings.maxAttempts) {
      return { allowed: false, scope: 'address', retryAt: pair.retryAt, firstRefusal: pair.attempts === settings.maxAttempts + 1 };
    }
    let accountKey: string | null = null;
    if (pair.last_success_at === null) {
      accountKey = keyOf('account', email);
      const account = await claim(db, accountKey, now, 60);
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
   * A correct password: this client address starts afresh and is known to this login from now on,
   * and the attempt is taken back from the e-mail's hourly count (it counts guesses, not logins).
   */
  async succeeded(db: Executor, verdict: { pairKey: string; accountKey: string | null }, now: Date) {
    const nowIso = now.toISOString();
    await db
      .updateTable('login_throttles')
      .set({ attempts: 0, last_success_at: nowIso, updated_at: nowIso })
      .where('key', '=', verdict.pairKey)
      .execute();
    if (verdict.accountKey) {
      await db
        .updateTable('login_throttles')
        .set((eb) => ({ attempts: eb('attempts', '-', 1), updated_at: nowIso }))
        .where('key', '=', verdict.accountKey)
        .where('attempts', '>', 0)
        .execute();
    }
  },
};
