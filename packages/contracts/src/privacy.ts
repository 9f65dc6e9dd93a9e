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
import { employmentStatusSchema } from './organisation.ts';
import { canSchema, mailboxActionNames, processingActivityActionNames } from './permissions.ts';

/* ---------- Records of processing (GDPR art. 30, ITP-8-PERSONAL-DATA) and the DPO's reviews ---------- */

/** Article 6(1)(a)–(f): the lawful basis of a processing. */
export const legalBases = [
  'consent',
  'contract',
  'legal_obligation',
  'vital_interests',
  'public_interest',
  'legitimate_interests',
] as const;
export const legalBasisSchema = z.enum(legalBases);
export type LegalBasis = z.infer<typeof legalBasisSchema>;

/** Article 9(2)(a)–(j): the exception that allows processing special categories. */
export const specialCategoryBases = [
  'explicit_consent',
  'employment_law',
  'vital_interests',
  'non_profit_body',
  'made_public',
  'legal_claims',
  'substantial_public_interest',
  'health_or_social_care',
  'public_health',
  'archiving_or_research',
] as const;
export const specialCategoryBasisSchema = z.enum(specialCategoryBases);
export type SpecialCategoryBasis = z.infer<typeof specialCategoryBasisSchema>;

/** A DPO review's outcome; approved and approved with remarks count as a current review. */
export const privacyReviewOutcomes = ['approved', 'approved_with_remarks', 'returned'] as const;
export const privacyReviewOutcomeSchema = z.enum(privacyReviewOutcomes);
export type PrivacyReviewOutcome = z.infer<typeof privacyReviewOutcomeSchema>;

/**
 * Where a record stands with the DPO: pending (never reviewed, or changed since its last review:
 * a changed record loses its approval), or the outcome of its latest review.
 */
export const reviewStates = ['pending', ...privacyReviewOutcomes] as const;
export const reviewStateSchema = z.enum(reviewStates);
export type ReviewState = z.infer<typeof reviewStateSchema>;

export const personalDataCategorySchema = z.strictObject({
  name: requiredText(200),
  /** A special category of art. 9 (health, ethnic origin, religion, union membership, …). */
  special: z.boolean(),
});
export type PersonalDataCategory = z.infer<typeof personalDataCategorySchema>;

export const thirdCountryTransferSchema = z.strictObject({
  country: requiredText(120),
  /** The art. 44–49 safeguard: adequacy decision, standard contractual clauses, binding corporate rules, … */
  safeguard: requiredText(500),
});
export type ThirdCountryTransfer = z.infer<typeof thirdCountryTransferSchema>;

/** A processor (personuppgiftsbiträde) and its data processing agreement (PUB-avtal). */
export const processorInputSchema = z.strictObject({
  name: requiredText(200),
  agreementSignedOn: dateSchema.nullable().optional(),
  agreementExpiresOn: dateSchema.nullable().optional(),
});
export const processorSchema = z.object({
  name: z.string(),
  agreementSignedOn: dateSchema.nullable(),
  agreementExpiresOn: dateSchema.nullable(),
});
export type Processor = z.infer<typeof processorSchema>;

export const processingSystemSchema = z.object({ id: idSchema, name: z.string() });

const textList = (maxItems: number, maxLength = 200) => z.array(requiredText(maxLength)).max(maxItems);

export const processingActivityRecordSchema = recordMetaSchema.extend({
  name: z.string(),
  purpose: z.string(),
  legalBasis: legalBasisSchema.nullable(),
  /** The law or decision the basis rests on (for public interest and legal obligation). */
  legalBasisNote: z.string().nullable(),
  specialCategoryBasis: specialCategoryBasisSchema.nullable(),
  /** Art. 10: personal data about criminal convictions and offences, and the national law that allows it. */
  criminalData: z.boolean(),
  criminalDataBasis: z.string().nullable(),
  dataSubjectCategories: z.array(z.string()),
  personalDataCategories: z.array(z.object({ name: z.string(), special: z.boolean() })),
  hasSpecialCategories: z.boolean(),
  recipients: z.array(z.string()),
  thirdCountryTransfers: z.array(z.object({ country: z.string(), safeguard: z.string() })),
  /** How long the data is kept (gallring), null when not decided. */
  retention: z.string().nullable(),
  /** The municipality's document management plan (informationshanteringsplan) entry, where known. */
  retentionPlanReference: z.string().nullable(),
  technicalMeasures: z.string().nullable(),
  /** The department answering for the processing; its board (nämnd) is the controller. */
  controllerDepartmentId: idSchema,
  controllerDepartmentName: z.string(),
  controllerBoard: z.string().nullable(),
  systems: z.array(processingSystemSchema),
  processors: z.array(processorSchema),
  dpiaNeeded: z.boolean(),
  dpiaDoneOn: dateSchema.nullable(),
  reviewState: reviewStateSchema,
  /** The date of the latest review, kept after a change so the history reads on. */
  lastReviewedOn: dateSchema.nullable(),
  /** When the content last changed (a review does not change it). */
  contentChangedAt: timestampSchema,
  /** The OSL paragraph the record is marked confidential under; null when it is not (ADR 0030). */
  confidentialOslParagraph: z.string().nullable(),
  /**
   * True when the caller may not see a confidential record's content: only its name, controller,
   * systems, legal basis and review state are given; the rest is empty.
   */
  contentWithheld: z.boolean(),
});
export type ProcessingActivityRecord = z.infer<typeof processingActivityRecordSchema>;
export const processingActivitySchema = processingActivityRecordSchema.extend({ can: canSchema(processingActivityActionNames) });
export type ProcessingActivity = z.infer<typeof processingActivitySchema>;

const activityFields = {
  name: requiredText(200),
  purpose: requiredText(4000),
  legalBasis: legalBasisSchema.nullable().optional(),
  legalBasisNote: optionalText(1000),
  specialCategoryBasis: specialCategoryBasisSchema.nullable().optional(),
  criminalData: z.boolean().optional(),
  criminalDataBasis: optionalText(1000),
  dataSubjectCategories: textList(50).optional(),
  personalDataCategories: z.array(personalDataCategorySchema).max(100).optional(),
  recipients: textList(50).optional(),
  thirdCountryTransfers: z.array(thirdCountryTransferSchema).max(50).optional(),
  retention: optionalText(1000),
  retentionPlanReference: optionalText(200),
  technicalMeasures: optionalText(4000),
  controllerDepartmentId: idSchema,
  controllerBoard: optionalText(200),
  systemIds: z.array(idSchema).max(50).optional(),
  processors: z.array(processorInputSchema).max(30).optional(),
  dpiaNeeded: z.boolean().optional(),
  dpiaDoneOn: dateSchema.nullable().optional(),
  /** Marks the record confidential under this OSL paragraph (e.g. "18 kap. 8 § OSL"); null: not marked. */
  confidentialOslParagraph: optionalText(60),
};
export const processingActivityCreateSchema = z.strictObject(activityFields);
export type ProcessingActivityCreate = z.infer<typeof processingActivityCreateSchema>;
export const processingActivityUpdateSchema = z.strictObject(activityFields).partial();
export type ProcessingActivityUpdate = z.infer<typeof processingActivityUpdateSchema>;

export const processingActivitySortFields = ['name', 'updatedAt'] as const;
export const processingActivityListQuerySchema = listQuerySchema.extend({
  systemId: idSchema.optional(),
  /** The controller department and its sub-units. */
  departmentId: idSchema.optional(),
  specialCategories: booleanQuery.optional(),
  /** Records without a current review: pending, returned, or reviewed longer ago than the pack's interval. */
  missingReview: booleanQuery.optional(),
  /**
   * The data protection officer's queue: records owed a review (never reviewed, changed since the
   * review, or approved longer ago than the interval). Returned records wait for their drafters.
   */
  reviewDue: booleanQuery.optional(),
  /** Records with a processor whose agreement is unsigned or expires on or before this date. */
  agreementExpiringBy: dateSchema.optional(),
  reviewState: reviewStateSchema.optional(),
  sort: sortParameter(processingActivitySortFields),
});
export type ProcessingActivityListQuery = z.infer<typeof processingActivityListQuerySchema>;
export const processingActivityListSchema = listResponseSchema(processingActivitySchema).extend({
  /** What the caller may do with the register as a whole: export it with its confidential records (ADR 0030). */
  can: z.object({ exportConfidential: z.boolean() }),
});

export const privacyReviewSchema = z.object({
  id: idSchema,
  activityId: idSchema,
  outcome: privacyReviewOutcomeSchema,
  reviewedOn: dateSchema,
  remarks: z.string().nullable(),
  reviewerPersonId: idSchema.nullable(),
  reviewerName: z.string(),
  /** The record's version the review saw. */
  activityVersion: z.number().int().positive(),
  createdAt: timestampSchema,
});
export type PrivacyReview = z.infer<typeof privacyReviewSchema>;
export const privacyReviewListSchema = z.object({ items: z.array(privacyReviewSchema) });

export const privacyReviewCreateSchema = z
  .strictObject({
    outcome: privacyReviewOutcomeSchema,
    reviewedOn: dateSchema.optional(),
    remarks: optionalText(4000),
  })
  .refine((review) => review.outcome === 'approved' || (review.remarks ?? '').length > 0, {
    message: 'Remarks are required unless the record is approved as it stands.',
    path: ['remarks'],
  });
export type PrivacyReviewCreate = z.infer<typeof privacyReviewCreateSchema>;

/* ---------- Functional mailboxes (ITP-8-MAILBOX) ---------- */

export const watchFrequencies = ['several_daily', 'daily', 'weekly'] as const;
export const watchFrequencySchema = z.enum(watchFrequencies);
export type WatchFrequency = z.infer<typeof watchFrequencySchema>;

export const mailboxPersonSchema = z.object({
  id: idSchema,
  name: z.string(),
  /** 'left' also once the person's end date has come, as the rules judge it. */
  employmentStatus: employmentStatusSchema,
});

export const mailboxRecordSchema = recordMetaSchema.extend({
  address: z.string(),
  departmentId: idSchema,
  departmentName: z.string(),
  purpose: z.string().nullable(),
  responsible: mailboxPersonSchema.nullable(),
  deputies: z.array(mailboxPersonSchema),
  watchFrequency: watchFrequencySchema,
  /** Mail arriving here is an official document for the registry (diarium). */
  receivesOfficialDocuments: z.boolean(),
  /** An active responsible and at least one active deputy, different people (ITP-8-MAILBOX). */
  covered: z.boolean(),
});
export type MailboxRecord = z.infer<typeof mailboxRecordSchema>;
export const mailboxSchema = mailboxRecordSchema.extend({ can: canSchema(mailboxActionNames) });
export type Mailbox = z.infer<typeof mailboxSchema>;

const mailboxAddress = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'An e-mail address such as registrator@tanum.se.');
const mailboxFields = {
  address: mailboxAddress,
  departmentId: idSchema,
  purpose: optionalText(1000),
  responsiblePersonId: idSchema.nullable().optional(),
  deputyPersonIds: z.array(idSchema).max(10).optional(),
  watchFrequency: watchFrequencySchema.optional(),
  receivesOfficialDocuments: z.boolean().optional(),
};
export const mailboxCreateSchema = z.strictObject(mailboxFields);
export type MailboxCreate = z.infer<typeof mailboxCreateSchema>;
export const mailboxUpdateSchema = z.strictObject(mailboxFields).partial();
export type MailboxUpdate = z.infer<typeof mailboxUpdateSchema>;

export const mailboxListQuerySchema = listQuerySchema.extend({
  departmentId: idSchema.optional(),
  covered: booleanQuery.optional(),
  personId: idSchema.optional(),
  sort: sortParameter(['address'] as const),
});
export type MailboxListQuery = z.infer<typeof mailboxListQuerySchema>;
export const mailboxListSchema = listResponseSchema(mailboxSchema).extend({
  /** Of the mailboxes the filters select (not just the page): how many are covered. */
  coveredCount: z.number().int().nonnegative(),
});

/** The article 30 register as a file: the list's filters, without paging. */
export const processingActivityExportQuerySchema = processingActivityListQuerySchema
  .omit({ limit: true, cursor: true, sort: true })
  .extend({ format: z.enum(['xlsx', 'pdf']).default('xlsx') });
export type ProcessingActivityExportQuery = z.infer<typeof processingActivityExportQuerySchema>;

/**
 * POST /processing-activities/export (with the GET's filters in the query): the register with the
 * confidential records included, each marked with its OSL paragraph; recorded in the audit log with
 * the reason given (ADR 0030). The GET leaves confidential records out.
 */
export const processingActivityConfidentialExportSchema = z.strictObject({ reason: requiredText(500) });
export type ProcessingActivityConfidentialExport = z.infer<typeof processingActivityConfidentialExportSchema>;
