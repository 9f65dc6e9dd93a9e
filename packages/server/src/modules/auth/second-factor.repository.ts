import { randomUUID } from 'node:crypto';
import { roles as allRoles, type Role } from '@forvalta/contracts';
import type { Executor } from '../../platform/database.ts';
import { saveSettingAtVersion } from '../../platform/versioned-rows.ts';

/** Parses a stored role list, keeping only roles that still exist. */
export function parseRoles(json: string | null | undefined): Role[] {
  if (!json) return [];
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((role): role is Role => (allRoles as readonly string[]).includes(role)) : [];
  } catch {
    return [];
  }
}

/** TOTP secrets, recovery codes, login challenges and the per-role requirement (ADR 0014). */
export const secondFactorRepository = {
  findFactor(db: Executor, loginId: string) {
    return db.selectFrom('login_second_factors').selectAll().where('login_id', '=', loginId).executeTakeFirst();
  },

  /** Starts (or starts again) an enrolment; never replaces a confirmed factor. */
  async savePendingFactor(db: Executor, loginId: string, secret: string, now: string) {
    await db.deleteFrom('login_second_factors').where('login_id', '=', loginId).where('confirmed_at', 'is', null).execute();
    await db
      .insertInto('login_second_factors')
      .values({ login_id: loginId, secret, confirmed_at: null, last_used_step: null, created_at: now, updated_at: now })
      .execute();
  },

  /** Activates the pending factor with the step of its first code; false if it was not pending. */
  async confirmFactor(db: Executor, loginId: string, step: number, now: string) {
    const result = await db
      .updateTable('login_second_factors')
      .set({ confirmed_at: now, last_used_step: step, updated_at: now })
      .where('login_id', '=', loginId)
      .where('confirmed_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /**
   * Records `step` as used, only while it is later than the last used one: of two requests with the
   * same code at the same moment, one wins. False when the step was used already (a replay).
   */
  async useStep(db: Executor, loginId: string, step: number, now: string) {
    const result = await db
      .updateTable('login_second_factors')
      .set({ last_used_step: step, updated_at: now })
      .where('login_id', '=', loginId)
      .where('confirmed_at', 'is not', null)
      .where((eb) => eb.or([eb('last_used_step', 'is', null), eb('last_used_step', '<', step)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async deleteFactor(db: Executor, loginId: string) {
    await db.deleteFrom('login_recovery_codes').where('login_id', '=', loginId).execute();
    await db.deleteFrom('login_second_factors').where('login_id', '=', loginId).execute();
  },

  async replaceRecoveryCodes(db: Executor, loginId: string, codeHashes: string[], now: string) {
    await db.deleteFrom('login_recovery_codes').where('login_id', '=', loginId).execute();
    await db
      .insertInto('login_recovery_codes')
      .values(codeHashes.map((codeHash) => ({ id: randomUUID(), login_id: loginId, code_hash: codeHash, created_at: now, used_at: null })))
      .execute();
  },

  /** Spends one unused recovery code in one statement, so it works once even when sent twice at once. */
  async spendRecoveryCode(db: Executor, loginId: string, codeHash: string, now: string) {
    const result = await db
      .updateTable('login_recovery_codes')
      .set({ used_at: now })
      .where('login_id', '=', loginId)
      .where('code_hash', '=', codeHash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async countUnusedRecoveryCodes(db: Executor, loginId: string) {
    const row = await db
      .selectFrom('login_recovery_codes')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('login_id', '=', loginId)
      .where('used_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  },

  insertChallenge(db: Executor, challenge: { loginId: string; municipalityId: string; tokenHash: string; now: string; expiresAt: string }) {
    return db
      .insertInto('login_challenges')
      .values({
        id: randomUUID(),
        login_id: challenge.loginId,
        municipality_id: challenge.municipalityId,
        token_hash: challenge.tokenHash,
        failed_attempts: 0,
        created_at: challenge.now,
        expires_at: challenge.expiresAt,
        used_at: null,
      })
      .execute();
  },

  /** A challenge that is neither spent nor expired. */
  findOpenChallenge(db: Executor, tokenHash: string, now: string) {
    return db
      .selectFrom('login_challenges')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
  },

  /** Spends a challenge once; false when another request spent it first. */
  async spendChallenge(db: Executor, challengeId: string, now: string) {
    const result = await db
      .updateTable('login_challenges')
      .set({ used_at: now })
      .where('id', '=', challengeId)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** Counts a wrong code on the challenge; after `limit` of them the challenge is spent. */
  async failChallenge(db: Executor, challengeId: string, limit: number, now: string) {
    await db
      .updateTable('login_challenges')
      .set((eb) => ({
        failed_attempts: eb('failed_attempts', '+', 1),
        used_at: eb
          .case()
          .when('failed_attempts', '>=', limit - 1)
          .then(now)
          .else(eb.ref('used_at'))
          .end(),
      }))
      .where('id', '=', challengeId)
      .execute();
  },

  /** The roles that must use a second factor in a municipality, with the setting's version (1 before the first save). */
  async requirement(db: Executor, municipalityId: string) {
    const row = await db
      .selectFrom('second_factor_requirements')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .executeTakeFirst();
    // Until an administrator decides, no role requires it (the demo municipality stays so).
    return row ? { roles: parseRoles(row.roles_json), version: row.version } : { roles: [] as Role[], version: 1 };
  },

  async saveRequirement(db: Executor, municipalityId: string, expectedVersion: number, roles: Role[], now: string) {
    return saveSettingAtVersion(db, 'second_factor_requirements', municipalityId, expectedVersion, {
      roles_json: JSON.stringify(roles),
      updated_at: now,
    });
  },

  /** Whether this login has a confirmed factor and which roles its municipality requires one for. */
  async stateFor(db: Executor, loginId: string, municipalityId: string) {
    const factor = await db.selectFrom('login_second_factors').select('confirmed_at').where('login_id', '=', loginId).executeTakeFirst();
    const requirement = await this.requirement(db, municipalityId);
    return { enabled: Boolean(factor?.confirmed_at), requiredRoles: requirement.roles };
  },
};
