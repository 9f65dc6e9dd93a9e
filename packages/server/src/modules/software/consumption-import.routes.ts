import {
  accessRightImportContentTypes,
  consumptionImportQuerySchema,
  consumptionImportReportSchema,
  problemSchema,
} from '@forvalta/contracts';
import type { FastifyInstance } from 'fastify';
import { problemResponses, type ApiApp } from '../../platform/http/api-app.ts';
import { actorOf } from '../../platform/http/authentication.ts';
import type { ConsumptionImportService } from './consumption-import.service.ts';

/** An inventory counts products, not devices: a few thousand rows. 8 MB leaves room for XLSX's overhead. */
const consumptionImportBodyLimit = 8 * 1024 * 1024;

/**
 * POST /api/v1/licence-consumption/import-file?inventory=NAME&mode=dry_run|apply: the request body
 * is the file itself (CSV or XLSX, told apart by its first bytes), as for the asset import. The
 * file's content types are parsed as bytes in this route's own scope only.
 */
export function registerConsumptionImportRoutes(app: ApiApp, service: ConsumptionImportService): void {
  void app.register(async (scope: FastifyInstance) => {
    scope.addContentTypeParser(
      [...accessRightImportContentTypes],
      { parseAs: 'buffer', bodyLimit: consumptionImportBodyLimit },
      (_request, body, done) => done(null, body),
    );
    scope.post(
      '/api/v1/licence-consumption/import-file',
      {
        bodyLimit: consumptionImportBodyLimit,
        schema: {
          tags: ['Software and licences'],
          summary:
            "Import an inventory's counted licence consumption from CSV or XLSX (dry run by default; apply replaces the inventory's counts, all rows or none)",
          consumes: [...accessRightImportContentTypes],
          querystring: consumptionImportQuerySchema,
          response: { 200: consumptionImportReportSchema, ...problemResponses, 413: problemSchema },
        },
        config: { permission: service.importConsumptionFile.permission },
      },
      async (request) => {
        const body = request.body;
        const bytes = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : '');
        return service.importConsumptionFile(actorOf(request), bytes, request.query as never);
      },
    );
  });
}
