import { z } from 'zod';
import { idSchema } from './common.ts';

/* ---------- Importing assets from an inventory (issue #15): CSV or XLSX, dry run, all or nothing ---------- */

/**
 * The fields an import row carries. A header equal to a field's name (the API's own names) is read
 * without any mapping; ids may be given as names instead: `model` (maker and model, as the catalogue
 * names it), `department` and `ownerDepartment` (a department's name), `personEmail`.
 */
export const assetImportFields = [
  'serial',
  'inventoryNumber',
  'kind',
  'modelId',
  'model',
  'nonStandardDescription',
  'ownerKind',
  'ownerDepartmentId',
  'ownerDepartment',
  'ownerName',
  'ownerReason',
  'network',
  'location',
  'departmentId',
  'department',
  'personId',
  'personEmail',
  'lifecycle',
  'purchaseDate',
  'purchaseCost',
  'warrantyEnd',
  'note',
] as const;
export const assetImportFieldSchema = z.enum(assetImportFields);
export type AssetImportField = z.infer<typeof assetImportFieldSchema>;

/** Headers known besides the field's own name, compared without case, spaces, hyphens and underscores. */
export const assetImportHeaders: Partial<Record<AssetImportField, readonly string[]>> = {
  serial: ['serienummer', 'serial number', 'serialnumber', 'sn'],
  inventoryNumber: ['inventarienummer', 'inventarienr', 'inventory number', 'asset tag', 'tillgångsnummer'],
  kind: ['typ', 'slag', 'type'],
  model: ['modell', 'model name'],
  nonStandardDescription: ['beskrivning', 'icke-standard', 'description'],
  ownerKind: ['ägartyp', 'owner kind'],
  ownerDepartment: ['ägare', 'ägande förvaltning', 'owner'],
  ownerReason: ['ägarskäl', 'skäl', 'owner reason'],
  network: ['nät', 'nätverk'],
  location: ['plats', 'placering'],
  department: ['förvaltning', 'avdelning'],
  personEmail: ['e-post', 'användare', 'user', 'email'],
  lifecycle: ['status', 'livscykel', 'state'],
  purchaseDate: ['inköpsdatum', 'purchase date', 'inköpt'],
  purchaseCost: ['inköpspris', 'kostnad', 'pris', 'cost'],
  warrantyEnd: ['garanti till', 'garantislut', 'warranty end', 'warranty'],
  note: ['anteckning', 'kommentar', 'notes'],
};

/**
 * The words an inventory writes for the enumerated fields besides the API's own values, compared
 * without case: Swedish as the screens say them (and as a municipality's spreadsheet does), and
 * English. "Bärbar dator" is `laptop`, "Skolnätet" `school`, "I drift" `in_use`.
 */
export const assetImportValueWords: Record<'kind' | 'network' | 'lifecycle' | 'ownerKind', Record<string, readonly string[]>> = {
  kind: {
    network: ['nätutrustning', 'nätverksutrustning', 'switch', 'router', 'network equipment'],
    communication: ['kommunikationsutrustning', 'communication equipment'],
    server: ['server'],
    pc: ['stationär dator', 'stationär', 'dator', 'desktop'],
    laptop: ['bärbar dator', 'bärbar', 'notebook'],
    printer: ['skrivare', 'multifunktionsskrivare'],
    phone: ['telefon', 'mobiltelefon', 'mobil', 'smartphone'],
    other: ['övrigt', 'annat'],
  },
  network: {
    town_hall: ['kommunhusets nät', 'kommunhusnätet', 'kommunhuset', 'town hall network', 'town hall'],
    school: ['skolnätet', 'skolnät', 'school network'],
    public: ['publikt nät', 'publika nätet', 'gästnät', 'public network'],
    none: ['inget nät', 'inget', 'no network'],
  },
  lifecycle: {
    ordered: ['beställd'],
    in_use: ['i drift', 'i bruk', 'in use'],
    in_repair: ['på reparation', 'reparation', 'in repair'],
    retired: ['avvecklad', 'kasserad', 'skrotad'],
  },
  ownerKind: {
    it_unit: ['it-enheten', 'it', 'it unit'],
    department: ['förvaltning', 'en förvaltning'],
    other: ['annan ägare', 'annan'],
  },
};

export const assetImportQuerySchema = z.strictObject({
  /** `dry_run` (default) reports what would happen and changes nothing; `apply` writes all of it or nothing. */
  mode: z.enum(['dry_run', 'apply']).default('dry_run'),
});
export type AssetImportQuery = z.infer<typeof assetImportQuerySchema>;

/** What a row does: `create` an asset, `update` the one its serial or inventory number finds, leave it `unchanged`, or `refused`. */
export const assetImportOutcomes = ['create', 'update', 'unchanged', 'refused'] as const;
export const assetImportOutcomeSchema = z.enum(assetImportOutcomes);
export type AssetImportOutcome = z.infer<typeof assetImportOutcomeSchema>;

export const assetImportReasons = [
  'key_missing',
  'value_missing',
  'value_invalid',
  'model_not_found',
  'department_not_found',
  'person_not_found',
  'date_invalid',
  'number_invalid',
  'text_too_long',
  'duplicate_row',
  'keys_disagree',
  'owner_reason_required',
  'owner_town_hall',
] as const;
export const assetImportReasonSchema = z.enum(assetImportReasons);
export type AssetImportReason = z.infer<typeof assetImportReasonSchema>;

export const assetImportProblemSchema = z.object({
  field: assetImportFieldSchema.nullable(),
  column: z.string().nullable(),
  reason: assetImportReasonSchema,
  /** For `owner_town_hall`, the clause the row breaks. */
  requirement: z.string().optional(),
  otherRowNumber: z.number().int().optional(),
});
export type AssetImportProblem = z.infer<typeof assetImportProblemSchema>;

export const assetImportRowSchema = z.object({
  rowNumber: z.number().int().positive(),
  outcome: assetImportOutcomeSchema,
  serial: z.string().nullable(),
  inventoryNumber: z.string().nullable(),
  /** The asset updated or left unchanged (after an apply also the one created). */
  assetId: idSchema.nullable(),
  /** The fields a `update` row changes. */
  changedFields: z.array(z.string()),
  problems: z.array(assetImportProblemSchema),
});
export type AssetImportRow = z.infer<typeof assetImportRowSchema>;

export const assetImportSummarySchema = z.object({
  rows: z.number().int().nonnegative(),
  create: z.number().int().nonnegative(),
  update: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  refused: z.number().int().nonnegative(),
});
export type AssetImportSummary = z.infer<typeof assetImportSummarySchema>;

/** At most this many rows are listed in a report (refused ones first); the summary counts them all. */
export const assetImportListedRows = 2000;

export const assetImportReportSchema = z.object({
  mode: z.enum(['dry_run', 'apply']),
  applied: z.boolean(),
  format: z.enum(['csv', 'xlsx']),
  columns: z.array(z.object({ field: assetImportFieldSchema, column: z.string() })),
  ignoredColumns: z.array(z.string()),
  summary: assetImportSummarySchema,
  rows: z.array(assetImportRowSchema),
  rowsListed: z.number().int().nonnegative(),
});
export type AssetImportReport = z.infer<typeof assetImportReportSchema>;
