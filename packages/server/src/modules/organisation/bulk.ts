/**
 * The entry for bulk loaders (the demo, the workload generator and the server's tests), which
 * write an organisation below the services: no per-row authorisation or audit, for speed. Only
 * src/demo, src/generate and packages/server/test may import it (.dependency-cruiser.cjs).
 */
export { departmentsRepository, type DepartmentValues } from './departments.repository.ts';
export { municipalitiesRepository } from './municipalities.repository.ts';
export { peopleRepository, type PersonValues } from './people.repository.ts';
export { roleAssignmentsRepository } from './role-assignments.repository.ts';
