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
  timestampSchema,
} from './common.ts';
import { assetActionNames, assetModelActionNames, canSchema } from './permissions.ts';

/* ---------- Equipment (issue #15, §6: ITP-6-STANDARD, ITP-6-OWNED, ITP-6-SCHOOL-NET) ---------- */

export const assetKinds = ['network', 'communication', 'server', 'pc', 'laptop', 'printer', 'phone', 'other'] as const;
export const assetKindSchema = z.enum(assetKinds);
export type AssetKind = z.infer<typeof assetKindSchema>;

/** The kinds §6 names as the IT unit's ("nät, kommunikationsutrustning, servrar, PCar, skrivare"): ITP-6-OWNED. */
export const itUnitOwnedAssetKinds: readonly AssetKind[] = ['network', 'communication', 'server', 'pc', 'laptop', 'printer'];
/** The kinds that are computers for ITP-6-SCHOOL-NET. */
export const computerAssetKinds: readonly AssetKind[] = ['pc', 'laptop'];

/* --- Models: the standard catalogue --- */

export const assetModelRecordSchema = recordMetaSchema.extend({
  kind: assetKindSchema,
  maker: z.string(),
  model: z.string(),
  /** Maker and model, as lists show them. */
  name: z.string(),
  description: z.string().nullable(),
  /** Set only by the IT chief's approval; the model is standard from this day. */
  approvedFrom: dateSchema.nullable(),
  /** The last day it is standard; null: until further notice. */
  approvedUntil: dateSchema.nullable(),
  approvedAt: timestampSchema.nullable(),
  approvedByName: z.string().nullable(),
  /** Approved and today within approvedFrom..approvedUntil. */
  standard: z.boolean(),
  /** Assets of this model not retired. */
  assetCount: z.number().int().nonnegative(),
});
export type AssetModelRecord = z.infer<typeof assetModelRecordSchema>;
export const assetModelSchema = assetModelRecordSchema.extend({ can: canSchema(assetModelActionNames) });
export type AssetModel = z.infer<typeof assetModelSchema>;

export const assetModelCreateSchema = z.strictObject({
  kind: assetKindSchema,
  maker: requiredText(120),
  model: requiredText(120),
  description: optionalText(2000),
});
export type AssetModelCreate = z.infer<typeof assetModelCreateSchema>;
export const assetModelUpdateSchema = z.strictObject({
  kind: assetKindSchema.optional(),
  maker: requiredText(120).optional(),
  model: requiredText(120).optional(),
  description: optionalText(2000),
});
export type AssetModelUpdate = z.infer<typeof assetModelUpdateSchema>;
/** The IT chief's approval (or its end: approvedUntil in the past; approvedFrom null withdraws it). */
export const assetModelApproveSchema = z.strictObject({
  approvedFrom: dateSchema.nullable(),
  approvedUntil: dateSchema.nullable().optional(),
});
export type AssetModelApprove = z.infer<typeof assetModelApproveSchema>;
export const assetModelListQuerySchema = listQuerySchema.extend({
  kind: assetKindSchema.optional(),
  standard: z.enum(['true', 'false']).optional(),
  sort: sortParameter(['name'] as const),
});
export type AssetModelListQuery = z.infer<typeof assetModelListQuerySchema>;
export const assetModelListSchema = listResponseSchema(assetModelSchema);

/* --- Assets --- */

/** Who owns it: the IT unit (the default, §6), a department, or another body (both only with a reason). */
export const assetOwnerKinds = ['it_unit', 'department', 'other'] as const;
export const assetOwnerKindSchema = z.enum(assetOwnerKinds);
export type AssetOwnerKind = z.infer<typeof assetOwnerKindSchema>;

export const assetNetworks = ['town_hall', 'school', 'public', 'none'] as const;
export const assetNetworkSchema = z.enum(assetNetworks);
export type AssetNetwork = z.infer<typeof assetNetworkSchema>;

export const assetLifecycles = ['ordered', 'in_use', 'in_repair', 'retired'] as const;
export const assetLifecycleSchema = z.enum(assetLifecycles);
export type AssetLifecycle = z.infer<typeof assetLifecycleSchema>;

export const assetSystemSchema = z.object({ id: idSchema, name: z.string() });

export const assetRecordSchema = recordMetaSchema.extend({
  kind: assetKindSchema,
  modelId: idSchema.nullable(),
  /** The catalogue model's maker and model; null for a non-standard asset. */
  modelName: z.string().nullable(),
  /** The model is in the catalogue and approved today (ITP-6-STANDARD). */
  standardModel: z.boolean(),
  nonStandardDescription: z.string().nullable(),
  serial: z.string().nullable(),
  inventoryNumber: z.string().nullable(),
  /** The inventory number, else the serial: what lists show. */
  label: z.string(),
  ownerKind: assetOwnerKindSchema,
  ownerDepartmentId: idSchema.nullable(),
  ownerDepartmentName: z.string().nullable(),
  /** The other body's name, for ownerKind 'other'. */
  ownerName: z.string().nullable(),
  ownerReason: z.string().nullable(),
  /** Null when the network details are confidential and withheld from the caller (networkDetailsWithheld, ADR 0030). */
  network: assetNetworkSchema.nullable(),
  /** It has been on the town-hall network at some time: it stays the IT unit's (ITP-6-SCHOOL-NET). */
  everOnTownHall: z.boolean(),
  /** Withheld (null) with the network, as it says where the equipment sits on it. */
  location: z.string().nullable(),
  departmentId: idSchema.nullable(),
  departmentName: z.string().nullable(),
  personId: idSchema.nullable(),
  personName: z.string().nullable(),
  lifecycle: assetLifecycleSchema,
  purchaseDate: dateSchema.nullable(),
  purchaseCost: z.number().nullable(),
  warrantyEnd: dateSchema.nullable(),
  note: z.string().nullable(),
  systems: z.array(assetSystemSchema),
  /** The OSL paragraph that makes the asset's network details secret; null when not marked (ADR 0030). */
  confidentialOslParagraph: z.string().nullable(),
  /** True when the caller may not see the marked network details: network and location are null, the network periods not listed. */
  networkDetailsWithheld: z.boolean(),
});
export type AssetRecord = z.infer<typeof assetRecordSchema>;
export const assetSchema = assetRecordSchema.extend({ can: canSchema(assetActionNames) });
export type Asset = z.infer<typeof assetSchema>;

const assetFields = {
  kind: assetKindSchema,
  modelId: idSchema.nullable().optional(),
  nonStandardDescription: optionalText(200),
  serial: optionalText(120),
  inventoryNumber: optionalText(120),
  ownerKind: assetOwnerKindSchema.optional(),
  ownerDepartmentId: idSchema.nullable().optional(),
  ownerName: optionalText(200),
  ownerReason: optionalText(2000),
  network: assetNetworkSchema.optional(),
  location: optionalText(200),
  departmentId: idSchema.nullable().optional(),
  personId: idSchema.nullable().optional(),
  lifecycle: assetLifecycleSchema.optional(),
  purchaseDate: dateSchema.nullable().optional(),
  purchaseCost: z.number().nonnegative().max(1e10).nullable().optional(),
  warrantyEnd: dateSchema.nullable().optional(),
  note: optionalText(2000),
  systemIds: z.array(idSchema).max(50).optional(),
  /** Marks the network details confidential under this OSL paragraph (e.g. "18 kap. 8 § OSL"); null: not marked. */
  confidentialOslParagraph: optionalText(60),
};
/** Defaults: owner the IT unit, network none, lifecycle in use. A serial or an inventory number is required. */
export const assetCreateSchema = z.strictObject(assetFields);
export type AssetCreate = z.infer<typeof assetCreateSchema>;
export const assetUpdateSchema = z.strictObject({ ...assetFields, kind: assetKindSchema.optional() });
export type AssetUpdate = z.infer<typeof assetUpdateSchema>;

export const assetSortFields = ['label', 'updatedAt'] as const;
export const assetListQuerySchema = listQuerySchema.extend({
  kind: assetKindSchema.optional(),
  network: assetNetworkSchema.optional(),
  ownerKind: assetOwnerKindSchema.optional(),
  modelId: idSchema.optional(),
  /** `none`: assets without a catalogue model. */
  nonStandard: z.enum(['true', 'false']).optional(),
  lifecycle: assetLifecycleSchema.optional(),
  /** The assigned department and its sub-units. */
  departmentId: idSchema.optional(),
  systemId: idSchema.optional(),
  sort: sortParameter(assetSortFields),
});
export type AssetListQuery = z.infer<typeof assetListQuerySchema>;
/** The asset list counts its matches up to this many; beyond it the total says "more than" (issue #15, L = 250,000). */
export const assetListTotalCap = 10_000;
export const assetListSchema = listResponseSchema(assetSchema).extend({
  /** True when more assets match than `total` (the cap): the screen says "more than 10,000". */
  totalCapped: z.boolean(),
});

/** One period on one network; the open one (endedOn null) is the asset's network now. */
export const assetNetworkPeriodSchema = z.object({
  id: idSchema,
  network: assetNetworkSchema,
  startedOn: dateSchema,
  endedOn: dateSchema.nullable(),
  recordedAt: timestampSchema,
  recordedByName: z.string(),
});
export type AssetNetworkPeriod = z.infer<typeof assetNetworkPeriodSchema>;
export const assetNetworkPeriodListSchema = z.object({ items: z.array(assetNetworkPeriodSchema) });
