import { z } from 'zod';
import { timestampSchema } from './common.ts';
import { municipalityCodeSchema } from './organisation.ts';
import { roleSchema } from './roles.ts';

/* ---------- Single sign-on with OpenID Connect (issue #18, ADR 0036) ---------- */

/** Which field of the person the provider's claim is matched to: always within the one municipality. */
export const singleSignOnMatches = ['email', 'employee_number'] as const;
export const singleSignOnMatchSchema = z.enum(singleSignOnMatches);
export type SingleSignOnMatch = z.infer<typeof singleSignOnMatchSchema>;

export const groupRoleSchema = z.strictObject({
  /** The group as the provider names it in the claim (Entra ID: the group's object id). */
  group: z.string().trim().min(1).max(200),
  role: roleSchema,
});
export type GroupRole = z.infer<typeof groupRoleSchema>;

const claimNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_:./-]+$/, 'A claim name: letters, digits and _ : . / -');

/**
 * The municipality's provider as the administrator sees it: never the client secret, only whether
 * one is stored. `source: environment` is the one-municipality installation's OIDC_* variables,
 * which the application does not change.
 */
export const singleSignOnSettingsSchema = z.object({
  configured: z.boolean(),
  source: z.enum(['application', 'environment']).nullable(),
  displayName: z.string(),
  issuer: z.string(),
  clientId: z.string(),
  clientSecretStored: z.boolean(),
  matchBy: singleSignOnMatchSchema,
  matchClaim: z.string(),
  groupsClaim: z.string().nullable(),
  groupRoles: z.array(groupRoleSchema),
  passwordLogin: z.boolean(),
  /** Where the provider must send people back (register it with the provider); null until PUBLIC_URL is set. */
  redirectUri: z.string().nullable(),
  version: z.number().int(),
  can: z.object({ update: z.boolean() }),
});
export type SingleSignOnSettings = z.infer<typeof singleSignOnSettingsSchema>;

export const singleSignOnSettingsUpdateSchema = z.strictObject({
  displayName: z.string().trim().min(1).max(100),
  issuer: z.url({ protocol: /^https?$/ }).max(500),
  clientId: z.string().trim().min(1).max(300),
  /** Leave out to keep the stored one; required the first time. */
  clientSecret: z.string().min(1).max(2000).optional(),
  matchBy: singleSignOnMatchSchema,
  matchClaim: claimNameSchema,
  groupsClaim: claimNameSchema.nullable(),
  groupRoles: z.array(groupRoleSchema).max(100),
  passwordLogin: z.boolean(),
});
export type SingleSignOnSettingsUpdate = z.infer<typeof singleSignOnSettingsUpdateSchema>;

/** The provider's discovery, checked when asked (nothing is written): reachable, its issuer, the error. */
export const singleSignOnStatusSchema = z.object({
  configured: z.boolean(),
  reachable: z.boolean().nullable(),
  issuer: z.string().nullable(),
  endSessionSupported: z.boolean(),
  error: z.string().nullable(),
  checkedAt: timestampSchema,
});
export type SingleSignOnStatus = z.infer<typeof singleSignOnStatusSchema>;

/** What the login page offers for a municipality (public); without one, the installation's only municipality. */
export const loginOptionsQuerySchema = z.strictObject({ municipality: municipalityCodeSchema.optional() });
export const loginOptionsSchema = z.object({
  /** The municipality the answer is for (the button starts there), or null when none could be chosen. */
  municipalityCode: z.string().nullable(),
  singleSignOn: z.object({ displayName: z.string() }).nullable(),
  passwordLogin: z.boolean(),
});
export type LoginOptions = z.infer<typeof loginOptionsSchema>;

export const singleSignOnStartQuerySchema = z.strictObject({
  municipality: municipalityCodeSchema,
  /** Where to go after the login: a path of this application only (`/systems?page=2`), never another site. */
  returnTo: z.string().max(2000).optional(),
});

export const singleSignOnCallbackQuerySchema = z.looseObject({});

/** Why a single sign-on was refused: the login page explains each in Swedish and English. */
export const singleSignOnRefusals = [
  'not_configured',
  'provider_unreachable',
  'expired',
  'failed',
  'unknown_person',
  'person_left',
  'no_login',
  'no_role',
] as const;
export type SingleSignOnRefusal = (typeof singleSignOnRefusals)[number];

export const singleSignOnLogoutSchema = z.object({
  /** The provider's end-session address (RP-initiated logout), or null: the session here has ended, nothing more to do. */
  redirectTo: z.string().nullable(),
});
