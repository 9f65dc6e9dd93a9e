import { z } from 'zod';
import { meSchema } from './auth.ts';
import { roleSchema } from './roles.ts';

/**
 * The second factor of password logins (issue #12, finding 11; ADR 0014): a TOTP authenticator app
 * with ten one-time recovery codes. API tokens are not sessions and need none.
 */

/** Six digits from the authenticator app. Spaces the app shows between groups are dropped. */
export const totpCodeSchema = z
  .string()
  .transform((code) => code.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'Six digits'));

/** A recovery code as shown (xxxx-xxxx-xxxx, letters and digits); case and dashes do not matter. */
export const recoveryCodeSchema = z
  .string()
  .max(40)
  .transform((code) => code.replace(/[\s-]+/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-Z2-7]{12}$/, 'Twelve letters and digits'));

/** What the login answers instead of a session when the password was right and a code is due. */
export const secondFactorChallengeSchema = z.object({
  secondFactorRequired: z.literal(true),
  /** Send back with the code to POST /api/v1/auth/login/second-factor; works once, for five minutes. */
  challenge: z.string(),
  expiresAt: z.string(),
});
export type SecondFactorChallenge = z.infer<typeof secondFactorChallengeSchema>;

/** The login answers either the session's `me` or, when the login has a second factor, a challenge. */
export const loginResponseSchema = z.union([meSchema, secondFactorChallengeSchema]);
export type LoginResponse = z.infer<typeof loginResponseSchema>;

/** Exactly one of `code` and `recoveryCode`. */
const codeOrRecoveryCode = {
  code: totpCodeSchema.optional(),
  recoveryCode: recoveryCodeSchema.optional(),
};
const oneOfTheCodes = (value: { code?: string; recoveryCode?: string }) =>
  (value.code === undefined) !== (value.recoveryCode === undefined);
const oneOfTheCodesMessage = { message: 'Send either code or recoveryCode', path: ['code'] };

export const secondFactorLoginSchema = z
  .strictObject({ challenge: z.string().min(20).max(200), ...codeOrRecoveryCode })
  .refine(oneOfTheCodes, oneOfTheCodesMessage);
export type SecondFactorLogin = z.infer<typeof secondFactorLoginSchema>;

/** My second factor, as the account page shows it. */
export const secondFactorStatusSchema = z.object({
  enabled: z.boolean(),
  enabledAt: z.string().nullable(),
  /** Unused recovery codes left. */
  recoveryCodesLeft: z.number().int(),
  /** Whether a role I hold in this municipality requires a second factor. */
  required: z.boolean(),
});
export type SecondFactorStatus = z.infer<typeof secondFactorStatusSchema>;

/** A started enrolment: the secret is shown this once (as QR code and as text) and never again. */
export const secondFactorEnrolmentSchema = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  /** The otpauth URI as a QR code, a PNG data URL. */
  qrCodeDataUrl: z.string(),
});
export type SecondFactorEnrolment = z.infer<typeof secondFactorEnrolmentSchema>;

export const secondFactorConfirmSchema = z.strictObject({ code: totpCodeSchema });
export type SecondFactorConfirm = z.infer<typeof secondFactorConfirmSchema>;

/** Ten one-time recovery codes, shown once; only their hashes are kept. */
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof recoveryCodesSchema>;

export const secondFactorDisableSchema = z
  .strictObject({ currentPassword: z.string().min(1).max(1000), ...codeOrRecoveryCode })
  .refine(oneOfTheCodes, oneOfTheCodesMessage);
export type SecondFactorDisable = z.infer<typeof secondFactorDisableSchema>;

/** Which roles of the municipality must log in with a second factor (NIS2 asks for it). */
export const secondFactorRequirementSchema = z.object({
  roles: z.array(roleSchema),
  version: z.number().int(),
});
export type SecondFactorRequirement = z.infer<typeof secondFactorRequirementSchema>;

export const secondFactorRequirementUpdateSchema = z.strictObject({ roles: z.array(roleSchema).max(20) });
export type SecondFactorRequirementUpdate = z.infer<typeof secondFactorRequirementUpdateSchema>;
