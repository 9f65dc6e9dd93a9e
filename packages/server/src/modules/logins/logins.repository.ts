import type { Executor } from '../../platform/database.ts';

/** Installation-wide logins as the invitation flow needs them. */
export const loginsRepository = {
  findByEmail(db: Executor, email: string) {
    return db.selectFrom('logins').select(['id', 'email', 'password_hash']).where('email', '=', email).executeTakeFirst();
  },

  /** A new login, by the invited person's own password. */
  async insert(db: Executor, values: { id: string; email: string; passwordHash: string }, now: string) {
    await db
      .insertInto('logins')
      .values({
        id: values.id,
        email: values.email,
        password_hash: values.passwordHash,
        locale: 'sv',
        failed_login_count: 0,
        locked_until: null,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
  },

  /** Whether the login already is a person of this municipality. */
  async isLinkedIn(db: Executor, municipalityId: string, loginId: string) {
    const row = await db
      .selectFrom('people')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where('login_id', '=', loginId)
      .executeTakeFirst();
    return row !== undefined;
  },

  /** Where the login last worked: signing in without naming a municipality returns there. */
  async rememberMunicipality(db: Executor, loginId: string, municipalityId: string) {
    await db.updateTable('logins').set({ last_municipality_id: municipalityId }).where('id', '=', loginId).execute();
  },

  async lastMunicipality(db: Executor, loginId: string) {
    const row = await db.selectFrom('logins').select('last_municipality_id').where('id', '=', loginId).executeTakeFirst();
    return row?.last_municipality_id ?? null;
  },
};
