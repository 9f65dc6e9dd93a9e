import {
  idParamsSchema,
  riskAnalysisCreateSchema,
  riskAnalysisListSchema,
  riskAnalysisSchema,
  riskMatrixSettingSchema,
  riskMatrixSettingUpdateSchema,
  systemRiskAnalysisParamsSchema,
} from '@forvalta/contracts';
import { problemResponses, writeProblemResponses, type ApiApp } from '../../platform/http/api-app.ts';
import { actorOf } from '../../platform/http/authentication.ts';
import { expectedVersion, setVersionTag } from '../../platform/http/versioning.ts';
import type { RiskAnalysesService } from './risk-analyses.service.ts';

const tags = ['Risk analyses'];

export function registerRiskAnalysisRoutes(app: ApiApp, risks: RiskAnalysesService): void {
  app.get(
    '/api/v1/systems/:id/risk-analyses',
    {
      schema: {
        tags,
        summary: "The system's risk analyses, newest first (superseded revisions included)",
        params: idParamsSchema,
        response: { 200: riskAnalysisListSchema, ...problemResponses },
      },
      config: { permission: risks.listRiskAnalyses.permission },
    },
    (request) => risks.listRiskAnalyses(actorOf(request), request.params.id),
  );

  app.post(
    '/api/v1/systems/:id/risk-analyses',
    {
      schema: {
        tags,
        summary: 'Record a risk analysis with consequence descriptions (ITP-4.2.1-RISK)',
        params: idParamsSchema,
        body: riskAnalysisCreateSchema,
        response: { 201: riskAnalysisSchema, ...writeProblemResponses },
      },
      config: { permission: risks.createRiskAnalysis.permission },
    },
    async (request, reply) => {
      const analysis = await risks.createRiskAnalysis(actorOf(request), request.params.id, request.body);
      setVersionTag(reply, analysis.version);
      return reply.status(201).send(analysis);
    },
  );

  app.get(
    '/api/v1/systems/:id/risk-analyses/:analysisId',
    {
      schema: {
        tags,
        summary: 'Get a risk analysis',
        params: systemRiskAnalysisParamsSchema,
        response: { 200: riskAnalysisSchema, ...problemResponses },
      },
      config: { permission: risks.getRiskAnalysis.permission },
    },
    async (request, reply) => {
      const analysis = await risks.getRiskAnalysis(actorOf(request), request.params.id, request.params.analysisId);
      setVersionTag(reply, analysis.version);
      return analysis;
    },
  );

  app.post(
    '/api/v1/systems/:id/risk-analyses/:analysisId/revisions',
    {
      schema: {
        tags,
        summary: 'Revise a risk analysis as a new version; the old one is kept (If-Match required)',
        params: systemRiskAnalysisParamsSchema,
        body: riskAnalysisCreateSchema,
        response: { 201: riskAnalysisSchema, ...writeProblemResponses },
      },
      config: { permission: risks.reviseRiskAnalysis.permission },
    },
    async (request, reply) => {
      const analysis = await risks.reviseRiskAnalysis(
        actorOf(request),
        request.params.id,
        request.params.analysisId,
        expectedVersion(request),
        request.body,
      );
      setVersionTag(reply, analysis.version);
      return reply.status(201).send(analysis);
    },
  );

  app.get(
    '/api/v1/risk-matrix',
    {
      schema: {
        tags,
        summary: "The municipality's likelihood × consequence matrix (labels)",
        response: { 200: riskMatrixSettingSchema, ...problemResponses },
      },
      config: { permission: risks.getRiskMatrix.permission },
    },
    async (request, reply) => {
      const matrix = await risks.getRiskMatrix(actorOf(request));
      setVersionTag(reply, matrix.version);
      return matrix;
    },
  );

  app.put(
    '/api/v1/risk-matrix',
    {
      schema: {
        tags,
        summary: 'Change the matrix labels; existing analyses keep their copy (If-Match required)',
        body: riskMatrixSettingUpdateSchema,
        response: { 200: riskMatrixSettingSchema, ...writeProblemResponses },
      },
      config: { permission: risks.updateRiskMatrix.permission },
    },
    async (request, reply) => {
      const matrix = await risks.updateRiskMatrix(actorOf(request), expectedVersion(request), request.body);
      setVersionTag(reply, matrix.version);
      return matrix;
    },
  );
}
