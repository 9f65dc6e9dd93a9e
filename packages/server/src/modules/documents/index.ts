/**
 * The documents module's public entry: policy documents, their versions and workflow, attached
 * files, the diff between versions and review dates (issue #13; .dependency-cruiser.cjs).
 */
import { documentVersionsRepository } from './document-versions.repository.ts';

export type { AdoptedVersion, DocumentPorts, VersionAdoptedListener } from './document-ports.ts';
export { createDocumentsService, type DocumentsService } from './documents.service.ts';
export { createDocumentVersionsService, type DocumentVersionsService } from './document-versions.service.ts';
export { createDocumentAttachmentsService, type DocumentAttachmentsService } from './document-attachments.service.ts';
export { diskDocumentStorage, type DocumentStorage } from './document-storage.ts';
export { registerDocumentRoutes } from './documents.routes.ts';
export { startWithDefaultDocuments } from './default-documents.ts';

/**
 * What other modules read of documents, in the caller's executor: the sections of the current
 * adopted version of the municipality's IT security guidelines (a project's compliance analysis).
 */
export const documentReads = {
  currentGuidelineSections: documentVersionsRepository.currentGuidelineSections.bind(documentVersionsRepository),
};
