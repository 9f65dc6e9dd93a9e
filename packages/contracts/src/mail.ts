import { z } from 'zod';
import { timestampSchema } from './common.ts';
import { taskKinds, type TaskKind } from './tasks.ts';

/* ---------- E-mail: notifications, digests and the outbox (issue #18, ADR 0035) ---------- */

/** How a person hears of one kind of ask: at once, in the daily digest, or not by e-mail. */
export const notificationDeliveries = ['immediate', 'digest', 'off'] as const;
export const notificationDeliverySchema = z.enum(notificationDeliveries);
export type NotificationDelivery = z.infer<typeof notificationDeliverySchema>;

/**
 * Every kind of ask on the to-do list can be e-mailed. `urgent` kinds are sent at once by default
 * (the issue: a document version to acknowledge, a change notice for the IT unit, an approval
 * waiting); the rest go in the daily digest. `required` kinds carry a duty the policy sets with a
 * deadline (the clause named): a person may choose digest or immediate for them, never off; a
 * refused `off` names the clause.
 */
export const notificationKindRules: Record<TaskKind, { urgent: boolean; required: boolean; clause: string | null }> = {
  acknowledge_document: { urgent: true, required: true, clause: 'ITP-12-CHANGE-INFORM' },
  acknowledge_change_notice: { urgent: true, required: true, clause: 'ITP-4.2.2-CHANGE-NOTICE' },
  project_gate: { urgent: true, required: false, clause: null },
  attend_training: { urgent: false, required: false, clause: null },
  confirm_system_record: { urgent: false, required: true, clause: 'ITP-4.2-REGISTER' },
  review_due: { urgent: false, required: true, clause: 'ITP-4.2-REVIEW' },
  end_leaver_access: { urgent: false, required: true, clause: 'ITP-4.2.3-ACCESS-LEAVERS' },
  recertify_access: { urgent: false, required: true, clause: 'ITP-4.2.3-RECERTIFY' },
  review_processing: { urgent: false, required: false, clause: null },
  contract_notice: { urgent: false, required: true, clause: 'ITP-7-CONTRACT-NOTICE' },
  // Hours count (24 h to the early warning): sent at once, and nobody turns it off.
  report_incident: { urgent: true, required: true, clause: 'NIS2-23-REPORTING' },
};

export const defaultDelivery = (kind: TaskKind): NotificationDelivery => (notificationKindRules[kind].urgent ? 'immediate' : 'digest');

export const notificationPreferenceSchema = z.object({
  kind: z.enum(taskKinds),
  delivery: notificationDeliverySchema,
  /** The policy requires this ask: `off` is refused. */
  required: z.boolean(),
});
export type NotificationPreference = z.infer<typeof notificationPreferenceSchema>;

/** My notification settings: one line per kind, defaults until I save (version 1). */
export const notificationSettingsSchema = z.object({
  preferences: z.array(notificationPreferenceSchema),
  version: z.number().int(),
});
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

export const notificationSettingsUpdateSchema = z.strictObject({
  preferences: z
    .array(z.strictObject({ kind: z.enum(taskKinds), delivery: notificationDeliverySchema }))
    .max(taskKinds.length)
    .refine((items) => new Set(items.map((item) => item.kind)).size === items.length, 'Each kind at most once.'),
});
export type NotificationSettingsUpdate = z.infer<typeof notificationSettingsUpdateSchema>;

/** Forgot password: the answer is the same whether or not the address has a login. */
export const passwordResetRequestSchema = z.strictObject({
  email: z.string().trim().toLowerCase().max(320).pipe(z.email()),
});
export type PasswordResetRequest = z.infer<typeof passwordResetRequestSchema>;

export const mailMessageStatuses = ['queued', 'sent', 'failed', 'cancelled'] as const;

/** A message that could not be delivered after its last attempt, for the municipality's administrators. */
export const mailFailureSchema = z.object({
  id: z.string(),
  kind: z.string(),
  recipient: z.string(),
  subject: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  failedAt: timestampSchema,
});

/** SMTP and the outbox as an administrator sees them: never the password, never another municipality's messages. */
export const mailStatusSchema = z.object({
  configured: z.boolean(),
  host: z.string().nullable(),
  port: z.number().int().nullable(),
  tls: z.enum(['starttls', 'tls', 'none']).nullable(),
  authenticated: z.boolean(),
  sender: z.string().nullable(),
  publicUrl: z.string().nullable(),
  /** Messages of this municipality waiting to be sent (including those waiting for a retry). */
  queued: z.number().int(),
  /** Of those, the ones that failed at least once and wait for their next attempt. */
  retrying: z.number().int(),
  failed: z.number().int(),
  lastSentAt: timestampSchema.nullable(),
  /** The latest permanent failures, newest first. */
  recentFailures: z.array(mailFailureSchema),
});
export type MailStatus = z.infer<typeof mailStatusSchema>;
