import { nis2ReportExportQuerySchema, nis2ReportSchema } from '@forvalta/contracts';
import { fileResponse, problemResponses, type ApiApp } from '../../platform/http/api-app.ts';
import { actorOf } from '../../platform/http/authentication.ts';
import { sendDownload } from '../../platform/http/file-download.ts';
import type { Nis2ReportService } from './nis2-report.service.ts';

const tags = ['Compliance'];

/** The NIS2 status report (issue #19): the page's JSON and its XLSX or PDF. Reads only. */
export function registerNis2ReportRoutes(app: ApiApp, reports: Nis2ReportService): void {
  app.get(
    '/api/v1/compliance/nis2-report',
    {
      schema: {
        tags,
        summary: "The NIS2 status: the Cybersecurity Act's measures met, not met and not checked, and the systems in scope",
        response: { 200: nis2ReportSchema, ...problemResponses },
      },
      config: { permission: reports.report.permission },
    },
    (request) => reports.report(actorOf(request)),
  );
  app.get(
    '/api/v1/compliance/nis2-report/export',
    {
      schema: {
        tags,
        summary: 'The NIS2 status report as XLSX or, with format=pdf, as a portrait A4 PDF',
        querystring: nis2ReportExportQuerySchema,
        response: { ...fileResponse, ...problemResponses },
      },
      config: { permission: reports.exportReport.permission },
    },
    async (request, reply) => {
      const file = await reports.exportReport(actorOf(request), request.query);
      return sendDownload(reply, { contentType: file.contentType, fileName: file.filename, body: file.body });
    },
  );
}
