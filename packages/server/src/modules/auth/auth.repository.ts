import type { Locale, Role } from '@forvalta/contracts';
import type { Executor } from '../../platform/database.ts';
import { parseRoles } from './second-factor.repository.ts';

const actorColumns = [
  'logins.id as login_id',
  'logins.email',
  'logins.locale',
  'people.id as person_id',
  'people.first_name',
  'people.last_name',
  'people.employment_status',
  'people.end_date',
  'role_assignments.role',
  'role_assignments.department_id',
] as const;

/** A role the person holds, and the department it is scoped to (null: the whole municipality). */
export interface GrantRecord {
  role: Role;
  departmentId: string | null;
}

/** The person behind a credential in its municipality: one record, however many role grants. */
export interface CallerRecord {
  loginId: string;
  personId: string;
  email: string;
  name: string;
  locale: Locale;
  municipalityId: string;
  /** Only an active person may act; one who left is refused by the service. */
  active: boolean;
  /** The day their access ends (the Swedish date), if one is set: from it on the service refuses them. */
  endDate: string | null;
  grants: GrantRecord[];
  /** The municipality's audit chain head; one without a head yet (nothing written) is at version 0, as in dataVersionOf. */
  dataVersion: number;
}

type CallerRow = {
  municipality_id: string;
  login_id: string;
  email: string;
  locale: string;
  person_id: string;
  first_name: string;
  last_name: string;
  employment_status: string;
  end_date: string | null;
  role: string | null;
  department_id: string | null;
  data_version: number | null;
};

const localeOf = (locale: string): Locale => (locale === 'en' ? 'en' : 'sv');

/** The one-query rows (one per role grant, a person without any gives one row without a role) as one record. */
function callerOf(rows: CallerRow[]): CallerRecord | undefined {
  const first = rows[0];
  if (!first) return undefined;
  return {
    loginId: first.login_id,
    personId: first.person_id,
    email: first.email,
    name: `${first.first_name} ${first.last_name}`,
    locale: localeOf(first.locale),
    municipalityId: first.municipality_id,
    active: first.employment_status === 'active',
    endDate: first.end_date,
    grants: rows.filter((row) => row.role !== null).map((row) => ({ role: row.role as Role, departmentId: row.department_id })),
    dataVersion: first.data_version ?? 0,
  };
}

/**
 * Whether a person's roles work today (the Swedish date): active, and their end date, the day
 * their access ends, not yet come. The daily job marks such people left; until it has run, this
 * is what ends their access at midnight.
 */
export function hasAccess(person: { employment_status: string; end_date: string | null }, today: string) {
  return person.employment_status === 'active' && (person.end_date === null || person.end_date > today);
}

/** Logins, sessions, memberships and role grants: what authentication needs to build an Actor. */
export const authRepository = {
  findLoginByEmail(db: Executor, email: string) {
    return db.selectFrom('logins').selectAll().where('email', '=', email).executeTakeFirst();
  },

  findLoginById(db: Executor, loginId: string) {
    return db.selectFrom('logins').selectAll().where('id', '=', loginId).executeTakeFirst();
  },

  updateLocale(db: Executor, loginId: string, locale: string, now: string) {
    return db
      .updateTable('logins')
      .set((eb) => ({ locale, updated_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', loginId)
      .execute();
  },

  /**
   * The municipalities where this login is a person with at least one role, by name; a person
   * whose end date (`today`, the Swedish date) has come is no longer one, before the daily job
   * marks them left.
   */
  listMemberships(db: Executor, loginId: string, today: string) {
    return db
      .selectFrom('people')
      .innerJoin('municipalities', 'municipalities.id', 'people.municipality_id')
      .where('people.login_id', '=', loginId)
      .where('people.employment_status', '=', 'active')
      .where((eb) => eb.or([eb('people.end_date', 'is', null), eb('people.end_date', '>', today)]))
      .where((eb) =>
        eb.exists(eb.selectFrom('role_assignments').select('role_assignments.id').whereRef('role_assignments.person_id', '=', 'people.id')),
      )
      .select(['municipalities.id as municipalityId', 'municipalities.code as municipalityCode', 'municipalities.name as municipalityName'])
      .orderBy('municipalities.name')
      .execute();
  },

  /** The person this login is in one municipality, with their role grants. */
  async findPersonWithRoles(db: Executor, loginId: string, municipalityId: string, today: string) {
    const person = await db
      .selectFrom('people')
      .select(['id', 'first_name', 'last_name', 'email', 'employment_status', 'end_date'])
      .where('municipality_id', '=', municipalityId)
      .where('login_id', '=', loginId)
      .executeTakeFirst();
    if (!person || !hasAccess(person, today)) return undefined;
    const grants = await db
      .selectFrom('role_assignments')
      .select(['role', 'department_id'])
      .where('municipality_id', '=', municipalityId)
      .where('person_id', '=', person.id)
      .execute();
    return {
      personId: person.id,
      name: `${person.first_name} ${person.last_name}`,
      grants: grants.map((grant): GrantRecord => ({ role: grant.role as Role, departmentId: grant.department_id })),
    };
  },

  listDepartmentParents(db: Executor, municipalityId: string) {
    return db.selectFrom('departments').select(['id', 'parent_id']).where('municipality_id', '=', municipalityId).execute();
  },

  insertSession(
    db: Executor,
    session: {
      id: string;
      loginId: string;
      municipalityId: string;
      csrfToken: string;
      now: string;
      expiresAt: string;
      singleSignOn?: boolean;
    },
  ) {
    return db
      .insertInto('sessions')
      .values({
        id: session.id,
        login_id: session.loginId,
        municipality_id: session.municipalityId,
        csrf_token: session.csrfToken,
        created_at: session.now,
        last_seen_at: session.now,
        expires_at: session.expiresAt,
        single_sign_on: session.singleSignOn ? 1 : 0,
      })
      .execute();
  },

  touchSession(db: Executor, sessionId: string, now: string) {
    return db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', sessionId).execute();
  },

  findSession(db: Executor, sessionId: string) {
    return db
      .selectFrom('sessions')
      .select(['id', 'expires_at', 'municipality_id', 'single_sign_on'])
      .where('id', '=', sessionId)
      .executeTakeFirst();
  },

  deleteSession(db: Executor, sessionId: string) {
    return db.deleteFrom('sessions').where('id', '=', sessionId).execute();
  },

  deleteSessionsOfLogin(db: Executor, loginId: string) {
    return db.deleteFrom('sessions').where('login_id', '=', loginId).execute();
  },

  /** Every session of a login in one municipality: its person there left. */
  deleteSessionsOfLoginIn(db: Executor, municipalityId: string, loginId: string) {
    return db.deleteFrom('sessions').where('login_id', '=', loginId).where('municipality_id', '=', municipalityId).execute();
  },

  deleteExpiredSessions(db: Executor, now: string) {
    return db.deleteFrom('sessions').where('expires_at', '<', now).execute();
  },

  /**
   * Everything a request needs to know its caller, in one query: the token (or session), its
   * login, the person in that municipality and their role grants (one row per grant), and the
   * municipality's data version (its audit chain head), so a cached read needs no query of its own.
   */
  async findCallerByToken(db: Executor, tokenHash: string) {
    const rows = await db
      .selectFrom('api_tokens')
      .innerJoin('logins', 'logins.id', 'api_tokens.login_id')
      .innerJoin('people', (join) =>
        join.onRef('people.login_id', '=', 'logins.id').onRef('people.municipality_id', '=', 'api_tokens.municipality_id'),
      )
      .leftJoin('role_assignments', (join) =>
        join.onRef('role_assignments.person_id', '=', 'people.id').onRef('role_assignments.municipality_id', '=', 'people.municipality_id'),
      )
      .select([
        'api_tokens.id as credential_id',
        'api_tokens.municipality_id',
        'api_tokens.expires_at',
        'api_tokens.can_create_tokens',
        'api_tokens.revoked_at',
        'api_tokens.last_used_at as last_seen_at',
        ...actorColumns,
      ])
      .leftJoin('audit_chain_heads', 'audit_chain_heads.chain_id', 'api_tokens.municipality_id')
      .select('audit_chain_heads.last_sequence as data_version')
      .where('api_tokens.token_hash', '=', tokenHash)
      .execute();
    const caller = callerOf(rows);
    const first = rows[0];
    if (!caller || !first) return undefined;
    return {
      caller,
      token: {
        id: first.credential_id,
        expiresAt: first.expires_at,
        canCreateTokens: Boolean(first.can_create_tokens),
        revokedAt: first.revoked_at,
        lastUsedAt: first.last_seen_at,
      },
    };
  },

  /** With the second factor's state in the same query: whether this session may only enrol (ADR 0014). */
  async findCallerBySession(db: Executor, sessionId: string) {
    const rows = await db
      .selectFrom('sessions')
      .innerJoin('logins', 'logins.id', 'sessions.login_id')
      .innerJoin('people', (join) =>
        join.onRef('people.login_id', '=', 'logins.id').onRef('people.municipality_id', '=', 'sessions.municipality_id'),
      )
      .leftJoin('role_assignments', (join) =>
        join.onRef('role_assignments.person_id', '=', 'people.id').onRef('role_assignments.municipality_id', '=', 'people.municipality_id'),
      )
      .select([
        'sessions.id as credential_id',
        'sessions.municipality_id',
        'sessions.expires_at',
        'sessions.csrf_token',
        'sessions.last_seen_at',
        ...actorColumns,
      ])
      .leftJoin('audit_chain_heads', 'audit_chain_heads.chain_id', 'sessions.municipality_id')
      .select('audit_chain_heads.last_sequence as data_version')
      .leftJoin('login_second_factors', 'login_second_factors.login_id', 'logins.id')
      .leftJoin('second_factor_requirements', 'second_factor_requirements.municipality_id', 'sessions.municipality_id')
      .select([
        'login_second_factors.confirmed_at as second_factor_confirmed_at',
        'second_factor_requirements.roles_json as second_factor_roles',
      ])
      .where('sessions.id', '=', sessionId)
      .execute();
    const caller = callerOf(rows);
    const first = rows[0];
    if (!caller || !first) return undefined;
    return {
      caller,
      session: { id: first.credential_id, expiresAt: first.expires_at, lastSeenAt: first.last_seen_at, csrfToken: first.csrf_token },
      secondFactor: { confirmed: first.second_factor_confirmed_at !== null, requiredRoles: parseRoles(first.second_factor_roles) },
    };
  },

  markTokenUsed(db: Executor, tokenId: string, now: string) {
    return db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', tokenId).execute();
  },
};
