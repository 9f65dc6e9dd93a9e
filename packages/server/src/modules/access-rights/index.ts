/**
 * The access-rights module's public entry (.dependency-cruiser.cjs): a system's access levels,
 * access rights behind the first-grant gate (ITP-3-INFORM-NEW), leavers, recertification, role
 * templates and the import (issue #14).
 */
import { accessRightsRepository } from './access-rights.repository.ts';

export { createAccessRightImportService, type AccessRightImportService } from './access-rights-import.service.ts';
export { registerAccessRightImportRoutes } from './access-rights-import.routes.ts';
export { createAccessLevelsService, type AccessLevelsService } from './access-levels.service.ts';
export { createAccessRightsService, type AccessRightsService } from './access-rights.service.ts';
export { createRecertificationsService, type RecertificationsService } from './recertifications.service.ts';
export { createRoleTemplatesService, type RoleTemplatesService } from './role-templates.service.ts';
export { registerAccessRightRoutes, type AccessRightRouteServices } from './access-rights.routes.ts';
/** The composition's port to the acknowledgements module, and the listener it hands that module. */
export { type AcknowledgementRequester, activationOnAcknowledgement, gateOf } from './access-grants.ts';
/** The to-do list's asks of a system's stewards (issue #14): leavers' rights to end. */
export { leaverAccessTaskSource, recertificationTaskSource } from './access-tasks.ts';
/** The systems module's port for the duty checklist's evidence of "administer access rights" (§4.2.3). */
export const accessRightDutyEvidence = { accessRights: accessRightsRepository.dutyEvidenceOfSystem };
