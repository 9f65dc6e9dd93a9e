/**
 * The suppliers and contracts module's public entry (.dependency-cruiser.cjs): suppliers by
 * organisation number, contracts with their notice dates, and the to-do entry before a notice date.
 */
export { createSupplierContractsService, type SupplierContractsService } from './supplier-contracts.service.ts';
export { registerSupplierContractRoutes } from './supplier-contracts.routes.ts';
export { contractNoticeTaskSource } from './contract-tasks.ts';
