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
import { canSchema, documentActionNames, documentVersionActionNames } from './permissions.ts';
import { roleSchema, type Role } from './roles.ts';

/* ---------- Policy documents and their versions (ITP-4.1-ADOPT, ITP-11-GUIDELINES, ITP-13-REVISE) ---------- */

/**
 * The kinds of policy document the IT policy names: the policy itself (linked to its policy pack),
 * the IT security guidelines (ITP-11-GUIDELINES), the IT infrastructure programme (ITP-1-DOCS), the
 * operations instruction the IT chief keeps (ITP-4.3-OPS-INSTRUCTION), the e-mail rules set by the
 * secretariat (ITP-9-AS-MAIL), the internet-use rule (ITP-10-OWN-USE), and any other of the municipality's.
 */
export const documentKinds = [
  'it_policy',
  'security_guidelines',
  'infrastructure_programme',
  'operations_instruction',
  'email_rules',
  'internet_use',
  'other',
] as const;
export const documentKindSchema = z.enum(documentKinds);
export type DocumentKind = z.infer<typeof documentKindSchema>;

/** Kinds a municipality has at most one of: the policy and the guidelines other records point to. */
export const singularDocumentKinds: readonly DocumentKind[] = ['it_policy', 'security_guidelines'];

/** Who drafts and adopts a kind's versions unless the document names another role (the "who may"). */
export const defaultOwnerRoleOfKind: Readonly<Record<DocumentKind, Role>> = {
  it_policy: 'administrator',
  security_guidelines: 'it_chief',
  infrastructure_programme: 'it_chief',
  operations_instruction: 'it_chief',
  email_rules: 'secretariat',
  internet_use: 'secretariat',
  other: 'administrator',
};

/** draft → in_review → adopted → superseded (adopting a version supersedes the one adopted before it). */
export const documentVersionStates = ['draft', 'in_review', 'adopted', 'superseded'] as const;
export const documentVersionStateSchema = z.enum(documentVersionStates);
export type DocumentVersionState = z.infer<typeof documentVersionStateSchema>;

/** The attached file's types, by the extension they must carry (checked with the file's magic bytes too). */
export const documentAttachmentContentTypes = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
} as const;
export type DocumentAttachmentExtension = keyof typeof documentAttachmentContentTypes;

export const documentAttachmentSchema = z.object({
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int().nonnegative(),
});
export type DocumentAttachment = z.infer<typeof documentAttachmentSchema>;

/**
 * A section of the IT security guidelines (what security_guideline_sections held before issue #13).
 * Its `id` stays the same from version to version, so a project's judgement of a section
 * (`guideline:<id>`) still applies after a new version is adopted.
 */
export const documentSectionSchema = z.object({
  id: idSchema,
  code: z.string(),
  title: z.string(),
  description: z.string().nullable(),
});
export type DocumentSection = z.infer<typeof documentSectionSchema>;
/** A section as a draft gives it: without `id` it is a new section; with one, the same section edited. */
export const documentSectionInputSchema = z.strictObject({
  id: idSchema.optional(),
  code: requiredText(20),
  title: requiredText(200),
  description: optionalText(4000),
});

/** The adopted version a document currently rests on (null until its first adoption). */
export const documentCurrentVersionSchema = z.object({
  id: idSchema,
  number: z.number().int().positive(),
  adoptedBy: z.string().nullable(),
  decisionDate: dateSchema.nullable(),
  decisionReference: z.string().nullable(),
  adoptedAt: timestampSchema.nullable(),
});

export const documentRecordSchema = recordMetaSchema.extend({
  kind: documentKindSchema,
  title: z.string(),
  description: z.string().nullable(),
  /** The role that drafts and adopts its versions (the administrator may act for every document). */
  ownerRole: roleSchema,
  /** The body that adopts it, as text: "Kommunstyrelsen", "IT-chefen". */
  ownerBody: z.string().nullable(),
  reviewIntervalMonths: z.number().int().positive(),
  requiresAcknowledgement: z.boolean(),
  /** The departments whose employees it concerns; empty means the whole municipality. */
  audienceDepartmentIds: z.array(idSchema),
  /** The IT policy's policy pack (IT policy only). */
  policyPackId: idSchema.nullable(),
  currentVersion: documentCurrentVersionSchema.nullable(),
  /** The draft or version in review, for those who may read it (null for everyone else). */
  openVersion: z.object({ id: idSchema, number: z.number().int().positive(), state: documentVersionStateSchema }).nullable(),
  /** The current version's decision date plus the review interval; null before the first adoption. */
  nextReviewDate: dateSchema.nullable(),
  reviewOverdue: z.boolean(),
});
export type DocumentRecord = z.infer<typeof documentRecordSchema>;
export const documentCanSchema = canSchema(documentActionNames);
export const documentSchema = documentRecordSchema.extend({ can: documentCanSchema });
export type PolicyDocument = z.infer<typeof documentSchema>;

export const documentCreateSchema = z.strictObject({
  kind: documentKindSchema,
  title: requiredText(200),
  description: optionalText(4000),
  /** Defaults to the kind's owner (defaultOwnerRoleOfKind). */
  ownerRole: roleSchema.optional(),
  ownerBody: optionalText(200),
  /** Defaults to the policy pack's parameter for the kind (IT policy 36 months, operations instruction 12). */
  reviewIntervalMonths: z.number().int().min(1).max(120).optional(),
  requiresAcknowledgement: z.boolean().optional(),
  audienceDepartmentIds: z.array(idSchema).max(500).optional(),
  policyPackId: idSchema.nullable().optional(),
});
export type DocumentCreate = z.infer<typeof documentCreateSchema>;
/** The kind is what the document is; it is not changed afterwards. */
export const documentUpdateSchema = documentCreateSchema.omit({ kind: true }).partial();
export type DocumentUpdate = z.infer<typeof documentUpdateSchema>;

export const documentSortFields = ['title', 'kind', 'updatedAt'] as const;
export const documentListQuerySchema = listQuerySchema.extend({
  kind: documentKindSchema.optional(),
  /** true: documents past their review date; false: the others (never adopted included). */
  overdue: booleanQuery.optional(),
  requiresAcknowledgement: booleanQuery.optional(),
  sort: sortParameter(documentSortFields),
});
export type DocumentListQuery = z.infer<typeof documentListQuerySchema>;
export const documentListSchema = listResponseSchema(documentSchema);

export const documentVersionRecordSchema = recordMetaSchema.extend({
  documentId: idSchema,
  number: z.number().int().positive(),
  state: documentVersionStateSchema,
  /** The body that adopted it, as text: KS, KF, IT-chefen. */
  adoptedBy: z.string().nullable(),
  decisionDate: dateSchema.nullable(),
  decisionReference: z.string().nullable(),
  changeSummary: z.string().nullable(),
  /** Wording or layout only: earlier acknowledgements carry over to it. */
  editorial: z.boolean(),
  /** The text (markdown or plain), or null when the attachment is the version. */
  text: z.string().nullable(),
  attachment: documentAttachmentSchema.nullable(),
  /** The security guidelines' sections; empty for other kinds. */
  sections: z.array(documentSectionSchema),
  adoptedAt: timestampSchema.nullable(),
});
export type DocumentVersionRecord = z.infer<typeof documentVersionRecordSchema>;
export const documentVersionCanSchema = canSchema(documentVersionActionNames);
export const documentVersionSchema = documentVersionRecordSchema.extend({ can: documentVersionCanSchema });
export type DocumentVersion = z.infer<typeof documentVersionSchema>;

/**
 * A new draft starts from the current adopted version's text and sections unless they are given,
 * so the diff shows what the draft changes. A document has at most one draft or version in review.
 */
export const documentVersionCreateSchema = z.strictObject({
  text: z.string().max(200_000).nullable().optional(),
  changeSummary: optionalText(4000),
  editorial: z.boolean().optional(),
  sections: z.array(documentSectionInputSchema).max(500).optional(),
});
export type DocumentVersionCreate = z.infer<typeof documentVersionCreateSchema>;
/** Only a draft is edited; the rest of a version's fields come with its adoption. */
export const documentVersionUpdateSchema = documentVersionCreateSchema;
export type DocumentVersionUpdate = z.infer<typeof documentVersionUpdateSchema>;

/** Adopting records the decision (ITP-4.1-ADOPT): by whom, when, its reference. */
export const documentVersionAdoptSchema = z.strictObject({
  adoptedBy: requiredText(100),
  decisionDate: dateSchema,
  decisionReference: optionalText(200),
  changeSummary: optionalText(4000),
  editorial: z.boolean().optional(),
});
export type DocumentVersionAdopt = z.infer<typeof documentVersionAdoptSchema>;
/** Submitting for review and withdrawing from it take no fields. */
export const documentVersionActionBodySchema = z.strictObject({});

export const documentVersionParamsSchema = z.object({ id: idSchema, versionId: idSchema });
export const documentVersionDiffParamsSchema = z.object({ id: idSchema, versionId: idSchema, otherVersionId: idSchema });
/** An attachment is sent as the request's raw body (its Content-Type one of the accepted types), its name in the query. */
export const documentAttachmentUploadQuerySchema = z.strictObject({ fileName: requiredText(200) });

export const documentVersionListQuerySchema = listQuerySchema.extend({
  state: documentVersionStateSchema.optional(),
  sort: sortParameter(['number'] as const),
});
export type DocumentVersionListQuery = z.infer<typeof documentVersionListQuerySchema>;
export const documentVersionListSchema = listResponseSchema(documentVersionSchema);

export const documentDiffLineSchema = z.object({
  kind: z.enum(['context', 'added', 'removed']),
  text: z.string(),
});
/** A unified-diff hunk: the lines of the older text from oldStart and of the newer from newStart. */
export const documentDiffHunkSchema = z.object({
  oldStart: z.number().int().nonnegative(),
  oldLines: z.number().int().nonnegative(),
  newStart: z.number().int().nonnegative(),
  newLines: z.number().int().nonnegative(),
  lines: z.array(documentDiffLineSchema),
});
const diffSideSchema = z.object({ id: idSchema, number: z.number().int().positive(), state: documentVersionStateSchema });
export const documentVersionDiffSchema = z.object({
  from: diffSideSchema,
  to: diffSideSchema,
  hunks: z.array(documentDiffHunkSchema),
  addedLines: z.number().int().nonnegative(),
  removedLines: z.number().int().nonnegative(),
  /** The security guidelines' sections added, removed or changed between the two. */
  sections: z.array(z.object({ id: idSchema, code: z.string(), title: z.string(), change: z.enum(['added', 'removed', 'changed']) })),
});
export type DocumentVersionDiff = z.infer<typeof documentVersionDiffSchema>;
