import { accessRightImportContentTypes, assetImportQuerySchema, assetImportReportSchema, problemSchema } from '@forvalta/contracts';
import type { FastifyInstance } from 'fastify';
import { problemResponses, type ApiApp } from '../../platform/http/api-app.ts';
import { actorOf } from '../../platform/http/authentication.ts';
import type { AssetImportService } from './asset-import.service.ts';

/** The largest inventory the import takes: 100,000 assets as CSV are about 10 MB. Only this route takes more than 1 MB. */
export const assetImportBodyLimit = 32 * 1024 * 1024;

/**
 * POST /api/v1/assets/import?mode=dry_run|apply: the request body is the file itself (CSV or XLSX,
 * told apart by its first bytes), as for the access-rights import, so `curl --data-binary @file`
 * sends it. The file's content types are parsed as bytes in this route's own scope only.
 */
export function registerAssetImportRoutes(app: ApiApp, service: AssetImportService): void {
  void app.register(async (scope: FastifyInstance) => {
    scope.addContentTypeParser(
      [...accessRightImportContentTypes],
      { parseAs: 'buffer', bodyLimit: assetImportBodyLimit },
      (_request, body, done) => done(null, body),
    );
    scope.post(
      '/api/v1/assets/import',
      {
        bodyLimit: assetImportBodyLimit,
        schema: {
          tags: ['Equipment'],
          summary: 'Import assets from a CSV or XLSX inventory (dry run by default; apply writes all rows or none)',
          consumes: [...accessRightImportContentTypes],
          querystring: assetImportQuerySchema,
          response: { 200: assetImportReportSchema, ...problemResponses, 409: problemSchema, 413: problemSchema },
        },
        config: { permission: service.importAssets.permission },
      },
      async (request) => {
        const body = request.body;
        const bytes = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : '');
        // A long apply shows in the server's log batch by batch, as the CLI prints it.
        return service.importAssets(actorOf(request), bytes, request.query as never, (written, total) =>
          request.log.info({ written, total }, 'asset import: assets written'),
        );
      },
    );
  });
}
