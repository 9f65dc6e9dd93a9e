/**
 * The documents module's public entry: policy documents, their versions and workflow, attached
 * files, the diff between versions and review dates (issue #13; .dependency-cruiser.cjs).
 */
import type { DocumentKind } from '@forvalta/contracts';
import type { TransactionHandle } from '../../platform/database.ts';

/** What an adoption tells the modules that follow it (acknowledgements asks people to read it). */
export interface AdoptedVersion {
  municipalityId: string;
  documentId: string;
  documentKind: DocumentKind;
  versionId: string;
  /** The version it supersedes; null for a document's first adoption. */
  previousVersionId: string | null;
  /** Wording or layout only: earlier acknowledgements carry over to it. */
  editorial: boolean;
  requiresAcknowledgement: boolean;
  /** The departments whose employees it concerns; empty means the whole municipality. */
  audienceDepartmentIds: string[];
  adoptedAt: string;
  /** Who adopted it in the product; null when the system actor did (the demo loader, the CLI). */
  actorPersonId: string | null;
}

/**
 * Called by the adopt use case inside its transaction, after the version is adopted and before the
 * audit event: what it writes commits or rolls back with the adoption. The composition
 * (services.ts) passes the listeners in; documents imports none of their modules.
 */
export type VersionAdoptedListener = (transaction: TransactionHandle, adoption: AdoptedVersion) => Promise<void>;
