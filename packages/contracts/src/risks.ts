import { z } from 'zod';
import { dateSchema, idSchema, listResponseSchema, optionalText, recordMetaSchema, requiredText, timestampSchema } from './common.ts';

/* ---------- Risk analyses (riskanalys med konsekvensbeskrivning: ITP-4.2.1-RISK, ITP-4.2.1-RISK-CURRENT) ---------- */

/** The 4×4 matrix: four labels for likelihood (1–4) and four for consequence (1–4), low to high. */
const labels = z.tuple([requiredText(60), requiredText(60), requiredText(60), requiredText(60)]);
export const riskMatrixSchema = z.strictObject({ likelihoodLabels: labels, consequenceLabels: labels });
export type RiskMatrix = z.infer<typeof riskMatrixSchema>;

/** The municipality's matrix setting; each analysis stores a copy so old analyses keep their meaning. */
export const riskMatrixSettingSchema = riskMatrixSchema.extend({ version: z.number().int().positive() });
export const riskMatrixSettingUpdateSchema = riskMatrixSchema;

export const riskTreatments = ['reduce', 'accept', 'avoid', 'transfer'] as const;
export const measureStatuses = ['planned', 'in_progress', 'done'] as const;
const scale = z.number().int().min(1).max(4);

export const riskMeasureSchema = z.strictObject({
  description: requiredText(2000),
  ownerPersonId: idSchema.nullable().optional(),
  dueDate: dateSchema.nullable().optional(),
  status: z.enum(measureStatuses).default('planned'),
});

export const riskAcceptanceSchema = z.strictObject({
  byName: requiredText(160),
  reason: requiredText(2000),
  until: dateSchema.nullable().optional(),
});

export const riskScenarioSchema = z.strictObject({
  threat: requiredText(1000),
  vulnerability: optionalText(2000),
  affectedInformation: optionalText(2000),
  adjacentSystemIds: z.array(idSchema).max(50).optional(),
  /** konsekvensbeskrivning: required by ITP-4.2.1-RISK before a project can be submitted. */
  consequenceDescription: optionalText(8000),
  likelihood: scale,
  consequence: scale,
  existingControls: optionalText(4000),
  treatment: z.enum(riskTreatments),
  measures: z.array(riskMeasureSchema).max(50).optional(),
  residualLikelihood: scale.nullable().optional(),
  residualConsequence: scale.nullable().optional(),
  riskOwnerPersonId: idSchema.nullable().optional(),
  acceptance: riskAcceptanceSchema.nullable().optional(),
});
export type RiskScenarioInput = z.infer<typeof riskScenarioSchema>;

/** POST /systems/:id/risk-analyses, and the body of a revision. */
export const riskAnalysisCreateSchema = z.strictObject({
  scope: requiredText(4000),
  analysedOn: dateSchema,
  participants: z.array(requiredText(160)).max(50),
  scenarios: z.array(riskScenarioSchema).max(200),
  /** The OSL paragraph that makes the analysis secret (e.g. "18 kap. 8 § OSL"); null or absent: not marked (ADR 0030). */
  confidentialOslParagraph: optionalText(60),
});
export type RiskAnalysisCreate = z.infer<typeof riskAnalysisCreateSchema>;

const storedScenario = riskScenarioSchema.extend({
  vulnerability: z.string().nullable(),
  affectedInformation: z.string().nullable(),
  adjacentSystemIds: z.array(idSchema),
  /** The adjacent systems with their current names (read-side only, never sent back). */
  adjacentSystems: z.array(z.object({ id: idSchema, name: z.string() })),
  consequenceDescription: z.string().nullable(),
  existingControls: z.string().nullable(),
  measures: z.array(
    riskMeasureSchema.extend({ ownerPersonId: idSchema.nullable(), ownerName: z.string().nullable(), dueDate: dateSchema.nullable() }),
  ),
  residualLikelihood: scale.nullable(),
  residualConsequence: scale.nullable(),
  riskOwnerPersonId: idSchema.nullable(),
  riskOwnerName: z.string().nullable(),
  acceptance: riskAcceptanceSchema.extend({ until: dateSchema.nullable() }).nullable(),
  /** likelihood × consequence, 1–16. */
  riskLevel: z.number().int(),
  residualRiskLevel: z.number().int().nullable(),
});

export const riskAnalysisSchema = recordMetaSchema.extend({
  systemId: idSchema,
  /** 1 for the first analysis of the system's line, +1 for each revision. */
  revision: z.number().int().positive(),
  /** The analysis this one revises; the old one is kept. */
  previousId: idSchema.nullable(),
  /** Replaced by a newer revision: read-only history. */
  superseded: z.boolean(),
  scope: z.string(),
  analysedOn: dateSchema,
  participants: z.array(z.string()),
  /** The system's information classification when the analysis was made (input to it). */
  classification: z
    .object({
      confidentiality: z.number().int(),
      integrity: z.number().int(),
      availability: z.number().int(),
      traceability: z.number().int(),
      classifiedOn: dateSchema,
    })
    .nullable(),
  matrix: riskMatrixSchema,
  scenarios: z.array(storedScenario),
  recordedByName: z.string(),
  recordedAt: timestampSchema,
  /** The OSL paragraph the analysis is marked confidential under; null when it is not (ADR 0030). */
  confidentialOslParagraph: z.string().nullable(),
  /** True when the caller may not see a confidential analysis's content: scope, participants and scenarios are left out. */
  contentWithheld: z.boolean(),
});
export type RiskAnalysis = z.infer<typeof riskAnalysisSchema>;
export type RiskScenario = RiskAnalysis['scenarios'][number];
export const riskAnalysisListSchema = listResponseSchema(riskAnalysisSchema);
export const systemRiskAnalysisParamsSchema = z.object({ id: idSchema, analysisId: idSchema });
