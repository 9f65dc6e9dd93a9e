/**
 * The project workflow as data (§4.2.1): which action leads from which state to which, and what
 * it needs. Pure functions only; the service enforces them and the unit test walks every pair of
 * state and action.
 *
 *   draft → in_preparation → submitted → approved | rejected
 *   rejected → in_preparation (rework);  approved | rejected → closed
 */
import type { ProjectAction, ProjectState } from '@forvalta/contracts';
import type { Action } from '../../access/permissions.ts';

export interface Transition {
  from: readonly ProjectState[];
  to: ProjectState;
  /** The permission the action needs (the service adds the subject: department, project lead). */
  permission: Action;
  /** Whether the submit gate (ITP-4.2.1-*) must pass first. */
  gated: boolean;
}

export const projectWorkflow: Readonly<Record<ProjectAction, Transition>> = {
  start: { from: ['draft'], to: 'in_preparation', permission: 'project.update', gated: false },
  submit: { from: ['in_preparation'], to: 'submitted', permission: 'project.update', gated: true },
  approve: { from: ['submitted'], to: 'approved', permission: 'project.approve', gated: false },
  reject: { from: ['submitted'], to: 'rejected', permission: 'project.approve', gated: false },
  reopen: { from: ['rejected'], to: 'in_preparation', permission: 'project.update', gated: false },
  close: { from: ['approved', 'rejected'], to: 'closed', permission: 'project.update', gated: false },
};

export type TransitionOutcome = { allowed: true; to: ProjectState } | { allowed: false; reason: string };

export function transitionOf(state: ProjectState, action: ProjectAction): TransitionOutcome {
  const transition = projectWorkflow[action];
  if (transition.from.includes(state)) return { allowed: true, to: transition.to };
  return {
    allowed: false,
    reason: `A project that is ${state.replaceAll('_', ' ')} cannot be ${pastTense[action]}; allowed from: ${transition.from.join(', ')}.`,
  };
}

const pastTense: Record<ProjectAction, string> = {
  start: 'started',
  submit: 'submitted',
  approve: 'approved',
  reject: 'rejected',
  reopen: 'reopened',
  close: 'closed',
};

export function availableActions(state: ProjectState): ProjectAction[] {
  return (Object.keys(projectWorkflow) as ProjectAction[]).filter((action) => projectWorkflow[action].from.includes(state));
}

/**
 * The project's documents and budget can change only while it is being prepared: once submitted,
 * the IT unit decides on what it was shown, and an approved project records what was approved.
 */
export function isEditable(state: ProjectState): boolean {
  return state === 'draft' || state === 'in_preparation';
}

/** Whether a system may go into production on the strength of a project in this state. */
export function authorisesProduction(state: ProjectState, approvedAt: string | null): boolean {
  return approvedAt !== null && (state === 'approved' || state === 'closed');
}

export interface Decider {
  personId: string;
  /** Departments (with sub-units) the person heads. */
  headsDepartmentIds: readonly string[];
  /** How the person was ever involved in the project: created it, led it (at any point), submitted it. */
  involvements?: ReadonlyArray<'created' | 'led' | 'submitted'>;
}

const involvementRefusals = {
  created: 'Whoever created a project cannot decide on its operational approval.',
  led: 'Whoever led a project, at any point, cannot decide on its operational approval.',
  submitted: 'Whoever submitted a project cannot decide on its operational approval.',
} as const;

/**
 * Separation of duties for the operational approval (ITP-4.2.1-APPROVAL): whoever holds the IT
 * role, they may not approve a project they created, led (now or earlier: handing the lead role
 * away does not help) or submitted, nor one of a department they head. Returns why not, or null
 * when the person may decide.
 */
export function decisionRefusal(decider: Decider, project: { projectLeadPersonId: string | null; departmentId: string }): string | null {
  if (project.projectLeadPersonId !== null && decider.personId === project.projectLeadPersonId) {
    return 'The project lead cannot decide on the operational approval of their own project.';
  }
  for (const involvement of ['created', 'led', 'submitted'] as const) {
    if (decider.involvements?.includes(involvement)) return involvementRefusals[involvement];
  }
  if (decider.headsDepartmentIds.includes(project.departmentId)) {
    return 'A department head cannot decide on the operational approval of a project of their own department.';
  }
  return null;
}
