import type { Executor } from '../../platform/database.ts';

const minutes = (count: number) => count * 60_000;

/** The counters of the login back-off (login-throttle.ts, ADR 0010), one row per key. */
export const loginThrottlesRepository = {
  /**
   * Counts one attempt on a key in one statement (so parallel attempts cannot slip past the
   * count) and returns the count in its window, which starts afresh once `windowMinutes` passed.
   */
  async claimAttempt(db: Executor, key: string, now: Date, windowMinutes: number) {
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
    return { attempts: row.attempts, lastSuccessAt: row.last_success_at, retryAt };
  },

  /** The key starts afresh and remembers the success. */
  async recordSuccess(db: Executor, key: string, now: Date) {
    const nowIso = now.toISOString();
    await db
      .updateTable('login_throttles')
      .set({ attempts: 0, last_success_at: nowIso, updated_at: nowIso })
      .where('key', '=', key)
      .execute();
  },

  /** One attempt taken back from the key's count (never below zero). */
  async takeBackAttempt(db: Executor, key: string, now: Date) {
    await db
      .updateTable('login_throttles')
      .set((eb) => ({ attempts: eb('attempts', '-', 1), updated_at: now.toISOString() }))
      .where('key', '=', key)
      .where('attempts', '>', 0)
      .execute();
  },

  /** Deletes the rows whose window started before `windowStart` and from which no login succeeded; how many. */
  async removeExpired(db: Executor, windowStart: Date) {
    const result = await db
      .deleteFrom('login_throttles')
      .where('window_started_at', '<=', windowStart.toISOString())
      .where('last_success_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};
