import { z } from 'zod';
import {
  booleanQuery,
  dateSchema,
  idSchema,
  listQuerySchema,
  listResponseSchema,
  optionalText,
  recordMetaSchema,
  requiredText,
  sortParameter,
  timestampSchema,
} from './common.ts';
import { canSchema, incidentActionNames } from './permissions.ts';

/* ---------- Incidents (the Cybersecurity Act 2025:1506, NIS2 article 23: issue #19) ---------- */

export const incidentStatuses = ['open', 'closed'] as const;
export const incidentStatusSchema = z.enum(incidentStatuses);

/** The three reports of a significant incident: early warning (24 h), notification (72 h), final report (one month). */
export const incidentReportKinds = ['early_warning', 'notification', 'final_report'] as const;
export const incidentReportKindSchema = z.enum(incidentReportKinds);
export type IncidentReportKind = z.infer<typeof incidentReportKindSchema>;

/**
 * Where a deadline stands: `not_required` (the incident is not significant under the Act),
 * `open` (not sent, time left), `overdue` (not sent, the time has run out), `met` (sent in time),
 * `late` (sent after the deadline).
 */
export const incidentDeadlineStates = ['not_required', 'open', 'overdue', 'met', 'late'] as const;
export const incidentDeadlineStateSchema = z.enum(incidentDeadlineStates);
export type IncidentDeadlineState = z.infer<typeof incidentDeadlineStateSchema>;

/**
 * What a deadline is counted from: the detection (early warning, notification), or for the final
 * report the notification as sent, or until it is, the notification's own deadline.
 */
export const incidentDeadlineBases = ['detection', 'notification_sent', 'notification_deadline'] as const;

export const incidentDeadlineSchema = z.object({
  kind: incidentReportKindSchema,
  dueAt: timestampSchema,
  basis: z.enum(incidentDeadlineBases),
  state: incidentDeadlineStateSchema,
  sentAt: timestampSchema.nullable(),
});
export type IncidentDeadline = z.infer<typeof incidentDeadlineSchema>;

/** A report as sent to the CSIRT (CERT-SE): its content as it was sent, and when. */
export const incidentReportSchema = z.object({
  kind: incidentReportKindSchema,
  sentAt: timestampSchema,
  content: z.string(),
  recordedByName: z.string(),
  recordedAt: timestampSchema,
});
export type IncidentReport = z.infer<typeof incidentReportSchema>;

/** A follow-up action, linked to the risk analysis of the affected system it feeds (ITP-4.2.1-RISK). */
export const incidentFollowUpActionSchema = z.strictObject({
  description: requiredText(1000),
  systemId: idSchema,
  riskAnalysisId: idSchema.nullable().optional(),
  dueDate: dateSchema.nullable().optional(),
  done: z.boolean().optional(),
});
export type IncidentFollowUpActionInput = z.infer<typeof incidentFollowUpActionSchema>;
export const incidentFollowUpActionRecordSchema = z.object({
  description: z.string(),
  systemId: idSchema,
  riskAnalysisId: idSchema.nullable(),
  dueDate: dateSchema.nullable(),
  done: z.boolean(),
});

export const incidentSystemSchema = z.object({
  id: idSchema,
  name: z.string(),
  ownerDepartmentId: idSchema.nullable(),
  ownerDepartmentName: z.string().nullable(),
  /** In scope of the Cybersecurity Act (the system's `nis2` flag). */
  nis2: z.boolean(),
});

export const incidentRecordSchema = recordMetaSchema.extend({
  title: z.string(),
  description: z.string().nullable(),
  detectedAt: timestampSchema,
  /** Significant under the Act (article 23(3)): only then are the three reports owed. */
  significant: z.boolean(),
  status: incidentStatusSchema,
  closedAt: timestampSchema.nullable(),
  systems: z.array(incidentSystemSchema),
  /** Early warning, notification and final report, in that order. */
  deadlines: z.array(incidentDeadlineSchema),
  reports: z.array(incidentReportSchema),
  lessons: z.string().nullable(),
  followUpActions: z.array(incidentFollowUpActionRecordSchema),
  recordedByName: z.string(),
  /** The OSL paragraph the incident is kept secret under (ADR 0030), null when not marked. */
  confidentialOslParagraph: z.string().nullable(),
  /** True when the caller may read the incident but not its confidential content (description, lessons, reports' content, actions). */
  contentWithheld: z.boolean(),
});
export type IncidentRecord = z.infer<typeof incidentRecordSchema>;
export const incidentCanSchema = canSchema(incidentActionNames);
export const incidentSchema = incidentRecordSchema.extend({ can: incidentCanSchema });
export type Incident = z.infer<typeof incidentSchema>;

export const incidentCreateSchema = z.strictObject({
  title: requiredText(200),
  description: optionalText(8000),
  detectedAt: timestampSchema,
  systemIds: z.array(idSchema).min(1).max(50),
  significant: z.boolean(),
  lessons: optionalText(8000),
  followUpActions: z.array(incidentFollowUpActionSchema).max(50).optional(),
  confidentialOslParagraph: optionalText(60),
});
export type IncidentCreate = z.infer<typeof incidentCreateSchema>;

export const incidentUpdateSchema = z.strictObject({
  title: requiredText(200).optional(),
  description: optionalText(8000),
  detectedAt: timestampSchema.optional(),
  systemIds: z.array(idSchema).min(1).max(50).optional(),
  significant: z.boolean().optional(),
  status: incidentStatusSchema.optional(),
  lessons: optionalText(8000),
  followUpActions: z.array(incidentFollowUpActionSchema).max(50).optional(),
  confidentialOslParagraph: optionalText(60),
});
export type IncidentUpdate = z.infer<typeof incidentUpdateSchema>;

/** A report recorded as sent: once per kind, its content as it was sent. */
export const incidentReportCreateSchema = z.strictObject({
  kind: incidentReportKindSchema,
  sentAt: timestampSchema,
  content: requiredText(20000),
});
export type IncidentReportCreate = z.infer<typeof incidentReportCreateSchema>;

export const incidentListQuerySchema = listQuerySchema.extend({
  status: incidentStatusSchema.optional(),
  significant: booleanQuery.optional(),
  systemId: idSchema.optional(),
  sort: sortParameter(['detectedAt', 'title'] as const),
});
export type IncidentListQuery = z.infer<typeof incidentListQuerySchema>;
export const incidentListSchema = listResponseSchema(incidentSchema);
