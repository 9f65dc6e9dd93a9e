/** The entry for bulk loaders (demo, workload generator, the server's tests); see organisation/bulk.ts. */
export { integrationsRepository, type IntegrationValues } from './integrations.repository.ts';
