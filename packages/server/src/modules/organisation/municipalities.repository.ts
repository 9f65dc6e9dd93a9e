import type { Municipality } from '@forvalta/contracts';
import type { Selectable } from 'kysely';
import type { MunicipalitiesTable } from '../../platform/database-schema.ts';
import type { Executor } from '../../platform/database.ts';
import { updateAtVersion } from '../../platform/versioned-rows.ts';

function toMunicipality(row: Selectable<MunicipalitiesTable>): Municipality {
  return { id: row.id, version: row.version, createdAt: row.created_at, updatedAt: row.updated_at, code: row.code, name: row.name };
}

export const municipalitiesRepository = {
  /** The municipalities a login works in (it is an active person with a role there). */
  async listForLogin(db: Executor, loginId: string) {
    const rows = await db
      .selectFrom('municipalities')
      .selectAll('municipalities')
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('people')
            .innerJoin('role_assignments', 'role_assignments.person_id', 'people.id')
            .select('people.id')
            .whereRef('people.municipality_id', '=', 'municipalities.id')
            .where('people.login_id', '=', loginId)
            .where('people.employment_status', '=', 'active'),
        ),
      )
      .orderBy('municipalities.name')
      .execute();
    return rows.map(toMunicipality);
  },

  async findById(db: Executor, id: string) {
    const row = await db.selectFrom('municipalities').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toMunicipality(row) : undefined;
  },

  async findByCode(db: Executor, code: string) {
    const row = await db.selectFrom('municipalities').selectAll().where('code', '=', code).executeTakeFirst();
    return row ? toMunicipality(row) : undefined;
  },

  async listAll(db: Executor) {
    const rows = await db.selectFrom('municipalities').selectAll().orderBy('code').execute();
    return rows.map(toMunicipality);
  },

  /** The e-mail addresses of the municipality's administrators, for the operator who adds one more. */
  async listAdministratorEmails(db: Executor, municipalityId: string) {
    const rows = await db
      .selectFrom('role_assignments')
      .innerJoin('people', 'people.id', 'role_assignments.person_id')
      .select('people.email')
      .distinct()
      .where('role_assignments.municipality_id', '=', municipalityId)
      .where('role_assignments.role', '=', 'administrator')
      .orderBy('people.email')
      .execute();
    return rows.map((row) => row.email);
  },

  async insert(db: Executor, values: { id: string; code: string; name: string }, now: string) {
    await db
      .insertInto('municipalities')
      .values({ ...values, created_at: now, updated_at: now, version: 1 })
      .execute();
  },

  async updateName(db: Executor, id: string, expectedVersion: number, name: string, now: string) {
    return updateAtVersion(db, 'municipalities', { id }, expectedVersion, { name, updated_at: now });
  },

  async insertLogin(db: Executor, values: { id: string; email: string; passwordHash: string | null }, now: string) {
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

  /** Sets the password and ends every session of the login. */
  async setPassword(db: Executor, loginId: string, passwordHash: string, now: string) {
    await db
      .updateTable('logins')
      .set((eb) => ({
        password_hash: passwordHash,
        failed_login_count: 0,
        locked_until: null,
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', loginId)
      .execute();
    // A new password set by an operator (forvalta init) ends every session opened with the old one.
    await db.deleteFrom('sessions').where('login_id', '=', loginId).execute();
  },

  /** The operator's link of one person of one municipality to a login (ADR 0009). */
  async linkPersonToLogin(db: Executor, municipalityId: string, personId: string, loginId: string, now: string) {
    await db
      .updateTable('people')
      .set((eb) => ({ login_id: loginId, updated_at: now, version: eb('version', '+', 1) }))
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', personId)
      .execute();
  },
};
