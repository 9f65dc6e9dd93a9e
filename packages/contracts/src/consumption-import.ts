import { z } from 'zod';
import { dateSchema, idSchema } from './common.ts';
import { consumptionKindSchema } from './software.ts';

/* ---------- Importing licence consumption from an inventory file (issue #15): CSV or XLSX, dry run, all or nothing ---------- */

/**
 * The fields a row of a counted inventory carries: the product (by its name in the software
 * register, with the maker where two products share a name, or by `softwareId`), what was counted
 * and how many. The file is an inventory tool's export (SCCM, Intune, Lansweeper, a spreadsheet),
 * one row per product and kind.
 */
export const consumptionImportFields = ['softwareId', 'product', 'maker', 'kind', 'count'] as const;
export const consumptionImportFieldSchema = z.enum(consumptionImportFields);
export type ConsumptionImportField = z.infer<typeof consumptionImportFieldSchema>;

/** Headers known besides the field's own name, compared without case, spaces, hyphens and underscores. */
export const consumptionImportHeaders: Record<ConsumptionImportField, readonly string[]> = {
  softwareId: ['programvaru-id', 'software id'],
  product: ['produkt', 'programvara', 'program', 'produktnamn', 'software', 'product name', 'name', 'namn'],
  maker: ['tillverkare', 'leverantör', 'publisher', 'vendor', 'manufacturer'],
  kind: ['typ', 'slag', 'förbrukning', 'type', 'metric'],
  count: ['antal', 'installationer', 'antal installationer', 'användare', 'antal användare', 'installs', 'quantity', 'number'],
};

/**
 * The words an inventory writes for the kind of consumption besides the API's own values, compared
 * without case. A file without a kind column counts installations.
 */
export const consumptionImportKindWords: Record<z.infer<typeof consumptionKindSchema>, readonly string[]> = {
  installation: ['installation', 'installationer', 'installerad', 'installs', 'installations', 'enhet', 'enheter', 'device', 'devices'],
  assignment: ['tilldelning', 'tilldelningar', 'användare', 'tilldelad', 'assignments', 'assigned', 'user', 'users'],
  core: ['kärna', 'kärnor', 'processorkärnor', 'cores'],
};

export const consumptionImportQuerySchema = z.strictObject({
  /** `dry_run` (default) reports what would happen and changes nothing; `apply` writes all of it or nothing. */
  mode: z.enum(['dry_run', 'apply']).default('dry_run'),
  /** The inventory's name: an apply replaces every count this inventory recorded before. */
  inventory: z.string().trim().min(1).max(200),
  /** The day the inventory counted; today when not given. */
  countedOn: dateSchema.optional(),
});
export type ConsumptionImportQuery = z.infer<typeof consumptionImportQuerySchema>;

/** What a row does to the inventory's counts: `add` a product and kind it did not count, `change` a count, leave it `unchanged`, or `refused`. */
export const consumptionImportOutcomes = ['add', 'change', 'unchanged', 'refused'] as const;
export const consumptionImportOutcomeSchema = z.enum(consumptionImportOutcomes);
export type ConsumptionImportOutcome = z.infer<typeof consumptionImportOutcomeSchema>;

export const consumptionImportReasons = [
  'product_missing',
  'product_not_found',
  'product_ambiguous',
  'kind_invalid',
  'count_missing',
  'count_invalid',
  'duplicate_row',
] as const;
export const consumptionImportReasonSchema = z.enum(consumptionImportReasons);
export type ConsumptionImportReason = z.infer<typeof consumptionImportReasonSchema>;

export const consumptionImportRowSchema = z.object({
  rowNumber: z.number().int().positive(),
  outcome: consumptionImportOutcomeSchema,
  /** The product as the file names it. */
  product: z.string().nullable(),
  /** The software the row was matched to, and its name in the register. */
  softwareId: idSchema.nullable(),
  softwareProduct: z.string().nullable(),
  kind: consumptionKindSchema.nullable(),
  count: z.number().int().nonnegative().nullable(),
  /** What this inventory counted before for the product and kind (for `change` and `unchanged`). */
  previousCount: z.number().int().nonnegative().nullable(),
  problems: z.array(
    z.object({
      field: consumptionImportFieldSchema.nullable(),
      reason: consumptionImportReasonSchema,
      /** For `duplicate_row`: the earlier row with the same product and kind. */
      otherRowNumber: z.number().int().optional(),
    }),
  ),
});
export type ConsumptionImportRow = z.infer<typeof consumptionImportRowSchema>;

export const consumptionImportReportSchema = z.object({
  mode: z.enum(['dry_run', 'apply']),
  applied: z.boolean(),
  format: z.enum(['csv', 'xlsx']),
  inventory: z.string(),
  countedOn: dateSchema,
  columns: z.array(z.object({ field: consumptionImportFieldSchema, column: z.string() })),
  ignoredColumns: z.array(z.string()),
  summary: z.object({
    rows: z.number().int().nonnegative(),
    add: z.number().int().nonnegative(),
    change: z.number().int().nonnegative(),
    unchanged: z.number().int().nonnegative(),
    refused: z.number().int().nonnegative(),
    /** Counts the inventory recorded before that the file no longer has: an apply removes them. */
    removed: z.number().int().nonnegative(),
  }),
  rows: z.array(consumptionImportRowSchema),
  rowsListed: z.number().int().nonnegative(),
});
export type ConsumptionImportReport = z.infer<typeof consumptionImportReportSchema>;

/** At most this many rows are listed in a report (refused ones first); the summary counts them all. */
export const consumptionImportListedRows = 2000;
