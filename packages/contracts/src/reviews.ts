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
import { canSchema, reviewActionNames } from './permissions.ts';
import { measureStatuses } from './risks.ts';

/* ---------- Reviews (genomgång: ITP-4.2-REVIEW, ITP-3-EVALUATE, ITP-4.3-ASSIST) ---------- */

export const reviewStatuses = ['planned', 'held'] as const;
export const reviewStatusSchema = z.enum(reviewStatuses);

export const reviewParticipantSchema = z.strictObject({
  personId: idSchema.nullable().optional(),
  name: requiredText(160),
  /** Taking part for the IT unit (ITP-4.3-ASSIST). */
  itUnit: z.boolean().default(false),
});

export const adjacentConsiderationSchema = z.strictObject({
  systemId: idSchema,
  considered: z.boolean(),
  note: optionalText(2000),
});

export const reviewActionSchema = z.strictObject({
  description: requiredText(2000),
  ownerPersonId: idSchema.nullable().optional(),
  dueDate: dateSchema.nullable().optional(),
  status: z.enum(measureStatuses).default('planned'),
});

/** The three evaluations of §3 (ITP-3-EVALUATE): written assessments. */
export const reviewEvaluationsSchema = z.strictObject({
  use: optionalText(8000),
  coordination: optionalText(8000),
  efficiency: optionalText(8000),
});

/** A review as stored; the API answers it with the caller's `can` (reviewSchema). */
export const reviewRecordSchema = recordMetaSchema.extend({
  systemId: idSchema,
  systemName: z.string(),
  ownerDepartmentId: idSchema,
  status: reviewStatusSchema,
  plannedOn: dateSchema,
  heldOn: dateSchema.nullable(),
  participants: z.array(z.object({ personId: idSchema.nullable(), name: z.string(), itUnit: z.boolean() })),
  adjacentSystems: z.array(z.object({ systemId: idSchema, systemName: z.string(), considered: z.boolean(), note: z.string().nullable() })),
  evaluations: z.object({ use: z.string().nullable(), coordination: z.string().nullable(), efficiency: z.string().nullable() }),
  findings: z.string().nullable(),
  actions: z.array(
    z.object({
      description: z.string(),
      ownerPersonId: idSchema.nullable(),
      ownerName: z.string().nullable(),
      dueDate: dateSchema.nullable(),
      status: z.enum(measureStatuses),
    }),
  ),
  nextReviewOn: dateSchema.nullable(),
  /** A planned review whose date has passed. */
  overdue: z.boolean(),
});
export type ReviewRecord = z.infer<typeof reviewRecordSchema>;
/** What the caller may do with a review: record it (the system's owner, the IT unit, its stewards). */
export const reviewCanSchema = canSchema(reviewActionNames);
export const reviewSchema = reviewRecordSchema.extend({ can: reviewCanSchema });
export type Review = z.infer<typeof reviewSchema>;

/**
 * The adjacent systems are preselected from the integration graph unless given. A review already
 * held is recorded in one step by giving `heldOn` with what it found.
 */
export const reviewCreateSchema = z.strictObject({
  systemId: idSchema,
  plannedOn: dateSchema,
  participants: z.array(reviewParticipantSchema).max(50).optional(),
  adjacentSystems: z.array(adjacentConsiderationSchema).max(200).optional(),
  heldOn: dateSchema.nullable().optional(),
  evaluations: reviewEvaluationsSchema.partial().optional(),
  findings: optionalText(20000),
  actions: z.array(reviewActionSchema).max(100).optional(),
  nextReviewOn: dateSchema.nullable().optional(),
});
export type ReviewCreate = z.infer<typeof reviewCreateSchema>;

/** Setting `heldOn` marks the review held (planned → held); a held review stays held. */
export const reviewUpdateSchema = z.strictObject({
  plannedOn: dateSchema.optional(),
  heldOn: dateSchema.nullable().optional(),
  participants: z.array(reviewParticipantSchema).max(50).optional(),
  adjacentSystems: z.array(adjacentConsiderationSchema).max(200).optional(),
  evaluations: reviewEvaluationsSchema.partial().optional(),
  findings: optionalText(20000),
  actions: z.array(reviewActionSchema).max(100).optional(),
  nextReviewOn: dateSchema.nullable().optional(),
});
export type ReviewUpdate = z.infer<typeof reviewUpdateSchema>;

export const reviewListQuerySchema = listQuerySchema.extend({
  systemId: idSchema.optional(),
  status: reviewStatusSchema.optional(),
  ownerDepartmentId: idSchema.optional(),
  overdue: booleanQuery.optional(),
  /** Planned reviews due on or before this date (with overdue=false: due soon). */
  plannedOnOrBefore: dateSchema.optional(),
  /** `queue`: planned first, earliest first, then held, latest first (the planning list's order). */
  sort: sortParameter(['plannedOn', 'updatedAt', 'queue'] as const),
});
export type ReviewListQuery = z.infer<typeof reviewListQuerySchema>;
export const reviewListSchema = listResponseSchema(reviewSchema);
