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
import { canSchema, systemActionNames } from './permissions.ts';

/* ---------- Vocabulary of the register (policy §1, §2, §4.2) ---------- */

/** kommungemensamt (used by several departments) / verksamhetsunikt (one department). */
export const systemKinds = ['shared', 'department'] as const;
/** ITP-1-SCOPE: teaching and public systems are outside the policy's rules. */
export const systemScopes = ['administrative', 'teaching', 'public'] as const;
export const lifecycles = ['planned', 'introducing', 'in_production', 'retiring', 'retired'] as const;
export const hostingModels = ['on_premises', 'supplier_hosted', 'cloud'] as const;
/** ITP-2-COST: yearly costs by category, in SEK. */
export const costCategories = ['licence', 'operation', 'support', 'other'] as const;
export const criticalities = ['low', 'medium', 'high', 'critical'] as const;

export const systemKindSchema = z.enum(systemKinds);
export const systemScopeSchema = z.enum(systemScopes);
export const lifecycleSchema = z.enum(lifecycles);
export const hostingSchema = z.enum(hostingModels);
export type SystemKind = z.infer<typeof systemKindSchema>;
export type SystemScope = z.infer<typeof systemScopeSchema>;
export type Lifecycle = z.infer<typeof lifecycleSchema>;

const money = z.number().min(0).max(1_000_000_000).nullable();
export const yearlyCostsSchema = z.strictObject({
  licence: money,
  operation: money,
  support: money,
  other: money,
});
export type YearlyCosts = z.infer<typeof yearlyCostsSchema>;

export const documentationLinkSchema = z.strictObject({
  title: requiredText(120),
  url: z.url({ protocol: /^https?$/ }).max(2000),
});

/** KLASSA-style information classification, each aspect on 0–4, dated (history is kept). */
const level = z.number().int().min(0).max(4);
export const classificationInputSchema = z.strictObject({
  confidentiality: level,
  integrity: level,
  availability: level,
  traceability: level,
  classifiedOn: dateSchema,
});
export const classificationSchema = classificationInputSchema.extend({
  id: idSchema,
  recordedAt: timestampSchema,
  recordedByName: z.string(),
});
export type Classification = z.infer<typeof classificationSchema>;

export const continuitySchema = z.strictObject({
  criticality: z.enum(criticalities).nullable(),
  recoveryTimeObjectiveHours: z.number().int().min(0).max(100_000).nullable(),
  recoveryPointObjectiveHours: z.number().int().min(0).max(100_000).nullable(),
  lastRestoreTestOn: dateSchema.nullable(),
  supplierSupportEndsOn: dateSchema.nullable(),
});
export type Continuity = z.infer<typeof continuitySchema>;

export const assignmentRoles = ['manager', 'deputy'] as const;
export const assignmentRoleSchema = z.enum(assignmentRoles);
export type AssignmentRole = z.infer<typeof assignmentRoleSchema>;

/** A person as they appear on a system: enough for a table row, no more. */
export const steward = z.object({
  assignmentId: idSchema,
  personId: idSchema,
  name: z.string(),
  employmentStatus: employmentStatusSchema,
});

/* ---------- The business system ---------- */

/** The system as stored; the API answers it with the caller's `can` (systemSchema). */
export const systemRecordSchema = recordMetaSchema.extend({
  name: z.string(),
  description: z.string().nullable(),
  purpose: z.string().nullable(),
  kind: systemKindSchema,
  scope: systemScopeSchema,
  lifecycle: lifecycleSchema,
  supplier: z.string().nullable(),
  product: z.string().nullable(),
  productVersion: z.string().nullable(),
  hosting: hostingSchema.nullable(),
  ownerDepartmentId: idSchema,
  ownerDepartmentName: z.string(),
  usingDepartmentIds: z.array(idSchema),
  yearlyCosts: yearlyCostsSchema,
  documentationLinks: z.array(documentationLinkSchema),
  processesPersonalData: z.boolean(),
  classification: classificationSchema.nullable(),
  continuity: continuitySchema,
  nis2: z.boolean(),
  userCount: z.number().int().nullable(),
  tags: z.array(z.string()),
  lastConfirmedAt: timestampSchema.nullable(),
  lastConfirmedByName: z.string().nullable(),
  /** The current system manager (systemansvarig), if any. */
  manager: steward.nullable(),
  /** The current deputies (ersättare). */
  deputies: z.array(steward),
  /** No active manager, or no active deputy other than the manager, while not retired. */
  uncovered: z.boolean(),
});
export type SystemRecord = z.infer<typeof systemRecordSchema>;

/** What the caller may do with a system and on it (its integrations, risk analyses, reviews, change notices). */
export const systemCanSchema = canSchema(systemActionNames);
export type SystemCan = z.infer<typeof systemCanSchema>;

export const systemSchema = systemRecordSchema.extend({ can: systemCanSchema });
export type System = z.infer<typeof systemSchema>;

/** A register row: what the list screen shows, nothing more. */
export const systemSummaryRecordSchema = systemRecordSchema
  .pick({
    id: true,
    version: true,
    name: true,
    kind: true,
    scope: true,
    lifecycle: true,
    supplier: true,
    product: true,
    ownerDepartmentId: true,
    ownerDepartmentName: true,
    lastConfirmedAt: true,
    manager: true,
    uncovered: true,
    tags: true,
    updatedAt: true,
  })
  .extend({ deputyCount: z.number().int() });
export type SystemSummaryRecord = z.infer<typeof systemSummaryRecordSchema>;
export const systemSummarySchema = systemSummaryRecordSchema.extend({ can: systemCanSchema });
export type SystemSummary = z.infer<typeof systemSummarySchema>;

const tag = z.string().trim().min(1).max(40);

export const systemCreateSchema = z.strictObject({
  name: requiredText(160),
  description: optionalText(4000),
  purpose: optionalText(4000),
  kind: systemKindSchema,
  scope: systemScopeSchema.default('administrative'),
  lifecycle: lifecycleSchema.default('planned'),
  supplier: optionalText(160),
  product: optionalText(160),
  productVersion: optionalText(60),
  hosting: hostingSchema.nullable().optional(),
  ownerDepartmentId: idSchema,
  usingDepartmentIds: z.array(idSchema).max(200).optional(),
  yearlyCosts: yearlyCostsSchema.partial().optional(),
  documentationLinks: z.array(documentationLinkSchema).max(50).optional(),
  processesPersonalData: z.boolean().optional(),
  classification: classificationInputSchema.optional(),
  continuity: continuitySchema.partial().optional(),
  nis2: z.boolean().optional(),
  userCount: z.number().int().min(0).max(10_000_000).nullable().optional(),
  tags: z.array(tag).max(30).optional(),
});
export type SystemCreate = z.infer<typeof systemCreateSchema>;

export const systemUpdateSchema = systemCreateSchema.partial().extend({
  scope: systemScopeSchema.optional(),
  lifecycle: lifecycleSchema.optional(),
});
export type SystemUpdate = z.infer<typeof systemUpdateSchema>;

export const systemSortFields = ['name', 'lifecycle', 'updatedAt'] as const;
export const systemListQuerySchema = listQuerySchema.extend({
  ownerDepartmentId: idSchema.optional(),
  kind: systemKindSchema.optional(),
  lifecycle: lifecycleSchema.optional(),
  scope: systemScopeSchema.optional(),
  uncovered: booleanQuery.optional(),
  /** Systems not confirmed on or after this date (never confirmed included). */
  unconfirmedSince: dateSchema.optional(),
  /** Systems where this person is the current manager or a deputy ("my systems"). */
  stewardPersonId: idSchema.optional(),
  tag: tag.optional(),
  sort: sortParameter(systemSortFields),
});
export type SystemListQuery = z.infer<typeof systemListQuerySchema>;
export const systemListSchema = listResponseSchema(systemSummarySchema);

export const systemExportQuerySchema = systemListQuerySchema.omit({ limit: true, cursor: true }).extend({
  /** backstage: the register as Backstage catalog entities, multi-document YAML (issue #17 §3; the filters do not apply). */
  format: z.enum(['csv', 'xlsx', 'backstage']).default('csv'),
});
export type SystemExportQuery = z.infer<typeof systemExportQuerySchema>;

export const classificationListSchema = listResponseSchema(classificationSchema);

/* ---------- Responsibility assignments (ITP-4.2-MANAGER, ITP-4.2-DEPUTY, ITP-4.2.2-RESOURCES) ---------- */

export const assignmentSchema = recordMetaSchema.extend({
  systemId: idSchema,
  personId: idSchema,
  personName: z.string(),
  personEmploymentStatus: employmentStatusSchema,
  role: assignmentRoleSchema,
  startDate: dateSchema,
  endDate: dateSchema.nullable(),
  allottedHoursPerWeek: z.number().nullable(),
  current: z.boolean(),
});
export type Assignment = z.infer<typeof assignmentSchema>;

export const assignmentCreateSchema = z.strictObject({
  personId: idSchema,
  role: assignmentRoleSchema,
  startDate: dateSchema.optional(),
  endDate: dateSchema.nullable().optional(),
  allottedHoursPerWeek: z.number().min(0).max(80).nullable().optional(),
});
export type AssignmentCreate = z.infer<typeof assignmentCreateSchema>;

/** Ending an assignment keeps it in the history: who was manager when. */
export const assignmentUpdateSchema = z.strictObject({
  endDate: dateSchema.nullable().optional(),
  allottedHoursPerWeek: z.number().min(0).max(80).nullable().optional(),
});
export type AssignmentUpdate = z.infer<typeof assignmentUpdateSchema>;

export const assignmentListQuerySchema = z.object({ includeEnded: booleanQuery.optional() });
export const assignmentListSchema = listResponseSchema(assignmentSchema);
export const systemAssignmentParamsSchema = z.object({ id: idSchema, assignmentId: idSchema });

/* ---------- The system manager's duties (ITP-4.2.3-DUTIES) ---------- */

export const dutyKeys = [
  'operation_maintenance_development',
  'documentation',
  'security',
  'access_rights',
  'usage_rules',
  'training',
  'user_information',
  'adjacent_systems',
] as const;
export const dutyKeySchema = z.enum(dutyKeys);
export type DutyKey = z.infer<typeof dutyKeySchema>;
export const dutyStatuses = ['not_started', 'in_progress', 'done', 'not_applicable'] as const;
export const dutyStatusSchema = z.enum(dutyStatuses);

export const dutySchema = z.object({
  duty: dutyKeySchema,
  status: dutyStatusSchema,
  evidence: z.string().nullable(),
  confirmedAt: timestampSchema.nullable(),
  confirmedByName: z.string().nullable(),
  /**
   * What the register itself knows of the duty, beside what its keepers wrote. Only "administer
   * access rights" has such evidence (issue #14): the system's open rights (active or awaiting the
   * holder's acknowledgement, what a recertification covers) and the latest date one of them was
   * recertified (null when none has been). Null for every other duty.
   */
  registerEvidence: z.object({ openRights: z.number().int().nonnegative(), lastRecertifiedOn: dateSchema.nullable() }).nullable(),
  version: z.number().int().positive(),
});
export type Duty = z.infer<typeof dutySchema>;
export type DutyRegisterEvidence = NonNullable<Duty['registerEvidence']>;
export const dutyListSchema = z.object({ items: z.array(dutySchema), total: z.number().int(), nextCursor: z.null() });
export const dutyUpdateSchema = z.strictObject({ status: dutyStatusSchema, evidence: optionalText(2000) });
export const systemDutyParamsSchema = z.object({ id: idSchema, duty: dutyKeySchema });

/* ---------- Integrations: the adjacency graph (ITP-4.2-REVIEW, ITP-4.2.3-DUTIES) ---------- */

export const integrationFlows = ['data', 'function'] as const;
export const integrationMethods = ['file', 'api', 'database', 'manual'] as const;
export const integrationFrequencies = ['realtime', 'hourly', 'daily', 'weekly', 'monthly', 'on_demand'] as const;

export const integrationSchema = recordMetaSchema.extend({
  providerSystemId: idSchema,
  providerSystemName: z.string(),
  consumerSystemId: idSchema,
  consumerSystemName: z.string(),
  description: z.string().nullable(),
  flow: z.enum(integrationFlows),
  method: z.enum(integrationMethods),
  frequency: z.enum(integrationFrequencies),
});
export type Integration = z.infer<typeof integrationSchema>;

export const integrationCreateSchema = z.strictObject({
  providerSystemId: idSchema,
  consumerSystemId: idSchema,
  description: optionalText(1000),
  flow: z.enum(integrationFlows).default('data'),
  method: z.enum(integrationMethods),
  frequency: z.enum(integrationFrequencies),
});
export type IntegrationCreate = z.infer<typeof integrationCreateSchema>;
export const integrationUpdateSchema = integrationCreateSchema.omit({ providerSystemId: true, consumerSystemId: true }).partial();
export type IntegrationUpdate = z.infer<typeof integrationUpdateSchema>;
export const integrationListQuerySchema = listQuerySchema.extend({
  /** Integrations where this system is the provider or the consumer. */
  systemId: idSchema.optional(),
  sort: sortParameter(['createdAt'] as const),
});
export type IntegrationListQuery = z.infer<typeof integrationListQuerySchema>;
export const integrationListSchema = listResponseSchema(integrationSchema);

/** A system and its neighbours, for the graph on the system page. */
export const systemGraphSchema = z.object({
  nodes: z.array(z.object({ id: idSchema, name: z.string(), lifecycle: lifecycleSchema, central: z.boolean() })),
  edges: z.array(
    z.object({
      id: idSchema,
      source: idSchema,
      target: idSchema,
      method: z.enum(integrationMethods),
      flow: z.enum(integrationFlows),
      frequency: z.enum(integrationFrequencies),
    }),
  ),
});
export type SystemGraph = z.infer<typeof systemGraphSchema>;

/* ---------- Confirmation (ITP-4.2-REGISTER) ---------- */

export const systemConfirmSchema = z.strictObject({ note: optionalText(500) });

/* ---------- The public register (ITP-2-OPEN) ---------- */

export const publicFields = [
  'purpose',
  'description',
  'ownerDepartment',
  'kind',
  'lifecycle',
  'supplier',
  'product',
  'scope',
  'processesPersonalData',
] as const;
export const publicFieldSchema = z.enum(publicFields);
export type PublicField = z.infer<typeof publicFieldSchema>;
/** Names are always published; personal names of staff never are. */
export const defaultPublicFields: PublicField[] = ['purpose', 'ownerDepartment', 'kind', 'lifecycle', 'supplier'];

/** The lifecycles an administrator may publish; a retired system is never published (issue #12, finding 7). */
export const publicLifecycles = ['planned', 'introducing', 'in_production', 'retiring'] as const;
export const publicLifecycleSchema = z.enum(publicLifecycles);
export type PublicLifecycle = z.infer<typeof publicLifecycleSchema>;
/** Systems in production only: a planned system is a plan, not part of the register the public reads. */
export const defaultPublicLifecycles: PublicLifecycle[] = ['in_production'];

export const publicRegisterSettingsSchema = z.object({
  /** Off until an administrator turns it on. */
  enabled: z.boolean(),
  fields: z.array(publicFieldSchema),
  lifecycles: z.array(publicLifecycleSchema),
  version: z.number().int().positive(),
});
export const publicRegisterSettingsUpdateSchema = z.strictObject({
  enabled: z.boolean(),
  fields: z.array(publicFieldSchema).max(publicFields.length),
  /** Left out: the lifecycles chosen before stay. */
  lifecycles: z.array(publicLifecycleSchema).max(publicLifecycles.length).optional(),
});
export type PublicRegisterSettingsUpdate = z.infer<typeof publicRegisterSettingsUpdateSchema>;

export const publicSystemSchema = z.object({
  id: idSchema,
  name: z.string(),
  purpose: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  ownerDepartment: z.string().optional(),
  kind: systemKindSchema.optional(),
  lifecycle: lifecycleSchema.optional(),
  supplier: z.string().nullable().optional(),
  product: z.string().nullable().optional(),
  scope: systemScopeSchema.optional(),
  processesPersonalData: z.boolean().optional(),
});
export type PublicSystem = z.infer<typeof publicSystemSchema>;
export const publicSystemListQuerySchema = listQuerySchema.extend({
  municipality: z.string().regex(/^\d{4}$/),
});
export const publicSystemListSchema = listResponseSchema(publicSystemSchema).extend({
  municipality: z.object({ code: z.string(), name: z.string() }),
  fields: z.array(publicFieldSchema),
});
export const publicMunicipalityListSchema = z.object({
  items: z.array(z.object({ code: z.string(), name: z.string(), systemCount: z.number().int() })),
});
