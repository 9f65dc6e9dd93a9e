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
import { documentationLinkSchema, lifecycleSchema } from './systems.ts';
import { canSchema, projectActionNames } from './permissions.ts';

/* ---------- Introduction and upgrade projects (§4.2.1) ---------- */

/** införandeprojekt / uppgradering. */
export const projectKinds = ['introduction', 'upgrade'] as const;
export const projectKindSchema = z.enum(projectKinds);
export type ProjectKind = z.infer<typeof projectKindSchema>;

/** The workflow's states; the transitions are data in the server's projects.workflow.ts. */
export const projectStates = ['draft', 'in_preparation', 'submitted', 'approved', 'rejected', 'closed'] as const;
export const projectStateSchema = z.enum(projectStates);
export type ProjectState = z.infer<typeof projectStateSchema>;

/** The workflow's actions, each a route: POST /api/v1/projects/:id/<action> with If-Match. */
export const projectActions = ['start', 'submit', 'approve', 'reject', 'reopen', 'close'] as const;
export const projectActionSchema = z.enum(projectActions);
export type ProjectAction = z.infer<typeof projectActionSchema>;

/** Who is trained: a group, or a named person (ITP-4.2.1-TRAIN-ADMINS names the first two groups). */
export const trainingAudiences = ['system_managers', 'it_unit', 'users', 'other_departments', 'person'] as const;
export const trainingEntrySchema = z.strictObject({
  audience: z.enum(trainingAudiences),
  /**
   * A person in the register: required when audience is `person`, and allowed with a group too,
   * so a plan can name the system manager or the IT technician who is trained.
   */
  personId: idSchema.nullable().optional(),
  description: requiredText(500),
  byDate: dateSchema.nullable().optional(),
});
export type TrainingEntry = z.infer<typeof trainingEntrySchema>;

export const trainingPlanSchema = z.strictObject({
  text: optionalText(8000),
  entries: z.array(trainingEntrySchema).max(100),
});
export type TrainingPlan = z.infer<typeof trainingPlanSchema>;

/** An entry as the API shows it: every field present, the named person's name resolved. */
export const trainingEntryViewSchema = trainingEntrySchema.extend({
  personId: idSchema.nullable(),
  personName: z.string().nullable(),
  byDate: dateSchema.nullable(),
});
export const trainingPlanViewSchema = z.object({ text: z.string().nullable(), entries: z.array(trainingEntryViewSchema) });
export type TrainingPlanView = z.infer<typeof trainingPlanViewSchema>;

export const milestoneSchema = z.strictObject({ title: requiredText(200), date: dateSchema });

/* ---------- Budget (ITP-4.2.1-BUDGET, ITP-6-SHARED-COST) ---------- */

/** The categories of §4.2.1, in the policy's order. */
export const budgetCategories = [
  'project_management',
  'consultants',
  'software',
  'servers',
  'clients',
  'network',
  'communication',
  'training',
] as const;
export type BudgetCategory = (typeof budgetCategories)[number];
/** The shared resources of §6 a project may need to reinforce. */
export const sharedResources = ['network', 'communication', 'servers', 'workstations'] as const;
export type SharedResource = (typeof sharedResources)[number];

const amount = z.number().min(0).max(1_000_000_000).nullable();
/** In SEK. null = not stated (a gap); 0 = stated as nothing. */
export const budgetAmountSchema = z.strictObject({ oneOff: amount, yearly: amount });
export type BudgetAmount = z.infer<typeof budgetAmountSchema>;

export const budgetInputSchema = z.strictObject({
  categories: z.strictObject(
    Object.fromEntries(budgetCategories.map((category) => [category, budgetAmountSchema])) as Record<
      BudgetCategory,
      typeof budgetAmountSchema
    >,
  ),
  sharedReinforcements: z.strictObject(
    Object.fromEntries(sharedResources.map((resource) => [resource, budgetAmountSchema])) as Record<
      SharedResource,
      typeof budgetAmountSchema
    >,
  ),
  note: optionalText(2000),
});
export type BudgetInput = z.infer<typeof budgetInputSchema>;

const totals = z.object({ oneOff: z.number(), yearly: z.number() });
export const budgetSchema = budgetInputSchema.extend({
  revision: z.number().int().positive(),
  recordedAt: timestampSchema,
  recordedByName: z.string(),
  /** Computed by the server; unstated amounts count as 0 here and are listed in `missing`. */
  totals: z.object({ categories: totals, sharedReinforcements: totals, project: totals }),
  /** Paths of amounts not stated, e.g. `categories.network.yearly`. */
  missing: z.array(z.string()),
  complete: z.boolean(),
});
export type Budget = z.infer<typeof budgetSchema>;
export const budgetRevisionListSchema = listResponseSchema(budgetSchema);

/* ---------- Compliance analysis (ITP-4.2.1-COMPLIANCE) ---------- */

export const complianceJudgements = ['meets', 'partly', 'does_not_meet', 'not_applicable'] as const;
export const complianceJudgementSchema = z.enum(complianceJudgements);

export const complianceItemSchema = z.object({
  /** `clause:<clause id>` or `guideline:<section id>`. */
  key: z.string(),
  source: z.enum(['policy', 'security_guidelines']),
  /** The clause ID or the section's code. */
  reference: z.string(),
  titleSv: z.string(),
  titleEn: z.string(),
  judgement: complianceJudgementSchema.nullable(),
  motivation: z.string().nullable(),
  judgedAt: timestampSchema.nullable(),
  judgedByName: z.string().nullable(),
});
export const complianceAnalysisSchema = z.object({
  items: z.array(complianceItemSchema),
  /** Every item judged, with a motivation for anything but `meets`. */
  finished: z.boolean(),
  judgedCount: z.number().int(),
});
export type ComplianceAnalysis = z.infer<typeof complianceAnalysisSchema>;

export const complianceAnalysisUpdateSchema = z.strictObject({
  items: z
    .array(z.strictObject({ key: z.string().max(120), judgement: complianceJudgementSchema.nullable(), motivation: optionalText(4000) }))
    .min(1)
    .max(500),
});
export type ComplianceAnalysisUpdate = z.infer<typeof complianceAnalysisUpdateSchema>;

/* ---------- Operational approval (driftgodkännande, ITP-4.2.1-APPROVAL) ---------- */

export const approvalDecisions = ['approved', 'approved_with_conditions', 'rejected'] as const;
export const approvalDecisionSchema = z.enum(approvalDecisions);
export const approvalConditionSchema = z.strictObject({ text: requiredText(1000), deadline: dateSchema.nullable().optional() });

export const operationalApprovalSchema = z.object({
  id: idSchema,
  decision: approvalDecisionSchema,
  conditions: z.array(approvalConditionSchema),
  approverPersonId: idSchema.nullable(),
  approverName: z.string(),
  decidedOn: dateSchema,
  systemId: idSchema,
  systemName: z.string(),
  /** What exactly was approved: the system's version and the scope of use. */
  approvedVersion: z.string().nullable(),
  scope: z.string().nullable(),
  /** diarienummer */
  caseReference: z.string().nullable(),
  reason: z.string().nullable(),
  recordedAt: timestampSchema,
});
export type OperationalApproval = z.infer<typeof operationalApprovalSchema>;

/** POST /projects/:id/approve. */
export const projectApproveSchema = z.strictObject({
  decision: z.enum(['approved', 'approved_with_conditions']).default('approved'),
  conditions: z.array(approvalConditionSchema).max(50).optional(),
  approvedVersion: optionalText(60),
  scope: requiredText(2000),
  caseReference: optionalText(60),
  decidedOn: dateSchema.optional(),
});
export type ProjectApprove = z.infer<typeof projectApproveSchema>;

/** POST /projects/:id/reject. */
export const projectRejectSchema = z.strictObject({
  reason: requiredText(4000),
  caseReference: optionalText(60),
  decidedOn: dateSchema.optional(),
});
export type ProjectReject = z.infer<typeof projectRejectSchema>;

/** Body of start, submit, reopen and close (all optional). */
export const projectActionBodySchema = z.strictObject({ note: optionalText(1000) });

/* ---------- Checkpoints with the IT unit (ITP-4.2.1-INITIATE, ITP-4.3-ASSIST) ---------- */

export const checkpointSchema = recordMetaSchema.extend({
  projectId: idSchema,
  heldOn: dateSchema,
  participants: z.array(z.string()),
  notes: z.string().nullable(),
  recordedByName: z.string(),
});
export type Checkpoint = z.infer<typeof checkpointSchema>;
export const checkpointCreateSchema = z.strictObject({
  heldOn: dateSchema,
  participants: z.array(requiredText(160)).min(1).max(50),
  notes: optionalText(8000),
});
export type CheckpointCreate = z.infer<typeof checkpointCreateSchema>;
export const checkpointListSchema = listResponseSchema(checkpointSchema);

/* ---------- The project ---------- */

/** One missing piece of a gate: where it is fixed, and the clause that asks for it. */
export const gateGapSchema = z.object({ path: z.string(), message: z.string(), code: z.string() });
export type GateGap = z.infer<typeof gateGapSchema>;

/** A project as stored; the API answers it with the caller's `can` (projectSummarySchema, projectSchema). */
export const projectSummaryRecordSchema = recordMetaSchema.extend({
  kind: projectKindSchema,
  title: z.string(),
  state: projectStateSchema,
  systemId: idSchema,
  systemName: z.string(),
  systemLifecycle: lifecycleSchema,
  departmentId: idSchema,
  departmentName: z.string(),
  projectLeadPersonId: idSchema.nullable(),
  projectLeadName: z.string().nullable(),
  /** Of the current budget revision; null before the first. */
  budgetTotals: z.object({ oneOff: z.number(), yearly: z.number() }).nullable(),
  budgetComplete: z.boolean(),
  submittedAt: timestampSchema.nullable(),
  approvedAt: timestampSchema.nullable(),
});
export type ProjectSummaryRecord = z.infer<typeof projectSummaryRecordSchema>;

/**
 * What the caller may do with a project: change it (update: its documents, budget and compliance
 * analysis), add a checkpoint, and each workflow action. A flag is true when the caller holds
 * the action's permission on the project (department, project lead), the state allows it and,
 * for a decision, separation of duties does; the submit gate is not in it (submitGaps says).
 */
export const projectCanSchema = canSchema(projectActionNames);
export type ProjectCan = z.infer<typeof projectCanSchema>;

export const projectSummarySchema = projectSummaryRecordSchema.extend({ can: projectCanSchema });
export type ProjectSummary = z.infer<typeof projectSummarySchema>;

export const projectRecordSchema = projectSummaryRecordSchema.extend({
  itContactPersonId: idSchema.nullable(),
  itContactName: z.string().nullable(),
  description: z.string().nullable(),
  specification: z.string().nullable(),
  trainingPlan: trainingPlanViewSchema,
  timeline: z.array(milestoneSchema),
  links: z.array(documentationLinkSchema),
  budget: budgetSchema.nullable(),
  complianceAnalysis: complianceAnalysisSchema,
  /** The newest risk analysis of the system (ITP-4.2.1-RISK), if any. */
  riskAnalysis: z.object({ id: idSchema, analysedOn: dateSchema, scenarioCount: z.number().int() }).nullable(),
  checkpoints: z.array(checkpointSchema),
  approvals: z.array(operationalApprovalSchema),
  /** What the submit gate still misses; empty when the project may be submitted. */
  submitGaps: z.array(gateGapSchema),
  /** The actions the workflow allows from the current state (the caller's permissions aside). */
  availableActions: z.array(projectActionSchema),
});
export type ProjectRecord = z.infer<typeof projectRecordSchema>;
export const projectSchema = projectRecordSchema.extend({ can: projectCanSchema });
export type Project = z.infer<typeof projectSchema>;

export const projectCreateSchema = z.strictObject({
  kind: projectKindSchema,
  title: requiredText(200),
  systemId: idSchema,
  /** The initiating department (ITP-4.2.1-INITIATE). */
  departmentId: idSchema,
  projectLeadPersonId: idSchema.nullable().optional(),
  itContactPersonId: idSchema.nullable().optional(),
  description: optionalText(20000),
  specification: optionalText(20000),
  trainingPlan: trainingPlanSchema.optional(),
  timeline: z.array(milestoneSchema).max(100).optional(),
  links: z.array(documentationLinkSchema).max(50).optional(),
});
export type ProjectCreate = z.infer<typeof projectCreateSchema>;

/** The system and department stay: a project for another system is another project. */
export const projectUpdateSchema = projectCreateSchema.omit({ kind: true, systemId: true, departmentId: true }).partial();
export type ProjectUpdate = z.infer<typeof projectUpdateSchema>;

export const projectSortFields = ['title', 'updatedAt', 'createdAt'] as const;
export const projectListQuerySchema = listQuerySchema.extend({
  state: projectStateSchema.optional(),
  departmentId: idSchema.optional(),
  kind: projectKindSchema.optional(),
  systemId: idSchema.optional(),
  sort: sortParameter(projectSortFields),
});
export type ProjectListQuery = z.infer<typeof projectListQuerySchema>;
export const projectListSchema = listResponseSchema(projectSummarySchema).extend({
  /** Sums of the current budgets of every project matching the filters (not only this page). */
  budgetTotals: z.object({ oneOff: z.number(), yearly: z.number() }),
});
