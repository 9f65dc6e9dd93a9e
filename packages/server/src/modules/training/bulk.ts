/** The entry for bulk loaders (demo, workload generator, the bench); see organisation/bulk.ts. */
export { coursesRepository } from './courses.repository.ts';
export { trainingSessionsRepository } from './training-sessions.repository.ts';
export { attendancesRepository } from './attendances.repository.ts';
