import { randomUUID } from 'node:crypto';
import { scoped, unscoped, versioned, type RouteCase } from './route-case.ts';

/** Records of processing, the DPO's reviews and functional mailboxes (issue #16). */
export const privacyCases: Record<string, RouteCase> = {
  'GET /api/v1/processing-activities/:id': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/processing-activities/${(await r.privacy.processingActivity(p)).id}` }),
  },
  // Judged on the controller department the body names: a head records their own department's processing.
  'POST /api/v1/processing-activities': {
    bodyReferences: 'department',
    ...scoped,
    allowed: 201,
    prepare: async (_r, p) => ({
      url: '/api/v1/processing-activities',
      body: { name: `Behandling ${randomUUID().slice(0, 6)}`, purpose: 'Handläggning', controllerDepartmentId: p.departmentId },
    }),
  },
  'PATCH /api/v1/processing-activities/:id': {
    ...scoped,
    allowed: 200,
    prepare: async (r, p) => versioned('/api/v1/processing-activities', await r.privacy.processingActivity(p), { retention: '2 år' }),
  },
  'DELETE /api/v1/processing-activities/:id': {
    ...scoped,
    allowed: 204,
    prepare: async (r, p) => versioned('/api/v1/processing-activities', await r.privacy.processingActivity(p)),
  },
  'GET /api/v1/processing-activities/:id/reviews': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/processing-activities/${(await r.privacy.processingActivity(p)).id}/reviews` }),
  },
  // The data protection officer reviews every record of the municipality, whichever department answers for it.
  'POST /api/v1/processing-activities/:id/reviews': {
    ...unscoped,
    allowed: 201,
    prepare: async (r, p) => {
      const activity = await r.privacy.processingActivity(p);
      return { url: `/api/v1/processing-activities/${activity.id}/reviews`, version: activity.version, body: { outcome: 'approved' } };
    },
  },
  'GET /api/v1/mailboxes/:id': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/mailboxes/${(await r.privacy.mailbox(p)).id}` }),
  },
  'POST /api/v1/mailboxes': {
    bodyReferences: 'department',
    ...unscoped,
    allowed: 201,
    prepare: async (_r, p) => ({
      url: '/api/v1/mailboxes',
      body: { address: `funktion-${randomUUID().slice(0, 8)}@kommun.se`, departmentId: p.departmentId },
    }),
  },
  'PATCH /api/v1/mailboxes/:id': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => versioned('/api/v1/mailboxes', await r.privacy.mailbox(p), { purpose: 'Bygglov' }),
  },
  'DELETE /api/v1/mailboxes/:id': {
    ...unscoped,
    allowed: 204,
    prepare: async (r, p) => versioned('/api/v1/mailboxes', await r.privacy.mailbox(p)),
  },
  // The subject access extract (GDPR art. 15): the data protection officer's, for any person of the municipality.
  'POST /api/v1/people/:id/subject-access-export': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/people/${(await r.person(p)).id}/subject-access-export`, body: { caseReference: 'DPO 1' } }),
  },
  // The register with its confidential records (ADR 0030): recorded, so a POST; only inside the caller's municipality.
  'POST /api/v1/processing-activities/export': {
    ...unscoped,
    foreign: false,
    allowed: 200,
    prepare: async () => ({ url: '/api/v1/processing-activities/export', body: { reason: 'Begäran från IMY' } }),
  },
};
