import type { Place, Records } from './records.ts';
import { scoped, unscoped, versioned, type RouteCase } from './route-case.ts';

/** The incident log (issue #19); records.incident makes each incident as the system actor. */
const body = async (r: Records, place: Place) => ({
  title: 'Incident',
  detectedAt: '2026-11-27T09:00:00.000Z',
  systemIds: [(await r.system(place)).id],
  significant: true,
});

export const incidentCases: Record<string, RouteCase> = {
  'POST /api/v1/incidents': {
    bodyReferences: 'other records',
    ...unscoped,
    allowed: 201,
    prepare: async (r, p) => ({ url: '/api/v1/incidents', body: await body(r, p) }),
  },
  // A department head reads the incidents of their department's systems.
  'GET /api/v1/incidents/:id': {
    ...scoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/incidents/${(await r.incident(p, await body(r, p))).id}` }),
  },
  'PATCH /api/v1/incidents/:id': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => versioned('/api/v1/incidents', await r.incident(p, await body(r, p)), { lessons: 'Lärdom' }),
  },
  'POST /api/v1/incidents/:id/reports': {
    ...unscoped,
    allowed: 201,
    prepare: async (r, p) => {
      const recorded = await r.incident(p, await body(r, p));
      return {
        url: `/api/v1/incidents/${recorded.id}/reports`,
        version: recorded.version,
        body: { kind: 'early_warning', sentAt: '2026-11-27T10:00:00.000Z', content: 'Tidig varning' },
      };
    },
  },
};
