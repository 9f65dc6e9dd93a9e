import {
  documentCreateSchema,
  documentListQuerySchema,
  documentListSchema,
  documentSchema,
  documentUpdateSchema,
} from '@forvalta/contracts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import { registerResourceRoutes } from '../../platform/http/resource-routes.ts';
import type { DocumentAttachmentsService } from './document-attachments.service.ts';
import { registerDocumentVersionRoutes } from './document-versions.routes.ts';
import type { DocumentVersionsService } from './document-versions.service.ts';
import type { DocumentsService } from './documents.service.ts';

export interface DocumentRouteServices {
  documents: DocumentsService;
  versions: DocumentVersionsService;
  attachments: DocumentAttachmentsService;
}

/** GET|POST /api/v1/documents, GET|PATCH|DELETE /api/v1/documents/:id, then the versions' routes. */
export function registerDocumentRoutes(app: ApiApp, services: DocumentRouteServices, limits: { attachmentMaxBytes: number }): void {
  registerResourceRoutes(app, {
    path: '/api/v1/documents',
    tag: 'Policy documents',
    noun: 'policy document',
    schemas: {
      listQuery: documentListQuerySchema,
      list: documentListSchema,
      item: documentSchema,
      create: documentCreateSchema,
      update: documentUpdateSchema,
    },
    list: services.documents.listDocuments,
    get: services.documents.getDocument,
    create: services.documents.createDocument,
    update: services.documents.updateDocument,
    remove: services.documents.deleteDocument,
  });
  registerDocumentVersionRoutes(app, services, limits);
}
