/** The entry for bulk loaders (demo, workload generator, the server's tests); see organisation/bulk.ts. */
export { incidentsRepository } from './incidents.repository.ts';
