import { randomUUID } from 'node:crypto';
import type {
  PolicyPackDiff,
  PolicyPackDraftAdopt,
  PolicyPackDraftView,
  PolicyPackFile,
  PolicyPackPreview,
  PolicyDocumentProposal,
  PolicyRuleView,
} from '@forvalta/contracts';
import { actorName, type AnyActor } from '../../access/actor.ts';
import { can, municipalityOf } from '../../access/authorise.ts';
import { useCase } from '../../access/use-case.ts';
import { recordAudit } from '../../platform/audit.ts';
import { swedishToday } from '../../platform/calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import { withTransaction, type DatabaseHandle, type TransactionHandle } from '../../platform/database.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import { versionedWrites } from '../../platform/versioned-write.ts';
import {
  diffPackFiles,
  formatOfDocument,
  packFromFile,
  packToFile,
  proposeClauses,
  ruleCatalogue,
  splitDocument,
  type PackProblem,
  type PolicyPack,
} from '../../policy/index.ts';
import { evaluatePackOnRegister, policyPackRecords } from '../compliance/index.ts';
import type { AdoptedVersion, DocumentVersionsService } from '../documents/index.ts';
import { previewOf } from './pack-preview.ts';
import { contentColumns, policyAuthoringRepository, type DraftRecord } from './policy-authoring.repository.ts';
import { packDocumentText } from './pack-document-text.ts';

/** A file's problems as a refusal: every one named by its place and clause, in Swedish and English. */
function refusePack(problems: readonly PackProblem[]): never {
  throw new AppError('validation_failed', 'Paketfilen har fel. / The pack file has errors.', {
    fieldErrors: problems.map((problem) => ({ path: problem.path, code: problem.code, message: `${problem.sv} / ${problem.en}` })),
  });
}

/** The pack a file describes, or a refusal naming every problem. */
function soundPack(file: PolicyPackFile): PolicyPack {
  const { pack, problems } = packFromFile(file);
  if (problems.length > 0) refusePack(problems);
  return pack;
}

function draftView(actor: AnyActor, draft: DraftRecord): PolicyPackDraftView {
  const { adoptingDocumentVersionId: _pending, content, ...fields } = draft;
  const open = draft.state === 'draft';
  const mayAuthor = can(actor, 'policyPack.author');
  return { ...fields, clauseCount: content.clauses.length, content, can: { update: open && mayAuthor, adopt: open && mayAuthor } };
}

function summaryView(draft: DraftRecord) {
  const { adoptingDocumentVersionId: _pending, content, ...fields } = draft;
  return { ...fields, clauseCount: content.clauses.length };
}

/**
 * A municipality's own policy pack (issue #21, ADR 0039): exported and imported as a file, authored
 * as a draft, previewed on the live register, compared with the pack in force and adopted together
 * with a version of its policy document. The administrator and the IT chief author; auditors read drafts.
 */
export function createPolicyAuthoringService(db: DatabaseHandle, clock: Clock, documentVersions: DocumentVersionsService) {
  const versioned = versionedWrites(db, clock);
  const now = () => clock.now().toISOString();

  async function draftOrFail(municipalityId: string, id: string) {
    const draft = await policyAuthoringRepository.find(db, municipalityId, id);
    if (!draft) throw notFound('Policy pack draft');
    return draft;
  }

  async function diffAgainst(municipalityId: string, draft: DraftRecord, againstId: string | undefined): Promise<PolicyPackDiff> {
    const against = againstId
      ? await policyPackRecords.findPack(db, municipalityId, againstId)
      : await policyPackRecords.currentPack(db, municipalityId);
    if (againstId && !against) throw invalid('against', 'The municipality has no such policy pack version.');
    // Both as exported: a parameter the draft leaves out has the default pack's value, as it will once adopted.
    const adopted = packToFile(soundPack(draft.content));
    return { fromPackId: against?.id ?? null, ...diffPackFiles(against ? packToFile(against.pack) : null, adopted) };
  }

  return {
    listRules: useCase('compliance.read', async ({ authorise }) => {
      authorise();
      const items: PolicyRuleView[] = ruleCatalogue.map((rule) => ({ ...rule, parameters: [...rule.parameters] }));
      return { items, total: items.length, nextCursor: null };
    }),

    /** A published pack version as a file; everyone reads the adopted pack. */
    exportPack: useCase('compliance.read', async ({ actor, authorise }, id: string): Promise<PolicyPackFile> => {
      authorise();
      const stored = await policyPackRecords.findPack(db, municipalityOf(actor), id);
      if (!stored) throw notFound('Policy pack');
      return packToFile(stored.pack);
    }),

    /**
     * The clauses an adopted policy document proposes (DOCX, PDF with text or plain text), for the author
     * to edit into a pack file. Nothing is stored: the author imports the file once it is edited.
     */
    proposeFromDocument: useCase(
      'policyPack.author',
      async ({ authorise }, bytes: Buffer, prefix: string | undefined): Promise<PolicyDocumentProposal> => {
        authorise();
        if (bytes.length === 0)
          throw invalid('body', 'Ladda upp dokumentet som begärans innehåll. / Upload the document as the request body.');
        const format = formatOfDocument(bytes);
        let blocks: Awaited<ReturnType<typeof splitDocument>>;
        try {
          blocks = await splitDocument(bytes, format);
        } catch {
          throw invalid(
            'body',
            'Dokumentet går inte att läsa (DOCX, PDF med text eller ren text). / The document cannot be read (DOCX, PDF with text or plain text).',
          );
        }
        return { format, ...proposeClauses(blocks, prefix ?? 'KLAUSUL') };
      },
    ),

    /** A pack file (exported here or by another municipality) as a new draft; nothing is in force until adopted. */
    importPack: useCase('policyPack.author', async ({ actor, authorise }, file: PolicyPackFile): Promise<PolicyPackDraftView> => {
      authorise();
      soundPack(file);
      const municipalityId = municipalityOf(actor);
      return withTransaction(db, async (transaction) => {
        const id = randomUUID();
        const at = now();
        await policyAuthoringRepository.insert(transaction, {
          id,
          municipality_id: municipalityId,
          ...contentColumns(file),
          state: 'draft',
          adopting_document_version_id: null,
          adopted_pack_id: null,
          created_by_name: actorName(actor),
          created_at: at,
          updated_at: at,
          version: 1,
        });
        const created = (await policyAuthoringRepository.find(transaction, municipalityId, id))!;
        await recordAudit(transaction, actor, clock, {
          action: 'import',
          entityType: 'policy_pack_draft',
          entityId: id,
          after: summaryView(created),
        });
        return draftView(actor, created);
      });
    }),

    listDrafts: useCase('policyPackDraft.read', async ({ actor, authorise }) => {
      authorise();
      const drafts = await policyAuthoringRepository.list(db, municipalityOf(actor));
      return { items: drafts.map(summaryView), total: drafts.length, nextCursor: null };
    }),

    getDraft: useCase('policyPackDraft.read', async ({ actor, authorise }, id: string): Promise<PolicyPackDraftView> => {
      const draft = await draftOrFail(municipalityOf(actor), id);
      authorise();
      return draftView(actor, draft);
    }),

    /** Replaces the draft's content with the author's; refused with every problem named while it is not a sound pack. */
    updateDraft: useCase(
      'policyPack.author',
      async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion, content: PolicyPackFile): Promise<PolicyPackDraftView> => {
        const municipalityId = municipalityOf(actor);
        const after = await versioned.update(actor, {
          entity: 'Policy pack draft',
          expectedVersion,
          load: (transaction) => policyAuthoringRepository.find(transaction, municipalityId, id),
          authorise: () => authorise(),
          apply: async (transaction, before, version) => {
            if (before.state !== 'draft') throw conflict('The draft is already adopted.', 'policy_pack_draft_adopted');
            soundPack(content);
            return policyAuthoringRepository.update(transaction, municipalityId, id, version, {
              ...contentColumns(content),
              updated_at: now(),
            });
          },
          audit: (before, changed) => ({
            action: 'update',
            entityType: 'policy_pack_draft',
            entityId: id,
            before: { version: before.packVersion, clauseCount: before.content.clauses.length },
            after: {
              version: changed.packVersion,
              clauseCount: changed.content.clauses.length,
              diff: diffPackFiles(before.content, changed.content),
            },
          }),
        });
        return draftView(actor, after);
      },
    ),

    /** What the draft would show on today's register: per clause, what passes and what would turn red. Writes nothing. */
    previewDraft: useCase('policyPackDraft.read', async ({ actor, authorise }, id: string): Promise<PolicyPackPreview> => {
      const municipalityId = municipalityOf(actor);
      const draft = await draftOrFail(municipalityId, id);
      authorise();
      const pack = soundPack(draft.content);
      const evaluatedAt = now();
      const { results } = await evaluatePackOnRegister(db, municipalityId, pack, evaluatedAt);
      return previewOf(pack, results, evaluatedAt);
    }),

    diffDraft: useCase('policyPackDraft.read', async ({ actor, authorise }, id: string, againstId?: string): Promise<PolicyPackDiff> => {
      const municipalityId = municipalityOf(actor);
      const draft = await draftOrFail(municipalityId, id);
      authorise();
      return diffAgainst(municipalityId, draft, againstId);
    }),

    /**
     * Adopts the draft with a new version of the policy document (ITP-4.1-ADOPT): the version's text is
     * the pack's clauses, marked editorial when only parameters or bindings changed, and the
     * documents module's adoption publishes the pack in its own transaction (publishAdoptedDraft),
     * so the pack is in force exactly when the document version is, and acknowledgements follow the
     * documents module's one rule.
     */
    adoptDraft: useCase(
      'policyPack.author',
      async (
        { actor, authorise },
        id: string,
        expectedVersion: ExpectedVersion,
        input: PolicyPackDraftAdopt,
      ): Promise<PolicyPackDraftView> => {
        const municipalityId = municipalityOf(actor);
        const draft = await draftOrFail(municipalityId, id);
        authorise();
        if (draft.state !== 'draft') throw conflict('The draft is already adopted.', 'policy_pack_draft_adopted');
        if (expectedVersion !== '*' && expectedVersion !== draft.version)
          throw new AppError('version_mismatch', 'The record was changed by someone else. Reload it and apply your change again.');
        if (input.decisionDate > swedishToday(clock.now())) throw invalid('decisionDate', 'A decision cannot be dated in the future.');
        soundPack(draft.content);
        if (await policyPackRecords.versionExists(db, municipalityId, draft.key, draft.packVersion))
          throw conflict(`Version ${draft.packVersion} of this policy pack already exists.`, 'policy_version_exists', [
            { path: 'content.version', message: 'Already published' },
          ]);
        const diff = await diffAgainst(municipalityId, draft, undefined);
        const changeSummary = input.changeSummary ?? null;
        const documentVersion = await documentVersions.createVersion(actor, input.documentId, {
          text: packDocumentText(draft.content),
          editorial: diff.editorial,
          changeSummary,
        });
        await versioned.update<DraftRecord, DraftRecord>(actor, {
          entity: 'Policy pack draft',
          expectedVersion: draft.version,
          load: (transaction) => policyAuthoringRepository.find(transaction, municipalityId, id),
          authorise: () => authorise(),
          apply: (transaction, _before, version) =>
            policyAuthoringRepository.update(transaction, municipalityId, id, version, {
              adopting_document_version_id: documentVersion.id,
              updated_at: now(),
            }),
          audit: () => ({
            // The draft now waits for its document version's adoption.
            action: 'update',
            entityType: 'policy_pack_draft',
            entityId: id,
            after: { documentId: input.documentId, documentVersionId: documentVersion.id, editorial: diff.editorial },
          }),
        });
        const submitted = await documentVersions.submitVersion(actor, input.documentId, documentVersion.id, documentVersion.version);
        await documentVersions.adoptVersion(actor, input.documentId, documentVersion.id, submitted.version, {
          adoptedBy: input.adoptedBy,
          decisionDate: input.decisionDate,
          decisionReference: input.decisionReference,
          changeSummary,
          editorial: diff.editorial,
        });
        return draftView(actor, (await policyAuthoringRepository.find(db, municipalityId, id))!);
      },
    ),
  };
}

/**
 * The documents module's adoption listener (services.ts): a document version prepared by adoptDraft
 * publishes its draft, in the adoption's transaction, with the decision the adoption recorded.
 */
export function publishAdoptedDraft(clock: Clock) {
  return async (transaction: TransactionHandle, adoption: AdoptedVersion): Promise<void> => {
    const { actor } = adoption;
    const draft = await policyAuthoringRepository.findAdopting(transaction, adoption.municipalityId, adoption.versionId);
    if (!draft) return;
    const pack = soundPack(draft.content);
    const packId = randomUUID();
    await policyPackRecords.insertPack(transaction, adoption.municipalityId, packId, pack, adoption.adoptedAt, actorName(actor));
    const moved = await policyAuthoringRepository.update(transaction, adoption.municipalityId, draft.id, draft.version, {
      state: 'adopted',
      adopted_pack_id: packId,
      updated_at: adoption.adoptedAt,
    });
    if (!moved) throw new AppError('version_mismatch', 'The draft was changed while it was adopted. Reload it and adopt it again.');
    await recordAudit(transaction, actor, clock, {
      action: 'publish',
      entityType: 'policy_pack',
      entityId: packId,
      after: {
        key: pack.key,
        version: pack.version,
        draftId: draft.id,
        documentVersionId: adoption.versionId,
        editorial: adoption.editorial,
      },
      municipalityId: adoption.municipalityId,
    });
  };
}

export type PolicyAuthoringService = ReturnType<typeof createPolicyAuthoringService>;
