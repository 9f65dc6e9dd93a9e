import type { Role } from '@forvalta/contracts';
import { AppError } from '../platform/errors.ts';
import type { AnyActor } from './actor.ts';
import { actions, rolesAllowed, stewardActions, type Action } from './permissions.ts';

export interface Subject {
  /** The department the subject belongs to; department-scoped grants only cover their subtree. */
  departmentId?: string | null;
  /** For a system: its current manager and deputies, who may take the steward actions on it. */
  stewardPersonIds?: readonly string[];
  /**
   * The roles whose grants count for this subject, when fewer than the permission's: a course's
   * topic names who answers for it (IT security the IT unit, data protection the secretariat).
   */
  grantingRoles?: readonly Role[];
}

/** Whether the actor may perform `action` (on `subject`, if given). The system actor may do everything. */
export function can(actor: AnyActor, action: Action, subject?: Subject): boolean {
  if (actor.kind === 'system') return true;
  if (subject?.stewardPersonIds?.includes(actor.personId) && stewardActions.includes(action)) return true;
  const allowed = rolesAllowed(action);
  return actor.roles.some((grant) => {
    if (!allowed.includes(grant.role)) return false;
    if (subject?.grantingRoles && !subject.grantingRoles.includes(grant.role)) return false;
    if (grant.departmentId === null || subject === undefined) return true;
    return subject.departmentId != null && grant.departmentIds.includes(subject.departmentId);
  });
}

/** Throws `forbidden` unless `can`. One call per use case, in the service. */
export function requirePermission(actor: AnyActor, action: Action, subject?: Subject): void {
  if (!can(actor, action, subject)) {
    throw new AppError('forbidden', `You do not have permission to do this (${action}).`);
  }
}

/** Everything the actor may do in the current municipality; the web client hides the rest. */
export function permissionsOf(actor: AnyActor): Action[] {
  return actions.filter((action) => can(actor, action));
}

/** For scoped reads: undefined means "all departments", otherwise the set the actor may see. */
export function departmentScope(actor: AnyActor, action: Action): string[] | undefined {
  if (actor.kind === 'system') return undefined;
  const allowed = rolesAllowed(action);
  const grants = actor.roles.filter((grant) => allowed.includes(grant.role));
  if (grants.some((grant) => grant.departmentId === null)) return undefined;
  return grants.flatMap((grant) => grant.departmentIds);
}

export function municipalityOf(actor: AnyActor): string {
  if (actor.municipalityId === null) throw new AppError('forbidden', 'No municipality selected.');
  return actor.municipalityId;
}
