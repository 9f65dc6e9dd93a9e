/** The entry for bulk loaders (demo, workload generator, the server's tests); see organisation/bulk.ts. */
export { publicRegisterRepository } from './public-register.repository.ts';
