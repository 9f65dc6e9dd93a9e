import { scoped, unscoped, type RouteCase } from './route-case.ts';

/**
 * Document acknowledgements (issue #13). A request is found by its own person and by those who
 * oversee its person's department (their head, the governance roles); confirming one is the
 * person's own (never anyone else's: 403 for those who find it); recording a paper is the
 * department head's for their own subtree.
 */
export const acknowledgementCases: Record<string, RouteCase> = {
  'GET /api/v1/acknowledgements/:id': {
    ...scoped,
    allowed: 200,
    foundWith: 'acknowledgementCoverage.read',
    prepare: async (r, p) => ({ url: `/api/v1/acknowledgements/${(await r.acknowledgementRequest(p)).id}` }),
  },
  'POST /api/v1/acknowledgements/:id/acknowledge': {
    ...scoped,
    allowed: 200,
    ownOnly: true,
    foundWith: 'acknowledgementCoverage.read',
    prepare: async (r, p) => {
      const request = await r.acknowledgementRequest(p);
      return { url: `/api/v1/acknowledgements/${request.id}/acknowledge`, body: {}, version: request.version };
    },
  },
  'POST /api/v1/acknowledgements/:id/paper-record': {
    ...scoped,
    allowed: 200,
    foundWith: 'acknowledgementCoverage.read',
    prepare: async (r, p) => {
      const request = await r.acknowledgementRequest(p);
      return {
        url: `/api/v1/acknowledgements/${request.id}/paper-record`,
        body: { signedOn: '2026-11-28', note: 'Pärm 2' },
        version: request.version,
      };
    },
  },
  // No matrix role is the session's trainer: those who find the request are refused, the rest find nothing.
  'POST /api/v1/acknowledgements/:id/session-record': {
    ...scoped,
    allowed: 200,
    foundWith: 'acknowledgementCoverage.read',
    prepare: async (r, p) => {
      const request = await r.acknowledgementRequest(p);
      const session = await r.trainingSession(p);
      return {
        url: `/api/v1/acknowledgements/${request.id}/session-record`,
        body: { trainingSessionId: session.id },
        version: request.version,
      };
    },
  },
  'POST /api/v1/acknowledgements/reminders': {
    ...scoped,
    bodyReferences: 'department',
    allowed: 200,
    prepare: async (r, p) => ({
      url: '/api/v1/acknowledgements/reminders',
      body: { documentId: (await r.adoptedDocument(p)).id, departmentId: p.departmentId },
    }),
  },
  'GET /api/v1/acknowledgements/coverage/:documentId': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/acknowledgements/coverage/${(await r.adoptedDocument(p)).id}` }),
  },
  'GET /api/v1/acknowledgements/preview/:versionId': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/acknowledgements/preview/${(await r.draftDocumentVersion(p)).id}` }),
  },
};
