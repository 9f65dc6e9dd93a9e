import {
  accessRightImportContentTypes,
  accessRightImportQuerySchema,
  accessRightImportReportSchema,
  problemSchema,
} from '@forvalta/contracts';
import type { FastifyInstance } from 'fastify';
import { problemResponses, type ApiApp } from '../../platform/http/api-app.ts';
import { actorOf } from '../../platform/http/authentication.ts';
import type { AccessRightImportService } from './access-rights-import.service.ts';

/**
 * The largest file the import takes: 100,000 rights as CSV are about 8 MB, as XLSX less. Only
 * this route takes more than the application's 1 MB.
 */
export const accessRightImportBodyLimit = 32 * 1024 * 1024;

/**
 * POST /api/v1/access-rights/import?mode=dry_run|apply&source=…: the request body is the file
 * itself (CSV or XLSX, told apart by its first bytes), not a form, so a script can send it with
 * `curl --data-binary @file.xlsx`. The file's content types are parsed as bytes in this route's
 * own scope; everywhere else the application still takes JSON only.
 */
export function registerAccessRightImportRoutes(app: ApiApp, service: AccessRightImportService): void {
  void app.register(async (scope: FastifyInstance) => {
    scope.addContentTypeParser(
      [...accessRightImportContentTypes],
      { parseAs: 'buffer', bodyLimit: accessRightImportBodyLimit },
      (_request, body, done) => done(null, body),
    );
    scope.post(
      '/api/v1/access-rights/import',
      {
        bodyLimit: accessRightImportBodyLimit,
        schema: {
          tags: ['Access rights'],
          summary: 'Import access rights from a CSV or XLSX file (dry run by default; apply writes all rows or none)',
          consumes: [...accessRightImportContentTypes],
          querystring: accessRightImportQuerySchema,
          response: { 200: accessRightImportReportSchema, ...problemResponses, 409: problemSchema, 413: problemSchema },
        },
        config: { permission: service.importRights.permission },
      },
      async (request) => {
        const body = request.body;
        const bytes = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : '');
        return service.importRights(actorOf(request), bytes, request.query as never);
      },
    );
  });
}
