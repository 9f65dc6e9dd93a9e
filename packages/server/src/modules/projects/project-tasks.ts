/**
 * What projects ask of a person for their to-do list (issue #13, §4.2.1): the project lead submits
 * their project for operational approval (the gate's next step while it is prepared, or reworked
 * after a rejection), and the IT unit's roles decide on each submitted project they may decide on
 * (separation of duties: not one they created, led, submitted, or of a department they head).
 * Neither step has a deadline in the policy, so neither has a due date.
 */
import type { ProjectState, Task } from '@forvalta/contracts';
import { rolesAllowed } from '../../access/permissions.ts';
import { inParallel } from '../../platform/database.ts';
import { taskId, type TaskSource } from '../../platform/task-source.ts';
import { projectTasksRepository, type OpenProject } from './project-tasks.repository.ts';
import { projectsRepository } from './projects.repository.ts';
import { decisionRefusal, projectWorkflow } from './projects.workflow.ts';

/** The states from which the lead's next step leads to submission (start, rework, submit). */
const statesBeforeSubmission: readonly ProjectState[] = ['draft', 'in_preparation', 'rejected'];
const decidingRoles = rolesAllowed(projectWorkflow.approve.permission);

const gateTask = (project: OpenProject, step: 'submit' | 'decide'): Task => ({
  id: taskId('project_gate', project.id),
  kind: 'project_gate',
  title: project.title,
  subjectId: project.id,
  context: project.systemName,
  step,
  dueDate: null,
  overdue: false,
  link: `/projects/${project.id}`,
});

export const projectTaskSource: TaskSource = async (database, context) => {
  const { municipalityId, personId } = context;
  const decides = context.roles.some((role) => decidingRoles.includes(role));
  const [led, submitted] = await inParallel(
    database,
    () => projectTasksRepository.ledProjectsToSubmit(database, municipalityId, personId, statesBeforeSubmission),
    () => (decides ? projectTasksRepository.submittedProjects(database, municipalityId) : Promise.resolve([])),
  );
  const involvements = await projectsRepository.involvementsInProjects(
    database,
    municipalityId,
    submitted.map((project) => project.id),
    personId,
  );
  const decidable = submitted.filter(
    (project) =>
      decisionRefusal(
        { personId, headsDepartmentIds: context.headsDepartmentIds, involvements: involvements.get(project.id) ?? [] },
        project,
      ) === null,
  );
  return [...led.map((project) => gateTask(project, 'submit')), ...decidable.map((project) => gateTask(project, 'decide'))];
};
