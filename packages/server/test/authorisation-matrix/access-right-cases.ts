import { randomUUID } from 'node:crypto';
import { scoped, unscoped, versioned, type RouteCase } from './route-case.ts';

/**
 * Access rights (issue #14). A system's levels are read by all and kept by the IT unit (and its
 * stewards, whom the matrix's users are not). A right is found by its holder, its system's
 * stewards and those who oversee its holder's department; granting, ending and activating by
 * exception are the stewards' alone, so no role of the matrix is allowed them.
 */
export const accessRightCases: Record<string, RouteCase> = {
  'GET /api/v1/systems/:id/access-levels': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/systems/${(await r.system(p)).id}/access-levels` }),
  },
  'POST /api/v1/systems/:id/access-levels': {
    ...unscoped,
    allowed: 201,
    prepare: async (r, p) => ({
      url: `/api/v1/systems/${(await r.system(p)).id}/access-levels`,
      body: { name: `Handläggare ${randomUUID().slice(0, 6)}`, privileged: false },
    }),
  },
  'GET /api/v1/systems/:id/access-levels/:levelId': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => {
      const level = await r.accessLevel(p);
      return { url: `/api/v1/systems/${level.systemId}/access-levels/${level.id}` };
    },
  },
  'PATCH /api/v1/systems/:id/access-levels/:levelId': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => {
      const level = await r.accessLevel(p);
      return { url: `/api/v1/systems/${level.systemId}/access-levels/${level.id}`, body: { privileged: true }, version: level.version };
    },
  },
  'DELETE /api/v1/systems/:id/access-levels/:levelId': {
    ...unscoped,
    allowed: 204,
    prepare: async (r, p) => {
      const level = await r.accessLevel(p);
      return { url: `/api/v1/systems/${level.systemId}/access-levels/${level.id}`, version: level.version };
    },
  },
  'GET /api/v1/systems/:id/access-gate': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/systems/${(await r.system(p)).id}/access-gate?personId=${(await r.person(p)).id}` }),
  },
  'POST /api/v1/access-rights': {
    ...unscoped,
    bodyReferences: 'other records',
    allowed: 201,
    prepare: async (r, p) => {
      const level = await r.accessLevel(p);
      return { url: '/api/v1/access-rights', body: { personId: (await r.person(p)).id, systemId: level.systemId, levelId: level.id } };
    },
  },
  'GET /api/v1/access-rights/:id': {
    ...unscoped,
    allowed: 200,
    foundWith: 'accessRightOversight.read',
    prepare: async (r, p) => ({ url: `/api/v1/access-rights/${(await r.accessRight(p)).id}` }),
  },
  'POST /api/v1/access-rights/:id/end': {
    ...unscoped,
    allowed: 200,
    foundWith: 'accessRightOversight.read',
    prepare: async (r, p) => {
      const right = await r.accessRight(p);
      return { url: `/api/v1/access-rights/${right.id}/end`, body: { note: 'Slutat' }, version: right.version };
    },
  },
  'POST /api/v1/access-rights/:id/activate': {
    ...unscoped,
    allowed: 200,
    foundWith: 'accessRightOversight.read',
    prepare: async (r, p) => {
      const right = await r.accessRight(p);
      return { url: `/api/v1/access-rights/${right.id}/activate`, body: { exceptionReason: 'Brådskande' }, version: right.version };
    },
  },
  'POST /api/v1/recertifications': {
    ...scoped,
    bodyReferences: 'other records',
    allowed: 201,
    prepare: async (r, p) => ({
      url: '/api/v1/recertifications',
      body: { title: 'Genomgång', scope: 'system', systemId: (await r.system(p)).id, dueDate: '2026-12-31' },
    }),
  },
  'GET /api/v1/recertifications/:id': {
    ...unscoped,
    allowed: 200,
    foundWith: 'accessRightOversight.read',
    prepare: async (r, p) => ({ url: `/api/v1/recertifications/${(await r.recertification(p)).id}` }),
  },
  'GET /api/v1/recertifications/:id/items': {
    ...unscoped,
    allowed: 200,
    foundWith: 'accessRightOversight.read',
    prepare: async (r, p) => ({ url: `/api/v1/recertifications/${(await r.recertification(p)).id}/items` }),
  },
  'POST /api/v1/recertifications/:id/decisions': {
    ...unscoped,
    allowed: 200,
    foundWith: 'accessRightOversight.read',
    prepare: async (r, p) => ({
      url: `/api/v1/recertifications/${(await r.recertification(p)).id}/decisions`,
      body: { decision: 'keep', allUndecided: {}, expectedCount: 1 },
    }),
  },
  'GET /api/v1/role-templates/:id': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/role-templates/${(await r.roleTemplate(p)).id}` }),
  },
  'POST /api/v1/role-templates': {
    ...unscoped,
    foreign: false,
    allowed: 201,
    prepare: async (r, p) => ({
      url: '/api/v1/role-templates',
      body: { name: `Mall ${randomUUID().slice(0, 8)}`, levelIds: [(await r.accessLevel(p)).id] },
    }),
  },
  'PATCH /api/v1/role-templates/:id': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => versioned('/api/v1/role-templates', await r.roleTemplate(p), { description: 'Hemtjänstens grund' }),
  },
  'DELETE /api/v1/role-templates/:id': {
    ...unscoped,
    allowed: 204,
    prepare: async (r, p) => versioned('/api/v1/role-templates', await r.roleTemplate(p)),
  },
  // Judged on the person's department, as applying a template is: a head sees the gate of their own people only.
  'GET /api/v1/people/:id/access-gate': {
    ...scoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/people/${(await r.person(p)).id}/access-gate` }),
  },
  // Judged on the person's department: a head applies templates to their own people only.
  'POST /api/v1/role-templates/:id/apply': {
    ...scoped,
    allowed: 201,
    prepare: async (r, p) => ({
      url: `/api/v1/role-templates/${(await r.roleTemplate(p)).id}/apply`,
      body: { personId: (await r.person(p)).id },
    }),
  },
};
