import type { Permission, ProjectAction, ProjectActionName, ProjectCan, ProjectState } from '@forvalta/contracts';
import type { AnyActor } from '../../access/actor.ts';
import { can, type Subject } from '../../access/authorise.ts';
import { decisionRefusal, isEditable, projectWorkflow, transitionOf, type Decider } from './projects.workflow.ts';

/** How a person was involved in a project (project_involvements): what separation of duties weighs. */
export type Involvement = NonNullable<Decider['involvements']>[number];

/**
 * The permission of each action on a project. The use cases are declared with these entries
 * (projects.service.ts, project-actions.service.ts) and a project's `can` is computed from the same
 * table, on the same subject (projectActionSubject) and with the same state and separation-of-duties
 * rules, so what a project says and what its writes allow cannot part.
 */
export const projectActions = {
  update: 'project.update',
  addCheckpoint: 'project.update',
  start: projectWorkflow.start.permission,
  submit: projectWorkflow.submit.permission,
  approve: projectWorkflow.approve.permission,
  reject: projectWorkflow.reject.permission,
  reopen: projectWorkflow.reopen.permission,
  close: projectWorkflow.close.permission,
} as const satisfies Record<ProjectActionName, Permission>;

/** What the abilities of a project are judged by. */
export interface ProjectJudged {
  state: ProjectState;
  departmentId: string;
  projectLeadPersonId: string | null;
}

/** Who may change a project: its department's head (and the IT unit, administrators), and its project lead. */
export function projectSubjectOf(project: Pick<ProjectJudged, 'departmentId' | 'projectLeadPersonId'>): Subject {
  return { departmentId: project.departmentId, stewardPersonIds: project.projectLeadPersonId ? [project.projectLeadPersonId] : [] };
}

/**
 * The subject an action is authorised on. The IT unit's decisions are not department-scoped:
 * its approval covers every department, so a decision is judged on the role alone.
 */
export function projectActionSubject(action: ProjectActionName, project: ProjectJudged): Subject | undefined {
  return projectActions[action] === 'project.update' ? projectSubjectOf(project) : undefined;
}

/**
 * ITP-4.2.1-APPROVAL: why `actor` may not decide on the project (they created, led or submitted
 * it, lead it now, or head its department), or null. The system actor is never refused.
 */
export function decisionRefusalFor(actor: AnyActor, project: ProjectJudged, involvements: readonly Involvement[]): string | null {
  if (actor.kind === 'system') return null;
  const headsDepartmentIds = actor.roles.filter((grant) => grant.role === 'department_head').flatMap((grant) => grant.departmentIds);
  return decisionRefusal({ personId: actor.personId, headsDepartmentIds, involvements }, project);
}

/** Whether `actor` might decide on projects at all: only then do their involvements need reading. */
export const mayDecide = (actor: AnyActor) => can(actor, projectActions.approve);

const decisions: readonly ProjectAction[] = ['approve', 'reject'];

/**
 * What `actor` may do with a project, given their involvements in it (needed only for the
 * decisions, and only when mayDecide). The workflow's states count as the services count them:
 * changes only while it is prepared, checkpoints until it is closed, each action from its states.
 */
export function projectAbilities(actor: AnyActor, project: ProjectJudged, involvements: readonly Involvement[]): ProjectCan {
  const permitted = (action: ProjectActionName) => can(actor, projectActions[action], projectActionSubject(action, project));
  const result = {
    update: permitted('update') && isEditable(project.state),
    addCheckpoint: permitted('addCheckpoint') && project.state !== 'closed',
  } as ProjectCan;
  for (const action of Object.keys(projectWorkflow) as ProjectAction[]) {
    result[action] =
      permitted(action) &&
      transitionOf(project.state, action).allowed &&
      (!decisions.includes(action) || decisionRefusalFor(actor, project, involvements) === null);
  }
  return result;
}
