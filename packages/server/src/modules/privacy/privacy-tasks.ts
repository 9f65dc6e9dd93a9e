/**
 * What records of processing ask of the data protection officer for their to-do list (issue #16):
 * each record that is new or changed since its review (owed at once), and each approved record
 * whose review falls due within the horizon. Returned records wait for their drafters, not the officer.
 */
import { addMonths, readParameter, tanumPolicyPack } from '../../policy/index.ts';
import { swedishToday } from '../../platform/calendar.ts';
import { isOverdue, taskId, type TaskSource } from '../../platform/task-source.ts';
import { privacyReviewIntervalKey } from './privacy-parameters.ts';
import { processingActivitiesRepository } from './processing-activities.repository.ts';

export const privacyReviewTaskSource: TaskSource = async (database, context) => {
  if (!context.roles.includes('data_protection_officer')) return [];
  const parameters = context.parameters[privacyReviewIntervalKey] ? context.parameters : tanumPolicyPack.parameters;
  const months = readParameter(parameters, privacyReviewIntervalKey);
  // A review made on D falls due on D + interval: due within the horizon means made on or before horizon − interval.
  const rows = await processingActivitiesRepository.reviewQueue(database, context.municipalityId, addMonths(context.horizon, -months));
  return rows.map((row) => {
    const dueDate =
      row.review_state === 'pending' ? swedishToday(new Date(row.content_changed_at)) : addMonths(row.last_reviewed_on!, months);
    return {
      id: taskId('review_processing', row.id),
      kind: 'review_processing' as const,
      title: row.name,
      subjectId: row.id,
      context: row.review_state,
      step: null,
      dueDate,
      overdue: isOverdue(dueDate, context.today),
      link: `/processing-activities/${row.id}`,
    };
  });
};
