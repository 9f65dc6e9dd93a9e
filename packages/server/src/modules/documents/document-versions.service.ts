import { randomUUID } from 'node:crypto';
import type {
  DocumentRecord,
  DocumentSection,
  DocumentVersion,
  DocumentVersionAdopt,
  DocumentVersionCreate,
  DocumentVersionDiff,
  DocumentVersionListQuery,
  DocumentVersionUpdate,
} from '@forvalta/contracts';
import { municipalityOf } from '../../access/authorise.ts';
import { useCase } from '../../access/use-case.ts';
import { recordAudit } from '../../platform/audit.ts';
import { swedishToday } from '../../platform/calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import { withTransaction, type DatabaseHandle, type Executor } from '../../platform/database.ts';
import { conflict, invalid, versionMismatch } from '../../platform/errors.ts';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import { documentActions, readableStates, versionActions, versionForActor } from './document-abilities.ts';
import { diffSections, diffTexts } from './document-diff.ts';
import type { DocumentPorts } from './document-ports.ts';
import { documentVersionsRepository } from './document-versions.repository.ts';
import { documentsRepository } from './documents.repository.ts';
import { nextReviewDateOf } from './documents.workflow.ts';
import { createVersionSteps, type LoadedVersion } from './document-version-steps.ts';

type SectionInput = NonNullable<DocumentVersionCreate['sections']>[number];

/**
 * The versions of a policy document and their workflow (draft → in review → adopted → superseded;
 * ITP-4.1-ADOPT): the document's owner role drafts and adopts, everyone reads what was adopted.
 * Adopting supersedes the version adopted before, sets the next review date (ITP-13-REVISE) and
 * tells the adoption listeners (acknowledgements) in the same transaction.
 */
export function createDocumentVersionsService(db: DatabaseHandle, clock: Clock, ports: DocumentPorts) {
  const today = () => swedishToday(clock.now());

  /**
   * The sections a draft stores: only the security guidelines have them; a given id must be one of
   * the sections the draft or the adopted version already has (identity is kept, never invented).
   */
  function sectionsToStore(document: DocumentRecord, input: readonly SectionInput[], knownIds: ReadonlySet<string>) {
    if (document.kind !== 'security_guidelines' && input.length > 0)
      throw invalid('sections', 'Only the IT security guidelines are divided into sections.');
    const codes = new Set<string>();
    return input.map((section) => {
      if (section.id && !knownIds.has(section.id)) throw invalid('sections', 'A section id must be one of this document’s sections.');
      if (codes.has(section.code))
        throw conflict('Another section already has this code.', 'guideline_code_taken', [{ path: 'sections', message: section.code }]);
      codes.add(section.code);
      return { id: section.id ?? randomUUID(), code: section.code, title: section.title, description: section.description ?? null };
    });
  }

  async function currentVersionOf(executor: Executor, municipalityId: string, document: DocumentRecord) {
    return document.currentVersion
      ? documentVersionsRepository.findById(executor, municipalityId, document.id, document.currentVersion.id)
      : undefined;
  }

  const { documentOrFail, readableOrFail, authoriseForOwner, changeVersion, answer } = createVersionSteps(db, clock);

  return {
    listVersions: useCase('document.read', async ({ actor, authorise }, documentId: string, query: DocumentVersionListQuery) => {
      authorise();
      const municipalityId = municipalityOf(actor);
      const document = await documentOrFail(db, municipalityId, documentId);
      const page = await documentVersionsRepository.list(db, municipalityId, documentId, query, readableStates(actor, document));
      return { ...page, items: page.items.map((version) => versionForActor(actor, document, version)) };
    }),

    getVersion: useCase('document.read', async ({ actor, authorise }, documentId: string, versionId: string): Promise<DocumentVersion> => {
      authorise();
      return answer(actor, await readableOrFail(db, actor, documentId, versionId));
    }),

    /** The diff of two readable versions' texts (and sections), older to newer as the caller names them. */
    diffVersions: useCase(
      'document.read',
      async ({ actor, authorise }, documentId: string, fromId: string, toId: string): Promise<DocumentVersionDiff> => {
        authorise();
        const from = await readableOrFail(db, actor, documentId, fromId);
        const to = await readableOrFail(db, actor, documentId, toId);
        const side = (loaded: LoadedVersion) => ({ id: loaded.version.id, number: loaded.version.number, state: loaded.version.state });
        return {
          from: side(from),
          to: side(to),
          ...diffTexts(from.version.text, to.version.text),
          sections: diffSections(from.version.sections, to.version.sections),
        };
      },
    ),

    /** A new draft, from the adopted version's text and sections unless given; one open version per document. */
    createVersion: useCase(
      documentActions.createVersion,
      async (context, documentId: string, input: DocumentVersionCreate): Promise<DocumentVersion> => {
        const { actor } = context;
        const municipalityId = municipalityOf(actor);
        return withTransaction(db, async (transaction) => {
          const document = await documentOrFail(transaction, municipalityId, documentId);
          authoriseForOwner(context, document, 'update');
          if (document.openVersion)
            throw conflict('The document already has a draft or a version in review; finish it first.', 'document_version_open');
          const base = await currentVersionOf(transaction, municipalityId, document);
          const sections = sectionsToStore(
            document,
            input.sections ?? base?.sections ?? [],
            new Set((base?.sections ?? []).map((section: DocumentSection) => section.id)),
          );
          const id = randomUUID();
          const now = clock.now().toISOString();
          await documentVersionsRepository.insert(transaction, {
            id,
            municipality_id: municipalityId,
            document_id: documentId,
            number: await documentVersionsRepository.nextNumber(transaction, municipalityId, documentId),
            state: 'draft',
            change_summary: input.changeSummary ?? null,
            editorial: input.editorial ? 1 : 0,
            text: input.text !== undefined ? input.text : (base?.text ?? null),
            created_at: now,
            updated_at: now,
            version: 1,
          });
          await documentVersionsRepository.replaceSections(transaction, municipalityId, id, sections);
          const created = await readableOrFail(transaction, actor, documentId, id);
          await recordAudit(transaction, actor, clock, {
            action: 'create',
            entityType: 'policy_document_version',
            entityId: id,
            after: created.version,
          });
          return answer(actor, created);
        });
      },
    ),

    updateVersion: useCase(
      versionActions.update,
      async (context, documentId: string, versionId: string, expectedVersion: ExpectedVersion, input: DocumentVersionUpdate) => {
        const { actor } = context;
        const municipalityId = municipalityOf(actor);
        const after = await changeVersion(
          actor,
          context,
          'update',
          { documentId, versionId, expectedVersion },
          async (transaction, before, version) => {
            if (input.sections !== undefined) {
              const base = await currentVersionOf(transaction, municipalityId, before.document);
              const known = new Set([...before.version.sections, ...(base?.sections ?? [])].map((section) => section.id));
              await documentVersionsRepository.replaceSections(
                transaction,
                municipalityId,
                versionId,
                sectionsToStore(before.document, input.sections, known),
              );
            }
            return documentVersionsRepository.update(
              transaction,
              municipalityId,
              versionId,
              version,
              {
                ...(input.text !== undefined ? { text: input.text } : {}),
                ...(input.changeSummary !== undefined ? { change_summary: input.changeSummary } : {}),
                ...(input.editorial !== undefined ? { editorial: input.editorial ? 1 : 0 } : {}),
                updated_at: clock.now().toISOString(),
              },
              'draft',
            );
          },
        );
        return answer(actor, after);
      },
    ),

    submitVersion: useCase(
      versionActions.submit,
      async (context, documentId: string, versionId: string, expectedVersion: ExpectedVersion) =>
        answer(
          context.actor,
          await changeVersion(
            context.actor,
            context,
            'submit',
            { documentId, versionId, expectedVersion },
            (transaction, _before, version) =>
              documentVersionsRepository.update(
                transaction,
                municipalityOf(context.actor),
                versionId,
                version,
                { state: 'in_review', updated_at: clock.now().toISOString() },
                'draft',
              ),
          ),
        ),
    ),

    withdrawVersion: useCase(
      versionActions.withdraw,
      async (context, documentId: string, versionId: string, expectedVersion: ExpectedVersion) =>
        answer(
          context.actor,
          await changeVersion(
            context.actor,
            context,
            'withdraw',
            { documentId, versionId, expectedVersion },
            (transaction, _before, version) =>
              documentVersionsRepository.update(
                transaction,
                municipalityOf(context.actor),
                versionId,
                version,
                { state: 'draft', updated_at: clock.now().toISOString() },
                'in_review',
              ),
          ),
        ),
    ),

    /**
     * Adopts a version in review (ITP-4.1-ADOPT): the one adopted before is superseded, the document
     * rests on this one with its next review date (decision date + interval, ITP-13-REVISE), and the
     * listeners (acknowledgements' requests) run in the same transaction.
     */
    adoptVersion: useCase(
      versionActions.adopt,
      async (context, documentId: string, versionId: string, expectedVersion: ExpectedVersion, input: DocumentVersionAdopt) => {
        const { actor } = context;
        const municipalityId = municipalityOf(actor);
        if (input.decisionDate > today()) throw invalid('decisionDate', 'A decision cannot be dated in the future.');
        let previousVersionId: string | null = null;
        const after = await changeVersion(
          actor,
          context,
          'adopt',
          { documentId, versionId, expectedVersion },
          async (transaction, before, version) => {
            const now = clock.now().toISOString();
            // The old one steps aside first: at most one adopted version per document (a partial unique index).
            previousVersionId = await documentVersionsRepository.supersedeAdopted(transaction, municipalityId, documentId, now);
            const adopted = await documentVersionsRepository.update(
              transaction,
              municipalityId,
              versionId,
              version,
              {
                state: 'adopted',
                adopted_by: input.adoptedBy,
                decision_date: input.decisionDate,
                decision_reference: input.decisionReference ?? null,
                change_summary: input.changeSummary !== undefined ? input.changeSummary : before.version.changeSummary,
                editorial: (input.editorial ?? before.version.editorial) ? 1 : 0,
                adopted_at: now,
                adopted_by_person_id: actor.kind === 'person' ? actor.personId : null,
                updated_at: now,
              },
              'in_review',
            );
            if (!adopted) return false;
            const documentMoved = await documentsRepository.update(transaction, municipalityId, documentId, before.document.version, {
              current_version_id: versionId,
              next_review_date: nextReviewDateOf(input.decisionDate, before.document.reviewIntervalMonths),
              updated_at: now,
            });
            // The document changed since it was read in this transaction: someone else's write won.
            if (!documentMoved) throw versionMismatch();
            return true;
          },
          async (transaction, _before, after) => {
            for (const listener of ports.adoptionListeners) {
              await listener(transaction, {
                municipalityId,
                documentId,
                documentKind: after.document.kind,
                versionId,
                previousVersionId,
                editorial: after.version.editorial,
                requiresAcknowledgement: after.document.requiresAcknowledgement,
                audienceDepartmentIds: after.document.audienceDepartmentIds,
                adoptedAt: after.version.adoptedAt ?? clock.now().toISOString(),
                actorPersonId: actor.kind === 'person' ? actor.personId : null,
                actor,
              });
            }
          },
        );
        return answer(actor, after);
      },
    ),
  };
}

export type DocumentVersionsService = ReturnType<typeof createDocumentVersionsService>;
