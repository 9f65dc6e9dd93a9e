import { z } from 'zod';
import { idSchema, recordMetaSchema, timestampSchema } from './common.ts';

/* ---------- Giving people logins: one-time invitations (ADR 0011) ---------- */

export const invitationStatusSchema = z.enum(['pending', 'accepted', 'revoked', 'expired']);
export type InvitationStatus = z.infer<typeof invitationStatusSchema>;

/** An invitation for one person of one municipality to sign in; the secret is never stored. */
export const loginInvitationSchema = recordMetaSchema.extend({
  personId: idSchema,
  email: z.string(),
  status: invitationStatusSchema,
  expiresAt: timestampSchema,
  acceptedAt: timestampSchema.nullable(),
  revokedAt: timestampSchema.nullable(),
  createdByName: z.string(),
});
export type LoginInvitation = z.infer<typeof loginInvitationSchema>;

/** The answer to creating an invitation: the secret, shown this once, for the link `/invitation#<token>`. */
export const loginInvitationCreatedSchema = loginInvitationSchema.extend({ token: z.string() });
export type LoginInvitationCreated = z.infer<typeof loginInvitationCreatedSchema>;

export const loginInvitationCreateSchema = z.strictObject({});

/** A person's login in this municipality: whether they have one, and the latest invitation. */
export const personLoginSchema = z.object({
  personId: idSchema,
  hasLogin: z.boolean(),
  /** When the login last signed in to this municipality (null: never, or no login). */
  lastLoginAt: timestampSchema.nullable(),
  invitation: loginInvitationSchema.nullable(),
});
export type PersonLogin = z.infer<typeof personLoginSchema>;

const invitationTokenSchema = z.string().min(20).max(200);

export const invitationLookupSchema = z.strictObject({ token: invitationTokenSchema });

/** What the invited person sees before choosing a password. */
export const invitationDetailsSchema = z.object({
  email: z.string(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  expiresAt: timestampSchema,
});
export type InvitationDetails = z.infer<typeof invitationDetailsSchema>;

export const invitationAcceptSchema = z.strictObject({
  token: invitationTokenSchema,
  /** A new password, or the current one of the login this address already has. */
  password: z.string().min(12, 'At least 12 characters').max(1000),
});
export type InvitationAccept = z.infer<typeof invitationAcceptSchema>;

export const invitationAcceptedSchema = z.object({ email: z.string(), municipalityCode: z.string() });
