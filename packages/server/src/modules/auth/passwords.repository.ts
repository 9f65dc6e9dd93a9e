import type { Executor } from '../../platform/database.ts';

/** Password changes and reset links. */
export const passwordsRepository = {
  /**
   * Sets a login's password and ends its sessions, all but `keepSessionId` (the one that changed
   * it); any reset link still open for it is spent, so an old link cannot undo the change.
   */
  async setPassword(db: Executor, loginId: string, passwordHash: string, now: string, keepSessionId?: string) {
    await db
      .updateTable('logins')
      .set((eb) => ({ password_hash: passwordHash, updated_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', loginId)
      .execute();
    let sessions = db.deleteFrom('sessions').where('login_id', '=', loginId);
    if (keepSessionId) sessions = sessions.where('id', '!=', keepSessionId);
    await sessions.execute();
    await db
      .updateTable('password_reset_links')
      .set({ used_at: now })
      .where('login_id', '=', loginId)
      .where('used_at', 'is', null)
      .execute();
  },

  /** Spends the open reset links of a login issued in one municipality (its access there ended). */
  spendResetLinksIn(db: Executor, municipalityId: string, loginId: string, now: string) {
    return db
      .updateTable('password_reset_links')
      .set({ used_at: now })
      .where('municipality_id', '=', municipalityId)
      .where('login_id', '=', loginId)
      .where('used_at', 'is', null)
      .execute();
  },

  insertResetLink(
    db: Executor,
    link: {
      id: string;
      loginId: string;
      municipalityId: string;
      tokenHash: string;
      issuedBy: string | null;
      now: string;
      expiresAt: string;
    },
  ) {
    return db
      .insertInto('password_reset_links')
      .values({
        id: link.id,
        login_id: link.loginId,
        municipality_id: link.municipalityId,
        token_hash: link.tokenHash,
        issued_by_login_id: link.issuedBy,
        created_at: link.now,
        expires_at: link.expiresAt,
        used_at: null,
      })
      .execute();
  },

  /** Spends a link in one statement: only an unused, unexpired link matches, and only once. */
  spendResetLink(db: Executor, tokenHash: string, now: string) {
    return db
      .updateTable('password_reset_links')
      .set({ used_at: now })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning(['login_id', 'municipality_id'])
      .executeTakeFirst();
  },

  /** The person of this municipality and their login, if they have one. */
  findPersonLogin(db: Executor, municipalityId: string, personId: string) {
    return db
      .selectFrom('people')
      .select(['id', 'login_id', 'employment_status'])
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', personId)
      .executeTakeFirst();
  },

  /** Whether the login is a person in any other municipality. */
  async worksElsewhere(db: Executor, loginId: string, municipalityId: string) {
    const row = await db
      .selectFrom('people')
      .select('id')
      .where('login_id', '=', loginId)
      .where('municipality_id', '!=', municipalityId)
      .executeTakeFirst();
    return row !== undefined;
  },

  /**
   * The login of an address and one municipality where its person is active today (the one they
   * last worked in, else the first by name), for a reset link; undefined for an unknown address or a
   * login of leavers only.
   */
  async findLoginForReset(db: Executor, email: string, today: string) {
    const rows = await db
      .selectFrom('logins')
      .innerJoin('people', 'people.login_id', 'logins.id')
      .innerJoin('municipalities', 'municipalities.id', 'people.municipality_id')
      .select([
        'logins.id as loginId',
        'logins.email',
        'logins.locale',
        'logins.last_municipality_id',
        'people.id as personId',
        'people.municipality_id as municipalityId',
      ])
      .where('logins.email', '=', email)
      .where('people.employment_status', '=', 'active')
      .where((eb) => eb.or([eb('people.end_date', 'is', null), eb('people.end_date', '>', today)]))
      .orderBy('municipalities.name')
      .execute();
    return rows.find((row) => row.municipalityId === row.last_municipality_id) ?? rows[0];
  },

  /** Whether a link was e-mailed to this login since `since` (and is not spent). */
  async recentlyRequested(db: Executor, loginId: string, since: string) {
    const row = await db
      .selectFrom('password_reset_links')
      .select('id')
      .where('login_id', '=', loginId)
      .where('issued_by_login_id', 'is', null)
      .where('used_at', 'is', null)
      .where('created_at', '>=', since)
      .executeTakeFirst();
    return row !== undefined;
  },

  /** Links past their expiry (spent or not) removed: they can do nothing, and they name a login. */
  async removeExpired(db: Executor, now: string) {
    const result = await db.deleteFrom('password_reset_links').where('expires_at', '<', now).executeTakeFirst();
    return Number(result.numDeletedRows);
  },

  passwordHashOf(db: Executor, loginId: string) {
    return db.selectFrom('logins').select(['password_hash', 'email']).where('id', '=', loginId).executeTakeFirst();
  },
};
