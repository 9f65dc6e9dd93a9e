import { z } from 'zod';
import { timestampSchema } from './common.ts';

/* ---------- Scheduled jobs (installation-wide; ADR 0006) ---------- */

export const jobOutcomes = ['succeeded', 'failed'] as const;

/** The product's scheduled jobs: the server registers these names, and the web has a text for each. */
export const scheduledJobNames = [
  'change-notice-outbox',
  'compliance-daily-snapshot',
  'audit-chain-verification',
  'leavers-and-login-throttles',
  'acknowledgements-for-new-employees',
  'leaver-pseudonymisation',
  'mail-outbox',
  'mail-notifications',
  'mail-digest',
] as const;
export type ScheduledJobName = (typeof scheduledJobNames)[number];

export const scheduledJobSchema = z.object({
  /** One of scheduledJobNames (a string: an installation may still list a job a newer version added). */
  name: z.string(),
  /** For people: "every 30 s", "daily at 00:00 Europe/Stockholm"; null for a job this instance does not run. */
  schedule: z.string().nullable(),
  nextRunAt: timestampSchema,
  /** An instance holds an unexpired lease: the job is running there now. */
  running: z.boolean(),
  /** Which instance (host:pid:id) holds or last held the lease, while it holds it. */
  leaseHolder: z.string().nullable(),
  leaseExpiresAt: timestampSchema.nullable(),
  lastStartedAt: timestampSchema.nullable(),
  lastFinishedAt: timestampSchema.nullable(),
  lastOutcome: z.enum(jobOutcomes).nullable(),
  /** What the last successful run did, in one line. */
  lastSummary: z.string().nullable(),
  /** Why the last run failed; null after a success. */
  lastError: z.string().nullable(),
  runCount: z.number().int(),
  failureCount: z.number().int(),
});
export type ScheduledJobStatus = z.infer<typeof scheduledJobSchema>;

/** Every scheduled job; a handful, so no paging. */
export const scheduledJobListSchema = z.object({ items: z.array(scheduledJobSchema) });
export type ScheduledJobList = z.infer<typeof scheduledJobListSchema>;
