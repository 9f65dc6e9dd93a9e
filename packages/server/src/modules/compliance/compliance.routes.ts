import {
  complianceResultListSchema,
  complianceResultQuerySchema,
  complianceSummaryQuerySchema,
  complianceSummarySchema,
} from '@forvalta/contracts';
import { problemResponses, type ApiApp } from '../../platform/http/api-app.ts';
import { actorOf } from '../../platform/http/authentication.ts';
import type { ComplianceService } from './compliance.service.ts';

const tags = ['Compliance'];

/** The evaluation: the summary with its trend, and the results per subject. Reads only. */
export function registerComplianceRoutes(app: ApiApp, compliance: ComplianceService): void {
  app.get(
    '/api/v1/compliance',
    {
      schema: {
        tags,
        summary: 'Compliance per clause and department, with the trend',
        querystring: complianceSummaryQuerySchema,
        response: { 200: complianceSummarySchema, ...problemResponses },
      },
      config: { permission: compliance.summary.permission },
    },
    (request) => compliance.summary(actorOf(request), request.query.department, request.query.framework),
  );

  app.get(
    '/api/v1/compliance/results',
    {
      schema: {
        tags,
        summary: 'Results per subject with evidence and a fix link',
        querystring: complianceResultQuerySchema,
        response: { 200: complianceResultListSchema, ...problemResponses },
      },
      config: { permission: compliance.results.permission },
    },
    (request) => compliance.results(actorOf(request), request.query),
  );
}
