/**
 * What the demo loader and the workload generator write documents with: the repositories, for
 * loads of many records in one transaction (.dependency-cruiser.cjs allows bulk loaders this file).
 */
export { documentsRepository } from './documents.repository.ts';
export { documentVersionsRepository } from './document-versions.repository.ts';
export { nextReviewDateOf } from './documents.workflow.ts';
