import type { Role } from '@forvalta/contracts';

/**
 * The permission table: which role may perform which action. Deny by default: an action that
 * is not listed for any of a person's roles is refused. A department-scoped grant
 * (department_head) only covers subjects in its department subtree; services pass the subject's
 * department to `can`.
 *
 * A change here is a permission change: the route-permission snapshot test shows it.
 */
export const permissions = {
  'municipality.read': ['administrator', 'it_chief', 'it_unit', 'department_head', 'system_manager', 'data_protection_officer', 'secretariat', 'auditor', 'employee'],
  'municipality.update': ['administrator'],
  'municipality.create': ['administrator'],
  'department.read': ['administrator', 'it_chief', 'it_unit', 'department_head', 'system_manager', 'data_protection_officer', 'secretariat', 'auditor', 'employee'],
  'department.write': ['administrator'],
  'person.read': ['administrator', 'it_chief', 'it_unit', 'department_head', 'system_manager', 'data_protection_officer', 'secretariat', 'auditor', 'employee'],
  'person.write': ['administrator'],
  'roleAssignment.read': ['administrator', 'it_chief', 'auditor'],
  'roleAssignment.write': ['administrator'],
  'auditEvent.read': ['administrator', 'auditor'],
  'apiToken.manageOwn': ['administrator', 'it_chief', 'it_unit', 'department_head', 'system_manager', 'data_protection_officer', 'secretariat', 'auditor', 'employee'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof permissions;
export const actions = Object.keys(permissions) as Action[];

export function rolesAllowed(action: Action): readonly Role[] {
  return permissions[action];
}
