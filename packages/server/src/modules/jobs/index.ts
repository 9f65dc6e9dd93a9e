/** The jobs module's public entry: the scheduled jobs and their runner, and the jobs API (.dependency-cruiser.cjs). */
export { createJobsService, type JobsService } from './jobs.service.ts';
export { registerJobRoutes } from './jobs.routes.ts';
export {
  changeNoticeOutboxJob,
  complianceDailySnapshotJob,
  createScheduledJobRunner,
  leaversJob,
  mailDigestJob,
  mailNotificationsJob,
  mailOutboxJob,
  newEmployeeAcknowledgementsJob,
  pseudonymisationJob,
  scheduledJobs,
} from './scheduled-jobs.ts';
