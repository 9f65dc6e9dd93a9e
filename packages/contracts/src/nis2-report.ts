import { z } from 'zod';
import { dateSchema, idSchema, timestampSchema } from './common.ts';
import { clauseCheckSchema } from './compliance.ts';

/* ---------- The NIS2 status report (the Cybersecurity Act 2025:1506, issue #19, ADR 0037) ---------- */

/** How the report states a measure: met, not met, not checked (no evidence in the register) or nothing applicable. */
export const nis2MeasureStandings = ['met', 'not_met', 'not_checked', 'not_applicable'] as const;
export type Nis2MeasureStanding = (typeof nis2MeasureStandings)[number];

export const nis2ReportMeasureSchema = z.object({
  clauseId: z.string(),
  section: z.string(),
  titleSv: z.string(),
  titleEn: z.string(),
  standing: z.enum(nis2MeasureStandings),
  /** The summary's check the standing comes from (structural counts as met). */
  check: clauseCheckSchema,
  passed: z.number().int(),
  failed: z.number().int(),
  notApplicable: z.number().int(),
  /** The IT policy's clauses the measure rests on; empty when it has a rule of its own or none. */
  evidenceClauseIds: z.array(z.string()),
  /** The web page with the measure's evidence (its subjects under the Act). */
  evidencePath: z.string(),
});

export const nis2ReportSystemSchema = z.object({
  id: idSchema,
  name: z.string(),
  ownerDepartmentName: z.string(),
  lifecycle: z.string(),
  supplier: z.string().nullable(),
  /** The current classification's levels (KLASSA, 0–4), null when the system is not classified. */
  classification: z
    .object({
      confidentiality: z.number().int(),
      integrity: z.number().int(),
      availability: z.number().int(),
      traceability: z.number().int(),
      classifiedOn: dateSchema,
    })
    .nullable(),
  criticality: z.string().nullable(),
  recoveryTimeObjectiveHours: z.number().int().nullable(),
  lastRestoreTestOn: dateSchema.nullable(),
  /** NIS2-21-2-C's verdict on the system ('pass', 'fail', 'not_applicable') and its reason. */
  continuityStatus: z.enum(['pass', 'fail', 'not_applicable']).nullable(),
  continuityReason: z.string().nullable(),
});
export type Nis2ReportSystem = z.infer<typeof nis2ReportSystemSchema>;

export const nis2ReportSchema = z.object({
  municipalityName: z.string(),
  evaluatedAt: timestampSchema,
  pack: z.object({ key: z.string(), version: z.string(), title: z.string() }),
  counts: z.object({ met: z.number().int(), notMet: z.number().int(), notChecked: z.number().int(), notApplicable: z.number().int() }),
  measures: z.array(nis2ReportMeasureSchema),
  /** The Act's pack's interval between tested restores, which the systems' continuity is judged by. */
  restoreTestIntervalMonths: z.number().int(),
  /** The systems flagged nis2 and not retired, by name. */
  systems: z.array(nis2ReportSystemSchema),
});
export type Nis2Report = z.infer<typeof nis2ReportSchema>;

export const nis2ReportExportQuerySchema = z.object({ format: z.enum(['xlsx', 'pdf']).default('xlsx') });
export type Nis2ReportExportQuery = z.infer<typeof nis2ReportExportQuerySchema>;
