import { z } from 'zod';
import { dateSchema, idSchema, listQuerySchema, listResponseSchema, recordMetaSchema, requiredText, timestampSchema } from './common.ts';

/* ---------- Policy packs (ITP-4.1-ADOPT): the policy as data, versioned ---------- */

export const clauseSchema = z.object({
  id: z.string(),
  section: z.string(),
  kind: z.string(),
  titleSv: z.string(),
  titleEn: z.string(),
  textSv: z.string(),
  textEn: z.string(),
  ruleDescriptionSv: z.string().optional(),
  ruleDescriptionEn: z.string().optional(),
  /** Whether Förvalta checks this clause with a rule now. */
  hasRule: z.boolean(),
});
export type ClauseView = z.infer<typeof clauseSchema>;

export const parameterSchema = z.object({
  key: z.string(),
  value: z.number(),
  unit: z.string(),
  descriptionSv: z.string(),
  descriptionEn: z.string(),
});

export const policyDocumentSchema = z.object({
  title: z.string(),
  adoptedBy: z.string(),
  decisionDate: z.string(),
  decisionReference: z.string(),
});

export const policyPackSummarySchema = z.object({
  id: idSchema,
  key: z.string(),
  version: z.string(),
  document: policyDocumentSchema,
  publishedAt: timestampSchema,
  publishedByName: z.string(),
  /** The version results are computed against now. */
  current: z.boolean(),
});
export const policyPackSchema = policyPackSummarySchema.extend({
  clauses: z.array(clauseSchema),
  parameters: z.array(parameterSchema),
});
export type PolicyPackView = z.infer<typeof policyPackSchema>;
export const policyPackListSchema = listResponseSchema(policyPackSummarySchema);

/** A new version of the municipality's pack: changed parameters, texts or document facts. */
export const policyPackVersionCreateSchema = z.strictObject({
  version: requiredText(40),
  document: z
    .strictObject({
      title: requiredText(200),
      adoptedBy: requiredText(120),
      decisionDate: dateSchema,
      decisionReference: requiredText(120),
    })
    .partial()
    .optional(),
  parameters: z.record(z.string().max(80), z.number().int().min(0).max(1200)).optional(),
  clauses: z
    .array(
      z.strictObject({
        id: z.string().max(60),
        titleSv: requiredText(200).optional(),
        titleEn: requiredText(200).optional(),
        textSv: requiredText(8000).optional(),
        textEn: requiredText(8000).optional(),
      }),
    )
    .max(200)
    .optional(),
});
export type PolicyPackVersionCreate = z.infer<typeof policyPackVersionCreateSchema>;

/* ---------- Results ---------- */

export const ruleStatuses = ['pass', 'fail', 'not_applicable'] as const;
export const ruleStatusSchema = z.enum(ruleStatuses);

export const complianceResultSchema = z.object({
  clauseId: z.string(),
  subjectType: z.enum(['system', 'person', 'department', 'document', 'project', 'change_notice', 'software', 'contract', 'incident']),
  subjectId: z.string(),
  subjectName: z.string(),
  departmentId: idSchema.nullable(),
  status: ruleStatusSchema,
  reason: z.string(),
  evidence: z.record(z.string(), z.unknown()),
  fixPath: z.string(),
});
export type ComplianceResult = z.infer<typeof complianceResultSchema>;

export const complianceResultQuerySchema = listQuerySchema.extend({
  rule: z.string().max(60).optional(),
  department: idSchema.optional(),
  system: idSchema.optional(),
  /**
   * Several systems at once, comma-separated (at most 50): a list page asks for its rows' results
   * in one request instead of one request per row.
   */
  systems: z
    .string()
    .max(50 * 37)
    .transform((value) => value.split(',').filter((part) => part !== ''))
    .pipe(z.array(idSchema).min(1).max(50))
    .optional(),
  status: ruleStatusSchema.optional(),
  /** `nis2`: the results as the Cybersecurity Act's measures count them (ADR 0037); the policy by default. */
  framework: z.enum(['policy', 'nis2']).optional(),
});
export type ComplianceResultQuery = z.infer<typeof complianceResultQuerySchema>;
export const complianceResultListSchema = listResponseSchema(complianceResultSchema).extend({
  pack: z.object({ id: idSchema, key: z.string(), version: z.string() }),
  evaluatedAt: timestampSchema,
});

const counts = {
  passed: z.number().int(),
  failed: z.number().int(),
  notApplicable: z.number().int(),
  score: z.number().nullable(),
};

/**
 * A clause as a whole: met, failed, nothing applicable, not checked (no rule in Förvalta yet) or
 * structural (the data model guarantees it, so it is kept out of the share).
 */
export const clauseChecks = ['met', 'failed', 'not_applicable', 'not_checked', 'structural'] as const;
export const clauseCheckSchema = z.enum(clauseChecks);
export type ClauseCheck = z.infer<typeof clauseCheckSchema>;

export const complianceSummarySchema = z.object({
  pack: z.object({ id: idSchema, key: z.string(), version: z.string(), title: z.string() }),
  evaluatedAt: timestampSchema,
  /** Set when the summary is limited to a department and its sub-units. */
  departmentId: idSchema.nullable(),
  /** The share: over the results of the clauses that are checked and not structural. */
  overall: z.object(counts),
  /** How many of the pack's rule clauses are in each clause check; the share covers met, failed and notApplicable. */
  clauseChecks: z.object({
    met: z.number().int(),
    failed: z.number().int(),
    notApplicable: z.number().int(),
    notChecked: z.number().int(),
    structural: z.number().int(),
  }),
  /** Every clause of kind rule in the pack, those Förvalta does not check yet included. */
  clauses: z.array(
    z.object({
      clauseId: z.string(),
      section: z.string(),
      titleSv: z.string(),
      titleEn: z.string(),
      check: clauseCheckSchema,
      /** The IT policy's clauses whose rules are this clause's evidence (a framework's measure, ADR 0037); empty for the policy's own. */
      evidenceClauseIds: z.array(z.string()),
      /** The clause's text and its check in words (parameters filled in), so a framework without a stored pack (the Act's) has its clause pages. */
      textSv: z.string(),
      textEn: z.string(),
      ruleDescriptionSv: z.string().nullable(),
      ruleDescriptionEn: z.string().nullable(),
      ...counts,
    }),
  ),
  departments: z.array(
    z.object({
      departmentId: idSchema.nullable(),
      departmentName: z.string().nullable(),
      ...counts,
      clauses: z.array(z.object({ clauseId: z.string(), ...counts })),
    }),
  ),
  /** One point per day a snapshot was stored, oldest first. */
  trend: z.array(z.object({ date: dateSchema, score: z.number().nullable(), passed: z.number().int(), failed: z.number().int() })),
});
export type ComplianceSummaryView = z.infer<typeof complianceSummarySchema>;
/** The frameworks a municipality is judged by: its own IT policy pack, and the Cybersecurity Act (NIS2) on the same rules. */
export const complianceFrameworks = ['policy', 'nis2'] as const;
export type ComplianceFramework = (typeof complianceFrameworks)[number];
export const complianceSummaryQuerySchema = z.object({
  department: idSchema.optional(),
  /** `nis2`: the Act's measures, judged by the policy's rules they name as evidence (ADR 0037); the policy by default. */
  framework: z.enum(complianceFrameworks).optional(),
});

/* ---------- Exceptions (undantag): a clause switched off, with a reason ---------- */

export const complianceExceptionSchema = recordMetaSchema.extend({
  clauseId: z.string(),
  reason: z.string(),
  decidedBy: z.string(),
  until: dateSchema.nullable(),
});
export type ComplianceException = z.infer<typeof complianceExceptionSchema>;
export const complianceExceptionCreateSchema = z.strictObject({
  clauseId: z.string().max(60),
  reason: requiredText(2000),
  until: dateSchema.nullable().optional(),
});
export const complianceExceptionListSchema = listResponseSchema(complianceExceptionSchema);
