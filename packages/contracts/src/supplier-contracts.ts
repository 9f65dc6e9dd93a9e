import { z } from 'zod';
import {
  dateSchema,
  idSchema,
  listQuerySchema,
  listResponseSchema,
  optionalText,
  recordMetaSchema,
  requiredText,
  sortParameter,
} from './common.ts';
import { canSchema, contractActionNames, supplierActionNames } from './permissions.ts';

/* ---------- Suppliers (leverantörer) ---------- */

/**
 * A Swedish organisation number (organisationsnummer): ten digits, written NNNNNN-NNNN, whose last
 * digit is the Luhn check digit of the first nine. Accepted with or without the hyphen, stored with it.
 */
export function organisationNumberValid(text: string): boolean {
  const digits = text.replace('-', '');
  if (!/^\d{10}$/.test(digits) || !/^\d{6}-?\d{4}$/.test(text)) return false;
  let sum = 0;
  for (let index = 0; index < 9; index += 1) {
    let value = Number(digits[index]) * (index % 2 === 0 ? 2 : 1);
    if (value > 9) value -= 9;
    sum += value;
  }
  return (10 - (sum % 10)) % 10 === Number(digits[9]);
}

export const organisationNumberSchema = z
  .string()
  .trim()
  .refine(organisationNumberValid, { message: 'An organisation number is ten digits (NNNNNN-NNNN) with a valid check digit.' })
  .transform((text) => `${text.replace('-', '').slice(0, 6)}-${text.replace('-', '').slice(6)}`);

export const supplierRecordSchema = recordMetaSchema.extend({
  name: z.string(),
  organisationNumber: z.string(),
  contact: z.string().nullable(),
  contractCount: z.number().int().nonnegative(),
});
export type SupplierRecord = z.infer<typeof supplierRecordSchema>;
export const supplierSchema = supplierRecordSchema.extend({ can: canSchema(supplierActionNames) });
export type Supplier = z.infer<typeof supplierSchema>;

export const supplierCreateSchema = z.strictObject({
  name: requiredText(200),
  organisationNumber: organisationNumberSchema,
  contact: optionalText(500),
});
export type SupplierCreate = z.infer<typeof supplierCreateSchema>;
export const supplierUpdateSchema = supplierCreateSchema.partial();
export type SupplierUpdate = z.infer<typeof supplierUpdateSchema>;
export const supplierListQuerySchema = listQuerySchema.extend({ sort: sortParameter(['name', 'updatedAt'] as const) });
export type SupplierListQuery = z.infer<typeof supplierListQuerySchema>;
export const supplierListSchema = listResponseSchema(supplierSchema);

/* ---------- Contracts (avtal) with their notice dates ---------- */

export const noticePeriodUnits = ['days', 'weeks', 'months'] as const;
export const noticePeriodSchema = z.strictObject({
  amount: z.number().int().min(0).max(120),
  unit: z.enum(noticePeriodUnits),
});
export type NoticePeriod = z.infer<typeof noticePeriodSchema>;

/** What was decided about the coming term before the notice date: give notice, or let it run on. */
export const noticeDecisions = ['terminate', 'continue'] as const;
export const noticeDecisionSchema = z.enum(noticeDecisions);
export type NoticeDecision = z.infer<typeof noticeDecisionSchema>;

export const contractRecordSchema = recordMetaSchema.extend({
  title: z.string(),
  reference: z.string().nullable(),
  supplierId: idSchema,
  supplierName: z.string(),
  startsOn: dateSchema,
  /** The end of the first term as signed. */
  endsOn: dateSchema,
  noticePeriod: noticePeriodSchema,
  automaticRenewal: z.boolean(),
  /** How long each renewal runs (automatic renewal). */
  renewalMonths: z.number().int().positive().nullable(),
  yearlyCost: z.number().nonnegative().nullable(),
  /** How many days before the notice date the owners of its systems are asked to decide. */
  reminderDays: z.number().int().nonnegative(),
  systems: z.array(z.object({ id: idSchema, name: z.string(), ownerDepartmentId: idSchema.nullable() })),
  licenceIds: z.array(idSchema),
  /** The end of the term running today (an automatic renewal moves it on); the first end before the start. */
  currentTermEndsOn: dateSchema,
  /**
   * The last day to give notice for the current term: its end minus the notice period, moved back
   * to the previous working day on a weekend or a Swedish public holiday.
   */
  noticeDate: dateSchema,
  noticeDecision: noticeDecisionSchema.nullable(),
  noticeDecidedOn: dateSchema.nullable(),
  /** The decision was made within the current term (one from an earlier term does not count for this one). */
  noticeDecidedForTerm: z.boolean(),
  /** The term has ended and does not renew. */
  ended: z.boolean(),
  notes: z.string().nullable(),
});
export type ContractRecord = z.infer<typeof contractRecordSchema>;
export const contractSchema = contractRecordSchema.extend({ can: canSchema(contractActionNames) });
export type Contract = z.infer<typeof contractSchema>;

export const contractCreateSchema = z.strictObject({
  title: requiredText(200),
  reference: optionalText(100),
  supplierId: idSchema,
  startsOn: dateSchema,
  endsOn: dateSchema,
  noticePeriod: noticePeriodSchema,
  automaticRenewal: z.boolean().optional(),
  renewalMonths: z.number().int().min(1).max(120).nullable().optional(),
  yearlyCost: z.number().min(0).max(1e12).nullable().optional(),
  reminderDays: z.number().int().min(0).max(730).optional(),
  systemIds: z.array(idSchema).max(500).optional(),
  noticeDecision: noticeDecisionSchema.nullable().optional(),
  noticeDecidedOn: dateSchema.nullable().optional(),
  notes: optionalText(4000),
});
export type ContractCreate = z.infer<typeof contractCreateSchema>;
export const contractUpdateSchema = contractCreateSchema.partial();
export type ContractUpdate = z.infer<typeof contractUpdateSchema>;

export const contractListQuerySchema = listQuerySchema.extend({
  supplierId: idSchema.optional(),
  systemId: idSchema.optional(),
  /** Only contracts whose notice date lies on or before this day (and is not decided). */
  noticeBefore: dateSchema.optional(),
  sort: sortParameter(['title', 'noticeDate', 'updatedAt'] as const),
});
export type ContractListQuery = z.infer<typeof contractListQuerySchema>;
export const contractListSchema = listResponseSchema(contractSchema);
