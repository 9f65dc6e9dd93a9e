/**
 * The backup module's public entry (issue #17 §2): a municipality's records as a versioned archive
 * (docs/backup-format.md) and its import into this or another installation (ADR 0034).
 */
export { createBackupService, type BackupService } from './backup.service.ts';
export { registerBackupRoutes } from './backup.routes.ts';
export { exportMunicipality, exportedTables, type ExportResult } from './backup-export.ts';
export { importMunicipality, type ImportResult } from './backup-import.ts';
export { BackupArchiveError, type BackupManifest } from './backup-archive.ts';
export { excludedTables } from './backup-tables.ts';
