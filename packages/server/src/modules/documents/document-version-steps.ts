import type { DocumentRecord, DocumentVersion, DocumentVersionRecord } from '@forvalta/contracts';
import type { AnyActor } from '../../access/actor.ts';
import { municipalityOf } from '../../access/authorise.ts';
import type { UseCaseContext } from '../../access/use-case.ts';
import { swedishToday } from '../../platform/calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import type { DatabaseHandle, Executor, TransactionHandle } from '../../platform/database.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import { versionedWrites } from '../../platform/versioned-write.ts';
import { mayDraft, mayReadVersion, versionActions, versionForActor } from './document-abilities.ts';
import { documentVersionsRepository } from './document-versions.repository.ts';
import { documentsRepository } from './documents.repository.ts';
import { versionTransitionOf, type VersionAction } from './documents.workflow.ts';

export interface LoadedVersion {
  document: DocumentRecord;
  version: DocumentVersionRecord;
}

/**
 * The steps every use case on one version shares (the versions' and the attachments' services):
 * load it as the caller may read it (404 for a draft an employee may not see), the owner-role
 * check before the permission, the workflow's transition, and the versioned write. They check
 * nothing on their own: only the use cases that call them, with their permission, are exported.
 */
export function createVersionSteps(db: DatabaseHandle, clock: Clock) {
  const today = () => swedishToday(clock.now());
  const versioned = versionedWrites(db, clock);

  async function documentOrFail(executor: Executor, municipalityId: string, documentId: string) {
    const document = await documentsRepository.findById(executor, municipalityId, documentId, today());
    if (!document) throw notFound('Document');
    return document;
  }

  /** The version, or undefined when it is missing or the actor may not read it (a draft, for an employee): both 404. */
  async function loadReadable(
    executor: Executor,
    actor: AnyActor,
    documentId: string,
    versionId: string,
  ): Promise<LoadedVersion | undefined> {
    const municipalityId = municipalityOf(actor);
    const document = await documentsRepository.findById(executor, municipalityId, documentId, today());
    if (!document) return undefined;
    const version = await documentVersionsRepository.findById(executor, municipalityId, documentId, versionId);
    if (!version || !mayReadVersion(actor, document, version.state)) return undefined;
    return { document, version };
  }

  async function readableOrFail(executor: Executor, actor: AnyActor, documentId: string, versionId: string) {
    const loaded = await loadReadable(executor, actor, documentId, versionId);
    if (!loaded) throw notFound('Document version');
    return loaded;
  }

  /** The owner role first (its refusal names the rule), then the use case's permission. */
  function authoriseForOwner(context: UseCaseContext, document: DocumentRecord, permission: VersionAction) {
    if (!mayDraft(context.actor, versionActions[permission], document) && context.may())
      throw forbidden(`Only the document's owner (${document.ownerRole}) or an administrator may do this.`);
    context.authorise();
  }

  function refuseTransition(state: DocumentVersionRecord['state'], action: VersionAction) {
    const outcome = versionTransitionOf(state, action);
    if (!outcome.allowed) throw new AppError('conflict', outcome.reason, { reason: 'version_transition_not_allowed' });
    return outcome.to;
  }

  /** A state change or edit of one version through the versioned write, 404 before 403. */
  function changeVersion(
    actor: AnyActor,
    context: UseCaseContext,
    action: VersionAction,
    target: { documentId: string; versionId: string; expectedVersion: ExpectedVersion },
    apply: (transaction: TransactionHandle, before: LoadedVersion, version: number) => Promise<boolean>,
    followUp?: (transaction: TransactionHandle, before: LoadedVersion, after: LoadedVersion) => Promise<void>,
  ) {
    return versioned.update<LoadedVersion>(actor, {
      entity: 'Document version',
      expectedVersion: target.expectedVersion,
      load: (transaction) => loadReadable(transaction, actor, target.documentId, target.versionId),
      versionOf: (loaded) => loaded.version.version,
      authorise: (loaded) => authoriseForOwner(context, loaded.document, action),
      apply: async (transaction, before, version) => {
        refuseTransition(before.version.state, action);
        return apply(transaction, before, version);
      },
      audit: (before, after) => ({
        // The workflow's step names the event, but for the attachment (the audit log's word for it).
        action: action === 'uploadAttachment' ? 'attach_file' : action,
        entityType: 'policy_document_version',
        entityId: target.versionId,
        before: before.version,
        after: after.version,
      }),
      followUp,
    });
  }

  const answer = (actor: AnyActor, loaded: LoadedVersion): DocumentVersion => versionForActor(actor, loaded.document, loaded.version);

  return { documentOrFail, loadReadable, readableOrFail, authoriseForOwner, refuseTransition, changeVersion, answer };
}
