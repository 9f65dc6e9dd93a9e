import { randomUUID } from 'node:crypto';
import { scoped, unscoped, versioned, type Request, type RouteCase } from './route-case.ts';

function action(project: { id: string; version: number }, name: string): Request {
  return { url: `/api/v1/projects/${project.id}/${name}`, body: {}, version: project.version };
}

/** Introduction projects (§4.2.1), reviews, change notices and compliance. */
export const lifecycleCases: Record<string, RouteCase> = {
  // Introduction projects (§4.2.1)
  'GET /api/v1/projects/:id': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/projects/${(await r.project(p)).id}` }),
  },
  'GET /api/v1/projects/:id/budget/revisions': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/projects/${(await r.project(p)).id}/budget/revisions` }),
  },
  'GET /api/v1/projects/:id/checkpoints': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/projects/${(await r.project(p)).id}/checkpoints` }),
  },
  'POST /api/v1/projects': {
    bodyReferences: 'department',
    ...scoped,
    allowed: 201,
    prepare: async (r, p) => ({
      url: '/api/v1/projects',
      body: { kind: 'upgrade', title: 'Uppgradering', systemId: (await r.system(p)).id, departmentId: p.departmentId },
    }),
  },
  'PATCH /api/v1/projects/:id': {
    ...scoped,
    allowed: 200,
    prepare: async (r, p) => versioned('/api/v1/projects', await r.project(p), { title: 'Nytt namn' }),
  },
  'PUT /api/v1/projects/:id/budget': {
    ...scoped,
    allowed: 200,
    prepare: async (r, p) => {
      const project = await r.project(p, 'in_preparation');
      return { url: `/api/v1/projects/${project.id}/budget`, body: r.completeBudget(5000), version: project.version };
    },
  },
  'PUT /api/v1/projects/:id/compliance-analysis': {
    ...scoped,
    allowed: 200,
    prepare: async (r, p) => {
      const project = (await r.project(p, 'in_preparation')) as {
        id: string;
        version: number;
        complianceAnalysis: { items: Array<{ key: string }> };
      };
      const items = project.complianceAnalysis.items.map((item) => ({
        key: item.key,
        judgement: 'partly',
        motivation: 'Avtal under förhandling.',
      }));
      return { url: `/api/v1/projects/${project.id}/compliance-analysis`, body: { items }, version: project.version };
    },
  },
  'POST /api/v1/projects/:id/checkpoints': {
    ...scoped,
    allowed: 201,
    prepare: async (r, p) => ({
      url: `/api/v1/projects/${(await r.project(p, 'in_preparation')).id}/checkpoints`,
      body: { heldOn: '2026-11-25', participants: ['Projektledare'] },
    }),
  },
  'POST /api/v1/projects/:id/start': { ...scoped, allowed: 200, prepare: async (r, p) => action(await r.project(p), 'start') },
  'POST /api/v1/projects/:id/submit': {
    ...scoped,
    allowed: 200,
    prepare: async (r, p) => action(await r.project(p, 'in_preparation'), 'submit'),
  },
  'POST /api/v1/projects/:id/approve': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => ({ ...action(await r.project(p, 'submitted'), 'approve'), body: { scope: 'Hela verksamheten' } }),
  },
  'POST /api/v1/projects/:id/reject': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => ({ ...action(await r.project(p, 'submitted'), 'reject'), body: { reason: 'Budgeten saknar drift.' } }),
  },
  'POST /api/v1/projects/:id/reopen': {
    ...scoped,
    allowed: 200,
    prepare: async (r, p) => action(await r.project(p, 'rejected'), 'reopen'),
  },
  'POST /api/v1/projects/:id/close': { ...scoped, allowed: 200, prepare: async (r, p) => action(await r.project(p, 'approved'), 'close') },
  // Reviews and change notices
  'GET /api/v1/reviews/:id': { ...unscoped, allowed: 200, prepare: async (r, p) => ({ url: `/api/v1/reviews/${(await r.review(p)).id}` }) },
  'POST /api/v1/reviews': {
    bodyReferences: 'other records',
    ...scoped,
    allowed: 201,
    prepare: async (r, p) => ({ url: '/api/v1/reviews', body: { systemId: (await r.system(p)).id, plannedOn: '2026-12-15' } }),
  },
  'PATCH /api/v1/reviews/:id': {
    ...scoped,
    allowed: 200,
    prepare: async (r, p) => versioned('/api/v1/reviews', await r.review(p), { plannedOn: '2026-12-20' }),
  },
  'GET /api/v1/change-notices/:id': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/change-notices/${(await r.changeNotice(p)).id}` }),
  },
  'POST /api/v1/change-notices': {
    bodyReferences: 'other records',
    ...scoped,
    allowed: 201,
    prepare: async (r, p) => ({
      url: '/api/v1/change-notices',
      body: { kind: 'operation', title: 'Byte av server', systemIds: [(await r.system(p)).id] },
    }),
  },
  'POST /api/v1/change-notices/:id/acknowledge': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => {
      const notice = await r.changeNotice(p);
      return { url: `/api/v1/change-notices/${notice.id}/acknowledge`, body: {}, version: notice.version };
    },
  },
  // Compliance
  'GET /api/v1/policy-packs/:id': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/policy-packs/${(await r.policyPack(p)).id}` }),
  },
  'POST /api/v1/policy-packs/:id/versions': {
    ...unscoped,
    allowed: 201,
    prepare: async (r, p) => {
      const pack = await r.policyPack(p);
      return {
        url: `/api/v1/policy-packs/${pack.id}/versions`,
        body: { version: `2027.${randomUUID().slice(0, 4)}` },
        version: pack.version,
      };
    },
  },
  'POST /api/v1/compliance/exceptions': {
    ...unscoped,
    foreign: false,
    allowed: 201,
    prepare: async () => ({ url: '/api/v1/compliance/exceptions', body: { clauseId: 'ITP-4.2-REGISTER', reason: 'Inventering pågår.' } }),
  },
  'DELETE /api/v1/compliance/exceptions/:id': {
    ...unscoped,
    allowed: 204,
    prepare: async (r, p) => versioned('/api/v1/compliance/exceptions', await r.complianceException(p)),
  },
  'PUT /api/v1/public-register-settings': {
    ...unscoped,
    foreign: false,
    allowed: 200,
    prepare: async (r, p) => ({
      url: '/api/v1/public-register-settings',
      body: { enabled: true, fields: ['purpose'] },
      version: await r.settingVersion(p, '/api/v1/public-register-settings'),
    }),
  },
};
