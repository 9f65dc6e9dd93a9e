import type { Executor } from '../../platform/database.ts';

/** A project as the to-do list needs it (project-tasks.ts). */
export interface OpenProject {
  id: string;
  title: string;
  state: string;
  systemName: string;
  departmentId: string;
  projectLeadPersonId: string | null;
}

function openProjects(db: Executor, municipalityId: string) {
  return db
    .selectFrom('projects')
    .innerJoin('systems', 'systems.id', 'projects.system_id')
    .select([
      'projects.id',
      'projects.title',
      'projects.state',
      'systems.name as systemName',
      'projects.department_id as departmentId',
      'projects.project_lead_person_id as projectLeadPersonId',
    ])
    .where('projects.municipality_id', '=', municipalityId)
    .where('systems.municipality_id', '=', municipalityId);
}

/**
 * The projects whose next gate waits for someone: a lead's projects still to submit, and the
 * projects submitted for the IT unit's decision. On the (municipality_id, state) index: the open
 * states hold a municipality's current projects only, however many were closed before.
 */
export const projectTasksRepository = {
  async ledProjectsToSubmit(db: Executor, municipalityId: string, personId: string, states: readonly string[]): Promise<OpenProject[]> {
    return openProjects(db, municipalityId)
      .where('projects.state', 'in', [...states])
      .where('projects.project_lead_person_id', '=', personId)
      .execute();
  },

  async submittedProjects(db: Executor, municipalityId: string): Promise<OpenProject[]> {
    return openProjects(db, municipalityId).where('projects.state', '=', 'submitted').execute();
  },
};
