/**
 * The entry for bulk loaders (the demo, the workload generator and the server's tests), which
 * write systems below the services. Only src/demo, src/generate and packages/server/test may
 * import it (.dependency-cruiser.cjs).
 */
export { columnsOf } from './systems.service.ts';
export { systemsRepository, type BulkClassification, type BulkSystem } from './systems.repository.ts';
export { systemAssignmentsRepository, type AssignmentValues } from './system-assignments.repository.ts';
export { systemDutiesRepository, type BulkDuty } from './system-duties.repository.ts';
