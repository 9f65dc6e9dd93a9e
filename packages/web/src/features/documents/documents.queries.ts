import type {
  DocumentCreate,
  DocumentUpdate,
  DocumentVersion,
  DocumentVersionAdopt,
  DocumentVersionUpdate,
  PolicyDocument,
} from '@forvalta/contracts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, fillPath, putFile } from '../../api/client.ts';
import { useApiMutation } from '../../api/mutations.ts';
import { complianceKeys } from '../compliance/compliance.queries.ts';
import { acknowledgementKeys } from './acknowledgements.queries.ts';
import { type DocumentFilters, documentListQuery } from './document-values.ts';

export const documentKeys = {
  all: ['documents'] as const,
  list: (query: object) => ['documents', 'list', query] as const,
  detail: (id: string) => ['documents', 'detail', id] as const,
  versions: (documentId: string, query: object = {}) => ['documents', 'versions', documentId, query] as const,
  version: (documentId: string, versionId: string) => ['documents', 'version', documentId, versionId] as const,
  diff: (documentId: string, from: string, to: string) => ['documents', 'diff', documentId, from, to] as const,
};
/**
 * A version's step moves the document (its current and open version, its review date), the
 * compliance figures (a document past its review date fails ITP-13-REVISE) and, on adoption, the
 * acknowledgement requests and coverage.
 */
const versionChangeInvalidates = [documentKeys.all, acknowledgementKeys.all, complianceKeys.all] as const;

export const documentListQueryOptions = (
  filters: DocumentFilters,
  page: { sort: string | undefined; cursor: string | undefined; limit: number },
) => {
  const query = { ...documentListQuery(filters), ...page };
  return queryOptions({
    queryKey: documentKeys.list(query),
    queryFn: ({ signal }) => api.get('/documents', { query, signal }),
    placeholderData: keepPreviousData,
  });
};

export const documentQuery = (id: string) =>
  queryOptions({ queryKey: documentKeys.detail(id), queryFn: ({ signal }) => api.get('/documents/:id', { params: { id }, signal }) });

export const loadDocument = (document: PolicyDocument) => api.get('/documents/:id', { params: { id: document.id } });

/** Creates a document, or edits its metadata with If-Match on the version the form opened (the kind is not edited). */
export const saveDocument = (body: DocumentCreate, document: PolicyDocument | null, version: number | undefined) => {
  if (!document) return api.post('/documents', { body });
  const { kind: _kind, ...update } = body;
  return api.patch('/documents/:id', { params: { id: document.id }, version, body: update satisfies DocumentUpdate });
};

/** A document's metadata moves the list, its page, and the compliance figures (its review interval, ITP-13-REVISE). */
export const documentSavedInvalidates = [documentKeys.all, complianceKeys.all] as const;

/** Only a document never adopted may be deleted (can.delete says so). */
export const useDeleteDocument = () =>
  useApiMutation(
    (document: PolicyDocument) => api.delete('/documents/:id', { params: { id: document.id }, version: document.version }),
    documentSavedInvalidates,
  );

/** A document's versions, newest first; a document has a handful, one page holds them. */
export const documentVersionsQuery = (
  documentId: string,
  page: { cursor: string | undefined; limit: number } = { cursor: undefined, limit: 100 },
) => {
  const query = { sort: '-number', ...page } as const;
  return queryOptions({
    queryKey: documentKeys.versions(documentId, query),
    queryFn: ({ signal }) => api.get('/documents/:id/versions', { params: { id: documentId }, query, signal }),
    placeholderData: keepPreviousData,
  });
};

export const documentVersionQuery = (documentId: string, versionId: string) =>
  queryOptions({
    queryKey: documentKeys.version(documentId, versionId),
    queryFn: ({ signal }) => api.get('/documents/:id/versions/:versionId', { params: { id: documentId, versionId }, signal }),
  });

export const loadVersion = (version: DocumentVersion) =>
  api.get('/documents/:id/versions/:versionId', { params: { id: version.documentId, versionId: version.id } });

export const versionDiffQuery = (documentId: string, from: string, to: string) =>
  queryOptions({
    queryKey: documentKeys.diff(documentId, from, to),
    queryFn: ({ signal }) =>
      api.get('/documents/:id/versions/:versionId/diff/:otherVersionId', {
        params: { id: documentId, versionId: from, otherVersionId: to },
        signal,
      }),
  });

/** The attached file of a version, as a link (served with Content-Disposition: attachment). */
export const attachmentAddress = (version: Pick<DocumentVersion, 'documentId' | 'id'>) =>
  `/api/v1/documents/${encodeURIComponent(version.documentId)}/versions/${encodeURIComponent(version.id)}/attachment`;

/** A new draft; the server starts it from the current adopted version's text and sections. */
export const useCreateDraft = (document: Pick<PolicyDocument, 'id'>) =>
  useApiMutation(() => api.post('/documents/:id/versions', { params: { id: document.id }, body: {} }), versionChangeInvalidates);

export const saveDraft = (version: DocumentVersion, body: DocumentVersionUpdate, editedVersion: number | undefined) =>
  api.patch('/documents/:id/versions/:versionId', {
    params: { id: version.documentId, versionId: version.id },
    version: editedVersion ?? version.version,
    body,
  });

export const adoptVersion = (version: DocumentVersion, body: DocumentVersionAdopt, editedVersion: number | undefined) =>
  api.post('/documents/:id/versions/:versionId/adopt', {
    params: { id: version.documentId, versionId: version.id },
    version: editedVersion ?? version.version,
    body,
  });

export const versionSavedInvalidates = versionChangeInvalidates;

/** Submitting a draft for review, or withdrawing it back to a draft: no fields, the version seen as If-Match. */
export const useVersionStep = (step: 'submit' | 'withdraw') =>
  useApiMutation(
    (version: DocumentVersion) =>
      api.post(step === 'submit' ? '/documents/:id/versions/:versionId/submit' : '/documents/:id/versions/:versionId/withdraw', {
        params: { id: version.documentId, versionId: version.id },
        version: version.version,
        body: {},
      }),
    versionChangeInvalidates,
  );

/** The attachment of a draft (PDF, DOCX or ODT; the server checks type and size and stores it outside the web root). */
export const useUploadAttachment = () =>
  useApiMutation(
    ({ version, file }: { version: DocumentVersion; file: File }) =>
      putFile<DocumentVersion>(
        fillPath('/documents/:id/versions/:versionId/attachment', { id: version.documentId, versionId: version.id }),
        file,
        {
          query: { fileName: file.name },
          version: version.version,
        },
      ),
    versionChangeInvalidates,
  );
