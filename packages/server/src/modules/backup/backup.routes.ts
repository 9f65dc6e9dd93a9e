import { fileResponse, problemResponses, type ApiApp } from '../../platform/http/api-app.ts';
import { actorOf } from '../../platform/http/authentication.ts';
import { sendDownload } from '../../platform/http/file-download.ts';
import type { BackupService } from './backup.service.ts';

/**
 * The backup as a download. A POST, not the GET, because taking it is recorded on the chain
 * (municipality_exported) and reads never write (architecture.md, convention 5; as the audit log's
 * export, ADR 0034).
 */
export function registerBackupRoutes(app: ApiApp, service: BackupService): void {
  app.post(
    '/api/v1/export',
    {
      schema: {
        tags: ['Backup'],
        summary:
          "The caller's municipality as a confidential backup archive (ZIP of NDJSON, docs/backup-format.md; recorded as municipality_exported)",
        response: { ...fileResponse, ...problemResponses },
      },
      config: { permission: service.exportOwnMunicipality.permission },
    },
    async (request, reply) => {
      const result = await service.exportOwnMunicipality(actorOf(request));
      return sendDownload(reply, { contentType: 'application/zip', fileName: result.fileName, body: result.archive });
    },
  );
}
