import { municipalityOf } from '../../access/authorise.ts';
import { useCase } from '../../access/use-case.ts';
import type { Clock } from '../../platform/clock.ts';
import type { DatabaseHandle } from '../../platform/database.ts';
import type { DocumentStorage } from '../documents/index.ts';
import { exportMunicipality } from './backup-export.ts';

/**
 * The backup of the caller's own municipality over HTTP (`POST /api/v1/export`): the same archive
 * as `forvalta export`, for administrators only, recorded on the chain (municipality_exported)
 * before its rows are read.
 */
export function createBackupService(db: DatabaseHandle, clock: Clock, storage: DocumentStorage, version: string) {
  return {
    exportOwnMunicipality: useCase('municipality.export', async ({ actor, authorise }) => {
      authorise();
      return exportMunicipality(db, { municipalityId: municipalityOf(actor), actor, clock, storage, version });
    }),
  };
}

export type BackupService = ReturnType<typeof createBackupService>;
