/**
 * What the incident log asks of a person for their to-do list (issue #19): while a significant
 * incident has a report to send, the IT chief and the heads of the departments owning an affected
 * system see it, due on the Swedish day of its next deadline. The mail module sends it at once
 * (an urgent kind, contracts/mail.ts): the first deadline is 24 hours away.
 */
import { isOverdue, taskId, type TaskSource } from '../../platform/task-source.ts';
import { swedishToday } from '../../platform/calendar.ts';
import { incidentDeadlines, nextDeadline } from './incident-deadlines.ts';
import { incidentsRepository } from './incidents.repository.ts';

export const incidentTaskSource: TaskSource = async (database, context) => {
  const chief = context.roles.includes('it_chief');
  if (!chief && context.headsDepartmentIds.length === 0) return [];
  const incidents = await incidentsRepository.openSignificant(
    database,
    context.municipalityId,
    chief ? undefined : context.headsDepartmentIds,
  );
  // The day's start in Sweden: a deadline's state here is by the day, as every task's is (the list is kept per day).
  const dayStart = new Date(`${context.today}T00:00:00Z`);
  return incidents.flatMap((incident) => {
    const next = nextDeadline(incidentDeadlines(incident, dayStart));
    if (!next) return [];
    const dueDate = swedishToday(new Date(next.dueAt));
    return [
      {
        id: taskId('report_incident', incident.id),
        kind: 'report_incident' as const,
        title: incident.title,
        subjectId: incident.id,
        context: incident.systems.map((system) => system.name).join(', ') || null,
        step: null,
        dueDate,
        overdue: isOverdue(dueDate, context.today),
        link: `/incidents/${incident.id}`,
      },
    ];
  });
};
