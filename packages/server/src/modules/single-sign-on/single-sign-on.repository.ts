import type { GroupRole, Role, SingleSignOnMatch } from '@forvalta/contracts';
import type { Executor } from '../../platform/database.ts';
import { deleteAtVersion, saveSettingAtVersion } from '../../platform/versioned-rows.ts';

/** A municipality's provider as stored (the secret still sealed). */
export interface StoredProvider {
  municipalityId: string;
  displayName: string;
  issuer: string;
  clientId: string;
  clientSecretSealed: string;
  matchBy: SingleSignOnMatch;
  matchClaim: string;
  groupsClaim: string | null;
  groupRoles: GroupRole[];
  passwordLogin: boolean;
  version: number;
}

export interface ProviderValues {
  displayName: string;
  issuer: string;
  clientId: string;
  clientSecretSealed: string;
  matchBy: SingleSignOnMatch;
  matchClaim: string;
  groupsClaim: string | null;
  groupRoles: GroupRole[];
  passwordLogin: boolean;
}

function parseGroupRoles(json: string): GroupRole[] {
  const parsed = JSON.parse(json) as Array<{ group: string; role: Role }>;
  return parsed.map(({ group, role }) => ({ group, role }));
}

/** Providers, logins in progress, and the people a provider's claim may name (ADR 0036). */
export const singleSignOnRepository = {
  async provider(db: Executor, municipalityId: string): Promise<StoredProvider | undefined> {
    const row = await db
      .selectFrom('single_sign_on_providers')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      municipalityId: row.municipality_id,
      displayName: row.display_name,
      issuer: row.issuer,
      clientId: row.client_id,
      clientSecretSealed: row.client_secret_encrypted,
      matchBy: row.match_by === 'employee_number' ? 'employee_number' : 'email',
      matchClaim: row.match_claim,
      groupsClaim: row.groups_claim,
      groupRoles: parseGroupRoles(row.group_roles_json),
      passwordLogin: row.password_login === 1,
      version: row.version,
    };
  },

  /** Removes the provider at the version read; false when it changed meanwhile. */
  deleteProvider(db: Executor, municipalityId: string, expectedVersion: number) {
    return deleteAtVersion(db, 'single_sign_on_providers', { municipality_id: municipalityId }, expectedVersion);
  },

  saveProvider(db: Executor, municipalityId: string, expectedVersion: number, values: ProviderValues, now: string) {
    return saveSettingAtVersion(db, 'single_sign_on_providers', municipalityId, expectedVersion, {
      display_name: values.displayName,
      issuer: values.issuer,
      client_id: values.clientId,
      client_secret_encrypted: values.clientSecretSealed,
      match_by: values.matchBy,
      match_claim: values.matchClaim,
      groups_claim: values.groupsClaim,
      group_roles_json: JSON.stringify(values.groupRoles),
      password_login: values.passwordLogin ? 1 : 0,
      updated_at: now,
    });
  },

  municipalityByCode(db: Executor, code: string) {
    return db.selectFrom('municipalities').select(['id', 'code', 'name']).where('code', '=', code).executeTakeFirst();
  },

  municipalityById(db: Executor, id: string) {
    return db.selectFrom('municipalities').select(['id', 'code', 'name']).where('id', '=', id).executeTakeFirst();
  },

  listMunicipalities(db: Executor) {
    return db.selectFrom('municipalities').select(['id', 'code']).limit(2).execute();
  },

  insertAttempt(
    db: Executor,
    attempt: { id: string; municipalityId: string; state: string; nonce: string; codeVerifier: string; returnTo: string },
    now: string,
    expiresAt: string,
  ) {
    return db
      .insertInto('single_sign_on_attempts')
      .values({
        id: attempt.id,
        municipality_id: attempt.municipalityId,
        state: attempt.state,
        nonce: attempt.nonce,
        code_verifier: attempt.codeVerifier,
        return_to: attempt.returnTo,
        created_at: now,
        expires_at: expiresAt,
      })
      .execute();
  },

  /**
   * Takes the attempt and removes it in one statement: of two callbacks with the same cookie (a
   * replay), only the first finds it. Expired attempts are not returned.
   */
  async spendAttempt(db: Executor, id: string, now: string) {
    const row = await db.deleteFrom('single_sign_on_attempts').where('id', '=', id).returningAll().executeTakeFirst();
    if (!row || row.expires_at <= now) return undefined;
    return row;
  },

  removeExpiredAttempts(db: Executor, now: string) {
    return db.deleteFrom('single_sign_on_attempts').where('expires_at', '<=', now).executeTakeFirst();
  },

  /** The person of THIS municipality the claim names; never another tenant's. */
  findPerson(db: Executor, municipalityId: string, matchBy: SingleSignOnMatch, value: string) {
    let query = db
      .selectFrom('people')
      .select(['id', 'email', 'login_id', 'employment_status', 'end_date'])
      .where('municipality_id', '=', municipalityId);
    query = matchBy === 'email' ? query.where('email', '=', value.toLowerCase()) : query.where('employee_number', '=', value);
    return query.executeTakeFirst();
  },

  /** The municipality-wide assignments of the given roles the person holds (the ones groups decide). */
  groupDecidedAssignments(db: Executor, municipalityId: string, personId: string, roles: Role[]) {
    if (roles.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('role_assignments')
      .select(['id', 'role', 'version'])
      .where('municipality_id', '=', municipalityId)
      .where('person_id', '=', personId)
      .where('department_id', 'is', null)
      .where('role', 'in', roles)
      .execute();
  },
};
