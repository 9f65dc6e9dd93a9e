import {
  idParamsSchema,
  mailboxCreateSchema,
  mailboxListQuerySchema,
  mailboxListSchema,
  mailboxSchema,
  mailboxUpdateSchema,
  privacyReviewCreateSchema,
  privacyReviewListSchema,
  privacyReviewSchema,
  processingActivityCreateSchema,
  processingActivityExportQuerySchema,
  processingActivityListQuerySchema,
  processingActivityListSchema,
  processingActivitySchema,
  processingActivityConfidentialExportSchema,
  processingActivityUpdateSchema,
  subjectAccessExportSchema,
} from '@forvalta/contracts';
import { fileResponse, problemResponses, writeProblemResponses, type ApiApp } from '../../platform/http/api-app.ts';
import { actorOf } from '../../platform/http/authentication.ts';
import { sendDownload } from '../../platform/http/file-download.ts';
import { registerResourceRoutes } from '../../platform/http/resource-routes.ts';
import { expectedVersion } from '../../platform/http/versioning.ts';
import type { Article30Export } from './article-30-export.service.ts';
import type { MailboxesService } from './mailboxes.service.ts';
import type { PrivacyReviewsService } from './privacy-reviews.service.ts';
import type { ProcessingActivitiesService } from './processing-activities.service.ts';
import type { SubjectAccessExportService } from './subject-access-export.service.ts';

export interface PrivacyRouteServices {
  activities: ProcessingActivitiesService;
  reviews: PrivacyReviewsService;
  mailboxes: MailboxesService;
  article30: Article30Export;
  subjectAccess: SubjectAccessExportService;
}

/**
 * /api/v1/processing-activities (with their reviews), /api/v1/mailboxes and a person's subject
 * access extract (a POST: the extract is itself recorded in the audit log, and reads never write).
 */
export function registerPrivacyRoutes(app: ApiApp, services: PrivacyRouteServices): void {
  const { activities, reviews, mailboxes, article30, subjectAccess } = services;
  // Before the resource's /:id routes, as a static segment wins anyway; kept first for the reader.
  app.get(
    '/api/v1/processing-activities/export',
    {
      schema: {
        tags: ['Personal data'],
        summary: 'The record of processing (GDPR art. 30) as XLSX or, with format=pdf, as a landscape A4 PDF; the list filters apply',
        querystring: processingActivityExportQuerySchema,
        response: { ...fileResponse, ...problemResponses },
      },
      config: { permission: article30.exportProcessingActivities.permission },
    },
    async (request, reply) => {
      const file = await article30.exportProcessingActivities(actorOf(request), request.query);
      return sendDownload(reply, { contentType: file.contentType, fileName: file.filename, body: file.body });
    },
  );
  app.post(
    '/api/v1/processing-activities/export',
    {
      schema: {
        tags: ['Personal data'],
        summary: 'The record of processing with its confidential records, marked, as XLSX or PDF (recorded as confidential_exported)',
        querystring: processingActivityExportQuerySchema,
        body: processingActivityConfidentialExportSchema,
        response: { ...fileResponse, ...problemResponses },
      },
      config: { permission: article30.exportConfidentialProcessingActivities.permission },
    },
    async (request, reply) => {
      const file = await article30.exportConfidentialProcessingActivities(actorOf(request), request.query, request.body);
      return sendDownload(reply, { contentType: file.contentType, fileName: file.filename, body: file.body });
    },
  );
  registerResourceRoutes(app, {
    path: '/api/v1/processing-activities',
    tag: 'Personal data',
    noun: 'processing activity',
    schemas: {
      listQuery: processingActivityListQuerySchema,
      list: processingActivityListSchema,
      item: processingActivitySchema,
      create: processingActivityCreateSchema,
      update: processingActivityUpdateSchema,
    },
    list: activities.listProcessingActivities,
    get: activities.getProcessingActivity,
    create: activities.createProcessingActivity,
    update: activities.updateProcessingActivity,
    remove: activities.deleteProcessingActivity,
  });
  app.get(
    '/api/v1/processing-activities/:id/reviews',
    {
      schema: {
        tags: ['Personal data'],
        summary: "A record of processing's reviews by the data protection officer, newest first",
        params: idParamsSchema,
        response: { 200: privacyReviewListSchema, ...problemResponses },
      },
      config: { permission: reviews.listPrivacyReviews.permission },
    },
    (request) => reviews.listPrivacyReviews(actorOf(request), request.params.id),
  );
  app.post(
    '/api/v1/processing-activities/:id/reviews',
    {
      schema: {
        tags: ['Personal data'],
        summary: 'Review a record of processing as the data protection officer (If-Match: the version reviewed)',
        params: idParamsSchema,
        body: privacyReviewCreateSchema,
        response: { 201: privacyReviewSchema, ...writeProblemResponses },
      },
      config: { permission: reviews.reviewProcessingActivity.permission },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await reviews.reviewProcessingActivity(actorOf(request), request.params.id, expectedVersion(request), request.body)),
  );
  registerResourceRoutes(app, {
    path: '/api/v1/mailboxes',
    tag: 'Personal data',
    noun: 'functional mailbox',
    schemas: {
      listQuery: mailboxListQuerySchema,
      list: mailboxListSchema,
      item: mailboxSchema,
      create: mailboxCreateSchema,
      update: mailboxUpdateSchema,
    },
    list: mailboxes.listMailboxes,
    get: mailboxes.getMailbox,
    create: mailboxes.createMailbox,
    update: mailboxes.updateMailbox,
    remove: mailboxes.deleteMailbox,
  });
  app.post(
    '/api/v1/people/:id/subject-access-export',
    {
      schema: {
        tags: ['Personal data'],
        summary: 'Everything Förvalta holds about a person as XLSX (GDPR art. 15), recorded as subject_access_exported',
        params: idParamsSchema,
        body: subjectAccessExportSchema,
        response: { ...fileResponse, ...problemResponses },
      },
      config: { permission: subjectAccess.exportSubjectAccess.permission },
    },
    async (request, reply) => {
      const file = await subjectAccess.exportSubjectAccess(actorOf(request), request.params.id, request.body);
      return sendDownload(reply, { contentType: file.contentType, fileName: file.filename, body: file.body });
    },
  );
}
