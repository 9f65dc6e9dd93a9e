/**
 * What reviews ask of a person for their to-do list (issue #13): the periodic review of each system
 * in production that they manage (ITP-4.2-REVIEW's interval), from `horizon` days before it is due.
 */
import { isOverdue, taskId, type TaskSource } from '../../platform/task-source.ts';
import { dueDateOf } from '../../policy/dates.ts';
import { readParameter } from '../../policy/policy-pack.ts';
import { reviewsRepository } from './reviews.repository.ts';

/**
 * Due on the planned review's date when one is planned (the task links to it), else on the held
 * review's next date (its own, or held-on plus the interval); a system never reviewed is owed now.
 */
export const reviewTaskSource: TaskSource = async (database, context) => {
  const intervalMonths = readParameter(context.parameters, 'reviewIntervalMonths');
  const stewarded = context.stewardedSystems;
  const managed = stewarded.filter((system) => system.role === 'manager' && system.lifecycle === 'in_production');
  const dates = await reviewsRepository.reviewDatesOfSystems(
    database,
    context.municipalityId,
    managed.map((system) => system.systemId),
  );
  return managed.flatMap((system) => {
    const { planned, held } = dates.get(system.systemId) ?? { planned: null, held: null };
    const dueDate = planned?.plannedOn ?? (held ? (held.nextReviewOn ?? dueDateOf(held.heldOn, intervalMonths)) : null);
    if (dueDate !== null && dueDate > context.horizon) return [];
    return [
      {
        id: taskId('review_due', system.systemId),
        kind: 'review_due' as const,
        title: system.name,
        subjectId: system.systemId,
        context: null,
        step: null,
        dueDate,
        overdue: dueDate === null || isOverdue(dueDate, context.today),
        link: planned ? `/reviews/${planned.id}` : `/systems/${system.systemId}#reviews`,
      },
    ];
  });
};
