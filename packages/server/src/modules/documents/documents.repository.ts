import type { DocumentKind, DocumentListQuery, DocumentRecord, DocumentVersionState, Role } from '@forvalta/contracts';
import type { Insertable, Selectable } from 'kysely';
import type { PolicyDocumentsTable } from '../../platform/database-schema.ts';
import type { Executor } from '../../platform/database.ts';
import { parseJson } from '../../platform/json.ts';
import { pageOf, resolveSort } from '../../platform/paging.ts';
import { likePattern } from '../../platform/text.ts';
import { deleteAtVersion, updateAtVersion, type VersionedValues } from '../../platform/versioned-rows.ts';

type DocumentRow = Selectable<PolicyDocumentsTable> & {
  current_number: number | null;
  current_adopted_by: string | null;
  current_decision_date: string | null;
  current_decision_reference: string | null;
  current_adopted_at: string | null;
  open_id: string | null;
  open_number: number | null;
  open_state: string | null;
};

/** The document with its current adopted version and its open one (draft or in review), in one query. */
function documentsWithVersions(db: Executor, municipalityId: string) {
  return db
    .selectFrom('policy_documents')
    .leftJoin('policy_document_versions as current', 'current.id', 'policy_documents.current_version_id')
    .leftJoin('policy_document_versions as open', (join) =>
      join.onRef('open.document_id', '=', 'policy_documents.id').on('open.state', 'in', ['draft', 'in_review']),
    )
    .where('policy_documents.municipality_id', '=', municipalityId);
}

const documentColumns = [
  'policy_documents.id',
  'policy_documents.municipality_id',
  'policy_documents.kind',
  'policy_documents.title',
  'policy_documents.sort_key',
  'policy_documents.search_text',
  'policy_documents.description',
  'policy_documents.owner_role',
  'policy_documents.owner_body',
  'policy_documents.review_interval_months',
  'policy_documents.requires_acknowledgement',
  'policy_documents.audience_department_ids_json',
  'policy_documents.policy_pack_id',
  'policy_documents.current_version_id',
  'policy_documents.next_review_date',
  'policy_documents.created_at',
  'policy_documents.updated_at',
  'policy_documents.version',
  'current.number as current_number',
  'current.adopted_by as current_adopted_by',
  'current.decision_date as current_decision_date',
  'current.decision_reference as current_decision_reference',
  'current.adopted_at as current_adopted_at',
  'open.id as open_id',
  'open.number as open_number',
  'open.state as open_state',
] as const;

function toDocument(row: DocumentRow, today: string): DocumentRecord {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    kind: row.kind as DocumentKind,
    title: row.title,
    description: row.description,
    ownerRole: row.owner_role as Role,
    ownerBody: row.owner_body,
    reviewIntervalMonths: row.review_interval_months,
    requiresAcknowledgement: Boolean(row.requires_acknowledgement),
    audienceDepartmentIds: parseJson<string[]>(row.audience_department_ids_json, []),
    policyPackId: row.policy_pack_id,
    currentVersion:
      row.current_version_id && row.current_number !== null
        ? {
            id: row.current_version_id,
            number: row.current_number,
            adoptedBy: row.current_adopted_by,
            decisionDate: row.current_decision_date,
            decisionReference: row.current_decision_reference,
            adoptedAt: row.current_adopted_at,
          }
        : null,
    openVersion:
      row.open_id && row.open_number !== null
        ? { id: row.open_id, number: row.open_number, state: row.open_state as DocumentVersionState }
        : null,
    nextReviewDate: row.next_review_date,
    // The same comparison as documents.workflow.ts isReviewOverdue, which the list's filter also makes in SQL.
    reviewOverdue: row.next_review_date !== null && row.next_review_date < today,
  };
}

/** The municipality's policy documents; `today` decides which are past their review date. */
export const documentsRepository = {
  async list(db: Executor, municipalityId: string, query: DocumentListQuery, today: string) {
    let filtered = documentsWithVersions(db, municipalityId);
    if (query.kind) filtered = filtered.where('policy_documents.kind', '=', query.kind);
    if (query.requiresAcknowledgement !== undefined)
      filtered = filtered.where('policy_documents.requires_acknowledgement', '=', query.requiresAcknowledgement ? 1 : 0);
    if (query.overdue === true) filtered = filtered.where('policy_documents.next_review_date', '<', today);
    if (query.overdue === false)
      filtered = filtered.where((eb) =>
        eb.or([eb('policy_documents.next_review_date', 'is', null), eb('policy_documents.next_review_date', '>=', today)]),
      );
    if (query.q) filtered = filtered.where('policy_documents.search_text', 'like', likePattern(query.q));
    const sort = resolveSort(
      query.sort,
      { title: 'policy_documents.sort_key', kind: 'policy_documents.kind', updatedAt: 'policy_documents.updated_at' },
      'title',
      'policy_documents.id',
    );
    return pageOf(filtered.select(documentColumns), filtered, sort, query, (row) => toDocument(row as DocumentRow, today));
  },

  async findById(db: Executor, municipalityId: string, id: string, today: string) {
    const row = await documentsWithVersions(db, municipalityId)
      .select(documentColumns)
      .where('policy_documents.id', '=', id)
      .executeTakeFirst();
    return row ? toDocument(row as DocumentRow, today) : undefined;
  },

  /** The document of a singular kind (the IT policy, the security guidelines), if the municipality has it. */
  async idOfKind(db: Executor, municipalityId: string, kind: DocumentKind) {
    const row = await db
      .selectFrom('policy_documents')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where('kind', '=', kind)
      .orderBy('created_at')
      .executeTakeFirst();
    return row?.id;
  },

  async policyPackExists(db: Executor, municipalityId: string, policyPackId: string) {
    const row = await db
      .selectFrom('policy_packs')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', policyPackId)
      .executeTakeFirst();
    return row !== undefined;
  },

  async insert(db: Executor, row: Insertable<PolicyDocumentsTable>) {
    await db.insertInto('policy_documents').values(row).execute();
  },

  async update(db: Executor, municipalityId: string, id: string, expectedVersion: number, values: VersionedValues<'policy_documents'>) {
    return updateAtVersion(db, 'policy_documents', { municipality_id: municipalityId, id }, expectedVersion, values);
  },

  /** Removes a never-adopted document with its drafts and their sections; the storage keys of their files, to remove after commit. */
  async delete(
    db: Executor,
    municipalityId: string,
    id: string,
    expectedVersion: number,
  ): Promise<{ deleted: boolean; storageKeys: string[] }> {
    const versions = await db
      .selectFrom('policy_document_versions')
      .select(['id', 'attachment_storage_key'])
      .where('municipality_id', '=', municipalityId)
      .where('document_id', '=', id)
      .execute();
    const versionIds = versions.map((version) => version.id);
    if (versionIds.length > 0) {
      await db
        .deleteFrom('policy_document_sections')
        .where('municipality_id', '=', municipalityId)
        .where('version_id', 'in', versionIds)
        .execute();
      await db.deleteFrom('policy_document_versions').where('municipality_id', '=', municipalityId).where('document_id', '=', id).execute();
    }
    const deleted = await deleteAtVersion(db, 'policy_documents', { municipality_id: municipalityId, id }, expectedVersion);
    return {
      deleted,
      storageKeys: versions.map((version) => version.attachment_storage_key).filter((key): key is string => key !== null),
    };
  },

  /** Whether the document was ever adopted (an adopted or superseded version): then it is kept, as the record of decisions. */
  async everAdopted(db: Executor, municipalityId: string, id: string) {
    const row = await db
      .selectFrom('policy_document_versions')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where('document_id', '=', id)
      .where('state', 'in', ['adopted', 'superseded'])
      .executeTakeFirst();
    return row !== undefined;
  },
};
