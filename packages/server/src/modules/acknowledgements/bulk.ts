/** For bulk loaders only (the demo, the workload generator, tests): the set-based statements below the services (ADR 0013). */
export { acknowledgementRequestsRepository } from './acknowledgement-requests.repository.ts';
