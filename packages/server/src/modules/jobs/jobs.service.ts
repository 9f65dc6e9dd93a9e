import type { ScheduledJobList } from '@forvalta/contracts';

import { useCase } from '../../access/use-case.ts';
import type { Clock } from '../../platform/clock.ts';
import type { DatabaseHandle } from '../../platform/database.ts';
import type { ScheduledJob } from '../../platform/jobs/job-runner.ts';
import { jobsRepository } from './jobs.repository.ts';

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
      return { items: await jobsRepository.listStatuses(db, now, (name) => schedules.get(name) ?? null) };
    }),
  };
}

export type JobsService = ReturnType<typeof createJobsService>;
