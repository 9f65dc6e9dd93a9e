import {
  idParamsSchema,
  recertificationCreateSchema,
  recertificationDecidedSchema,
  recertificationDecideSchema,
  recertificationItemListQuerySchema,
  recertificationItemListSchema,
  recertificationListQuerySchema,
  recertificationListSchema,
  recertificationSchema,
} from '@forvalta/contracts';
import { problemResponses, writeProblemResponses, type ApiApp } from '../../platform/http/api-app.ts';
import { actorOf } from '../../platform/http/authentication.ts';
import { setVersionTag } from '../../platform/http/versioning.ts';
import type { RecertificationsService } from './recertifications.service.ts';

const tags = ['Access rights'];

/** Recertification campaigns (registered by registerAccessRightRoutes). */
export function registerRecertificationRoutes(app: ApiApp, recertifications: RecertificationsService): void {
  app.get(
    '/api/v1/recertifications',
    {
      schema: {
        tags,
        summary: 'Recertification campaigns (those the caller may see)',
        querystring: recertificationListQuerySchema,
        response: { 200: recertificationListSchema, ...problemResponses },
      },
      config: { permission: recertifications.listRecertifications.permission },
    },
    (request) => recertifications.listRecertifications(actorOf(request), request.query),
  );
  app.post(
    '/api/v1/recertifications',
    {
      schema: {
        tags,
        summary: "Start a campaign of a system's rights, or of every system a department owns",
        body: recertificationCreateSchema,
        response: { 201: recertificationSchema, ...writeProblemResponses },
      },
      config: { permission: recertifications.startRecertification.permission },
    },
    async (request, reply) => {
      const campaign = await recertifications.startRecertification(actorOf(request), request.body);
      setVersionTag(reply, campaign.version);
      return reply.status(201).send(campaign);
    },
  );
  app.get(
    '/api/v1/recertifications/:id',
    {
      schema: {
        tags,
        summary: 'A campaign with its progress',
        params: idParamsSchema,
        response: { 200: recertificationSchema, ...problemResponses },
      },
      config: { permission: recertifications.getRecertification.permission },
    },
    async (request, reply) => {
      const campaign = await recertifications.getRecertification(actorOf(request), request.params.id);
      setVersionTag(reply, campaign.version);
      return campaign;
    },
  );
  app.get(
    '/api/v1/recertifications/:id/items',
    {
      schema: {
        tags,
        summary: "A campaign's rights with their decisions",
        params: idParamsSchema,
        querystring: recertificationItemListQuerySchema,
        response: { 200: recertificationItemListSchema, ...problemResponses },
      },
      config: { permission: recertifications.listRecertificationItems.permission },
    },
    (request) => recertifications.listRecertificationItems(actorOf(request), request.params.id, request.query),
  );
  app.post(
    '/api/v1/recertifications/:id/decisions',
    {
      schema: {
        tags,
        summary: 'Keep or end rights of the campaign, with the count the caller confirmed',
        params: idParamsSchema,
        body: recertificationDecideSchema,
        response: { 200: recertificationDecidedSchema, ...writeProblemResponses },
      },
      config: { permission: recertifications.decideRecertification.permission },
    },
    (request) => recertifications.decideRecertification(actorOf(request), request.params.id, request.body),
  );
}
