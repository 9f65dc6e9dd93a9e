/**
 * The projects module's public entry: introduction and upgrade projects with their gates,
 * budget and checkpoints; the security guidelines they are judged against are the documents module's
 * (.dependency-cruiser.cjs).
 */
import { projectsRepository } from './projects.repository.ts';

export { createProjectsService, type ProjectsService } from './projects.service.ts';
export { createProjectActionsService, type ProjectActionsService } from './project-actions.service.ts';
export { registerProjectRoutes } from './projects.routes.ts';

/** What the register asks of projects (SystemDependents), in the caller's executor. */
export const projectsOfSystem = {
  hasApprovedProject: projectsRepository.hasApprovedProject.bind(projectsRepository),
  lifecycleRecordCount: projectsRepository.lifecycleRecordCount.bind(projectsRepository),
};

/** The to-do list's project gates: the lead's submission, the IT unit's decision (issue #13). */
export { projectTaskSource } from './project-tasks.ts';
