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
import { documentKindSchema } from './documents.ts';
import {
  accessLevelActionNames,
  accessRightActionNames,
  canSchema,
  recertificationActionNames,
  roleTemplateActionNames,
} from './permissions.ts';

/* ---------- Access rights (behörigheter: ITP-3-INFORM-NEW, ITP-4.2.3-DUTIES "administer access rights") ---------- */

/* --- A system's access levels: the roles the system itself knows ("Läsare", "Handläggare", "Administratör") --- */

export const accessLevelRecordSchema = recordMetaSchema.extend({
  systemId: idSchema,
  name: z.string(),
  description: z.string().nullable(),
  /** Administrator-like levels: recertified more often and counted by the privileged-holders rule. */
  privileged: z.boolean(),
  /** Rights not yet ended at this level (a level with any right, ended ones included, cannot be deleted). */
  activeRightCount: z.number().int().nonnegative(),
});
export type AccessLevelRecord = z.infer<typeof accessLevelRecordSchema>;
export const accessLevelSchema = accessLevelRecordSchema.extend({ can: canSchema(accessLevelActionNames) });
export type AccessLevel = z.infer<typeof accessLevelSchema>;

export const accessLevelCreateSchema = z.strictObject({
  name: requiredText(120),
  description: optionalText(2000),
  privileged: z.boolean().default(false),
});
export type AccessLevelCreate = z.infer<typeof accessLevelCreateSchema>;
export const accessLevelUpdateSchema = z.strictObject({
  name: requiredText(120).optional(),
  description: optionalText(2000),
  privileged: z.boolean().optional(),
});
export type AccessLevelUpdate = z.infer<typeof accessLevelUpdateSchema>;
export const accessLevelListQuerySchema = listQuerySchema.extend({
  privileged: booleanQuery.optional(),
  sort: sortParameter(['name'] as const),
});
export type AccessLevelListQuery = z.infer<typeof accessLevelListQuerySchema>;
export const accessLevelListSchema = listResponseSchema(accessLevelSchema);
export const systemAccessLevelParamsSchema = z.object({ id: idSchema, levelId: idSchema });

/* --- Access rights: person × system × level --- */

/**
 * `pending_acknowledgement`: a person's first right, granted before they acknowledged the current
 * IT policy and security guidelines (ITP-3-INFORM-NEW); it becomes `active` in the transaction of
 * the acknowledgement that completes them, or by the system manager's recorded exception.
 * `active`: in force. `ended`: ended (never deleted: the history stays).
 */
export const accessRightStates = ['pending_acknowledgement', 'active', 'ended'] as const;
export const accessRightStateSchema = z.enum(accessRightStates);
export type AccessRightState = z.infer<typeof accessRightStateSchema>;

/** Where a right came from: granted here, or imported from the system itself or from the directory. */
export const accessRightSources = ['granted', 'imported_system', 'imported_directory'] as const;
export const accessRightSourceSchema = z.enum(accessRightSources);
export type AccessRightSource = z.infer<typeof accessRightSourceSchema>;

/**
 * How a right became active: `acknowledged` (the person had acknowledged the current documents
 * when it was activated), `exception` (the system manager activated it anyway, with a reason),
 * `not_gated` (not the person's first right), `imported` (recorded as found in the system or
 * directory). Null while pending.
 */
export const accessRightActivations = ['acknowledged', 'exception', 'not_gated', 'imported'] as const;
export const accessRightActivationSchema = z.enum(accessRightActivations);
export type AccessRightActivation = z.infer<typeof accessRightActivationSchema>;

/** Why a right was flagged for removal: its holder left (end date reached, or marked left). */
export const accessRightFlagReasons = ['person_left'] as const;

/** Why a right was ended. */
export const accessRightEndReasons = ['ended', 'recertification', 'person_left', 'imported'] as const;
export const accessRightEndReasonSchema = z.enum(accessRightEndReasons);

export const accessRightRecordSchema = recordMetaSchema.extend({
  personId: idSchema,
  personName: z.string(),
  personEmail: z.string(),
  personDepartmentId: idSchema.nullable(),
  personEmploymentStatus: z.enum(['active', 'left']),
  systemId: idSchema,
  systemName: z.string(),
  levelId: idSchema,
  levelName: z.string(),
  privileged: z.boolean(),
  state: accessRightStateSchema,
  source: accessRightSourceSchema,
  startDate: dateSchema,
  /** A planned end (a temporary right); the right is ended by a use case, not by the date alone. */
  endDate: dateSchema.nullable(),
  reason: z.string().nullable(),
  caseReference: z.string().nullable(),
  grantedAt: timestampSchema,
  grantedByPersonId: idSchema.nullable(),
  grantedByName: z.string(),
  activatedAt: timestampSchema.nullable(),
  activation: accessRightActivationSchema.nullable(),
  /** The system manager's written reason for activating it before the acknowledgement. */
  exceptionReason: z.string().nullable(),
  exceptionByName: z.string().nullable(),
  /** Its holder has left: to be ended by the system's manager or deputy. */
  flaggedForRemoval: z.boolean(),
  flaggedAt: timestampSchema.nullable(),
  endedAt: timestampSchema.nullable(),
  endedByName: z.string().nullable(),
  endReason: accessRightEndReasonSchema.nullable(),
  endNote: z.string().nullable(),
  /** The last recertification decision that kept it (a Swedish date). */
  lastRecertifiedOn: dateSchema.nullable(),
});
export type AccessRightRecord = z.infer<typeof accessRightRecordSchema>;
export const accessRightSchema = accessRightRecordSchema.extend({ can: canSchema(accessRightActionNames) });
export type AccessRight = z.infer<typeof accessRightSchema>;

export const accessRightSortFields = ['personName', 'systemName', 'startDate', 'grantedAt'] as const;
export const accessRightListQuerySchema = listQuerySchema.extend({
  systemId: idSchema.optional(),
  personId: idSchema.optional(),
  /** The holders' department and its sub-units. */
  departmentId: idSchema.optional(),
  state: accessRightStateSchema.optional(),
  flagged: booleanQuery.optional(),
  levelId: idSchema.optional(),
  privileged: booleanQuery.optional(),
  source: accessRightSourceSchema.optional(),
  sort: sortParameter(accessRightSortFields),
});
export type AccessRightListQuery = z.infer<typeof accessRightListQuerySchema>;
export const accessRightListSchema = listResponseSchema(accessRightSchema);

export const accessRightGrantSchema = z.strictObject({
  personId: idSchema,
  systemId: idSchema,
  levelId: idSchema,
  /** Today when left out; not before today for a right granted here. */
  startDate: dateSchema.optional(),
  endDate: dateSchema.nullable().optional(),
  reason: optionalText(2000),
  caseReference: optionalText(120),
});
export type AccessRightGrant = z.infer<typeof accessRightGrantSchema>;

/** One document of the gate: the current adopted version of the IT policy or the security guidelines. */
export const accessGateDocumentSchema = z.object({
  documentId: idSchema,
  documentKind: documentKindSchema,
  documentTitle: z.string(),
  versionId: idSchema,
  versionNumber: z.number().int(),
  acknowledged: z.boolean(),
});

/**
 * The first-grant gate for one person (ITP-3-INFORM-NEW): whether they hold any right yet, and
 * their standing with the current IT policy and security guidelines. A grant is held pending when
 * `firstRight` and not `acknowledged`.
 */
export const accessGateSchema = z.object({
  personId: idSchema,
  /** They hold no right yet that is active or pending (in any system). */
  firstRight: z.boolean(),
  /** They have acknowledged every current document of the gate (true when there is none adopted). */
  acknowledged: z.boolean(),
  /** A grant now would be created as pending_acknowledgement. */
  wouldBePending: z.boolean(),
  documents: z.array(accessGateDocumentSchema),
});
export type AccessGate = z.infer<typeof accessGateSchema>;
export const accessGateQuerySchema = z.object({ personId: idSchema });

/** A grant's answer: the right, and the gate as it stood (tells the granter it waits for the acknowledgement). */
export const accessRightGrantedSchema = z.object({ right: accessRightSchema, gate: accessGateSchema });
export type AccessRightGranted = z.infer<typeof accessRightGrantedSchema>;

export const accessRightEndSchema = z.strictObject({
  /** Today when left out; not in the future. */
  endDate: dateSchema.optional(),
  note: optionalText(2000),
});
export type AccessRightEnd = z.infer<typeof accessRightEndSchema>;

/** The system manager activates a pending right before the acknowledgement: a written reason is required and audited. */
export const accessRightActivateSchema = z.strictObject({ exceptionReason: requiredText(2000) });
export type AccessRightActivate = z.infer<typeof accessRightActivateSchema>;

/** The rights to be created in the system or the directory, as CSV (the product records; it does not provision). */
export const accessRightExportQuerySchema = z.object({
  systemId: idSchema.optional(),
  /** Rights granted on or after this day (default: all not ended). */
  grantedSince: dateSchema.optional(),
  state: accessRightStateSchema.optional(),
});
export type AccessRightExportQuery = z.infer<typeof accessRightExportQuerySchema>;

/* --- Recertification campaigns (återcertifiering) --- */

/** A campaign covers one system, or every system a department owns (with its sub-units). */
export const recertificationScopes = ['system', 'department'] as const;
export const recertificationScopeSchema = z.enum(recertificationScopes);
export const recertificationDecisions = ['keep', 'end'] as const;
export const recertificationDecisionSchema = z.enum(recertificationDecisions);
export type RecertificationDecision = z.infer<typeof recertificationDecisionSchema>;

export const recertificationProgressSchema = z.object({
  total: z.number().int().nonnegative(),
  kept: z.number().int().nonnegative(),
  ended: z.number().int().nonnegative(),
  undecided: z.number().int().nonnegative(),
});
export type RecertificationProgress = z.infer<typeof recertificationProgressSchema>;

export const recertificationRecordSchema = recordMetaSchema.extend({
  title: z.string(),
  scope: recertificationScopeSchema,
  systemId: idSchema.nullable(),
  systemName: z.string().nullable(),
  departmentId: idSchema.nullable(),
  departmentName: z.string().nullable(),
  dueDate: dateSchema,
  startedAt: timestampSchema,
  startedByName: z.string(),
  /** Every right of the campaign decided. Undecided rights past the due date stay open and show as overdue. */
  completed: z.boolean(),
  overdue: z.boolean(),
  progress: recertificationProgressSchema,
  /** The systems the campaign covers (one for a system's campaign). */
  systemCount: z.number().int().nonnegative(),
});
export type RecertificationRecord = z.infer<typeof recertificationRecordSchema>;
export const recertificationSchema = recertificationRecordSchema.extend({ can: canSchema(recertificationActionNames) });
export type Recertification = z.infer<typeof recertificationSchema>;

export const recertificationCreateSchema = z
  .strictObject({
    title: requiredText(200),
    scope: recertificationScopeSchema,
    systemId: idSchema.optional(),
    departmentId: idSchema.optional(),
    dueDate: dateSchema,
  })
  .refine((body) => (body.scope === 'system' ? body.systemId !== undefined && body.departmentId === undefined : true), {
    message: 'A system campaign names its system (and no department).',
    path: ['systemId'],
  })
  .refine((body) => (body.scope === 'department' ? body.departmentId !== undefined && body.systemId === undefined : true), {
    message: 'A department campaign names its department (and no system).',
    path: ['departmentId'],
  });
export type RecertificationCreate = z.infer<typeof recertificationCreateSchema>;

export const recertificationListQuerySchema = listQuerySchema.extend({
  systemId: idSchema.optional(),
  departmentId: idSchema.optional(),
  completed: booleanQuery.optional(),
  sort: sortParameter(['dueDate', 'startedAt'] as const),
});
export type RecertificationListQuery = z.infer<typeof recertificationListQuerySchema>;
export const recertificationListSchema = listResponseSchema(recertificationSchema);

/** One right in a campaign, with its decision (null: undecided). */
export const recertificationItemSchema = z.object({
  campaignId: idSchema,
  rightId: idSchema,
  personId: idSchema,
  personName: z.string(),
  personEmploymentStatus: z.enum(['active', 'left']),
  systemId: idSchema,
  systemName: z.string(),
  levelName: z.string(),
  privileged: z.boolean(),
  rightState: accessRightStateSchema,
  flaggedForRemoval: z.boolean(),
  decision: recertificationDecisionSchema.nullable(),
  decidedAt: timestampSchema.nullable(),
  decidedByName: z.string().nullable(),
  note: z.string().nullable(),
  /** The caller may decide this right (a manager or deputy of its system). */
  canDecide: z.boolean(),
});
export type RecertificationItem = z.infer<typeof recertificationItemSchema>;
export const recertificationItemListQuerySchema = listQuerySchema.extend({
  systemId: idSchema.optional(),
  /** `undecided`, or one decision. */
  decision: z.enum(['undecided', ...recertificationDecisions]).optional(),
  sort: sortParameter(['personName', 'systemName'] as const),
});
export type RecertificationItemListQuery = z.infer<typeof recertificationItemListQuerySchema>;
export const recertificationItemListSchema = listResponseSchema(recertificationItemSchema);

/**
 * Decisions on rights of a campaign: the listed ones, or every undecided one (of a system). The
 * caller confirms how many it means (`expectedCount`); a different count is refused (409), so a
 * bulk "end all" never ends more than the person saw.
 */
export const recertificationDecideSchema = z
  .strictObject({
    decision: recertificationDecisionSchema,
    rightIds: z.array(idSchema).min(1).max(1000).optional(),
    allUndecided: z.strictObject({ systemId: idSchema.optional() }).optional(),
    expectedCount: z.number().int().min(1).max(1_000_000),
    note: optionalText(2000),
  })
  .refine((body) => (body.rightIds === undefined) !== (body.allUndecided === undefined), {
    message: 'Give either rightIds or allUndecided.',
    path: ['rightIds'],
  });
export type RecertificationDecide = z.infer<typeof recertificationDecideSchema>;
export const recertificationDecidedSchema = z.object({
  campaign: recertificationSchema,
  decided: z.number().int().nonnegative(),
  ended: z.number().int().nonnegative(),
});
export type RecertificationDecided = z.infer<typeof recertificationDecidedSchema>;

/* --- Role templates (a business role bundling levels in several systems) --- */

export const roleTemplateLevelSchema = z.object({
  levelId: idSchema,
  levelName: z.string(),
  systemId: idSchema,
  systemName: z.string(),
  privileged: z.boolean(),
});
export const roleTemplateRecordSchema = recordMetaSchema.extend({
  name: z.string(),
  description: z.string().nullable(),
  /** The department whose people it is meant for (its head may apply it); null for the whole municipality. */
  departmentId: idSchema.nullable(),
  levels: z.array(roleTemplateLevelSchema),
});
export type RoleTemplateRecord = z.infer<typeof roleTemplateRecordSchema>;
export const roleTemplateSchema = roleTemplateRecordSchema.extend({ can: canSchema(roleTemplateActionNames) });
export type RoleTemplate = z.infer<typeof roleTemplateSchema>;

export const roleTemplateCreateSchema = z.strictObject({
  name: requiredText(160),
  description: optionalText(2000),
  departmentId: idSchema.nullable().optional(),
  levelIds: z.array(idSchema).min(1).max(100),
});
export type RoleTemplateCreate = z.infer<typeof roleTemplateCreateSchema>;
export const roleTemplateUpdateSchema = z.strictObject({
  name: requiredText(160).optional(),
  description: optionalText(2000),
  departmentId: idSchema.nullable().optional(),
  levelIds: z.array(idSchema).min(1).max(100).optional(),
});
export type RoleTemplateUpdate = z.infer<typeof roleTemplateUpdateSchema>;
export const roleTemplateListQuerySchema = listQuerySchema.extend({
  departmentId: idSchema.optional(),
  sort: sortParameter(['name'] as const),
});
export type RoleTemplateListQuery = z.infer<typeof roleTemplateListQuerySchema>;
export const roleTemplateListSchema = listResponseSchema(roleTemplateSchema);

/** Applying a template to a person requests each of its rights in one step, all behind the same gate. */
export const roleTemplateApplySchema = z.strictObject({
  personId: idSchema,
  startDate: dateSchema.optional(),
  endDate: dateSchema.nullable().optional(),
  reason: optionalText(2000),
  caseReference: optionalText(120),
});
export type RoleTemplateApply = z.infer<typeof roleTemplateApplySchema>;
export const roleTemplateAppliedSchema = z.object({
  /** The rights created (a level the person already holds, active or pending, is left as it is). */
  rights: z.array(accessRightSchema),
  /** Levels skipped because the person already holds them. */
  alreadyHeld: z.number().int().nonnegative(),
  gate: accessGateSchema,
});
export type RoleTemplateApplied = z.infer<typeof roleTemplateAppliedSchema>;
