/**
 * What change notices ask of a person for their to-do list (issue #13): the IT unit's roles
 * acknowledge every open notice (§4.2.2), by the notice's own deadline.
 */
import { rolesAllowed } from '../../access/permissions.ts';
import { isOverdue, taskId, type TaskSource } from '../../platform/task-source.ts';
import { acknowledgeWithinWorkingDays, noticeTermsOn } from './change-notice-terms.ts';
import { changeNoticeActions } from './change-notices.service.ts';
import { changeNoticesRepository } from './change-notices.repository.ts';

/** Who acknowledges is the permission table's answer (the same the acknowledge use case is declared with). */
const acknowledgingRoles = rolesAllowed(changeNoticeActions.acknowledge);

export const changeNoticeTaskSource: TaskSource = async (database, context) => {
  if (!context.roles.some((role) => acknowledgingRoles.includes(role))) return [];
  const terms = noticeTermsOn(context.today, acknowledgeWithinWorkingDays(context.parameters));
  const notices = await changeNoticesRepository.openNotices(database, context.municipalityId);
  return notices.map((notice) => {
    const dueDate = terms.acknowledgeBy(notice.createdAt);
    return {
      id: taskId('acknowledge_change_notice', notice.id),
      kind: 'acknowledge_change_notice' as const,
      title: notice.title,
      subjectId: notice.id,
      context: notice.systems.map((system) => system.name).join(', ') || null,
      step: null,
      dueDate,
      overdue: isOverdue(dueDate, context.today),
      link: `/change-notices/${notice.id}`,
    };
  });
};
