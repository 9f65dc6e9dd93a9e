import type { DocumentKind } from '@forvalta/contracts';
import { sql } from 'kysely';
import type { Executor } from '../../platform/database.ts';

/** The documents a person must have acknowledged before their first right is activated (ITP-3-INFORM-NEW). */
export const gateDocumentKinds: readonly DocumentKind[] = ['it_policy', 'security_guidelines'];

export interface GateDocument {
  documentId: string;
  documentKind: DocumentKind;
  documentTitle: string;
  versionId: string;
  versionNumber: number;
  acknowledged: boolean;
}

/**
 * The gate's reads of the documents' and acknowledgements' tables, read-only (as the compliance
 * loaders read them): the current adopted version of each gate document, and whether the person
 * holds an acknowledgement of exactly that version (editorial carry-overs are stored as such).
 */
export const accessGateRepository = {
  async gateDocumentsOf(db: Executor, municipalityId: string, personId: string): Promise<GateDocument[]> {
    const rows = await db
      .selectFrom('policy_documents')
      .innerJoin('policy_document_versions', 'policy_document_versions.id', 'policy_documents.current_version_id')
      .select([
        'policy_documents.id as document_id',
        'policy_documents.kind',
        'policy_documents.title',
        'policy_document_versions.id as version_id',
        'policy_document_versions.number',
      ])
      .select((eb) =>
        eb
          .exists(
            eb
              .selectFrom('acknowledgements')
              .select(sql`1`.as('one'))
              .where('acknowledgements.municipality_id', '=', municipalityId)
              .where('acknowledgements.person_id', '=', personId)
              .whereRef('acknowledgements.version_id', '=', 'policy_documents.current_version_id')
              .where('acknowledgements.state', '=', 'acknowledged'),
          )
          .as('acknowledged'),
      )
      .where('policy_documents.municipality_id', '=', municipalityId)
      .where('policy_documents.kind', 'in', [...gateDocumentKinds])
      .orderBy('policy_documents.kind')
      .execute();
    return rows.map((row) => ({
      documentId: row.document_id,
      documentKind: row.kind as DocumentKind,
      documentTitle: row.title,
      versionId: row.version_id,
      versionNumber: row.number,
      // SQLite answers 0/1, PostgreSQL a boolean.
      acknowledged: Boolean(row.acknowledged),
    }));
  },
};
