import {
  acknowledgementConfirmSchema,
  acknowledgementCoverageParamsSchema,
  acknowledgementCoverageSchema,
  acknowledgementCoverageSummarySchema,
  acknowledgementListQuerySchema,
  acknowledgementListSchema,
  acknowledgementPaperRecordSchema,
  acknowledgementPreviewParamsSchema,
  acknowledgementPreviewQuerySchema,
  acknowledgementPreviewSchema,
  acknowledgementReminderResultSchema,
  acknowledgementReminderSchema,
  acknowledgementSchema,
  acknowledgementSessionRecordSchema,
  idParamsSchema,
} from '@forvalta/contracts';
import { problemResponses, writeProblemResponses, type ApiApp } from '../../platform/http/api-app.ts';
import { actorOf } from '../../platform/http/authentication.ts';
import { expectedVersion, setVersionTag } from '../../platform/http/versioning.ts';
import type { AcknowledgementCoverageService } from './acknowledgement-coverage.service.ts';
import type { AcknowledgementsService } from './acknowledgements.service.ts';

const tags = ['Acknowledgements'];

export function registerAcknowledgementRoutes(
  app: ApiApp,
  services: { acknowledgements: AcknowledgementsService; coverage: AcknowledgementCoverageService },
): void {
  const { acknowledgements, coverage } = services;

  app.get(
    '/api/v1/acknowledgements',
    {
      schema: {
        tags,
        summary:
          'Acknowledgement requests: your own, and those of the people you oversee (filters: personId, documentId, versionId, departmentId with its sub-units, state requested|acknowledged|overdue, q)',
        querystring: acknowledgementListQuerySchema,
        response: { 200: acknowledgementListSchema, ...problemResponses },
      },
      config: { permission: acknowledgements.listAcknowledgements.permission },
    },
    (request) => acknowledgements.listAcknowledgements(actorOf(request), request.query),
  );

  app.get(
    '/api/v1/acknowledgements/coverage',
    {
      schema: {
        operationId: 'listAcknowledgementCoverage',
        tags,
        summary: "Every document that asks acknowledgement, with its current version's totals over the departments you may see",
        response: { 200: acknowledgementCoverageSummarySchema, ...problemResponses },
      },
      config: { permission: coverage.coverageSummary.permission },
    },
    (request) => coverage.coverageSummary(actorOf(request)),
  );

  app.get(
    '/api/v1/acknowledgements/coverage/:documentId',
    {
      schema: {
        operationId: 'getDocumentAcknowledgementCoverage',
        tags,
        summary:
          "How far a document's current version is acknowledged per department: active employees, acknowledged, open, overdue, share (a department head sees their own subtree)",
        params: acknowledgementCoverageParamsSchema,
        response: { 200: acknowledgementCoverageSchema, ...problemResponses },
      },
      config: { permission: coverage.coverage.permission },
    },
    (request) => coverage.coverage(actorOf(request), request.params.documentId),
  );

  app.get(
    '/api/v1/acknowledgements/preview/:versionId',
    {
      schema: {
        operationId: 'previewAcknowledgementRequests',
        tags,
        summary:
          'What adopting a version today would do: how many people would be asked and how many acknowledgements carry over (editorial=true|false for the choice being made)',
        params: acknowledgementPreviewParamsSchema,
        querystring: acknowledgementPreviewQuerySchema,
        response: { 200: acknowledgementPreviewSchema, ...problemResponses },
      },
      config: { permission: coverage.preview.permission },
    },
    (request) => coverage.preview(actorOf(request), request.params.versionId, request.query),
  );

  app.post(
    '/api/v1/acknowledgements/reminders',
    {
      schema: {
        operationId: 'remindOfAcknowledgements',
        tags,
        summary:
          "Record a reminder on the open requests of a document's current version: a person's, a department's or everyone's (the e-mail comes with issue #18)",
        body: acknowledgementReminderSchema,
        response: { 200: acknowledgementReminderResultSchema, ...writeProblemResponses },
      },
      config: { permission: acknowledgements.remind.permission },
    },
    (request) => acknowledgements.remind(actorOf(request), request.body),
  );

  app.get(
    '/api/v1/acknowledgements/:id',
    {
      schema: {
        tags,
        summary: 'One acknowledgement request',
        params: idParamsSchema,
        response: { 200: acknowledgementSchema, ...problemResponses },
      },
      config: { permission: acknowledgements.getAcknowledgement.permission },
    },
    async (request, reply) => {
      const record = await acknowledgements.getAcknowledgement(actorOf(request), request.params.id);
      setVersionTag(reply, record.version);
      return record;
    },
  );

  app.post(
    '/api/v1/acknowledgements/:id/acknowledge',
    {
      schema: {
        tags,
        summary: 'Confirm you have read the adopted version (your own request only; If-Match required)',
        params: idParamsSchema,
        body: acknowledgementConfirmSchema.nullish(),
        response: { 200: acknowledgementSchema, ...writeProblemResponses },
      },
      config: { permission: acknowledgements.acknowledge.permission },
    },
    async (request, reply) => {
      const record = await acknowledgements.acknowledge(actorOf(request), request.params.id, expectedVersion(request));
      setVersionTag(reply, record.version);
      return record;
    },
  );

  app.post(
    '/api/v1/acknowledgements/:id/paper-record',
    {
      schema: {
        operationId: 'recordAcknowledgementFromPaper',
        tags,
        summary:
          "Record an acknowledgement signed on paper (the person's department head; audited with who recorded it; If-Match required)",
        params: idParamsSchema,
        body: acknowledgementPaperRecordSchema,
        response: { 200: acknowledgementSchema, ...writeProblemResponses },
      },
      config: { permission: acknowledgements.recordFromPaper.permission },
    },
    async (request, reply) => {
      const record = await acknowledgements.recordFromPaper(actorOf(request), request.params.id, expectedVersion(request), request.body);
      setVersionTag(reply, record.version);
      return record;
    },
  );

  app.post(
    '/api/v1/acknowledgements/:id/session-record',
    {
      schema: {
        operationId: 'recordAcknowledgementAtSession',
        tags,
        summary: "Record an acknowledgement given at a training session (the session's trainer; audited; If-Match required)",
        params: idParamsSchema,
        body: acknowledgementSessionRecordSchema,
        response: { 200: acknowledgementSchema, ...writeProblemResponses },
      },
      config: { permission: acknowledgements.recordAtSession.permission },
    },
    async (request, reply) => {
      const record = await acknowledgements.recordAtSession(actorOf(request), request.params.id, expectedVersion(request), request.body);
      setVersionTag(reply, record.version);
      return record;
    },
  );
}
