import { z } from 'zod';
import { dateSchema, idSchema } from './common.ts';

/* ---------- Importing access rights from a file (issue #14): CSV or XLSX, dry run, all or nothing ---------- */

/** The fields an import row carries; each header in the file names one (English and Swedish headers, see below). */
export const accessRightImportFields = [
  'email',
  'employeeNumber',
  'system',
  'level',
  'startDate',
  'endDate',
  'reason',
  'caseReference',
] as const;
export const accessRightImportFieldSchema = z.enum(accessRightImportFields);
export type AccessRightImportField = z.infer<typeof accessRightImportFieldSchema>;

/**
 * The headers each field is known by besides its own name, compared without case, spaces, hyphens
 * and underscores. A person is named by `email`, by `employeeNumber` or by both (then both must
 * name the same person); `system` takes a system's name or its id; `level` the level's name in that system.
 */
export const accessRightImportHeaders: Record<AccessRightImportField, readonly string[]> = {
  email: ['e-post', 'epost', 'e-postadress', 'mejl', 'mail', 'email address', 'user', 'användare'],
  employeeNumber: [
    'anställningsnummer',
    'anställningsnr',
    'anstnr',
    'personalnummer',
    'medarbetarnummer',
    'employee number',
    'employee id',
  ],
  system: ['systemnamn', 'system name', 'system id', 'systemId', 'it-system', 'system-id'],
  level: ['behörighet', 'behörighetsnivå', 'nivå', 'roll', 'access level', 'role'],
  startDate: ['startdatum', 'från', 'från och med', 'start', 'start date', 'giltig från'],
  endDate: ['slutdatum', 'till', 'till och med', 'end', 'end date', 'giltig till'],
  reason: ['anledning', 'motivering', 'orsak'],
  caseReference: ['ärende', 'ärendenummer', 'diarienummer', 'case', 'case reference'],
};

/** Where the file's rights were found: in the system itself or in the directory. */
export const accessRightImportSourceSchema = z.enum(['imported_system', 'imported_directory']);

export const accessRightImportQuerySchema = z.strictObject({
  /** `dry_run` (default) reports what would happen and changes nothing; `apply` writes all of it or nothing. */
  mode: z.enum(['dry_run', 'apply']).default('dry_run'),
  source: accessRightImportSourceSchema.default('imported_system'),
});
export type AccessRightImportQuery = z.infer<typeof accessRightImportQuerySchema>;

/**
 * What a row does: `create` a right, `end` the open right it names (its end date has come), leave
 * it `unchanged` (already so), or `refused` (its problems say why; a file with any refused row is
 * not applied at all).
 */
export const accessRightImportOutcomes = ['create', 'end', 'unchanged', 'refused'] as const;
export const accessRightImportOutcomeSchema = z.enum(accessRightImportOutcomes);
export type AccessRightImportOutcome = z.infer<typeof accessRightImportOutcomeSchema>;

/** Why a row is refused or left as it is; stable codes, said in the reader's language by the web and the CLI. */
export const accessRightImportReasons = [
  'value_missing',
  'person_not_found',
  /** The e-mail and the employee number of the row name two different people. */
  'person_keys_disagree',
  'person_left',
  'system_not_found',
  'system_name_ambiguous',
  'level_not_found',
  'date_invalid',
  'end_before_start',
  'text_too_long',
  'duplicate_row',
  'not_permitted',
  'already_held',
  'already_ended',
] as const;
export const accessRightImportReasonSchema = z.enum(accessRightImportReasons);
export type AccessRightImportReason = z.infer<typeof accessRightImportReasonSchema>;

export const accessRightImportProblemSchema = z.object({
  /** The field the problem is in; null for the row as a whole. */
  field: accessRightImportFieldSchema.nullable(),
  /** The column's header as the file writes it. */
  column: z.string().nullable(),
  reason: accessRightImportReasonSchema,
  /** For `duplicate_row`: the row it repeats. */
  otherRowNumber: z.number().int().optional(),
});
export type AccessRightImportProblem = z.infer<typeof accessRightImportProblemSchema>;

export const accessRightImportRowSchema = z.object({
  /** The row's number in the file (the header is row 1). */
  rowNumber: z.number().int().positive(),
  outcome: accessRightImportOutcomeSchema,
  personId: idSchema.nullable(),
  personName: z.string().nullable(),
  /** The person's keys as the file writes them ('' where the file has no such column). */
  email: z.string(),
  employeeNumber: z.string(),
  systemId: idSchema.nullable(),
  systemName: z.string().nullable(),
  levelId: idSchema.nullable(),
  levelName: z.string().nullable(),
  startDate: dateSchema.nullable(),
  endDate: dateSchema.nullable(),
  /** The right ended or left unchanged (after an apply also the one created). */
  rightId: idSchema.nullable(),
  /** Why the row is refused, or why it is left unchanged. */
  notes: z.array(accessRightImportProblemSchema),
});
export type AccessRightImportRow = z.infer<typeof accessRightImportRowSchema>;

export const accessRightImportSummarySchema = z.object({
  rows: z.number().int().nonnegative(),
  create: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  refused: z.number().int().nonnegative(),
});
export type AccessRightImportSummary = z.infer<typeof accessRightImportSummarySchema>;

/** At most this many rows are listed in a report (every refused one first); the summary counts them all. */
export const accessRightImportListedRows = 2000;

export const accessRightImportReportSchema = z.object({
  mode: z.enum(['dry_run', 'apply']),
  /** Whether the file's changes were written (an apply of a file without refused rows). */
  applied: z.boolean(),
  format: z.enum(['csv', 'xlsx']),
  /** Which header of the file each field was read from. */
  columns: z.array(z.object({ field: accessRightImportFieldSchema, column: z.string() })),
  /** Headers that name no field; their columns are not read. */
  ignoredColumns: z.array(z.string()),
  summary: accessRightImportSummarySchema,
  /** Refused rows first, then the others in file order, at most accessRightImportListedRows. */
  rows: z.array(accessRightImportRowSchema),
  rowsListed: z.number().int().nonnegative(),
});
export type AccessRightImportReport = z.infer<typeof accessRightImportReportSchema>;

/** The content types the import takes as the request body (the file itself, not a form). */
export const accessRightImportContentTypes = [
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
  'application/octet-stream',
  'text/plain',
] as const;
