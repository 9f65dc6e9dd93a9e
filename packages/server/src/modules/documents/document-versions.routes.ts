import {
  documentAttachmentContentTypes,
  documentAttachmentUploadQuerySchema,
  documentVersionActionBodySchema,
  documentVersionAdoptSchema,
  documentVersionCreateSchema,
  documentVersionDiffParamsSchema,
  documentVersionDiffSchema,
  documentVersionListQuerySchema,
  documentVersionListSchema,
  documentVersionParamsSchema,
  documentVersionSchema,
  documentVersionUpdateSchema,
  idParamsSchema,
  type DocumentVersion,
} from '@forvalta/contracts';
import type { FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { fileResponse, problemResponses, writeProblemResponses, type ApiApp } from '../../platform/http/api-app.ts';
import { actorOf } from '../../platform/http/authentication.ts';
import { expectedVersion, setVersionTag } from '../../platform/http/versioning.ts';
import type { DocumentRouteServices } from './documents.routes.ts';
import { sendDownload } from '../../platform/http/file-download.ts';

const tags = ['Policy documents'];

function withTag(reply: FastifyReply, version: DocumentVersion) {
  setVersionTag(reply, version.version);
  return version;
}

/**
 * The versions of a document: list, draft, edit, submit, withdraw, adopt, the diff of two, and the
 * attached file. The file is the request's raw body (no multipart parser: one file, one request,
 * its size limited before it is read whole; ADR 0018).
 */
export function registerDocumentVersionRoutes(
  app: ApiApp,
  { versions, attachments }: Pick<DocumentRouteServices, 'versions' | 'attachments'>,
  limits: { attachmentMaxBytes: number },
): void {
  const base = '/api/v1/documents/:id/versions';
  const write = { 200: documentVersionSchema, ...writeProblemResponses };

  app.get(
    base,
    {
      schema: {
        tags,
        summary: "List a document's versions (drafts only for its owner, administrators and auditors)",
        params: idParamsSchema,
        querystring: documentVersionListQuerySchema,
        response: { 200: documentVersionListSchema, ...problemResponses },
      },
      config: { permission: versions.listVersions.permission },
    },
    (request) => versions.listVersions(actorOf(request), request.params.id, request.query),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: 'Start a draft, from the adopted version unless text and sections are given',
        params: idParamsSchema,
        body: documentVersionCreateSchema,
        response: { 201: documentVersionSchema, ...writeProblemResponses },
      },
      config: { permission: versions.createVersion.permission },
    },
    async (request, reply) => {
      const created = await versions.createVersion(actorOf(request), request.params.id, request.body);
      setVersionTag(reply, created.version);
      return reply.status(201).send(created);
    },
  );

  app.get(
    `${base}/:versionId`,
    {
      schema: {
        tags,
        summary: 'Get a version',
        params: documentVersionParamsSchema,
        response: { 200: documentVersionSchema, ...problemResponses },
      },
      config: { permission: versions.getVersion.permission },
    },
    async (request, reply) => withTag(reply, await versions.getVersion(actorOf(request), request.params.id, request.params.versionId)),
  );

  app.patch(
    `${base}/:versionId`,
    {
      schema: {
        tags,
        summary: 'Edit a draft (If-Match required)',
        params: documentVersionParamsSchema,
        body: documentVersionUpdateSchema,
        response: write,
      },
      config: { permission: versions.updateVersion.permission },
    },
    async (request, reply) =>
      withTag(
        reply,
        await versions.updateVersion(actorOf(request), request.params.id, request.params.versionId, expectedVersion(request), request.body),
      ),
  );

  const simpleActions = [
    ['submit', 'Submit a draft for review (draft → in review; If-Match required)', versions.submitVersion],
    ['withdraw', 'Withdraw a version from review for rework (in review → draft; If-Match required)', versions.withdrawVersion],
  ] as const;
  for (const [action, summary, run] of simpleActions) {
    app.post(
      `${base}/:versionId/${action}`,
      {
        schema: { tags, summary, params: documentVersionParamsSchema, body: documentVersionActionBodySchema.nullish(), response: write },
        config: { permission: run.permission },
      },
      async (request, reply) =>
        withTag(reply, await run(actorOf(request), request.params.id, request.params.versionId, expectedVersion(request))),
    );
  }

  app.post(
    `${base}/:versionId/adopt`,
    {
      schema: {
        tags,
        summary: 'Adopt a version in review: supersedes the adopted one and sets the next review date (ITP-4.1-ADOPT; If-Match required)',
        params: documentVersionParamsSchema,
        body: documentVersionAdoptSchema,
        response: write,
      },
      config: { permission: versions.adoptVersion.permission },
    },
    async (request, reply) =>
      withTag(
        reply,
        await versions.adoptVersion(actorOf(request), request.params.id, request.params.versionId, expectedVersion(request), request.body),
      ),
  );

  app.get(
    `${base}/:versionId/diff/:otherVersionId`,
    {
      schema: {
        tags,
        summary: "What changed from one version's text (and sections) to another's",
        params: documentVersionDiffParamsSchema,
        response: { 200: documentVersionDiffSchema, ...problemResponses },
      },
      config: { permission: versions.diffVersions.permission },
    },
    (request) => versions.diffVersions(actorOf(request), request.params.id, request.params.versionId, request.params.otherVersionId),
  );

  app.get(
    `${base}/:versionId/attachment`,
    {
      schema: {
        tags,
        summary: "Download a version's attached file",
        params: documentVersionParamsSchema,
        response: { ...fileResponse, ...problemResponses },
      },
      config: { permission: attachments.downloadAttachment.permission },
    },
    async (request, reply) => {
      const file = await attachments.downloadAttachment(actorOf(request), request.params.id, request.params.versionId);
      return sendDownload(reply, { contentType: file.contentType, fileName: file.fileName, body: file.bytes });
    },
  );

  // The raw body parser exists only in this scope: no other route accepts these content types.
  app.register(async (plainScope) => {
    const scope = plainScope.withTypeProvider<ZodTypeProvider>();
    const accepted = [...Object.values(documentAttachmentContentTypes), 'application/octet-stream'];
    scope.addContentTypeParser(accepted, { parseAs: 'buffer', bodyLimit: limits.attachmentMaxBytes }, (_request, body, done) =>
      done(null, body),
    );
    scope.put(
      `${base}/:versionId/attachment`,
      {
        bodyLimit: limits.attachmentMaxBytes,
        schema: {
          tags,
          summary: 'Attach a file to a draft (PDF, DOCX or ODT as the raw body, its name in ?fileName=; If-Match required)',
          params: documentVersionParamsSchema,
          querystring: documentAttachmentUploadQuerySchema,
          response: { ...write, 413: write[400] },
        },
        config: { permission: attachments.uploadAttachment.permission },
      },
      async (request, reply) =>
        withTag(
          reply,
          await attachments.uploadAttachment(actorOf(request), request.params.id, request.params.versionId, expectedVersion(request), {
            fileName: request.query.fileName,
            bytes: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
          }),
        ),
    );
  });
}
