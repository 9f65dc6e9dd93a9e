import type { DocumentKind } from '@forvalta/contracts';
import type { AnyActor } from '../../access/actor.ts';
import type { Executor, TransactionHandle } from '../../platform/database.ts';
import type { PolicyParameters } from '../../policy/index.ts';

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
  /** Who adopted it, for the audit events of what follows (an authored policy pack published with it). */
  actor: AnyActor;
}

/**
 * Called by the adopt use case inside its transaction, after the version is adopted and before the
 * audit event: what it writes commits or rolls back with the adoption. The composition
 * (services.ts) passes the listeners in; documents imports none of their modules.
 */
export type VersionAdoptedListener = (transaction: TransactionHandle, adoption: AdoptedVersion) => Promise<void>;

/** What the documents module needs of others, filled in by the composition (services.ts). */
export interface DocumentPorts {
  /** The parameters of the municipality's current policy pack: the default review intervals per kind. */
  policyParameters(executor: Executor, municipalityId: string): Promise<PolicyParameters>;
  /** Whether the municipality has this policy pack (the IT policy's link). */
  policyPackExists(executor: Executor, municipalityId: string, policyPackId: string): Promise<boolean>;
  adoptionListeners: readonly VersionAdoptedListener[];
}
