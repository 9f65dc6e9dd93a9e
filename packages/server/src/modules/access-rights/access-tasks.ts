/**
 * What access rights ask of a system's manager and deputies for their to-do list (issue #14):
 * the rights of people who have left, flagged for removal, to end in each system they keep.
 */
import { swedishToday } from '../../platform/calendar.ts';
import { isOverdue, taskId, type TaskSource } from '../../platform/task-source.ts';
import { accessRightsRepository } from './access-rights.repository.ts';
import { recertificationsRepository } from './recertifications.repository.ts';

/** One task per system with flagged rights, due the day the first was flagged (owed at once), linking to its leavers. */
export const leaverAccessTaskSource: TaskSource = async (database, context) => {
  const stewarded = context.stewardedSystems;
  if (stewarded.length === 0) return [];
  const names = new Map(stewarded.map((system) => [system.systemId, system.name]));
  const counts = await accessRightsRepository.flaggedCountsOfSystems(database, context.municipalityId, [...names.keys()]);
  return counts.map((row) => {
    const dueDate = swedishToday(new Date(row.first_flagged_at));
    return {
      id: taskId('end_leaver_access', row.system_id),
      kind: 'end_leaver_access' as const,
      title: names.get(row.system_id)!,
      subjectId: row.system_id,
      context: String(Number(row.count)),
      step: null,
      dueDate,
      overdue: isOverdue(dueDate, context.today),
      link: `/systems/${row.system_id}#access`,
    };
  });
};

/** One task per open campaign with undecided rights in systems the person keeps, from `horizon` days before its due date. */
export const recertificationTaskSource: TaskSource = async (database, context) => {
  const stewarded = context.stewardedSystems;
  if (stewarded.length === 0) return [];
  const open = await recertificationsRepository.openItemsOfSystems(
    database,
    context.municipalityId,
    stewarded.map((system) => system.systemId),
  );
  return open
    .filter((campaign) => campaign.due_date <= context.horizon)
    .map((campaign) => ({
      id: taskId('recertify_access', campaign.id),
      kind: 'recertify_access' as const,
      title: campaign.title,
      subjectId: campaign.id,
      context: String(Number(campaign.count)),
      step: null,
      dueDate: campaign.due_date,
      overdue: isOverdue(campaign.due_date, context.today),
      link: `/recertifications/${campaign.id}`,
    }));
};
