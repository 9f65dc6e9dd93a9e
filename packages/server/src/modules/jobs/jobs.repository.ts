import type { ScheduledJobStatus } from '@forvalta/contracts';
import type { DatabaseHandle } from '../../platform/database.ts';
import { jobClaims } from '../../platform/jobs/job-claims.ts';

/**
 * The scheduled jobs' status as the contract has it. The table is the job runner's
 * (platform/jobs/job-claims.ts owns its statements); this is where its rows become records.
 * A lease still running at `now` is shown with its holder; an expired one is not running.
 */
export const jobsRepository = {
  async listStatuses(db: DatabaseHandle, now: string, scheduleOf: (name: string) => string | null): Promise<ScheduledJobStatus[]> {
    const rows = await jobClaims.list(db);
    return rows.map((row) => {
      const running = row.lease_holder !== null && row.lease_expires_at !== null && row.lease_expires_at > now;
      return {
        name: row.name,
        schedule: scheduleOf(row.name),
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
    });
  },
};
