import type { Executor } from '../../platform/database.ts';
import { updateAtVersion } from '../../platform/versioned-rows.ts';

/** Installation-wide logins as the invitation flow needs them. */
export const loginsRepository = {
  findByEmail(db: Executor, email: string) {
    return db.selectFrom('logins').select(['id', 'email', 'password_hash']).where('email', '=', email).executeTakeFirst();
  },

  /** A new login, by the invited person's own password (or none: single sign-on's, ADR 0036). */
  async insert(db: Executor, values: { id: string; email: string; passwordHash: string | null }, now: string) {
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

  /** Whether the login is a person of any municipality (left or not): it still belongs somewhere. */
  async isLinkedAnywhere(db: Executor, loginId: string) {
    const row = await db.selectFrom('people').select('id').where('login_id', '=', loginId).executeTakeFirst();
    return row !== undefined;
  },

  /** Takes the person's login away, at the person's version (If-Match); false when it moved on. */
  unlinkPerson(db: Executor, municipalityId: string, personId: string, expectedVersion: number, now: string) {
    return updateAtVersion(db, 'people', { municipality_id: municipalityId, id: personId }, expectedVersion, {
      login_id: null,
      updated_at: now,
    });
  },

  /**
   * A login that belongs to no municipality any more keeps its row (tokens, invitations and the
   * audit log name it) but not its password: nothing can sign in with it, and a later invitation
   * to the address sets a new password as for a new login.
   */
  async retire(db: Executor, loginId: string, now: string) {
    await db
      .updateTable('logins')
      .set((eb) => ({ password_hash: null, last_municipality_id: null, updated_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', loginId)
      .execute();
  },

  /** Gives a retired login its new owner's password, once: of two accepts at once, the second finds it set. */
  async setPasswordIfUnset(db: Executor, loginId: string, passwordHash: string, now: string) {
    const result = await db
      .updateTable('logins')
      .set((eb) => ({ password_hash: passwordHash, updated_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', loginId)
      .where('password_hash', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** When the login last signed in to this municipality: its latest `login` event in the municipality's audit chain. */
  async lastLoginIn(db: Executor, municipalityId: string, loginId: string) {
    const row = await db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.max('occurred_at').as('last_login_at'))
      .where('municipality_id', '=', municipalityId)
      .where('entity_type', '=', 'login')
      .where('entity_id', '=', loginId)
      .where('action', '=', 'login')
      .executeTakeFirst();
    return (row?.last_login_at as string | null | undefined) ?? null;
  },
};
