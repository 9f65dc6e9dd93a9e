import {
  changeNoticeAcknowledgeSchema,
  changeNoticeCreateSchema,
  changeNoticeDetailSchema,
  changeNoticeListQuerySchema,
  changeNoticeListSchema,
  changeNoticeSchema,
  idParamsSchema,
} from '@forvalta/contracts';
import { problemResponses, writeProblemResponses, type ApiApp } from '../../platform/http/api-app.ts';
import { actorOf } from '../../platform/http/authentication.ts';
import { expectedVersion, setVersionTag } from '../../platform/http/versioning.ts';
import type { ChangeNoticesService } from './change-notices.service.ts';

const tags = ['Change notices'];

export function registerChangeNoticeRoutes(app: ApiApp, notices: ChangeNoticesService): void {
  app.get(
    '/api/v1/change-notices',
    {
      schema: {
        tags,
        summary:
          "The IT unit's queue of change notices, newest first (filters: status, kind, systemId, recipientPersonId, source, overdue)",
        querystring: changeNoticeListQuerySchema,
        response: { 200: changeNoticeListSchema, ...problemResponses },
      },
      config: { permission: notices.listChangeNotices.permission },
    },
    (request) => notices.listChangeNotices(actorOf(request), request.query),
  );

  app.post(
    '/api/v1/change-notices',
    {
      schema: {
        tags,
        summary: 'Report a planned change of operation or responsibility (ITP-4.2.2-CHANGE-NOTICE)',
        body: changeNoticeCreateSchema,
        response: { 201: changeNoticeSchema, ...writeProblemResponses },
      },
      config: { permission: notices.createChangeNotice.permission },
    },
    async (request, reply) => {
      const notice = await notices.createChangeNotice(actorOf(request), request.body);
      setVersionTag(reply, notice.version);
      return reply.status(201).send(notice);
    },
  );

  app.get(
    '/api/v1/change-notices/:id',
    {
      schema: {
        tags,
        summary: 'Get a change notice in full: recipients by name, and for an automatic notice who held the role before and after',
        params: idParamsSchema,
        response: { 200: changeNoticeDetailSchema, ...problemResponses },
      },
      config: { permission: notices.getChangeNotice.permission },
    },
    async (request, reply) => {
      const notice = await notices.getChangeNotice(actorOf(request), request.params.id);
      setVersionTag(reply, notice.version);
      return notice;
    },
  );

  app.post(
    '/api/v1/change-notices/:id/acknowledge',
    {
      schema: {
        tags,
        summary: 'Acknowledge a notice (IT unit or IT chief only; If-Match required)',
        params: idParamsSchema,
        body: changeNoticeAcknowledgeSchema.nullish(),
        response: { 200: changeNoticeSchema, ...writeProblemResponses },
      },
      config: { permission: notices.acknowledgeChangeNotice.permission },
    },
    async (request, reply) => {
      const notice = await notices.acknowledgeChangeNotice(
        actorOf(request),
        request.params.id,
        expectedVersion(request),
        request.body?.note,
      );
      setVersionTag(reply, notice.version);
      return notice;
    },
  );
}
