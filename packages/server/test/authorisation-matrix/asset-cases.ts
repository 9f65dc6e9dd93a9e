import { randomUUID } from 'node:crypto';
import { unscoped, versioned, type RouteCase } from './route-case.ts';

/**
 * Equipment (issue #15). The catalogue is read by all, kept by the IT unit and its chief, approved
 * by the IT chief alone. An asset is found by those who oversee its department (the governance
 * roles, a head of its department) and its systems' stewards; the IT unit and its chief maintain it.
 */
export const assetCases: Record<string, RouteCase> = {
  'GET /api/v1/asset-models/:id': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/asset-models/${(await r.assetModel(p)).id}` }),
  },
  'POST /api/v1/asset-models': {
    ...unscoped,
    foreign: false,
    allowed: 201,
    prepare: async () => ({
      url: '/api/v1/asset-models',
      body: { kind: 'printer', maker: 'HP', model: `LaserJet ${randomUUID().slice(0, 8)}` },
    }),
  },
  'PATCH /api/v1/asset-models/:id': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => versioned('/api/v1/asset-models', await r.assetModel(p), { description: 'Standarddator för handläggare' }),
  },
  'POST /api/v1/asset-models/:id/approve': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => {
      const model = await r.assetModel(p);
      return { url: `/api/v1/asset-models/${model.id}/approve`, version: model.version, body: { approvedFrom: '2026-01-01' } };
    },
  },
  'GET /api/v1/assets/:id': {
    ...unscoped,
    foundWith: 'assetOversight.read',
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/assets/${(await r.asset(p)).id}` }),
  },
  'POST /api/v1/assets': {
    ...unscoped,
    bodyReferences: 'other records',
    allowed: 201,
    prepare: async (_r, p) => ({
      url: '/api/v1/assets',
      body: {
        kind: 'printer',
        nonStandardDescription: 'Skrivare',
        serial: `SN-${randomUUID().slice(0, 12)}`,
        departmentId: p.departmentId,
      },
    }),
  },
  'POST /api/v1/assets/import': {
    ...unscoped,
    // The file's row names the place's department: another municipality's is not found here, so the apply refuses the file (400).
    bodyReferences: 'other records',
    allowed: 200,
    prepare: async (_r, p) => ({
      url: '/api/v1/assets/import?mode=apply',
      contentType: 'text/csv',
      body: `serial;kind;nonStandardDescription;departmentId\r\nSN-${randomUUID().slice(0, 12)};printer;Skrivare;${p.departmentId}\r\n`,
    }),
  },
  'PATCH /api/v1/assets/:id': {
    ...unscoped,
    foundWith: 'assetOversight.read',
    allowed: 200,
    prepare: async (r, p) => versioned('/api/v1/assets', await r.asset(p), { location: 'Kommunhuset, plan 2' }),
  },
  'GET /api/v1/assets/:id/network-periods': {
    ...unscoped,
    foundWith: 'assetOversight.read',
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/assets/${(await r.asset(p)).id}/network-periods` }),
  },
  'GET /api/v1/assets/:id/history': {
    ...unscoped,
    foundWith: 'assetOversight.read',
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/assets/${(await r.asset(p)).id}/history` }),
  },
};
