import { z } from 'zod';
import { dateSchema, idSchema, listQuerySchema, listResponseSchema } from './common.ts';

/* ---------- A person's to-do list (Att göra: /api/v1/me/tasks) ---------- */

/**
 * What the product can ask of a person. Each kind comes from the module that owns its subject
 * (a TaskSource exported from that module's index.ts, composed by the tasks module).
 */
export const taskKinds = [
  /** Read and confirm an adopted policy document version (acknowledgements). */
  'acknowledge_document',
  /** Attend a course that is due, or a session one is registered for (training). */
  'attend_training',
  /** Confirm a managed or deputised system's record (ITP-4.2-REGISTER's confirmation interval). */
  'confirm_system_record',
  /** Hold the periodic review of a system one manages (ITP-4.2-REVIEW's interval). */
  'review_due',
  /** Acknowledge an open change notice (the IT unit's roles, ITP-4.2.2-CHANGE-NOTICE). */
  'acknowledge_change_notice',
  /** A project gate waiting for this person: the lead's submission, the IT unit's decision. */
  'project_gate',
  /** End the rights of people who have left, in a system one manages or deputises for (access rights). */
  'end_leaver_access',
  /** Decide the rights of an open recertification campaign in a system one manages or deputises for. */
  'recertify_access',
  /** Review a record of processing that is new, changed or due (the data protection officer, issue #16). */
  'review_processing',
  /** Decide before its notice date whether a contract covering a system one's department owns goes on (issue #15). */
  'contract_notice',
  /** Send a significant incident's next report before its deadline (the IT chief, the affected systems' owners; issue #19). */
  'report_incident',
] as const;
export const taskKindSchema = z.enum(taskKinds);
export type TaskKind = z.infer<typeof taskKindSchema>;

/**
 * What exactly is asked, where a kind has more than one step: a project lead submits the project
 * for operational approval (`submit`), the IT unit decides on it (`decide`). Null otherwise.
 */
export const taskSteps = ['submit', 'decide'] as const;
export const taskStepSchema = z.enum(taskSteps);
export type TaskStep = z.infer<typeof taskStepSchema>;

export const taskSchema = z.object({
  /** Stable across requests: `${kind}:${subjectId}` (a person has at most one task of a kind per subject). */
  id: z.string(),
  kind: taskKindSchema,
  /** The subject's own name (the system, the document, the notice, the project), not a sentence: the web words the ask from the kind. */
  title: z.string(),
  /** The record the task is about: a system, a document version, a change notice, a project, a training session or course. */
  subjectId: idSchema,
  /** What the subject belongs to, shown beside the title (a project's or a review's system, a document's version); null when nothing. */
  context: z.string().nullable(),
  step: taskStepSchema.nullable(),
  /** The last day to do it (Europe/Stockholm calendar date); null when nothing sets one. */
  dueDate: dateSchema.nullable(),
  /** The due date has passed (or, with no due date, the thing was already owed: a record never confirmed). */
  overdue: z.boolean(),
  /** The web path where it is done, e.g. `/systems/<id>`. */
  link: z.string(),
});
export type Task = z.infer<typeof taskSchema>;

export const taskListQuerySchema = listQuerySchema.omit({ q: true }).extend({
  kind: taskKindSchema.optional(),
});
export type TaskListQuery = z.infer<typeof taskListQuerySchema>;

/** The number of the person's tasks of each kind, whatever page or kind filter was asked for (the navigation's badge). */
export const taskCountsSchema = z.object(
  Object.fromEntries(taskKinds.map((kind) => [kind, z.number().int().nonnegative()])) as {
    [Kind in TaskKind]: z.ZodNumber;
  },
);
export type TaskCounts = z.infer<typeof taskCountsSchema>;

/**
 * The list, overdue first, then by due date (no due date last), then by id: `total` counts the
 * tasks matching the kind filter, `counts` and `overdueCount` all of the person's tasks.
 */
export const taskListSchema = listResponseSchema(taskSchema).extend({
  counts: taskCountsSchema,
  overdueCount: z.number().int().nonnegative(),
});
export type TaskList = z.infer<typeof taskListSchema>;
