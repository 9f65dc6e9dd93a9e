/** The access-rights module's public entry (issue #14): levels, rights, the gate, recertification, role templates, the import. */
export { createAccessRightImportService, type AccessRightImportService } from './access-rights-import.service.ts';
export { registerAccessRightImportRoutes } from './access-rights-import.routes.ts';
