import type { ScheduledJobList } from '@forvalta/contracts';

import { useCase } from '../../access/use-case.ts';
import type { Clock } from '../../platform/clock.ts';
import type { DatabaseHandle } from '../../platform/database.ts';
import { jobClaims } from '../../platform/jobs/job-claims.ts';
import type { ScheduledJob } from '../../platform/jobs/job-runner.ts';

/**
 * The scheduled jobs' status for administrators. The jobs are the installation's, not a
 * municipality's: they work for every municipality at once, and what they record names no
 * municipality's data (a failure names municipalities by their public code only).
 */
export function createJobsService(db: DatabaseHandle, clock: Clock) {
  return {
    /** `known`: the jobs this instance runs, for their schedules; a job only another instance knows is listed without one. */
    listJobs: useCase('job.read', async ({ authorise }, known: readonly ScheduledJob[]): Promise<ScheduledJobList> => {
      authorise();
      const now = clock.now().toISOString();
      const schedules = new Map(known.map((job) => [job.name, job.schedule.description]));
      const rows = await jobClaims.list(db);
      return {
        items: rows.map((row) => {
          const running = row.lease_holder !== null && row.lease_expires_at !== null && row.lease_expires_at > now;
          return {
            name: row.name,
            schedule: schedules.get(row.name) ?? null,
            nextRunAt: row.next_run_at,
            running,
            leaseHolder: running ? row.lease_holder : null,
            leaseExpiresAt: running ? row.lease_expires_at : null,
            lastStartedAt: row.last_started_at,
            lastFinishedAt: row.last_finished_at,
            lastOutcome: row.last_outcome,
            lastSummary: row.last_summary,
            lastError: row.last_error,
            runCount: row.run_count,
            failureCount: row.failure_count,
          };
        }),
      };
    }),
  };
}

export type JobsService = ReturnType<typeof createJobsService>;
