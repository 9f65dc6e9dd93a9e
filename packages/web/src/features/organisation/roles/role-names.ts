import type { Role } from '@forvalta/contracts';

/**
 * The roles in the order the product lists them. Kept here (not imported from contracts at run
 * time) so the web bundle does not carry zod; `satisfies` keeps it in step with the contract.
 */
export const allRoles = [
  'administrator',
  'it_chief',
  'it_unit',
  'department_head',
  'system_manager',
  'data_protection_officer',
  'secretariat',
  'auditor',
  'employee',
] as const satisfies readonly Role[];

/** Roles that apply to one department (and its sub-units). */
export const departmentScopedRoles: readonly Role[] = ['department_head'];
