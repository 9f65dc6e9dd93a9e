import { taskListQuerySchema, taskListSchema } from '@forvalta/contracts';
import { problemResponses, type ApiApp } from '../../platform/http/api-app.ts';
import { actorOf } from '../../platform/http/authentication.ts';
import type { TasksService } from './tasks.service.ts';

/** GET /api/v1/me/tasks: the signed-in person's to-do list. */
export function registerTaskRoutes(app: ApiApp, tasks: TasksService): void {
  app.get(
    '/api/v1/me/tasks',
    {
      schema: {
        tags: ['To-do list'],
        summary: 'What the product asks of the signed-in person: overdue first, then by due date, with counts per kind',
        querystring: taskListQuerySchema,
        response: { 200: taskListSchema, ...problemResponses },
      },
      config: { permission: tasks.listMyTasks.permission },
    },
    (request) => tasks.listMyTasks(actorOf(request), request.query),
  );
}
