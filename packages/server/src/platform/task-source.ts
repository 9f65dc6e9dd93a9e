/**
 * What a module answers for a person's to-do list (issue #13, /api/v1/me/tasks). The type lives in
 * the platform, not in the tasks module, so a module that provides a source depends on no other
 * module for it; each module exports its source from its index.ts, and the composition
 * (services.ts) hands them all to the tasks module, which merges, sorts, counts and pages them.
 */
import type { Lifecycle, Role, Task } from '@forvalta/contracts';
import type { PolicyParameters } from '../policy/policy-pack.ts';
import type { Executor } from './database.ts';

/** Overdue when its due date has passed; with no due date, only when the source says it is owed already. */
export const isOverdue = (dueDate: string | null, today: string): boolean => dueDate !== null && dueDate < today;

export interface TaskSourceContext {
  municipalityId: string;
  personId: string;
  /** The roles the person holds in this municipality (deduplicated). */
  roles: readonly Role[];
  /** The department ids (with sub-units) the person heads, for department-scoped asks. */
  headsDepartmentIds: readonly string[];
  /** Today's Europe/Stockholm calendar date, YYYY-MM-DD; `overdue` is `dueDate < today`. */
  today: string;
  /**
   * The last day a recurring ask shows ahead of its due date (today + 30 days): a system record due
   * for confirmation in eleven months is not on the list yet. An ask that is owed from the moment it
   * exists (a document to acknowledge, a notice, a gate) ignores it.
   */
  horizon: string;
  /** The municipality's current policy pack's parameters (intervals, working days), read once per request. */
  parameters: PolicyParameters;
  /**
   * The systems (not retired) the person manages or deputises for today, one row per assignment:
   * read once per request, since the register's, the reviews' and the access rights' asks all start
   * from them.
   */
  stewardedSystems: readonly StewardedSystemFact[];
}

/** A system the person keeps (the systems module's stewardedSystemsOf, as the task sources read it). */
export interface StewardedSystemFact {
  systemId: string;
  name: string;
  lifecycle: Lifecycle;
  lastConfirmedAt: string | null;
  role: 'manager' | 'deputy';
}

/**
 * Every task of one kind (or a few) that the product asks of `personId` today. Rules for a source:
 * - a read: no writes, no audit events, no data version moved;
 * - scoped by `municipalityId`;
 * - a fixed number of indexed queries whatever the register's size (the list's target is
 *   p99 ≤ 20 ms at L for the whole list), never a query per subject;
 * - one task per subject and kind, with `id` `${kind}:${subjectId}`; sorting and paging are the
 *   tasks module's, the source may return its tasks in any order.
 */
export type TaskSource = (database: Executor, context: TaskSourceContext) => Promise<Task[]>;

/** How far ahead a recurring ask is shown (TaskSourceContext.horizon). */
export const taskHorizonDays = 30;

/** The id a task of this kind about this subject always has (stable across requests and sources). */
export const taskId = (kind: Task['kind'], subjectId: string): string => `${kind}:${subjectId}`;
