import { z } from 'zod';
import { booleanQuery, idSchema, recordMetaSchema, requiredText } from './common.ts';

/* ---------- Importing the register and people from spreadsheets (issue #17 §1, ADR 0032) ---------- */

/** What a file holds: the register's systems, or people from HR or the directory. */
export const importKinds = ['register', 'people'] as const;
export const importKindSchema = z.enum(importKinds);
/** What the file was: a spreadsheet, or Backstage catalog entities (`forvalta import backstage`, ADR 0033). */
export const importFormatSchema = z.enum(['csv', 'xlsx', 'yaml']);
export type ImportKind = z.infer<typeof importKindSchema>;

/**
 * The register's fields a column can map to. Departments and people are named as files name them
 * (an organisation path, an e-mail address), costs and dates in Swedish or ISO writing; the
 * import maps the values (imports/value-parsing.ts).
 */
export const registerImportFields = [
  'externalId',
  'name',
  'description',
  'purpose',
  'kind',
  'scope',
  'lifecycle',
  'supplier',
  'product',
  'productVersion',
  'hosting',
  'ownerDepartment',
  'systemOwner',
  'manager',
  'deputy',
  'costLicence',
  'costOperation',
  'costSupport',
  'costOther',
  'contractEnd',
  'processesPersonalData',
  'nis2',
  'criticality',
  'userCount',
  'dependencies',
  'tags',
] as const;
export const registerImportFieldSchema = z.enum(registerImportFields);
export type RegisterImportField = z.infer<typeof registerImportFieldSchema>;

/** People's fields: matched by employee number, else e-mail (issue #17 §1, #16's mailbox coverage). */
export const peopleImportFields = [
  'employeeNumber',
  'email',
  'firstName',
  'lastName',
  'fullName',
  'department',
  'title',
  'startDate',
  'endDate',
  'hasPersonalMailbox',
] as const;
export const peopleImportFieldSchema = z.enum(peopleImportFields);
export type PeopleImportField = z.infer<typeof peopleImportFieldSchema>;

export const importFieldSchema = z.union([registerImportFieldSchema, peopleImportFieldSchema]);
export type ImportField = RegisterImportField | PeopleImportField;

/** A column mapping: each header of the file (as written, trimmed) to a field, or null to leave the column out. */
export const importMappingSchema = z.record(z.string().max(200), importFieldSchema.nullable());
export type ImportMapping = z.infer<typeof importMappingSchema>;

/** How sure the proposal is: the header is a known name of the field, or only resembles one. */
export const mappingConfidences = ['exact', 'similar'] as const;

export const importProposalSchema = z.object({
  kind: importKindSchema,
  format: importFormatSchema,
  headers: z.array(z.string()),
  /** The first rows under the header, as read. */
  sample: z.array(z.array(z.string())),
  rowCount: z.number().int().nonnegative(),
  columns: z.array(
    z.object({
      column: z.string(),
      field: importFieldSchema.nullable(),
      confidence: z.enum(mappingConfidences).nullable(),
    }),
  ),
  /** The proposal as a mapping, to correct and send back with the run. */
  mapping: importMappingSchema,
  /** The fields this kind of file can fill. */
  fields: z.array(importFieldSchema),
});
export type ImportProposal = z.infer<typeof importProposalSchema>;

export const importRunQuerySchema = z.strictObject({
  /** `dry_run` (default) reports what would happen and changes nothing; `apply` writes all of it or nothing. */
  mode: z.enum(['dry_run', 'apply']).default('dry_run'),
  /** The corrected mapping as JSON (`{"Systemnamn ":"name",…}`); without it (and without mappingId) the proposal is used. */
  mapping: z.string().max(20_000).optional(),
  /** A saved mapping of the municipality, instead of `mapping`. */
  mappingId: idSchema.optional(),
  /** Departments of organisation paths not found are created (the administrator's: department.write). */
  createDepartments: booleanQuery.optional(),
  /** `xlsx`: the dry run's report as a spreadsheet with a "what to fix" column, in `language`. */
  format: z.enum(['json', 'xlsx']).default('json'),
  language: z.enum(['sv', 'en']).default('sv'),
});
export type ImportRunQuery = z.infer<typeof importRunQuerySchema>;

export const importOutcomes = ['create', 'update', 'unchanged', 'refused'] as const;
export type ImportOutcome = (typeof importOutcomes)[number];

/**
 * Why a cell's value was left out (`severity: 'skipped'`, the row is imported without it) or a row
 * refused (`severity: 'refused'`: no name, or a rule of the register it would break).
 */
export const importReasons = [
  'name_missing',
  'email_missing',
  'text_too_long',
  'duplicate_row',
  'owner_department_missing',
  'department_not_found',
  'person_not_found',
  'value_unknown',
  'date_invalid',
  'number_invalid',
  'dependency_not_found',
  'production_needs_manager',
  'production_needs_approval',
  /** A new system in production, which only a holder of the IT unit's approval may record (ADR 0033). */
  'production_import_needs_approver',
  'responsibility_not_changed',
  'keys_disagree',
] as const;
export const importReasonSchema = z.enum(importReasons);
export type ImportReason = z.infer<typeof importReasonSchema>;

export const importProblemSchema = z.object({
  field: importFieldSchema.nullable(),
  column: z.string().nullable(),
  /** The cell as the file has it. */
  value: z.string().nullable(),
  reason: importReasonSchema,
  severity: z.enum(['skipped', 'refused']),
  /** The clause a refused row breaks. */
  requirement: z.string().optional(),
  otherRowNumber: z.number().int().optional(),
});
export type ImportProblem = z.infer<typeof importProblemSchema>;

export const importRowSchema = z.object({
  rowNumber: z.number().int().positive(),
  outcome: z.enum(importOutcomes),
  /** The system's or person's name as the row gives it. */
  name: z.string().nullable(),
  /** The record updated or left unchanged (after an apply also the one created). */
  recordId: idSchema.nullable(),
  changedFields: z.array(z.string()),
  problems: z.array(importProblemSchema),
});
export type ImportRow = z.infer<typeof importRowSchema>;

export const importSummarySchema = z.object({
  rows: z.number().int().nonnegative(),
  create: z.number().int().nonnegative(),
  update: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  refused: z.number().int().nonnegative(),
  /** Cells left out of imported rows. */
  skippedCells: z.number().int().nonnegative(),
  integrationsCreated: z.number().int().nonnegative(),
  departmentsCreated: z.number().int().nonnegative(),
});

/** At most this many rows are listed in a report (refused and those with problems first); the summary counts them all. */
export const importListedRows = 2000;

export const importReportSchema = z.object({
  kind: importKindSchema,
  mode: z.enum(['dry_run', 'apply']),
  applied: z.boolean(),
  format: importFormatSchema,
  mapping: importMappingSchema,
  summary: importSummarySchema,
  /** Organisation paths no department was found for (created with createDepartments). */
  unknownDepartments: z.array(z.string()),
  /** E-mail addresses no person was found for. */
  unknownEmails: z.array(z.string()),
  /** Dependencies whose other system is neither in the register nor in the file. */
  unresolvedDependencies: z.array(z.object({ rowNumber: z.number().int(), system: z.string() })),
  rows: z.array(importRowSchema),
  rowsListed: z.number().int().nonnegative(),
});
export type ImportReport = z.infer<typeof importReportSchema>;

/* ---------- Saved mappings (per municipality, by name) ---------- */

export const importMappingRecordSchema = recordMetaSchema.extend({
  kind: importKindSchema,
  name: z.string(),
  mapping: importMappingSchema,
});
export type ImportMappingRecord = z.infer<typeof importMappingRecordSchema>;

export const importMappingCreateSchema = z.strictObject({
  kind: importKindSchema,
  name: requiredText(120),
  mapping: importMappingSchema,
});
export type ImportMappingCreate = z.infer<typeof importMappingCreateSchema>;
export const importMappingUpdateSchema = z.strictObject({ name: requiredText(120).optional(), mapping: importMappingSchema.optional() });
export type ImportMappingUpdate = z.infer<typeof importMappingUpdateSchema>;
export const importMappingListQuerySchema = z.strictObject({ kind: importKindSchema.optional() });
export const importMappingListSchema = z.object({
  items: z.array(importMappingRecordSchema),
  total: z.number().int(),
  nextCursor: z.null(),
});
