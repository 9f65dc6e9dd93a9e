/**
 * The software module's public entry (.dependency-cruiser.cjs): software products, the IT chief's
 * decisions on self-developed and open-source software (with the production gate), licences as
 * counts, their consumption and position (issue #15, §7).
 */
export { createConsumptionImportService, type ConsumptionImportService } from './consumption-import.service.ts';
export { registerConsumptionImportRoutes } from './consumption-import.routes.ts';
export { createLicencesService, type LicencesService } from './licences.service.ts';
export { createSoftwareDecisionsService, type SoftwareDecisionsService } from './software-decisions.service.ts';
export { createSoftwareService, type SoftwareService } from './software.service.ts';
export { registerSoftwareRoutes, type SoftwareServices } from './software.routes.ts';
/** The §7 production gate, for the systems module's port: the first product of a system without a current decision. */
export { softwareDecisionGap, type SoftwareDecisionGap } from './software-gate.repository.ts';
