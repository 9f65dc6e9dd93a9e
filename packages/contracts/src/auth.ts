import { z } from 'zod';
import { idSchema } from './common.ts';
import { permissionSchema } from './permissions.ts';
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
  permissions: z.array(permissionSchema),
  /** Send as the X-CSRF-Token header on unsafe requests made with the session cookie. */
  csrfToken: z.string().nullable(),
  authenticatedBy: z.enum(['session', 'token']),
  /**
   * A role held here requires a second factor and this login has none yet: until it enrols, the
   * session may only enrol, read `me` and log out (every other route answers 403 second_factor_required).
   */
  secondFactorEnrolmentRequired: z.boolean(),
});
export type Me = z.infer<typeof meSchema>;

export const meUpdateSchema = z.strictObject({ locale: localeSchema });
export const switchMunicipalitySchema = z.strictObject({ municipalityId: idSchema });

/** Anonymous callers learn only that the service is up; a logged-in caller also gets version and database. */
export const healthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['sqlite', 'postgresql']).optional(),
  version: z.string().optional(),
});

/** A new password: at least 12 characters (a passphrase), at most what argon2 is asked to hash. */
export const newPasswordSchema = z.string().min(12).max(1000);

export const passwordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1).max(1000),
  newPassword: newPasswordSchema,
});
export type PasswordChange = z.infer<typeof passwordChangeSchema>;

export const passwordResetSchema = z.strictObject({
  token: z.string().min(20).max(200),
  newPassword: newPasswordSchema,
});
export type PasswordReset = z.infer<typeof passwordResetSchema>;

/** A reset link, shown once to the administrator who issued it (until Förvalta sends e-mail). */
export const passwordResetLinkSchema = z.object({
  /** Path and fragment to open in the browser: /reset-password#token=… (a fragment never reaches a server log). */
  path: z.string(),
  expiresAt: z.string(),
});
export type PasswordResetLink = z.infer<typeof passwordResetLinkSchema>;
