import { z } from 'zod';
import { dateSchema, idSchema, listResponseSchema, recordMetaSchema, requiredText, timestampSchema } from './common.ts';

/*
 * Policy pack authoring (issue #21): the pack file format a municipality exports, shares and
 * imports, and the drafts it edits before adopting one with its document version. The file
 * format's JSON Schema (docs/policy-pack.schema.json) is generated from policyPackFileSchema:
 * this file is its one source.
 */

/** The kinds a clause can have; information only is never checked nor counted. */
export const packClauseKinds = ['rule', 'gate', 'record', 'notice', 'information'] as const;

/** One kind, or several joined with '+' ('gate+notice') when a clause asks for more than one. */
export const packClauseKindSchema = z
  .string()
  .regex(/^(information|(rule|gate|record|notice)(\+(rule|gate|record|notice)){0,2})$/)
  .describe("One of rule, gate, record, notice, information, or up to three joined with '+' (gate+notice)");

const textInBothLanguages = (maxLength: number) =>
  z.strictObject({ sv: requiredText(maxLength), en: requiredText(maxLength) }).describe('The text in Swedish and in English');

/** Parameter values as the file carries them: whole numbers, their unit and range from the rule registry. */
const parameterValuesSchema = z.record(z.string().regex(/^[a-zA-Z]\w{0,79}$/), z.number().int());

export const packClauseBindingSchema = z
  .strictObject({
    rule: requiredText(80).describe("The rule's id in Förvalta's rule registry (GET /api/v1/policy-rules), e.g. ITP-4.2-DEPUTY"),
    parameters: parameterValuesSchema.describe("A value for every parameter the rule reads, in the parameter's unit"),
  })
  .describe('The rule that checks the clause');

export const packFileClauseSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9.\-_]{0,59}$/)
    .describe("The clause's stable id within the pack, e.g. ITP-4.2-DEPUTY or FALK-3.1-OWNER"),
  section: requiredText(40).describe("The document's section number, e.g. 4.2"),
  kind: packClauseKindSchema,
  title: textInBothLanguages(200),
  text: textInBothLanguages(8000),
  binding: packClauseBindingSchema.nullable().describe('null: no rule checks the clause (a rule clause is counted as not checked)'),
});
export type PackFileClause = z.infer<typeof packFileClauseSchema>;

export const policyPackFileFormatVersion = 1;

export const policyPackFileSchema = z
  .strictObject({
    formatVersion: z.literal(policyPackFileFormatVersion).describe('The version of this file format'),
    key: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{1,59}$/)
      .describe('Identifies the pack across its versions, e.g. tanum-it-policy'),
    version: requiredText(40).describe("The pack's version, e.g. 2027.1"),
    document: z
      .strictObject({
        title: requiredText(200),
        adoptedBy: requiredText(120).describe('The body that adopted the document, e.g. Kommunstyrelsen'),
        decisionDate: dateSchema,
        decisionReference: requiredText(120),
      })
      .describe('The adopted document the pack rests on'),
    parameters: parameterValuesSchema.describe('Values of the parameters no bound clause carries (review intervals of documents)'),
    clauses: z.array(packFileClauseSchema).min(1).max(400),
  })
  .describe('A Förvalta policy pack: a municipality’s policy document as clauses, each bound to a rule or not');
export type PolicyPackFile = z.infer<typeof policyPackFileSchema>;

/* ---------- The rule registry as an author chooses from it ---------- */

export const policyRuleParameterSchema = z.object({
  key: z.string(),
  unit: z.string(),
  minimum: z.number().int(),
  maximum: z.number().int(),
  defaultValue: z.number().int(),
  descriptionSv: z.string(),
  descriptionEn: z.string(),
});

export const policyRuleSchema = z.object({
  id: z.string(),
  subjectType: z.string(),
  titleSv: z.string(),
  titleEn: z.string(),
  descriptionSv: z.string(),
  descriptionEn: z.string(),
  parameters: z.array(policyRuleParameterSchema),
});
export type PolicyRuleView = z.infer<typeof policyRuleSchema>;
export const policyRuleListSchema = listResponseSchema(policyRuleSchema);

/* ---------- Drafts ---------- */

export const policyPackDraftStates = ['draft', 'adopted'] as const;

export const policyPackDraftSummarySchema = recordMetaSchema.extend({
  key: z.string(),
  packVersion: z.string(),
  title: z.string(),
  state: z.enum(policyPackDraftStates),
  clauseCount: z.number().int().nonnegative(),
  createdByName: z.string(),
  /** The published pack version adopting made of it; null while a draft. */
  adoptedPackId: idSchema.nullable(),
});

export const policyPackDraftSchema = policyPackDraftSummarySchema.extend({
  content: policyPackFileSchema,
  can: z.object({ update: z.boolean(), adopt: z.boolean() }),
});
export type PolicyPackDraftView = z.infer<typeof policyPackDraftSchema>;
export const policyPackDraftListSchema = listResponseSchema(policyPackDraftSummarySchema);

export const policyPackDraftUpdateSchema = z.strictObject({ content: policyPackFileSchema });

/** What an evaluation of the draft against the live register would show, per clause. */
export const policyPackPreviewSchema = z.object({
  evaluatedAt: timestampSchema,
  clauses: z.array(
    z.object({
      id: z.string(),
      section: z.string(),
      titleSv: z.string(),
      titleEn: z.string(),
      kind: z.string(),
      /** checked: a rule ran; not_checked: a rule clause without a rule; not_counted: other kinds. */
      status: z.enum(['checked', 'not_checked', 'not_counted']),
      passed: z.number().int().nonnegative(),
      failed: z.number().int().nonnegative(),
      notApplicable: z.number().int().nonnegative(),
    }),
  ),
  totals: z.object({
    passed: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
    checkedClauses: z.number().int().nonnegative(),
    notCheckedClauses: z.number().int().nonnegative(),
  }),
});
export type PolicyPackPreview = z.infer<typeof policyPackPreviewSchema>;

export const policyPackDiffSchema = z.object({
  fromPackId: idSchema.nullable(),
  added: z.array(z.object({ id: z.string(), section: z.string(), titleSv: z.string() })),
  removed: z.array(z.object({ id: z.string(), section: z.string(), titleSv: z.string() })),
  reworded: z.array(z.object({ id: z.string(), fields: z.array(z.string()) })),
  parametersChanged: z.array(z.object({ key: z.string(), from: z.number().nullable(), to: z.number().nullable() })),
  bindingsChanged: z.array(z.object({ id: z.string(), from: z.string().nullable(), to: z.string().nullable() })),
  /** Only parameters changed: earlier acknowledgements of the document carry over (the documents module's rule). */
  editorial: z.boolean(),
});
export type PolicyPackDiff = z.infer<typeof policyPackDiffSchema>;

export const policyPackDiffQuerySchema = z.object({ against: idSchema.optional() });

/** Adopting a draft: the policy document's version it is adopted with and the decision itself. */
export const policyPackDraftAdoptSchema = z.strictObject({
  documentId: idSchema,
  adoptedBy: requiredText(120),
  decisionDate: dateSchema,
  decisionReference: requiredText(120),
  changeSummary: requiredText(2000).optional(),
});
export type PolicyPackDraftAdopt = z.infer<typeof policyPackDraftAdoptSchema>;

/* ---------- Starting from the document ---------- */

/** The query of a document upload: the prefix of the proposed clauses' ids (FALK → FALK-3.1-1). */
export const policyDocumentProposalQuerySchema = z.strictObject({
  prefix: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,19}$/)
    .optional(),
});

/** The clauses proposed from an uploaded policy document (DOCX, PDF with text or plain text). */
export const policyDocumentProposalSchema = z.object({
  format: z.enum(['docx', 'pdf', 'text']),
  title: z.string().nullable(),
  sections: z.array(z.object({ number: z.string(), title: z.string() })),
  clauses: z.array(z.object({ clause: packFileClauseSchema, obligations: z.array(z.string()) })),
  otherParagraphs: z.number().int().nonnegative(),
});
export type PolicyDocumentProposal = z.infer<typeof policyDocumentProposalSchema>;
