/** What the CLI (and tests) use from the server package. */
export { buildApp, type App, type RouteDescription } from './app.ts';
export { loadConfig, ConfigError, type Config } from './config.ts';
export { connectDatabase, isPostgresUrl, withTransaction, type DatabaseConnection } from './platform/database.ts';
/** The tables, for the benchmark's raw-query floor (the fastest the database answers without the application). */
export type { Database } from './platform/database-schema.ts';
export { migrateToLatest } from './migrations/index.ts';
export { systemClock, type Clock } from './platform/clock.ts';
export { swedishToday } from './platform/calendar.ts';
export { systemActor, type Actor } from './access/actor.ts';
export { verifyAuditChains, auditCheckpoints, type AuditCheckpointFile, type AuditVerification } from './platform/audit-verify.ts';
export { sealUnkeyedChains, rotateAuditKey } from './platform/audit-seal.ts';
export { installAuditKey, currentAuditKey, type AuditKey } from './platform/audit-key.ts';
export { loadAuditKey } from './config.ts';
export { createServices, type Services } from './services.ts';
export { loadDemoOrganisation, demoMunicipality, demoPassword } from './demo/demo-organisation.ts';
export { AppError } from './platform/errors.ts';
/** The imports' texts of what to fix, for the CLI's report (issue #17 §1). */
export { importFixTexts, readImportFile, splitJointTable } from './modules/imports/index.ts';
export { summarise as summariseCompliance } from './policy/index.ts';
export { upgradeDefaultPolicyPacks, type PolicyPackUpgrade } from './modules/compliance/index.ts';

import type { DatabaseHandle } from './platform/database.ts';
import { organisationReads } from './modules/organisation/index.ts';
/** For commands that name a municipality by its code. */
export const findMunicipalityByCode = (db: DatabaseHandle, code: string) => organisationReads.findMunicipalityByCode(db, code);
export const listMunicipalities = (db: DatabaseHandle) => organisationReads.listMunicipalities(db);
export { createScheduledJobRunner } from './modules/jobs/index.ts';
export { exportMunicipality, importMunicipality, BackupArchiveError, type ImportResult } from './modules/backup/index.ts';
export { diskDocumentStorage } from './modules/documents/index.ts';
export { auditKeyOf } from './platform/audit-key.ts';
// The Backstage catalog read as the register's rows (issue #17 §3), for tools that compare catalogs.
export { catalogRows as backstageCatalogRows } from './modules/backstage/index.ts';
