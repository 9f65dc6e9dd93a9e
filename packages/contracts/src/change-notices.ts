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
import { canSchema, changeNoticeActionNames } from './permissions.ts';

/* ---------- Change notices (ändringsanmälan: ITP-4.2.2-CHANGE-NOTICE) ---------- */

export const changeNoticeKinds = ['operation', 'responsibility'] as const;
export const changeNoticeKindSchema = z.enum(changeNoticeKinds);
export const changeNoticeSources = ['manual', 'automatic'] as const;
export const changeNoticeStatuses = ['open', 'acknowledged'] as const;
export const changeNoticeStatusSchema = z.enum(changeNoticeStatuses);

/** A change notice as stored; the API answers it with the caller's `can` (changeNoticeSchema). */
export const changeNoticeRecordSchema = recordMetaSchema.extend({
  kind: changeNoticeKindSchema,
  title: z.string(),
  description: z.string().nullable(),
  plannedOn: dateSchema.nullable(),
  systems: z.array(z.object({ id: idSchema, name: z.string() })),
  source: z.enum(changeNoticeSources),
  status: changeNoticeStatusSchema,
  createdByName: z.string(),
  acknowledgedByName: z.string().nullable(),
  acknowledgedAt: timestampSchema.nullable(),
  acknowledgementNote: z.string().nullable(),
  /** Besides the IT unit's queue: the managers of systems adjacent through an integration. */
  recipientPersonIds: z.array(idSchema),
  /** The last day to acknowledge (working days, Swedish public holidays excluded). */
  acknowledgeBy: dateSchema,
  /** Still open after acknowledgeBy. */
  overdue: z.boolean(),
});
export type ChangeNoticeRecord = z.infer<typeof changeNoticeRecordSchema>;
export const changeNoticeCanSchema = canSchema(changeNoticeActionNames);
export const changeNoticeSchema = changeNoticeRecordSchema.extend({ can: changeNoticeCanSchema });
export type ChangeNotice = z.infer<typeof changeNoticeSchema>;

/** One side of a change of responsibility: a person (manager, deputy) or a department (owner). */
export const responsibilityHolderSchema = z.object({ personId: idSchema.nullable(), departmentId: idSchema.nullable(), name: z.string() });

/**
 * What an automatic notice records: who held the role the day before the change and who holds
 * it from the change on (several deputies may hold the role at once).
 */
export const responsibilityChangeSchema = z.object({
  role: z.enum(['owner', 'manager', 'deputy']),
  change: z.enum(['appointed', 'ended', 'transferred']),
  /** The first day of the new state. */
  effectiveOn: dateSchema.nullable(),
  before: z.array(responsibilityHolderSchema),
  after: z.array(responsibilityHolderSchema),
});
export type ResponsibilityChange = z.infer<typeof responsibilityChangeSchema>;

/** One notice in full, as its own page shows it: who it went to by name, and what changed for an automatic one. */
export const changeNoticeDetailSchema = changeNoticeSchema.extend({
  /** The managers of adjacent systems it was sent to, with the adjacent systems they manage today. */
  recipients: z.array(
    z.object({ personId: idSchema, name: z.string(), email: z.string(), systems: z.array(z.object({ id: idSchema, name: z.string() })) }),
  ),
  /** Only for automatic notices from a change of owner, manager or deputy. */
  responsibilityChange: responsibilityChangeSchema.nullable(),
  /** The municipality's limit for acknowledging, in working days (Swedish public holidays excluded). */
  acknowledgeWithinWorkingDays: z.number().int(),
});
export type ChangeNoticeDetail = z.infer<typeof changeNoticeDetailSchema>;

export const changeNoticeCreateSchema = z.strictObject({
  kind: changeNoticeKindSchema,
  title: requiredText(200),
  description: optionalText(8000),
  plannedOn: dateSchema.nullable().optional(),
  systemIds: z.array(idSchema).min(1).max(50),
  /** Whether the change touches the systems' integrations: then the adjacent systems' managers are told too. */
  touchesIntegrations: z.boolean().optional(),
});
export type ChangeNoticeCreate = z.infer<typeof changeNoticeCreateSchema>;

export const changeNoticeAcknowledgeSchema = z.strictObject({ note: optionalText(2000) });

export const changeNoticeListQuerySchema = listQuerySchema.extend({
  status: changeNoticeStatusSchema.optional(),
  kind: changeNoticeKindSchema.optional(),
  systemId: idSchema.optional(),
  /** Notices sent to this person (as an adjacent system's manager). */
  recipientPersonId: idSchema.optional(),
  source: z.enum(changeNoticeSources).optional(),
  /** Open longer than the municipality's acknowledgement limit. */
  overdue: booleanQuery.optional(),
  /** `queue`: open first, oldest first, then acknowledged, newest first (the inbox's order). */
  sort: sortParameter(['createdAt', 'queue'] as const),
});
export type ChangeNoticeListQuery = z.infer<typeof changeNoticeListQuerySchema>;
export const changeNoticeListSchema = listResponseSchema(changeNoticeSchema);
