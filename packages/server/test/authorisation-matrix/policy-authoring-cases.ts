import type { PolicyPackFile } from '@forvalta/contracts';
import { randomUUID } from 'node:crypto';
import type { Place, Records } from './records.ts';
import { unscoped, versioned, type RouteCase } from './route-case.ts';

/** A short pack file of its own, a new version each time, so every allowed adoption is of a version not yet published. */
export function ownPackFile(): PolicyPackFile {
  return {
    formatVersion: 1,
    key: 'matrix-policy',
    version: `2027.${randomUUID().slice(0, 8)}`,
    document: { title: 'IT-policy', adoptedBy: 'Kommunstyrelsen', decisionDate: '2026-06-11', decisionReference: 'KS 2026/1' },
    parameters: {},
    clauses: [
      {
        id: 'OWN-1-DEPUTY',
        section: '1',
        kind: 'rule',
        title: { sv: 'Ersättare', en: 'Deputy' },
        text: { sv: 'Varje system ska ha en ersättare.', en: 'Every system shall have a deputy.' },
        binding: { rule: 'ITP-4.2-DEPUTY', parameters: {} },
      },
    ],
  };
}

const draftOf = (r: Records, place: Place) => r.created(place, '/api/v1/policy-packs/import', ownPackFile());

/** Policy pack authoring (issue #21): the administrator and the IT chief author; auditors read drafts. */
export const policyAuthoringCases: Record<string, RouteCase> = {
  'GET /api/v1/policy-packs/:id/export': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/policy-packs/${(await r.policyPack(p)).id}/export` }),
  },
  'POST /api/v1/policy-packs/import': {
    ...unscoped,
    foreign: false,
    allowed: 201,
    prepare: async () => ({ url: '/api/v1/policy-packs/import', body: ownPackFile() }),
  },
  'POST /api/v1/policy-packs/proposals': {
    ...unscoped,
    foreign: false,
    allowed: 200,
    prepare: async () => ({
      url: '/api/v1/policy-packs/proposals',
      body: '1 Ansvar\nVarje system ska ha en ägare.\n',
      contentType: 'text/plain',
    }),
  },
  'GET /api/v1/policy-pack-drafts/:id': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/policy-pack-drafts/${(await draftOf(r, p)).id}` }),
  },
  'PUT /api/v1/policy-pack-drafts/:id': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => versioned('/api/v1/policy-pack-drafts', await draftOf(r, p), { content: ownPackFile() }),
  },
  'POST /api/v1/policy-pack-drafts/:id/preview': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/policy-pack-drafts/${(await draftOf(r, p)).id}/preview`, body: {} }),
  },
  'GET /api/v1/policy-pack-drafts/:id/diff': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/policy-pack-drafts/${(await draftOf(r, p)).id}/diff` }),
  },
  // Adopted with a document the IT chief owns (the IT policy itself is the administrator's: the documents module's owner rule).
  'POST /api/v1/policy-pack-drafts/:id/adopt': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => {
      const document = await r.created(p, '/api/v1/documents', {
        kind: 'infrastructure_programme',
        title: `Program ${randomUUID().slice(0, 6)}`,
      });
      const draft = await draftOf(r, p);
      return {
        url: `/api/v1/policy-pack-drafts/${draft.id}/adopt`,
        version: draft.version,
        body: { documentId: document.id, adoptedBy: 'Kommunstyrelsen', decisionDate: '2026-10-01', decisionReference: 'KS 2026/9' },
      };
    },
  },
};
