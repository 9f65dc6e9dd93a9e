import {
  accessRightImportContentTypes,
  importMappingCreateSchema,
  importMappingListQuerySchema,
  importMappingListSchema,
  importMappingRecordSchema,
  importMappingUpdateSchema,
  importProposalSchema,
  importReportSchema,
  importRunQuerySchema,
  problemSchema,
  type ImportReport,
  type ImportRunQuery,
} from '@forvalta/contracts';
import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { UseCase } from '../../access/use-case.ts';
import { AppError } from '../../platform/errors.ts';
import { problemResponses, type ApiApp } from '../../platform/http/api-app.ts';
import { problemFor } from '../../platform/http/error-handler.ts';
import { actorOf } from '../../platform/http/authentication.ts';
import { sendDownload } from '../../platform/http/file-download.ts';
import { registerResourceRoutes } from '../../platform/http/resource-routes.ts';
import type { ImportProgress } from './import-files.ts';
import { reportWorkbook } from './import-report-workbook.ts';
import type { ImportsService } from './imports.service.ts';
import type { PeopleImportService } from './people-import.service.ts';
import type { RegisterImportService } from './register-import.service.ts';

/** The largest file an import takes: 10,000 systems as XLSX are about 2 MB, as CSV less. */
export const importBodyLimit = 32 * 1024 * 1024;

const bytesOf = (request: FastifyRequest) => {
  const body = request.body;
  return Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : '');
};

const progressType = 'application/x-ndjson';

/**
 * The apply's progress as a stream (ADR 0032), for the web's progress indicator: with `Accept:
 * application/x-ndjson` the answer is a line `{"type":"progress","written":n,"total":m}` after each
 * batch, then `{"type":"report","report":…}`, or `{"type":"problem","problem":…}` if the
 * transaction failed after it began (nothing was written then either). A refusal before the first
 * batch (401, 403, a refused row, an unreadable file) is the ordinary problem response.
 */
const streams = new WeakMap<FastifyReply, { stream: PassThrough; started: () => void }>();
function progressOf(reply: FastifyReply): ImportProgress {
  return (written, total) => {
    const state = streams.get(reply);
    if (!state) return;
    state.started();
    state.stream.write(`${JSON.stringify({ type: 'progress', written, total })}\n`);
  };
}

async function streamApply(reply: FastifyReply, running: Promise<ImportReport>, request: FastifyRequest) {
  const stream = new PassThrough();
  let markStarted: () => void = () => {};
  const started = new Promise<void>((resolve) => {
    markStarted = resolve;
  });
  streams.set(reply, { stream, started: markStarted });
  const outcome = running.then(
    (report) => ({ report }),
    (error: unknown) => ({ error }),
  );
  // Until the first batch is written, a failure is an ordinary problem response.
  const first = await Promise.race([started.then(() => undefined), outcome]);
  if (first && 'error' in first) throw first.error;
  void outcome.then((result) => {
    if ('report' in result) stream.write(`${JSON.stringify({ type: 'report', report: result.report })}\n`);
    else {
      const error = result.error;
      if (!(error instanceof AppError)) request.log.error(error);
      const problem =
        error instanceof AppError
          ? problemFor(error.code, error.message, error.fieldErrors, error.requirement, error.reason)
          : problemFor('internal_error');
      stream.write(`${JSON.stringify({ type: 'problem', problem })}\n`);
    }
    stream.end();
  });
  return reply.type(progressType).header('cache-control', 'no-store').send(stream);
}

/**
 * The imports (issue #17 §1, ADR 0032). The request body is the file itself (CSV or XLSX, told
 * apart by its first bytes), as for the other imports, so `curl --data-binary @file` sends it:
 *
 * - POST /api/v1/imports/{register|people}: the headers, a sample and the proposed mapping;
 * - POST /api/v1/imports/{register|people}/run?mode=dry_run|apply&mapping=…: the report; with
 *   format=xlsx the dry run's report as a spreadsheet with a "what to fix" column;
 * - /api/v1/import-mappings: the mappings saved by name.
 */
export function registerImportRoutes(
  app: ApiApp,
  services: { imports: ImportsService; register: RegisterImportService; people: PeopleImportService },
): void {
  void app.register(async (scope: FastifyInstance) => {
    scope.addContentTypeParser(
      [...accessRightImportContentTypes],
      { parseAs: 'buffer', bodyLimit: importBodyLimit },
      (_request, body, done) => done(null, body),
    );
    const kinds = [
      { kind: 'register', propose: services.imports.proposeRegisterMapping, run: services.register.importRegister, noun: 'systems' },
      { kind: 'people', propose: services.imports.proposePeopleMapping, run: services.people.importPeople, noun: 'people' },
    ] as const;
    for (const { kind, propose, run, noun } of kinds) {
      scope.post(
        `/api/v1/imports/${kind}`,
        {
          bodyLimit: importBodyLimit,
          schema: {
            tags: ['Imports'],
            summary: `Read a spreadsheet of ${noun}: its headers, a sample and the proposed column mapping`,
            consumes: [...accessRightImportContentTypes],
            response: { 200: importProposalSchema, ...problemResponses, 413: problemSchema },
          },
          config: { permission: propose.permission },
        },
        async (request) => propose(actorOf(request), bytesOf(request)),
      );
      const runner = run as UseCase<[bytes: Buffer, query: ImportRunQuery, progress?: ImportProgress], ImportReport>;
      scope.post(
        `/api/v1/imports/${kind}/run`,
        {
          bodyLimit: importBodyLimit,
          schema: {
            tags: ['Imports'],
            summary: `Import ${noun} from a spreadsheet (dry run by default; apply writes all rows or none)`,
            consumes: [...accessRightImportContentTypes],
            querystring: importRunQuerySchema,
            response: { 200: importReportSchema, ...problemResponses, 409: problemSchema, 413: problemSchema },
          },
          config: { permission: runner.permission },
        },
        async (request, reply: FastifyReply) => {
          const query = request.query as ImportRunQuery;
          if (query.mode === 'apply' && (request.headers.accept ?? '').includes(progressType))
            return streamApply(reply, runner(actorOf(request), bytesOf(request), query, progressOf(reply)), request);
          const report = await runner(actorOf(request), bytesOf(request), query);
          if (query.format !== 'xlsx') return report;
          return sendDownload(reply, {
            contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            fileName: `${kind === 'register' ? 'import-register' : 'import-personer'}-${report.mode}.xlsx`,
            body: await reportWorkbook(report, query.language),
          });
        },
      );
    }
  });

  registerResourceRoutes(app, {
    path: '/api/v1/import-mappings',
    tag: 'Imports',
    noun: 'import mapping',
    schemas: {
      listQuery: importMappingListQuerySchema,
      list: importMappingListSchema,
      item: importMappingRecordSchema,
      create: importMappingCreateSchema,
      update: importMappingUpdateSchema,
    },
    list: services.imports.listMappings,
    get: services.imports.getMapping,
    create: services.imports.createMapping,
    update: services.imports.updateMapping,
  });
}
