import {
  documentAttachmentContentTypes,
  idParamsSchema,
  policyPackDiffQuerySchema,
  policyPackDiffSchema,
  policyPackDraftAdoptSchema,
  policyPackDraftListSchema,
  policyPackDraftSchema,
  policyPackDraftUpdateSchema,
  policyPackFileSchema,
  policyPackPreviewSchema,
  policyRuleListSchema,
  policyDocumentProposalQuerySchema,
  policyDocumentProposalSchema,
} from '@forvalta/contracts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemResponses, writeProblemResponses, type ApiApp } from '../../platform/http/api-app.ts';
import { actorOf } from '../../platform/http/authentication.ts';
import { expectedVersion, setVersionTag } from '../../platform/http/versioning.ts';
import type { PolicyAuthoringService } from './policy-authoring.service.ts';

const tags = ['Policy authoring'];

/** A municipality's own policy pack (issue #21): the rule registry, the pack file, drafts, preview, diff, adoption. */
export function registerPolicyAuthoringRoutes(app: ApiApp, service: PolicyAuthoringService, limits: { documentMaxBytes: number }): void {
  // The raw body parser exists only in this scope: the uploaded document is the request's body.
  app.register(async (plainScope) => {
    const scope = plainScope.withTypeProvider<ZodTypeProvider>();
    const accepted = [...Object.values(documentAttachmentContentTypes), 'text/plain', 'application/octet-stream'];
    scope.addContentTypeParser(accepted, { parseAs: 'buffer', bodyLimit: limits.documentMaxBytes }, (_request, body, done) =>
      done(null, body),
    );
    scope.post(
      '/api/v1/policy-packs/proposals',
      {
        bodyLimit: limits.documentMaxBytes,
        schema: {
          tags,
          summary: 'The clauses an adopted policy document proposes (DOCX, PDF with text or plain text as the raw body); stores nothing',
          querystring: policyDocumentProposalQuerySchema,
          response: { 200: policyDocumentProposalSchema, ...writeProblemResponses, 413: writeProblemResponses[400] },
        },
        config: { permission: service.proposeFromDocument.permission },
      },
      (request) =>
        service.proposeFromDocument(actorOf(request), Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0), request.query.prefix),
    );
  });

  app.get(
    '/api/v1/policy-rules',
    {
      schema: {
        tags,
        summary: 'The rules a clause can be bound to, with their parameters',
        response: { 200: policyRuleListSchema, ...problemResponses },
      },
      config: { permission: service.listRules.permission },
    },
    (request) => service.listRules(actorOf(request)),
  );

  app.get(
    '/api/v1/policy-packs/:id/export',
    {
      schema: {
        tags,
        summary: 'A policy pack version as a pack file (docs/policy-pack-format.md)',
        params: idParamsSchema,
        response: { 200: policyPackFileSchema, ...problemResponses },
      },
      config: { permission: service.exportPack.permission },
    },
    (request) => service.exportPack(actorOf(request), request.params.id),
  );

  app.post(
    '/api/v1/policy-packs/import',
    {
      schema: {
        tags,
        summary: 'A pack file as a new draft, refused with every problem named by its clause',
        body: policyPackFileSchema,
        response: { 201: policyPackDraftSchema, ...writeProblemResponses },
      },
      config: { permission: service.importPack.permission },
    },
    async (request, reply) => {
      const draft = await service.importPack(actorOf(request), request.body);
      setVersionTag(reply, draft.version);
      return reply.status(201).send(draft);
    },
  );

  app.get(
    '/api/v1/policy-pack-drafts',
    {
      schema: { tags, summary: 'Policy pack drafts, newest first', response: { 200: policyPackDraftListSchema, ...problemResponses } },
      config: { permission: service.listDrafts.permission },
    },
    (request) => service.listDrafts(actorOf(request)),
  );

  app.get(
    '/api/v1/policy-pack-drafts/:id',
    {
      schema: {
        tags,
        summary: 'A policy pack draft with its content',
        params: idParamsSchema,
        response: { 200: policyPackDraftSchema, ...problemResponses },
      },
      config: { permission: service.getDraft.permission },
    },
    async (request, reply) => {
      const draft = await service.getDraft(actorOf(request), request.params.id);
      setVersionTag(reply, draft.version);
      return draft;
    },
  );

  app.put(
    '/api/v1/policy-pack-drafts/:id',
    {
      schema: {
        tags,
        summary: "Replace a draft's content (If-Match required)",
        params: idParamsSchema,
        body: policyPackDraftUpdateSchema,
        response: { 200: policyPackDraftSchema, ...writeProblemResponses },
      },
      config: { permission: service.updateDraft.permission },
    },
    async (request, reply) => {
      const draft = await service.updateDraft(actorOf(request), request.params.id, expectedVersion(request), request.body.content);
      setVersionTag(reply, draft.version);
      return draft;
    },
  );

  app.post(
    '/api/v1/policy-pack-drafts/:id/preview',
    {
      schema: {
        tags,
        summary: 'Evaluate the draft on the live register; writes nothing',
        params: idParamsSchema,
        response: { 200: policyPackPreviewSchema, ...problemResponses },
      },
      config: { permission: service.previewDraft.permission },
    },
    (request) => service.previewDraft(actorOf(request), request.params.id),
  );

  app.get(
    '/api/v1/policy-pack-drafts/:id/diff',
    {
      schema: {
        tags,
        summary: 'What the draft changes from a pack version (the current one by default), and whether it is editorial',
        params: idParamsSchema,
        querystring: policyPackDiffQuerySchema,
        response: { 200: policyPackDiffSchema, ...problemResponses },
      },
      config: { permission: service.diffDraft.permission },
    },
    (request) => service.diffDraft(actorOf(request), request.params.id, request.query.against),
  );

  app.post(
    '/api/v1/policy-pack-drafts/:id/adopt',
    {
      schema: {
        tags,
        summary: 'Adopt the draft with a new version of its policy document (If-Match required)',
        params: idParamsSchema,
        body: policyPackDraftAdoptSchema,
        response: { 200: policyPackDraftSchema, ...writeProblemResponses },
      },
      config: { permission: service.adoptDraft.permission },
    },
    async (request, reply) => {
      const draft = await service.adoptDraft(actorOf(request), request.params.id, expectedVersion(request), request.body);
      setVersionTag(reply, draft.version);
      return draft;
    },
  );
}
