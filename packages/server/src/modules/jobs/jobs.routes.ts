import { scheduledJobListSchema } from '@forvalta/contracts';
import { problemResponses, type ApiApp } from '../../platform/http/api-app.ts';
import { actorOf } from '../../platform/http/authentication.ts';
import type { ScheduledJob } from '../../platform/jobs/job-runner.ts';
import type { JobsService } from './jobs.service.ts';

export function registerJobRoutes(app: ApiApp, jobs: JobsService, known: readonly ScheduledJob[]): void {
  app.get(
    '/api/v1/jobs',
    {
      schema: {
        tags: ['Scheduled jobs'],
        summary: "The installation's scheduled jobs: last run, its outcome, next run (administrators only)",
        response: { 200: scheduledJobListSchema, ...problemResponses },
      },
      config: { permission: jobs.listJobs.permission },
    },
    (request) => jobs.listJobs(actorOf(request), known),
  );
}
