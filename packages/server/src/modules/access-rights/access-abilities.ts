import type {
  AccessLevelActionName,
  AccessRightActionName,
  Permission,
  RecertificationActionName,
  RoleTemplateActionName,
} from '@forvalta/contracts';
import type { AnyActor } from '../../access/actor.ts';
import { can, type Subject } from '../../access/authorise.ts';
import { canOn } from '../../access/record-actions.ts';

/**
 * The permission of each action on the access-rights records, and the subjects they are judged
 * on. The use cases are declared with these entries and the records' `can` computed from them,
 * so what a record says and what the service enforces cannot part.
 */
export const accessLevelActions = { update: 'accessLevel.manage', delete: 'accessLevel.manage' } as const satisfies Record<
  AccessLevelActionName,
  Permission
>;
export const accessRightActions = {
  end: 'accessRight.end',
  activateException: 'accessRight.activateException',
} as const satisfies Record<AccessRightActionName, Permission>;
export const recertificationActions = { decide: 'recertification.decide' } as const satisfies Record<RecertificationActionName, Permission>;
export const roleTemplateActions = {
  update: 'roleTemplate.manage',
  delete: 'roleTemplate.manage',
  apply: 'roleTemplate.apply',
} as const satisfies Record<RoleTemplateActionName, Permission>;

/** Granting, ending and recertifying in a system: its current manager and deputies (stewards), nobody by role. */
export const stewardsOf = (stewardPersonIds: readonly string[]): Subject => ({ stewardPersonIds });

/** Who sees other people's rights (and campaigns): the governance roles all, a department head by the holder's department. */
export const overseeAccessRights: Permission = 'accessRightOversight.read';

/**
 * Reading one right (everyone holds accessRight.read; this is which ones): the holder themselves,
 * the system's stewards, and the overseers (a head: of the holder's department). The list applies
 * the same union in SQL (access-rights.repository.ts, RightVisibility).
 */
export function mayReadRight(
  actor: AnyActor,
  right: { personId: string; personDepartmentId: string | null },
  systemStewards: readonly string[],
): boolean {
  if (actor.kind === 'system') return true;
  if (actor.personId === right.personId || systemStewards.includes(actor.personId)) return true;
  return can(actor, overseeAccessRights, { departmentId: right.personDepartmentId });
}

/** A right's `can`: ended and activated only by the system's stewards; activation only while pending, ending while not ended. */
export function accessRightAbilities(actor: AnyActor, right: { state: string }, systemStewards: readonly string[]) {
  return canOn(actor, accessRightActions, stewardsOf(systemStewards), {
    end: right.state !== 'ended',
    activateException: right.state === 'pending_acknowledgement',
  });
}
