/**
 * Who may do what with a policy document and its versions (issue #13, "who may"), pure: the
 * permission of each action, the owner-role rule the service adds to it, and the records' `can`,
 * computed by the same functions the services enforce.
 *
 * The document's owner role drafts and adopts its versions (the secretariat the e-mail rules, the
 * IT chief the operations instruction and the guidelines, the administrator the IT policy); the
 * administrator may act for every document. Drafts and versions in review are read by the owner,
 * the administrator and the auditor (documentDraft.read); everyone else reads published versions.
 */
import type {
  DocumentActionName,
  DocumentRecord,
  DocumentVersionActionName,
  DocumentVersionRecord,
  DocumentVersionState,
  Permission,
  Role,
} from '@forvalta/contracts';
import type { AnyActor } from '../../access/actor.ts';
import { can } from '../../access/authorise.ts';
import { rolesAllowed } from '../../access/permissions.ts';
import { isPublished, versionTransitionOf, versionWorkflow } from './documents.workflow.ts';

export const documentActions = {
  update: 'document.manage',
  delete: 'document.manage',
  createVersion: 'documentVersion.write',
} as const satisfies Record<DocumentActionName, Permission>;

export const versionActions = {
  update: versionWorkflow.update.permission,
  submit: versionWorkflow.submit.permission,
  withdraw: versionWorkflow.withdraw.permission,
  adopt: versionWorkflow.adopt.permission,
  uploadAttachment: versionWorkflow.uploadAttachment.permission,
} as const satisfies Record<DocumentVersionActionName, Permission>;

/** Roles a document may name as its owner: those that hold the drafting and adopting permissions. */
export function mayOwnDocuments(role: Role): boolean {
  return rolesAllowed('documentVersion.write').includes(role) && rolesAllowed('documentVersion.adopt').includes(role);
}

/** Holds the document's owner role, or is the administrator (who may act for every document), or the system. */
export function actsForOwner(actor: AnyActor, document: Pick<DocumentRecord, 'ownerRole'>): boolean {
  if (actor.kind === 'system') return true;
  return actor.roles.some((grant) => grant.role === 'administrator' || grant.role === document.ownerRole);
}

/** Whether the actor may do `permission`'s action on one of the document's versions: the permission and the owner role. */
export function mayDraft(actor: AnyActor, permission: Permission, document: Pick<DocumentRecord, 'ownerRole'>): boolean {
  return can(actor, permission) && actsForOwner(actor, document);
}

/** Drafts and versions in review: for the owner, the administrator and the auditor. */
export function mayReadDrafts(actor: AnyActor, document: Pick<DocumentRecord, 'ownerRole'>): boolean {
  return can(actor, 'documentDraft.read') || mayDraft(actor, 'documentVersion.write', document);
}

/** The states of versions the actor may read of this document. */
export function readableStates(actor: AnyActor, document: Pick<DocumentRecord, 'ownerRole'>): readonly DocumentVersionState[] {
  return mayReadDrafts(actor, document) ? ['draft', 'in_review', 'adopted', 'superseded'] : ['adopted', 'superseded'];
}

export function mayReadVersion(actor: AnyActor, document: Pick<DocumentRecord, 'ownerRole'>, state: DocumentVersionState): boolean {
  return isPublished(state) || mayReadDrafts(actor, document);
}

/**
 * The document as the actor may see it, with its `can`: the open version (draft or in review) is
 * hidden from those who may not read drafts. A document is deleted only before its first adoption.
 */
export function documentForActor(actor: AnyActor, document: DocumentRecord) {
  return {
    ...document,
    openVersion: mayReadDrafts(actor, document) ? document.openVersion : null,
    can: {
      update: can(actor, documentActions.update),
      delete: can(actor, documentActions.delete) && document.currentVersion === null,
      createVersion: mayDraft(actor, documentActions.createVersion, document) && document.openVersion === null,
    } satisfies Record<DocumentActionName, boolean>,
  };
}

export function versionForActor(actor: AnyActor, document: Pick<DocumentRecord, 'ownerRole'>, version: DocumentVersionRecord) {
  const allowed = (action: DocumentVersionActionName) =>
    versionTransitionOf(version.state, action).allowed && mayDraft(actor, versionActions[action], document);
  return {
    ...version,
    can: {
      update: allowed('update'),
      submit: allowed('submit'),
      withdraw: allowed('withdraw'),
      adopt: allowed('adopt'),
      uploadAttachment: allowed('uploadAttachment'),
    } satisfies Record<DocumentVersionActionName, boolean>,
  };
}
