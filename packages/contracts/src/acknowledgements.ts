import { z } from 'zod';
import {
  booleanQuery,
  dateSchema,
  idSchema,
  listQuerySchema,
  listResponseSchema,
  optionalText,
  recordMetaSchema,
  sortParameter,
  timestampSchema,
} from './common.ts';
import { acknowledgementActionNames, canSchema } from './permissions.ts';

/* ---------- Acknowledgements (bekräftat läst: ITP-4.2-KNOW, ITP-12-KNOWLEDGE, ITP-12-CHANGE-INFORM, ITP-3-INFORM-NEW) ---------- */

/**
 * A request's state as stored. `requested`: asked, not yet acknowledged (overdue once its due
 * date has passed). `acknowledged`: read and confirmed, in the app, at a training session or on
 * paper. `withdrawn`: an open request closed because a newer version that asks again was adopted
 * (that version's own request replaces it); kept so the history shows who never acknowledged.
 */
export const acknowledgementStates = ['requested', 'acknowledged', 'withdrawn'] as const;
export const acknowledgementStateSchema = z.enum(acknowledgementStates);
export type AcknowledgementState = z.infer<typeof acknowledgementStateSchema>;

/** How an acknowledgement was given: read and confirmed in the app, recorded at a training session, or from a signed paper. */
export const acknowledgementMethods = ['in_app', 'training_session', 'paper'] as const;
export const acknowledgementMethodSchema = z.enum(acknowledgementMethods);
export type AcknowledgementMethod = z.infer<typeof acknowledgementMethodSchema>;

/** The list's state filter: `overdue` is a requested one past its due date. */
export const acknowledgementStateFilters = ['requested', 'acknowledged', 'overdue'] as const;

/**
 * What adopting a version means for the people in its audience (the one rule for when people are
 * asked again; acknowledgement-renewal.ts on the server): `none` (the document asks nobody),
 * `ask_everyone` (its first version), `ask_again` (a version that changes content: everyone
 * acknowledges it anew), `carry_over` (an editorial version: earlier acknowledgements carry over).
 */
export const acknowledgementRenewals = ['none', 'ask_everyone', 'ask_again', 'carry_over'] as const;
export const acknowledgementRenewalSchema = z.enum(acknowledgementRenewals);
export type AcknowledgementRenewal = z.infer<typeof acknowledgementRenewalSchema>;

/** One request of one person for one document version, as stored; the API answers it with the caller's `can`. */
export const acknowledgementRecordSchema = recordMetaSchema.extend({
  personId: idSchema,
  personName: z.string(),
  departmentId: idSchema.nullable(),
  departmentName: z.string().nullable(),
  documentId: idSchema,
  documentTitle: z.string(),
  versionId: idSchema,
  versionNumber: z.number().int(),
  /** The version's own state: only an adopted (current) version can be acknowledged. */
  versionState: z.enum(['draft', 'in_review', 'adopted', 'superseded']),
  state: acknowledgementStateSchema,
  requestedAt: timestampSchema,
  /** The last day to acknowledge (Swedish date): the pack's working days after the adoption or the start date. */
  dueDate: dateSchema,
  /** Still requested after its due date. */
  overdue: z.boolean(),
  acknowledgedAt: timestampSchema.nullable(),
  method: acknowledgementMethodSchema.nullable(),
  /** Who recorded it for the person (paper or training session); null when the person confirmed it themselves. */
  recordedByPersonId: idSchema.nullable(),
  recordedByName: z.string().nullable(),
  trainingSessionId: idSchema.nullable(),
  /** For a paper record: where the signed paper is kept (a diary number, a binder). */
  note: z.string().nullable(),
  /** Set when an editorial version carried this acknowledgement (or open request) over from the version named. */
  carriedOverFromVersionId: idSchema.nullable(),
  reminderCount: z.number().int().nonnegative(),
  lastRemindedAt: timestampSchema.nullable(),
});
export type AcknowledgementRecord = z.infer<typeof acknowledgementRecordSchema>;
export const acknowledgementCanSchema = canSchema(acknowledgementActionNames);
export const acknowledgementSchema = acknowledgementRecordSchema.extend({ can: acknowledgementCanSchema });
export type Acknowledgement = z.infer<typeof acknowledgementSchema>;

export const acknowledgementListQuerySchema = listQuerySchema.extend({
  personId: idSchema.optional(),
  documentId: idSchema.optional(),
  versionId: idSchema.optional(),
  /** The department and its sub-units. */
  departmentId: idSchema.optional(),
  state: z.enum(acknowledgementStateFilters).optional(),
  /** `dueDate`: the person's to-do order; `personName`: a department's list. */
  sort: sortParameter(['dueDate', 'requestedAt', 'personName'] as const),
});
export type AcknowledgementListQuery = z.infer<typeof acknowledgementListQuerySchema>;
export const acknowledgementListSchema = listResponseSchema(acknowledgementSchema);

/** Confirming one's own request: nothing to send (who and when are the caller and now). */
export const acknowledgementConfirmSchema = z.strictObject({});

/** A department head records an acknowledgement the person signed on paper. */
export const acknowledgementPaperRecordSchema = z.strictObject({
  /** The day the person signed; not in the future. */
  signedOn: dateSchema,
  /** Where the signed paper is kept. */
  note: optionalText(500),
});
export type AcknowledgementPaperRecord = z.infer<typeof acknowledgementPaperRecordSchema>;

/** A session's trainer records that the person went through the document at the session (H3's sessions). */
export const acknowledgementSessionRecordSchema = z.strictObject({
  trainingSessionId: idSchema,
  note: optionalText(500),
});
export type AcknowledgementSessionRecord = z.infer<typeof acknowledgementSessionRecordSchema>;

/** A reminder on the open requests of a document's current version: one person's, a department's (with its sub-units) or everyone's. */
export const acknowledgementReminderSchema = z
  .strictObject({
    documentId: idSchema,
    departmentId: idSchema.optional(),
    personId: idSchema.optional(),
  })
  .refine((body) => body.departmentId === undefined || body.personId === undefined, {
    message: 'Give a department or a person, not both.',
    path: ['personId'],
  });
export type AcknowledgementReminder = z.infer<typeof acknowledgementReminderSchema>;
export const acknowledgementReminderResultSchema = z.object({
  documentId: idSchema,
  versionId: idSchema,
  /** Open requests that were reminded (their reminder count went up by one). */
  reminded: z.number().int().nonnegative(),
  remindedAt: timestampSchema,
});
export type AcknowledgementReminderResult = z.infer<typeof acknowledgementReminderResultSchema>;

export const acknowledgementCoverageParamsSchema = z.object({ documentId: idSchema });

/** Counts over the active employees in a document's audience (started, not left). */
export const coverageCountsSchema = z.object({
  activeEmployees: z.number().int().nonnegative(),
  /** With an acknowledgement of the current version (given, or carried over from an editorial change). */
  acknowledged: z.number().int().nonnegative(),
  /** Not acknowledged yet (asked or not; the overdue included). */
  open: z.number().int().nonnegative(),
  /** Asked, and past the due date. */
  overdue: z.number().int().nonnegative(),
  /** acknowledged / activeEmployees, 0–1; 1 for a department without active employees. */
  share: z.number().min(0).max(1),
});
export type CoverageCounts = z.infer<typeof coverageCountsSchema>;

export const departmentCoverageSchema = z.object({
  /** Null: the employees registered without a department. */
  departmentId: idSchema.nullable(),
  departmentName: z.string().nullable(),
  parentId: idSchema.nullable(),
  /** The department's own employees. */
  own: coverageCountsSchema,
  /** The department with its sub-units (as the caller may see them). */
  subtree: coverageCountsSchema,
});
export type DepartmentCoverage = z.infer<typeof departmentCoverageSchema>;

export const acknowledgementCoverageSchema = z.object({
  documentId: idSchema,
  /** The current adopted version; null when the document has none yet (then every count is 0). */
  versionId: idSchema.nullable(),
  versionNumber: z.number().int().nullable(),
  requiresAcknowledgement: z.boolean(),
  /** Over the departments the caller may see. */
  total: coverageCountsSchema,
  departments: z.array(departmentCoverageSchema),
});
export type AcknowledgementCoverage = z.infer<typeof acknowledgementCoverageSchema>;

/** Every document that asks acknowledgement, with its current version's totals over the departments the caller may see (the documents list's share). */
export const acknowledgementCoverageSummarySchema = z.object({
  items: z.array(
    z.object({
      documentId: idSchema,
      documentTitle: z.string(),
      versionId: idSchema.nullable(),
      versionNumber: z.number().int().nullable(),
      total: coverageCountsSchema,
    }),
  ),
});
export type AcknowledgementCoverageSummary = z.infer<typeof acknowledgementCoverageSummarySchema>;

export const acknowledgementPreviewParamsSchema = z.object({ versionId: idSchema });
export const acknowledgementPreviewQuerySchema = z.object({
  /** The editorial choice being made in the adopt dialog; by default the version's stored flag. */
  editorial: booleanQuery.optional(),
});
export type AcknowledgementPreviewQuery = z.infer<typeof acknowledgementPreviewQuerySchema>;
/** What adopting the version today would do: how many would be asked and how many acknowledgements carry over. */
export const acknowledgementPreviewSchema = z.object({
  documentId: idSchema,
  versionId: idSchema,
  renewal: acknowledgementRenewalSchema,
  /** Active employees in the audience today. */
  inAudience: z.number().int().nonnegative(),
  /** Who gets a new request (and a to-do entry). */
  toBeAsked: z.number().int().nonnegative(),
  /** Acknowledgements of the version it replaces that carry over (editorial only). */
  carriedOver: z.number().int().nonnegative(),
  /** Open requests of the version it replaces that carry over with their due date (editorial only). */
  openCarriedOver: z.number().int().nonnegative(),
  /** The due date new requests would get. */
  dueDate: dateSchema.nullable(),
  departments: z.array(z.object({ departmentId: idSchema.nullable(), departmentName: z.string().nullable(), toBeAsked: z.number().int() })),
});
export type AcknowledgementPreview = z.infer<typeof acknowledgementPreviewSchema>;
