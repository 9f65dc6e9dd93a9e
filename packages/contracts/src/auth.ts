import { z } from 'zod';
import { idSchema } from './common.ts';
import { localeSchema, roleSchema } from './roles.ts';
import { municipalityCodeSchema } from './organisation.ts';

export const loginRequestSchema = z.strictObject({
  email: z
    .email()
    .max(254)
    .transform((email) => email.toLowerCase()),
  password: z.string().min(1).max(1000),
  /** Which municipality to work in, when the login holds roles in several. */
  municipalityCode: municipalityCodeSchema.optional(),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const logoutRequestSchema = z.strictObject({ everywhere: z.boolean().optional() });

export const membershipSchema = z.object({
  municipalityId: idSchema,
  municipalityCode: z.string(),
  municipalityName: z.string(),
});

export const meSchema = z.object({
  loginId: idSchema,
  email: z.string(),
  name: z.string(),
  locale: localeSchema,
  personId: idSchema,
  municipality: membershipSchema,
  memberships: z.array(membershipSchema),
  roles: z.array(z.object({ role: roleSchema, departmentId: idSchema.nullable() })),
  /** The permissions this person holds in the current municipality; the UI hides what it cannot do. */
  permissions: z.array(z.string()),
  /** Send as the X-CSRF-Token header on unsafe requests made with the session cookie. */
  csrfToken: z.string().nullable(),
  authenticatedBy: z.enum(['session', 'token']),
});
export type Me = z.infer<typeof meSchema>;

export const meUpdateSchema = z.strictObject({ locale: localeSchema });
export const switchMunicipalitySchema = z.strictObject({ municipalityId: idSchema });

export const healthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['sqlite', 'postgresql']),
  version: z.string(),
});
