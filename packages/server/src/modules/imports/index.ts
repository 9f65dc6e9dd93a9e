/**
 * The imports module's public entry (issue #17 §1): the register and people from spreadsheets,
 * with a proposed column mapping, value mapping, a dry run and an all-or-nothing apply. Other
 * modules, the composition and the CLI import only this file (.dependency-cruiser.cjs).
 */
export { createImportsService, type ImportsService } from './imports.service.ts';
export { createRegisterImportService, type RegisterImportService } from './register-import.service.ts';
export { createPeopleImportService, type PeopleImportService } from './people-import.service.ts';
export { registerImportRoutes } from './imports.routes.ts';
export { importFixTexts, reportWorkbook } from './import-report-workbook.ts';
export { readImportFile, type ImportProgress, type ImportTable } from './import-files.ts';
export { splitJointTable } from './joint-file.ts';
