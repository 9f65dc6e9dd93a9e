import { z } from 'zod';

/** The roles of product.md. A role is held in one municipality; department_head also names a department. */
export const roles = [
  'administrator',
  'it_chief',
  'it_unit',
  'department_head',
  'system_manager',
  'data_protection_officer',
  'secretariat',
  'auditor',
  'employee',
] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** Roles whose assignment must name the department they apply to. */
export const departmentScopedRoles: readonly Role[] = ['department_head'];

export const locales = ['sv', 'en'] as const;
export const localeSchema = z.enum(locales);
export type Locale = z.infer<typeof localeSchema>;
