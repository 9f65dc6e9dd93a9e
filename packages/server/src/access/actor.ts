import type { Locale, Role } from '@forvalta/contracts';

export interface RoleGrant {
  role: Role;
  /** For department-scoped roles: the department and, resolved at sign-in, all its sub-units. */
  departmentId: string | null;
  departmentIds: string[];
}

/** Who is acting, in which municipality. Built once per request by the auth layer. */
export interface Actor {
  kind: 'person';
  loginId: string;
  personId: string;
  email: string;
  name: string;
  locale: Locale;
  municipalityId: string;
  roles: RoleGrant[];
  authenticatedBy: 'session' | 'token';
  /** When authenticated by an API token: the token, so what it creates cannot outlive or outrank it. */
  token?: { id: string; expiresAt: string | null; canCreateTokens: boolean };
  /**
   * The municipality's data version (its audit chain head) when the request was authenticated,
   * read in the same query as the actor; absent when the actor was built without it. Versioned
   * caches use it to skip their own lookup (platform/versioned-cache.ts, dataVersionFor).
   */
  dataVersion?: number;
  /**
   * A session of a login without a second factor, holding a role its municipality requires one for:
   * it may only enrol (ADR 0014). Never set for API tokens.
   */
  mustEnrolSecondFactor?: boolean;
}

/** The CLI and the demo loader act as the system, outside any person's roles. */
export interface SystemActor {
  kind: 'system';
  name: string;
  municipalityId: string | null;
}

export type AnyActor = Actor | SystemActor;

export const systemActor = (name: string, municipalityId: string | null = null): SystemActor => ({
  kind: 'system',
  name,
  municipalityId,
});

/** The name a record keeps of who made or changed it; the system actor is marked as such. */
export function actorName(actor: AnyActor): string {
  return actor.kind === 'person' ? actor.name : `system: ${actor.name}`;
}
