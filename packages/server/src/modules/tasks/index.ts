/**
 * The tasks module's public entry: every person's own to-do list (issue #13, /api/v1/me/tasks).
 * The sources are the other modules'; the composition hands them in (platform/task-source.ts).
 */
export { taskId, type TaskSource, type TaskSourceContext } from '../../platform/task-source.ts';
export { createTasksService, type TasksService } from './tasks.service.ts';
export { registerTaskRoutes } from './tasks.routes.ts';
