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
