import type { Task } from '@forvalta/contracts';
import { taskId, type TaskSource } from '../../platform/task-source.ts';
import { acknowledgementsRepository } from './acknowledgements.repository.ts';

/**
 * The person's to-do entries of kind acknowledge_document: their open requests of adopted
 * versions. The request row is the entry (ADR 0016), so there is nothing to keep in step; one
 * query on the (municipality, person, version) index.
 */
export const acknowledgementTaskSource: TaskSource = async (database, context): Promise<Task[]> => {
  const requests = await acknowledgementsRepository.openRequestsOfPerson(database, context.municipalityId, context.personId);
  return requests.map((request) => ({
    id: taskId('acknowledge_document', request.version_id),
    kind: 'acknowledge_document',
    title: request.title,
    subjectId: request.version_id,
    context: `Version ${request.number}`,
    step: null,
    dueDate: request.due_date,
    overdue: request.due_date < context.today,
    link: `/documents/${request.document_id}/versions/${request.version_id}`,
  }));
};
