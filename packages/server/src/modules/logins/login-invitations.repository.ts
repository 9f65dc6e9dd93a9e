import type { LoginInvitation } from '@forvalta/contracts';
import type { Selectable } from 'kysely';
import type { LoginInvitationsTable } from '../../platform/database-schema.ts';
import type { Executor } from '../../platform/database.ts';

function statusOf(row: Selectable<LoginInvitationsTable>, now: string): LoginInvitation['status'] {
  if (row.accepted_at) return 'accepted';
  if (row.revoked_at) return 'revoked';
  // Instants, not text: a stored offset must not decide (issue #12, finding 8).
  return Date.parse(row.expires_at) <= Date.parse(now) ? 'expired' : 'pending';
}

export function toLoginInvitation(row: Selectable<LoginInvitationsTable>, now: string): LoginInvitation {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    personId: row.person_id,
    email: row.email,
    status: statusOf(row, now),
    expiresAt: row.expires_at,
    acceptedAt: row.accepted_at,
    revokedAt: row.revoked_at,
    createdByName: row.created_by_name,
  };
}

/** Invitations to sign in, one municipality's at a time; the secret is kept only as its hash. */
export const loginInvitationsRepository = {
  latestForPerson(db: Executor, municipalityId: string, personId: string) {
    return db
      .selectFrom('login_invitations')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .where('person_id', '=', personId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
  },

  findById(db: Executor, municipalityId: string, id: string) {
    return db
      .selectFrom('login_invitations')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  /** By secret, across the installation: the invited person does not say where they were invited. */
  findByTokenHash(db: Executor, tokenHash: string) {
    return db
      .selectFrom('login_invitations')
      .innerJoin('municipalities', 'municipalities.id', 'login_invitations.municipality_id')
      .selectAll('login_invitations')
      .select(['municipalities.code as municipality_code', 'municipalities.name as municipality_name'])
      .where('login_invitations.token_hash', '=', tokenHash)
      .executeTakeFirst();
  },

  async insert(
    db: Executor,
    values: {
      id: string;
      municipalityId: string;
      personId: string;
      email: string;
      tokenHash: string;
      createdByName: string;
      expiresAt: string;
    },
    now: string,
  ) {
    await db
      .insertInto('login_invitations')
      .values({
        id: values.id,
        municipality_id: values.municipalityId,
        person_id: values.personId,
        email: values.email,
        token_hash: values.tokenHash,
        created_by_name: values.createdByName,
        expires_at: values.expiresAt,
        accepted_at: null,
        accepted_login_id: null,
        revoked_at: null,
        failed_attempts: 0,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
  },

  /** Revokes the person's open invitations (a new one replaces them); returns the ids it revoked. */
  async revokeOpenForPerson(db: Executor, municipalityId: string, personId: string, now: string) {
    const rows = await db
      .updateTable('login_invitations')
      .set((eb) => ({ revoked_at: now, updated_at: now, version: eb('version', '+', 1) }))
      .where('municipality_id', '=', municipalityId)
      .where('person_id', '=', personId)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .returning('id')
      .execute();
    return rows.map((row) => row.id);
  },

  async revoke(db: Executor, municipalityId: string, id: string, expectedVersion: number, now: string) {
    const result = await db
      .updateTable('login_invitations')
      .set({ revoked_at: now, updated_at: now, version: expectedVersion + 1 })
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** Marks it used, once: the condition on accepted_at/revoked_at makes a second use lose. */
  async markAccepted(db: Executor, id: string, now: string) {
    const result = await db
      .updateTable('login_invitations')
      .set((eb) => ({ accepted_at: now, updated_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async setAcceptedLogin(db: Executor, id: string, loginId: string) {
    await db.updateTable('login_invitations').set({ accepted_login_id: loginId }).where('id', '=', id).execute();
  },

  /** One wrong password more, in one statement; returns the new count. */
  async countFailedAttempt(db: Executor, id: string, now: string) {
    const row = await db
      .updateTable('login_invitations')
      .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1), updated_at: now }))
      .where('id', '=', id)
      .returning('failed_attempts')
      .executeTakeFirst();
    return row?.failed_attempts ?? 0;
  },

  /** Links the person to the login; only a person without one (a second accept cannot move it). */
  async linkPerson(db: Executor, municipalityId: string, personId: string, loginId: string, now: string) {
    const result = await db
      .updateTable('people')
      .set((eb) => ({ login_id: loginId, updated_at: now, version: eb('version', '+', 1) }))
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', personId)
      .where('login_id', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
};
