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
} from './common.ts';
import { canSchema, licenceActionNames, softwareActionNames, softwareDecisionActionNames } from './permissions.ts';

/* ---------- Software (programvara, §7: ITP-7-GENERIC, ITP-7-SELF-DEVELOPED, ITP-7-OPEN-SOURCE) ---------- */

/**
 * Where a product comes from, which says what §7 asks of it: commercial software is bought per its
 * licence terms (ITP-7-LICENCE), a self-developed application is used only after a decision of the
 * IT chief (ITP-7-SELF-DEVELOPED), open source only after the IT chief's review (ITP-7-OPEN-SOURCE).
 */
export const softwareOrigins = ['commercial', 'self_developed', 'open_source'] as const;
export const softwareOriginSchema = z.enum(softwareOrigins);
export type SoftwareOrigin = z.infer<typeof softwareOriginSchema>;

/** The origins whose use needs a current decision of the IT chief (the production gate). */
export const decidedOrigins: readonly SoftwareOrigin[] = ['self_developed', 'open_source'];

/**
 * Where the IT chief's decision stands for a product that needs one: none asked for, proposed and
 * waiting, allowed (until its end date), refused, or allowed once but past its end date.
 */
export const decisionStandings = ['not_needed', 'none', 'proposed', 'allowed', 'refused', 'expired'] as const;
export const decisionStandingSchema = z.enum(decisionStandings);
export type DecisionStanding = z.infer<typeof decisionStandingSchema>;

export const softwareRecordSchema = recordMetaSchema.extend({
  product: z.string(),
  maker: z.string().nullable(),
  origin: softwareOriginSchema,
  /** The licence: an SPDX expression for open source (`MIT`, `GPL-3.0-or-later OR MIT`), a free name otherwise. */
  licence: z.string().nullable(),
  description: z.string().nullable(),
  /** The systems that use the product. */
  systems: z.array(z.object({ id: idSchema, name: z.string() })),
  /** The IT chief's decision as it stands today (not_needed for commercial software). */
  decision: z.object({
    standing: decisionStandingSchema,
    /** The decision that gives the standing (the newest one), when there is one. */
    decisionId: idSchema.nullable(),
    validUntil: dateSchema.nullable(),
  }),
});
export type SoftwareRecord = z.infer<typeof softwareRecordSchema>;
export const softwareCanSchema = canSchema(softwareActionNames);
export const softwareSchema = softwareRecordSchema.extend({ can: softwareCanSchema });
export type Software = z.infer<typeof softwareSchema>;

const systemIds = z.array(idSchema).max(500);

/** The licence of an open-source product must be a valid SPDX expression; the server checks it against the SPDX list. */
export const softwareCreateSchema = z.strictObject({
  product: requiredText(200),
  maker: optionalText(200),
  origin: softwareOriginSchema,
  licence: optionalText(200),
  description: optionalText(4000),
  systemIds: systemIds.optional(),
});
export type SoftwareCreate = z.infer<typeof softwareCreateSchema>;

export const softwareUpdateSchema = softwareCreateSchema.partial();
export type SoftwareUpdate = z.infer<typeof softwareUpdateSchema>;

export const softwareListQuerySchema = listQuerySchema.extend({
  origin: softwareOriginSchema.optional(),
  systemId: idSchema.optional(),
  /** Only products with a proposal waiting for the IT chief. */
  awaitingDecision: booleanQuery.optional(),
  sort: sortParameter(['product', 'updatedAt'] as const),
});
export type SoftwareListQuery = z.infer<typeof softwareListQuerySchema>;
export const softwareListSchema = listResponseSchema(softwareSchema);

/* ---------- The IT chief's decisions (beslut och prövning) ---------- */

export const decisionStatuses = ['proposed', 'allowed', 'refused'] as const;
export const decisionStatusSchema = z.enum(decisionStatuses);
export type DecisionStatus = z.infer<typeof decisionStatusSchema>;

/** How the review judges one of stability, security and future-proofing (ITP-7-OPEN-SOURCE). */
export const assessments = ['good', 'acceptable', 'poor'] as const;
export const assessmentSchema = z.enum(assessments);
export type Assessment = z.infer<typeof assessmentSchema>;

export const reviewAspects = ['stability', 'security', 'futureProofing'] as const;
export type ReviewAspect = (typeof reviewAspects)[number];

/** One aspect of the review: the judgement and its evidence (what it rests on). */
export const aspectReviewSchema = z.object({ assessment: assessmentSchema.nullable(), evidence: z.string().nullable() });
export type AspectReview = z.infer<typeof aspectReviewSchema>;
const aspectReviewInput = z.strictObject({ assessment: assessmentSchema.nullable().optional(), evidence: optionalText(4000) });

export const softwareDecisionRecordSchema = recordMetaSchema.extend({
  softwareId: idSchema,
  softwareProduct: z.string(),
  origin: softwareOriginSchema,
  status: decisionStatusSchema,
  /** What the product may be used for (för vad). */
  purpose: z.string().nullable(),
  /** The last day the decision holds; null: until revoked. */
  validUntil: dateSchema.nullable(),
  conditions: z.array(z.string()),
  /** Open source: the review of each aspect (self-developed software may leave them empty). */
  review: z.object({ stability: aspectReviewSchema, security: aspectReviewSchema, futureProofing: aspectReviewSchema }),
  proposedByName: z.string(),
  proposedOn: dateSchema,
  decidedByName: z.string().nullable(),
  decidedOn: dateSchema.nullable(),
  /** Why, in the IT chief's words (a refusal needs one). */
  reason: z.string().nullable(),
  /** Allowed, and today is on or before its last day. */
  current: z.boolean(),
});
export type SoftwareDecisionRecord = z.infer<typeof softwareDecisionRecordSchema>;
export const softwareDecisionCanSchema = canSchema(softwareDecisionActionNames);
export const softwareDecisionSchema = softwareDecisionRecordSchema.extend({ can: softwareDecisionCanSchema });
export type SoftwareDecision = z.infer<typeof softwareDecisionSchema>;

const reviewInput = z.strictObject({
  stability: aspectReviewInput.optional(),
  security: aspectReviewInput.optional(),
  futureProofing: aspectReviewInput.optional(),
});

/** A proposal asks the IT chief for a decision: the IT unit for any product, a system's stewards for their system's. */
export const softwareDecisionCreateSchema = z.strictObject({
  softwareId: idSchema,
  purpose: optionalText(2000),
  validUntil: dateSchema.nullable().optional(),
  conditions: z.array(requiredText(500)).max(50).optional(),
  review: reviewInput.optional(),
});
export type SoftwareDecisionCreate = z.infer<typeof softwareDecisionCreateSchema>;

/** Changing a proposal before the IT chief decides. */
export const softwareDecisionUpdateSchema = softwareDecisionCreateSchema.omit({ softwareId: true });
export type SoftwareDecisionUpdate = z.infer<typeof softwareDecisionUpdateSchema>;

/**
 * The IT chief's decision (POST /software-decisions/:id/decide): allowed (for open source only with
 * every aspect judged and its evidence) or refused (with a reason). Who proposed does not decide.
 */
export const softwareDecisionDecideSchema = z.strictObject({
  decision: z.enum(['allowed', 'refused']),
  purpose: optionalText(2000),
  validUntil: dateSchema.nullable().optional(),
  conditions: z.array(requiredText(500)).max(50).optional(),
  review: reviewInput.optional(),
  reason: optionalText(4000),
  decidedOn: dateSchema.optional(),
});
export type SoftwareDecisionDecide = z.infer<typeof softwareDecisionDecideSchema>;

export const softwareDecisionListQuerySchema = listQuerySchema.extend({
  softwareId: idSchema.optional(),
  status: decisionStatusSchema.optional(),
  sort: sortParameter(['proposedOn', 'updatedAt'] as const),
});
export type SoftwareDecisionListQuery = z.infer<typeof softwareDecisionListQuerySchema>;
export const softwareDecisionListSchema = listResponseSchema(softwareDecisionSchema);

/* ---------- Licences (entitlements as counts, ITP-7-LICENCE) ---------- */

/**
 * What a licence counts: users (assignments), devices (installations), cores, or it covers a site
 * or everything (neither is compared with a count).
 */
export const licenceMetrics = ['per_user', 'per_device', 'per_core', 'site', 'unlimited'] as const;
export const licenceMetricSchema = z.enum(licenceMetrics);
export type LicenceMetric = z.infer<typeof licenceMetricSchema>;

/** What is consumed: installations (devices), assignments (users) and cores. */
export const consumptionKinds = ['installation', 'assignment', 'core'] as const;
export const consumptionKindSchema = z.enum(consumptionKinds);
export type ConsumptionKind = z.infer<typeof consumptionKindSchema>;

/** Which consumption a counted metric is compared with. */
export const consumptionOfMetric: Record<'per_user' | 'per_device' | 'per_core', ConsumptionKind> = {
  per_user: 'assignment',
  per_device: 'installation',
  per_core: 'core',
};

export const licenceRecordSchema = recordMetaSchema.extend({
  softwareId: idSchema,
  softwareProduct: z.string(),
  metric: licenceMetricSchema,
  /** How many users, devices, cores or sites; null only for an unlimited licence. */
  quantity: z.number().int().nonnegative().nullable(),
  validFrom: dateSchema.nullable(),
  validUntil: dateSchema.nullable(),
  contractId: idSchema.nullable(),
  contractTitle: z.string().nullable(),
  notes: z.string().nullable(),
  /** Valid today. */
  current: z.boolean(),
});
export type LicenceRecord = z.infer<typeof licenceRecordSchema>;
export const licenceCanSchema = canSchema(licenceActionNames);
export const licenceSchema = licenceRecordSchema.extend({ can: licenceCanSchema });
export type Licence = z.infer<typeof licenceSchema>;

/** A quantity is a count: never negative; an unlimited licence has none. */
export const licenceCreateSchema = z.strictObject({
  softwareId: idSchema,
  metric: licenceMetricSchema,
  quantity: z.number().int().min(0).max(10_000_000).nullable().optional(),
  validFrom: dateSchema.nullable().optional(),
  validUntil: dateSchema.nullable().optional(),
  contractId: idSchema.nullable().optional(),
  notes: optionalText(2000),
});
export type LicenceCreate = z.infer<typeof licenceCreateSchema>;
export const licenceUpdateSchema = licenceCreateSchema.omit({ softwareId: true }).partial();
export type LicenceUpdate = z.infer<typeof licenceUpdateSchema>;

export const licenceListQuerySchema = listQuerySchema.extend({
  softwareId: idSchema.optional(),
  contractId: idSchema.optional(),
  /** The licences of the software a system uses (the system page's section). */
  systemId: idSchema.optional(),
  sort: sortParameter(['softwareProduct', 'validUntil', 'updatedAt'] as const),
});
export type LicenceListQuery = z.infer<typeof licenceListQuerySchema>;
export const licenceListSchema = listResponseSchema(licenceSchema);

/* ---------- Consumption (counts, per asset or from an inventory) ---------- */

export const consumptionSources = ['asset', 'inventory', 'manual'] as const;
export const consumptionSourceSchema = z.enum(consumptionSources);
export type ConsumptionSource = z.infer<typeof consumptionSourceSchema>;

export const consumptionRecordSchema = recordMetaSchema.extend({
  softwareId: idSchema,
  kind: consumptionKindSchema,
  count: z.number().int().nonnegative(),
  source: consumptionSourceSchema,
  /** The asset the installation is on (source asset). */
  assetId: idSchema.nullable(),
  /** The inventory it came from (source inventory): a re-import of the same inventory replaces its counts. */
  inventory: z.string().nullable(),
  countedOn: dateSchema,
});
export type ConsumptionRecord = z.infer<typeof consumptionRecordSchema>;

export const consumptionCreateSchema = z.strictObject({
  softwareId: idSchema,
  kind: consumptionKindSchema,
  count: z.number().int().min(0).max(10_000_000),
  source: consumptionSourceSchema.optional(),
  assetId: idSchema.nullable().optional(),
  countedOn: dateSchema.optional(),
});
export type ConsumptionCreate = z.infer<typeof consumptionCreateSchema>;

/**
 * The counts of one inventory run (SCCM, Intune, a spreadsheet): all or none, and the inventory's
 * earlier counts are replaced, so importing the same file again changes nothing.
 */
export const consumptionImportSchema = z.strictObject({
  inventory: requiredText(200),
  countedOn: dateSchema.optional(),
  dryRun: z.boolean().optional(),
  rows: z
    .array(z.strictObject({ softwareId: idSchema, kind: consumptionKindSchema, count: z.number().int().min(0).max(10_000_000) }))
    .max(20_000),
});
export type ConsumptionImport = z.infer<typeof consumptionImportSchema>;
export const consumptionImportResultSchema = z.object({
  dryRun: z.boolean(),
  inventory: z.string(),
  replaced: z.number().int().nonnegative(),
  recorded: z.number().int().nonnegative(),
  changed: z.boolean(),
});
export type ConsumptionImportResult = z.infer<typeof consumptionImportResultSchema>;

export const consumptionListQuerySchema = listQuerySchema.omit({ q: true }).extend({
  softwareId: idSchema.optional(),
  assetId: idSchema.optional(),
});
export type ConsumptionListQuery = z.infer<typeof consumptionListQuerySchema>;
export const consumptionListSchema = listResponseSchema(consumptionRecordSchema.extend({ can: z.object({ delete: z.boolean() }) }));

/* ---------- The licence position (entitlement against consumption) ---------- */

export const positionStatuses = ['covered', 'over_consumed', 'expired_consumed', 'unlimited'] as const;
export const positionStatusSchema = z.enum(positionStatuses);
export type PositionStatus = z.infer<typeof positionStatusSchema>;

/**
 * One product and one kind of consumption: what the current licences entitle (overlapping ones add
 * up; null when a site or unlimited licence covers it) against what is consumed.
 */
export const licencePositionRowSchema = z.object({
  softwareId: idSchema,
  softwareProduct: z.string(),
  kind: consumptionKindSchema,
  entitled: z.number().int().nonnegative().nullable(),
  consumed: z.number().int().nonnegative(),
  /** What licences past their last day entitled: consumption they no longer cover. */
  expiredEntitled: z.number().int().nonnegative(),
  status: positionStatusSchema,
});
export type LicencePositionRow = z.infer<typeof licencePositionRowSchema>;

export const licencePositionQuerySchema = listQuerySchema.extend({
  softwareId: idSchema.optional(),
  /** The position of the software a system uses (the system page's section). */
  systemId: idSchema.optional(),
  /** Only the rows whose consumption exceeds what is covered. */
  overOnly: booleanQuery.optional(),
});
export type LicencePositionQuery = z.infer<typeof licencePositionQuerySchema>;
export const licencePositionSchema = listResponseSchema(licencePositionRowSchema).extend({
  /**
   * Rows over their entitlement among the products softwareId or systemId select (the whole
   * municipality without them), whatever overOnly and q: the count a filtered page says beside its rows.
   */
  overCount: z.number().int().nonnegative(),
  asOf: dateSchema,
});
export type LicencePosition = z.infer<typeof licencePositionSchema>;
