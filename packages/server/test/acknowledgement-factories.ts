import { randomUUID } from 'node:crypto';
import type { DocumentKind } from '@forvalta/contracts';
import { systemActor } from '../src/access/actor.ts';
import { withTransaction } from '../src/platform/database.ts';
import { swedishSortKey } from '../src/platform/text.ts';
import type { TestContext, TestMunicipality } from './test-app.ts';

export interface DocumentOptions {
  title?: string;
  kind?: DocumentKind;
  requiresAcknowledgement?: boolean;
  audienceDepartmentIds?: string[];
}

/**
 * Policy documents and their adoption for the acknowledgements' tests: the rows the documents
 * module keeps, written directly, and the adoption's listener called in the adoption's
 * transaction as the documents service calls it (so these tests do not depend on its routes).
 */
export function acknowledgementFactories(context: TestContext) {
  const { database, clock, services } = context;

  async function currentVersionOf(documentId: string) {
    const row = await database.db
      .selectFrom('policy_documents')
      .select(['current_version_id', 'requires_acknowledgement', 'audience_department_ids_json', 'kind'])
      .where('id', '=', documentId)
      .executeTakeFirstOrThrow();
    return row;
  }

  async function nextNumber(documentId: string) {
    const row = await database.db
      .selectFrom('policy_document_versions')
      .select((eb) => eb.fn.max('number').as('number'))
      .where('document_id', '=', documentId)
      .executeTakeFirst();
    return Number(row?.number ?? 0) + 1;
  }

  return {
    async document(municipality: TestMunicipality, options: DocumentOptions = {}) {
      // A new municipality has its security guidelines document (still without a version); this one takes its place.
      if (options.kind === 'security_guidelines')
        await database.db
          .deleteFrom('policy_documents')
          .where('municipality_id', '=', municipality.id)
          .where('kind', '=', 'security_guidelines')
          .where('current_version_id', 'is', null)
          .execute();
      const id = randomUUID();
      const title = options.title ?? `Regler ${id.slice(0, 6)}`;
      const now = clock.now().toISOString();
      await database.db
        .insertInto('policy_documents')
        .values({
          id,
          municipality_id: municipality.id,
          kind: options.kind ?? 'other',
          title,
          sort_key: swedishSortKey(title),
          search_text: title.toLocaleLowerCase('sv'),
          description: null,
          owner_role: 'administrator',
          owner_body: 'Kommunstyrelsen',
          review_interval_months: 24,
          requires_acknowledgement: options.requiresAcknowledgement === false ? 0 : 1,
          audience_department_ids_json: JSON.stringify(options.audienceDepartmentIds ?? []),
          policy_pack_id: null,
          current_version_id: null,
          next_review_date: null,
          created_at: now,
          updated_at: now,
          version: 1,
        })
        .execute();
      return { id, title };
    },

    /** A version in `state` that is not (yet) adopted. */
    async draftVersion(
      municipality: TestMunicipality,
      documentId: string,
      options: { editorial?: boolean; state?: 'draft' | 'in_review' } = {},
    ) {
      const id = randomUUID();
      const now = clock.now().toISOString();
      await database.db
        .insertInto('policy_document_versions')
        .values({
          id,
          municipality_id: municipality.id,
          document_id: documentId,
          number: await nextNumber(documentId),
          state: options.state ?? 'draft',
          adopted_by: null,
          decision_date: null,
          decision_reference: null,
          change_summary: 'Ny lydelse',
          editorial: options.editorial ? 1 : 0,
          text: 'Texten.',
          attachment_file_name: null,
          attachment_content_type: null,
          attachment_size: null,
          attachment_storage_key: null,
          adopted_at: null,
          adopted_by_person_id: null,
          created_at: now,
          updated_at: now,
          version: 1,
        })
        .execute();
      return id;
    },

    /**
     * Adopts the version (or a new one): the earlier current version superseded, the document
     * pointed at it, and the acknowledgements' listener run in the same transaction. Returns the
     * version and what the listener did.
     */
    async adopt(municipality: TestMunicipality, documentId: string, options: { versionId?: string; editorial?: boolean } = {}) {
      const versionId = options.versionId ?? (await this.draftVersion(municipality, documentId, { editorial: options.editorial }));
      const document = await currentVersionOf(documentId);
      const adoptedAt = clock.now().toISOString();
      const editorialRow = await database.db
        .selectFrom('policy_document_versions')
        .select('editorial')
        .where('id', '=', versionId)
        .executeTakeFirstOrThrow();
      const requests = await withTransaction(database.db, async (transaction) => {
        if (document.current_version_id)
          await transaction
            .updateTable('policy_document_versions')
            .set({ state: 'superseded' })
            .where('id', '=', document.current_version_id)
            .execute();
        await transaction
          .updateTable('policy_document_versions')
          .set({ state: 'adopted', adopted_at: adoptedAt, decision_date: adoptedAt.slice(0, 10), adopted_by: 'KS' })
          .where('id', '=', versionId)
          .execute();
        await transaction.updateTable('policy_documents').set({ current_version_id: versionId }).where('id', '=', documentId).execute();
        return services.acknowledgementRequests.onVersionAdopted(
          transaction,
          {
            municipalityId: municipality.id,
            documentId,
            documentKind: document.kind as DocumentKind,
            versionId,
            previousVersionId: document.current_version_id,
            editorial: editorialRow.editorial === 1,
            requiresAcknowledgement: document.requires_acknowledgement === 1,
            audienceDepartmentIds: JSON.parse(document.audience_department_ids_json) as string[],
            adoptedAt,
            actorPersonId: municipality.admin.personId,
            actor: systemActor('test', municipality.id),
          },
          systemActor('test', municipality.id),
        );
      });
      return { versionId, requests };
    },
  };
}
