/**
 * What the register asks of a person for their to-do list (issue #13): confirm the record of each
 * system they manage or deputise for, within ITP-4.2-REGISTER's confirmation interval.
 */
import { isOverdue, taskId, type TaskSource } from '../../platform/task-source.ts';
import { readParameter } from '../../policy/policy-pack.ts';
import { dueDateOf } from '../../policy/dates.ts';

/**
 * A system never confirmed is owed at once (the rule fails it): overdue with no due date. A
 * confirmed one shows from `horizon` days before its last current day.
 */
export const systemRecordTaskSource: TaskSource = async (_database, context) => {
  const intervalMonths = readParameter(context.parameters, 'registerConfirmationIntervalMonths');
  const systems = context.stewardedSystems;
  const seen = new Set<string>();
  return systems.flatMap((system) => {
    if (seen.has(system.systemId)) return [];
    seen.add(system.systemId);
    const dueDate = dueDateOf(system.lastConfirmedAt, intervalMonths);
    if (dueDate !== null && dueDate > context.horizon) return [];
    return [
      {
        id: taskId('confirm_system_record', system.systemId),
        kind: 'confirm_system_record' as const,
        title: system.name,
        subjectId: system.systemId,
        context: null,
        step: null,
        dueDate,
        overdue: dueDate === null || isOverdue(dueDate, context.today),
        link: `/systems/${system.systemId}`,
      },
    ];
  });
};
