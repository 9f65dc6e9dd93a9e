import { randomUUID } from 'node:crypto';
import type { Role } from '@forvalta/contracts';
import { testPdf } from '../document-test-files.ts';
import { unscoped, versioned, type RouteCase } from './route-case.ts';

/**
 * The records are operations instructions, which the IT chief owns: the administrator (who acts
 * for every document) and the IT chief draft and adopt them, no other holder of the permission.
 */
const owners: readonly Role[] = ['administrator', 'it_chief'];
/** Who reads their drafts and versions in review: the owners and the auditor (documentDraft.read). */
const draftReaders: readonly Role[] = [...owners, 'auditor'];
const versionUrl = (version: { documentId: string; id: string }) => `/api/v1/documents/${version.documentId}/versions/${version.id}`;

/**
 * A write on one version that only its document's owners may make, and only they and the auditor
 * can find (a draft or a version in review is 404 to everyone else): on a version in `state`, at
 * its version, with `suffix` after the version's address.
 */
function ownersVersionWrite(state: 'draft' | 'inReview', suffix: string, body: unknown): RouteCase {
  return {
    ...unscoped,
    onlyRoles: owners,
    readableBy: draftReaders,
    allowed: 200,
    prepare: async (r, p) => {
      const version = await r.documents[state](p);
      return { url: `${versionUrl(version)}${suffix}`, body, version: version.version };
    },
  };
}

/** Every route of the documents module, on records made by `records.documents` (document-records.ts). */
export const documentCases: Record<string, RouteCase> = {
  'GET /api/v1/documents/:id': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/documents/${(await r.documents.document(p)).id}` }),
  },
  'POST /api/v1/documents': {
    ...unscoped,
    foreign: false,
    allowed: 201,
    prepare: async () => ({ url: '/api/v1/documents', body: { kind: 'other', title: `Riktlinje ${randomUUID().slice(0, 6)}` } }),
  },
  'PATCH /api/v1/documents/:id': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => versioned('/api/v1/documents', await r.documents.document(p), { title: 'Driftinstruktion för IT-enheten' }),
  },
  'DELETE /api/v1/documents/:id': {
    ...unscoped,
    allowed: 204,
    prepare: async (r, p) => versioned('/api/v1/documents', await r.documents.document(p)),
  },
  'GET /api/v1/documents/:id/versions': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/documents/${(await r.documents.adopted(p)).documentId}/versions` }),
  },
  'POST /api/v1/documents/:id/versions': {
    ...unscoped,
    onlyRoles: owners,
    allowed: 201,
    prepare: async (r, p) => ({ url: `/api/v1/documents/${(await r.documents.document(p)).id}/versions`, body: { text: 'Ny text.' } }),
  },
  'GET /api/v1/documents/:id/versions/:versionId': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: versionUrl(await r.documents.adopted(p)) }),
  },
  'PATCH /api/v1/documents/:id/versions/:versionId': ownersVersionWrite('draft', '', { text: 'Ändrad text.' }),
  'POST /api/v1/documents/:id/versions/:versionId/submit': ownersVersionWrite('draft', '/submit', {}),
  'POST /api/v1/documents/:id/versions/:versionId/withdraw': ownersVersionWrite('inReview', '/withdraw', {}),
  'POST /api/v1/documents/:id/versions/:versionId/adopt': ownersVersionWrite('inReview', '/adopt', {
    adoptedBy: 'IT-chefen',
    decisionDate: '2026-11-25',
  }),
  'GET /api/v1/documents/:id/versions/:versionId/diff/:otherVersionId': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => {
      const adopted = await r.documents.adopted(p);
      return { url: `${versionUrl(adopted)}/diff/${adopted.id}` };
    },
  },
  'PUT /api/v1/documents/:id/versions/:versionId/attachment': {
    ...unscoped,
    onlyRoles: owners,
    readableBy: draftReaders,
    allowed: 200,
    prepare: async (r, p) => {
      const draft = await r.documents.draft(p);
      return {
        url: `${versionUrl(draft)}/attachment?fileName=driftinstruktion.pdf`,
        body: testPdf(),
        contentType: 'application/pdf',
        version: draft.version,
      };
    },
  },
  'GET /api/v1/documents/:id/versions/:versionId/attachment': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `${versionUrl(await r.documents.adopted(p, true))}/attachment` }),
  },
};
