import { randomUUID } from 'node:crypto';
import {
  defaultOwnerRoleOfKind,
  singularDocumentKinds,
  type DocumentCreate,
  type DocumentListQuery,
  type DocumentRecord,
  type DocumentUpdate,
  type PolicyDocument,
} from '@forvalta/contracts';
import { municipalityOf } from '../../access/authorise.ts';
import { useCase } from '../../access/use-case.ts';
import { recordAudit } from '../../platform/audit.ts';
import { swedishToday } from '../../platform/calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import { withTransaction, type DatabaseHandle, type Executor } from '../../platform/database.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import { existingIds } from '../../platform/references.ts';
import { searchText, swedishSortKey } from '../../platform/text.ts';
import { versionedWrites } from '../../platform/versioned-write.ts';
import { documentActions, documentForActor, mayOwnDocuments } from './document-abilities.ts';
import type { DocumentPorts } from './document-ports.ts';
import type { DocumentStorage } from './document-storage.ts';
import { documentsRepository } from './documents.repository.ts';
import { defaultReviewIntervalMonths, nextReviewDateOf } from './documents.workflow.ts';

/**
 * Policy documents (issue #13): the IT policy, the security guidelines, the infrastructure
 * programme, the operations instruction, the e-mail and internet rules and any the municipality
 * adds; the administrator keeps the list, each document's owner its versions.
 */
export function createDocumentsService(db: DatabaseHandle, clock: Clock, ports: DocumentPorts, storage: DocumentStorage) {
  const today = () => swedishToday(clock.now());
  const versioned = versionedWrites(db, clock);

  async function loadOrFail(executor: Executor, municipalityId: string, id: string) {
    const document = await documentsRepository.findById(executor, municipalityId, id, today());
    if (!document) throw notFound('Document');
    return document;
  }

  /** The owner must be a role that may draft and adopt; the pack link is the IT policy's; the departments are the municipality's. */
  async function validate(
    executor: Executor,
    municipalityId: string,
    kind: DocumentRecord['kind'],
    input: Pick<DocumentUpdate, 'ownerRole' | 'policyPackId' | 'audienceDepartmentIds'>,
  ) {
    if (input.ownerRole && !mayOwnDocuments(input.ownerRole))
      throw invalid('ownerRole', 'This role cannot own a policy document: it may not draft and adopt versions.');
    if (input.policyPackId) {
      if (kind !== 'it_policy') throw invalid('policyPackId', 'Only the IT policy is linked to a policy pack.');
      if (!(await ports.policyPackExists(executor, municipalityId, input.policyPackId)))
        throw invalid('policyPackId', 'The policy pack does not exist in this municipality.');
    }
    const departmentIds = input.audienceDepartmentIds ?? [];
    const found = await existingIds(executor, 'departments', municipalityId, departmentIds);
    if (found.size !== new Set(departmentIds).size)
      throw invalid('audienceDepartmentIds', 'One or more departments do not exist in this municipality.');
  }

  return {
    listDocuments: useCase('document.read', async ({ actor, authorise }, query: DocumentListQuery) => {
      authorise();
      const page = await documentsRepository.list(db, municipalityOf(actor), query, today());
      return { ...page, items: page.items.map((document) => documentForActor(actor, document)) };
    }),

    getDocument: useCase('document.read', async ({ actor, authorise }, id: string): Promise<PolicyDocument> => {
      authorise();
      return documentForActor(actor, await loadOrFail(db, municipalityOf(actor), id));
    }),

    createDocument: useCase(documentActions.update, async ({ actor, authorise }, input: DocumentCreate): Promise<PolicyDocument> => {
      authorise();
      const municipalityId = municipalityOf(actor);
      return withTransaction(db, async (transaction) => {
        await validate(transaction, municipalityId, input.kind, input);
        if (singularDocumentKinds.includes(input.kind) && (await documentsRepository.idOfKind(transaction, municipalityId, input.kind)))
          throw conflict('The municipality already has a document of this kind.', 'document_kind_taken', [
            { path: 'kind', message: 'Already in use' },
          ]);
        const id = randomUUID();
        const now = clock.now().toISOString();
        const parameters = await ports.policyParameters(transaction, municipalityId);
        await documentsRepository.insert(transaction, {
          id,
          municipality_id: municipalityId,
          kind: input.kind,
          title: input.title,
          sort_key: swedishSortKey(input.title),
          search_text: searchText(input.title, input.description, input.ownerBody),
          description: input.description ?? null,
          owner_role: input.ownerRole ?? defaultOwnerRoleOfKind[input.kind],
          owner_body: input.ownerBody ?? null,
          review_interval_months: input.reviewIntervalMonths ?? defaultReviewIntervalMonths(input.kind, parameters),
          requires_acknowledgement: input.requiresAcknowledgement ? 1 : 0,
          audience_department_ids_json: JSON.stringify([...new Set(input.audienceDepartmentIds ?? [])]),
          policy_pack_id: input.policyPackId ?? null,
          current_version_id: null,
          next_review_date: null,
          created_at: now,
          updated_at: now,
          version: 1,
        });
        const created = await loadOrFail(transaction, municipalityId, id);
        await recordAudit(transaction, actor, clock, { action: 'create', entityType: 'policy_document', entityId: id, after: created });
        return documentForActor(actor, created);
      });
    }),

    /** A new review interval moves the next review date with it (from the current version's decision date). */
    updateDocument: useCase(
      documentActions.update,
      async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion, input: DocumentUpdate): Promise<PolicyDocument> => {
        const municipalityId = municipalityOf(actor);
        const after = await versioned.update(actor, {
          entity: 'Document',
          expectedVersion,
          load: (transaction) => documentsRepository.findById(transaction, municipalityId, id, today()),
          authorise: () => authorise(),
          apply: async (transaction, before, version) => {
            await validate(transaction, municipalityId, before.kind, input);
            const title = input.title ?? before.title;
            const description = input.description !== undefined ? input.description : before.description;
            const ownerBody = input.ownerBody !== undefined ? input.ownerBody : before.ownerBody;
            const interval = input.reviewIntervalMonths ?? before.reviewIntervalMonths;
            return documentsRepository.update(transaction, municipalityId, id, version, {
              title,
              sort_key: swedishSortKey(title),
              search_text: searchText(title, description, ownerBody),
              description,
              owner_body: ownerBody,
              ...(input.ownerRole !== undefined ? { owner_role: input.ownerRole } : {}),
              review_interval_months: interval,
              next_review_date: nextReviewDateOf(before.currentVersion?.decisionDate ?? null, interval) ?? before.nextReviewDate,
              ...(input.requiresAcknowledgement !== undefined ? { requires_acknowledgement: input.requiresAcknowledgement ? 1 : 0 } : {}),
              ...(input.audienceDepartmentIds !== undefined
                ? { audience_department_ids_json: JSON.stringify([...new Set(input.audienceDepartmentIds)]) }
                : {}),
              ...(input.policyPackId !== undefined ? { policy_pack_id: input.policyPackId } : {}),
              updated_at: clock.now().toISOString(),
            });
          },
          audit: (before, after) => ({ action: 'update', entityType: 'policy_document', entityId: id, before, after }),
        });
        return documentForActor(actor, after);
      },
    ),

    /** Only a document never adopted: an adopted one is the record of a decision and stays (a new version replaces it). */
    deleteDocument: useCase(
      documentActions.delete,
      async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion): Promise<void> => {
        const municipalityId = municipalityOf(actor);
        let storageKeys: string[] = [];
        await versioned.delete(actor, {
          entity: 'Document',
          expectedVersion,
          load: (transaction) => documentsRepository.findById(transaction, municipalityId, id, today()),
          authorise: () => authorise(),
          apply: async (transaction, _before, version) => {
            if (await documentsRepository.everAdopted(transaction, municipalityId, id))
              throw new AppError('conflict', 'An adopted document is kept; adopt a new version instead.', { reason: 'document_adopted' });
            const result = await documentsRepository.delete(transaction, municipalityId, id, version);
            storageKeys = result.storageKeys;
            return result.deleted;
          },
          audit: (before) => ({ action: 'delete', entityType: 'policy_document', entityId: id, before }),
        });
        // After the commit: a file whose row is gone is unreachable; a row whose file is gone would be a broken link.
        await Promise.all(storageKeys.map((key) => storage.remove(key)));
      },
    ),
  };
}

export type DocumentsService = ReturnType<typeof createDocumentsService>;
