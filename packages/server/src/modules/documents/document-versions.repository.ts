import type { DocumentSection, DocumentVersionListQuery, DocumentVersionRecord, DocumentVersionState } from '@forvalta/contracts';
import { sql, type Insertable, type Selectable } from 'kysely';
import type { PolicyDocumentVersionsTable } from '../../platform/database-schema.ts';
import type { Executor } from '../../platform/database.ts';
import { pageOf, resolveSort } from '../../platform/paging.ts';
import { likePattern } from '../../platform/text.ts';
import { updateAtVersion, type VersionedValues } from '../../platform/versioned-rows.ts';

type VersionRow = Selectable<PolicyDocumentVersionsTable>;

const versionColumns = [
  'id',
  'municipality_id',
  'document_id',
  'number',
  'state',
  'adopted_by',
  'decision_date',
  'decision_reference',
  'change_summary',
  'editorial',
  'text',
  'attachment_file_name',
  'attachment_content_type',
  'attachment_size',
  'attachment_storage_key',
  'adopted_at',
  'adopted_by_person_id',
  'created_at',
  'updated_at',
  'version',
] as const;

function toVersion(row: VersionRow, sections: DocumentSection[]): DocumentVersionRecord {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    documentId: row.document_id,
    number: row.number,
    state: row.state as DocumentVersionState,
    adoptedBy: row.adopted_by,
    decisionDate: row.decision_date,
    decisionReference: row.decision_reference,
    changeSummary: row.change_summary,
    editorial: Boolean(row.editorial),
    text: row.text,
    attachment:
      row.attachment_file_name !== null && row.attachment_content_type !== null && row.attachment_size !== null
        ? { fileName: row.attachment_file_name, contentType: row.attachment_content_type, size: Number(row.attachment_size) }
        : null,
    sections,
    adoptedAt: row.adopted_at,
  };
}

/**
 * A section's place in its version: the order its author gives them (ADR 0028), not the order of
 * their codes, so the guidelines read in the order they were written and moving a section is a change.
 */
export function sortKeyOfPosition(index: number): string {
  return String(index).padStart(6, '0');
}

async function sectionsByVersion(db: Executor, municipalityId: string, versionIds: string[]) {
  const byVersion = new Map<string, DocumentSection[]>();
  if (versionIds.length === 0) return byVersion;
  const rows = await db
    .selectFrom('policy_document_sections')
    .select(['version_id', 'section_id', 'code', 'title', 'description'])
    .where('municipality_id', '=', municipalityId)
    .where('version_id', 'in', versionIds)
    .orderBy('sort_key')
    .orderBy('section_id')
    .execute();
  for (const row of rows) {
    const list = byVersion.get(row.version_id) ?? [];
    list.push({ id: row.section_id, code: row.code, title: row.title, description: row.description });
    byVersion.set(row.version_id, list);
  }
  return byVersion;
}

async function withSections(db: Executor, municipalityId: string, rows: VersionRow[]) {
  const sections = await sectionsByVersion(
    db,
    municipalityId,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toVersion(row, sections.get(row.id) ?? []));
}

/** A document's versions with their sections; `states` limits them to what the caller may read. */
export const documentVersionsRepository = {
  async list(
    db: Executor,
    municipalityId: string,
    documentId: string,
    query: DocumentVersionListQuery,
    states: readonly DocumentVersionState[],
  ) {
    let filtered = db
      .selectFrom('policy_document_versions')
      .where('municipality_id', '=', municipalityId)
      .where('document_id', '=', documentId)
      .where('state', 'in', [...states]);
    if (query.state) filtered = filtered.where('state', '=', query.state);
    if (query.q) filtered = filtered.where(sql<string>`lower(coalesce(change_summary, ''))`, 'like', likePattern(query.q));
    const sort = resolveSort(
      query.sort ?? '-number',
      { number: 'policy_document_versions.number' },
      'number',
      'policy_document_versions.id',
    );
    const page = await pageOf(filtered.select(versionColumns), filtered, sort, query, (row) => row as VersionRow);
    return { ...page, items: await withSections(db, municipalityId, page.items) };
  },

  async findById(db: Executor, municipalityId: string, documentId: string, id: string) {
    const row = await db
      .selectFrom('policy_document_versions')
      .select(versionColumns)
      .where('municipality_id', '=', municipalityId)
      .where('document_id', '=', documentId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    const [version] = await withSections(db, municipalityId, [row]);
    return version;
  },

  /** Where a version's file is stored (never part of the record). */
  async storageKeyOf(db: Executor, municipalityId: string, id: string) {
    const row = await db
      .selectFrom('policy_document_versions')
      .select('attachment_storage_key')
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.attachment_storage_key ?? null;
  },

  async nextNumber(db: Executor, municipalityId: string, documentId: string) {
    const row = await db
      .selectFrom('policy_document_versions')
      .select(sql<number>`coalesce(max(number), 0)`.as('highest'))
      .where('municipality_id', '=', municipalityId)
      .where('document_id', '=', documentId)
      .executeTakeFirstOrThrow();
    return Number(row.highest) + 1;
  },

  async insert(db: Executor, row: Insertable<PolicyDocumentVersionsTable>) {
    await db.insertInto('policy_document_versions').values(row).execute();
  },

  async update(
    db: Executor,
    municipalityId: string,
    id: string,
    expectedVersion: number,
    values: VersionedValues<'policy_document_versions'>,
    whileState: DocumentVersionState,
  ) {
    return updateAtVersion(
      db,
      'policy_document_versions',
      { municipality_id: municipalityId, id, state: whileState },
      expectedVersion,
      values,
    );
  },

  /** The adopted version becomes superseded; its id, or null when the document had none. */
  async supersedeAdopted(db: Executor, municipalityId: string, documentId: string, now: string) {
    const adopted = await db
      .selectFrom('policy_document_versions')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where('document_id', '=', documentId)
      .where('state', '=', 'adopted')
      .executeTakeFirst();
    if (!adopted) return null;
    await db
      .updateTable('policy_document_versions')
      .set({ state: 'superseded', updated_at: now, version: sql`version + 1` })
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', adopted.id)
      .execute();
    return adopted.id;
  },

  /** Replaces a version's sections, in the order given; an input with an id keeps that section's identity. */
  async replaceSections(
    db: Executor,
    municipalityId: string,
    versionId: string,
    sections: ReadonlyArray<{ id: string; code: string; title: string; description: string | null }>,
  ) {
    await db
      .deleteFrom('policy_document_sections')
      .where('municipality_id', '=', municipalityId)
      .where('version_id', '=', versionId)
      .execute();
    if (sections.length === 0) return;
    await db
      .insertInto('policy_document_sections')
      .values(
        sections.map((section, index) => ({
          municipality_id: municipalityId,
          version_id: versionId,
          section_id: section.id,
          code: section.code,
          sort_key: sortKeyOfPosition(index),
          title: section.title,
          description: section.description,
        })),
      )
      .execute();
  },

  /**
   * The sections of the current adopted version of the municipality's security guidelines, ordered
   * by code: the items of every project's compliance analysis (ITP-4.2.1-COMPLIANCE).
   */
  async currentGuidelineSections(db: Executor, municipalityId: string): Promise<DocumentSection[]> {
    const rows = await db
      .selectFrom('policy_documents')
      .innerJoin('policy_document_sections', 'policy_document_sections.version_id', 'policy_documents.current_version_id')
      .select([
        'policy_document_sections.section_id',
        'policy_document_sections.code',
        'policy_document_sections.title',
        'policy_document_sections.description',
      ])
      .where('policy_documents.municipality_id', '=', municipalityId)
      .where('policy_documents.kind', '=', 'security_guidelines')
      .where('policy_document_sections.municipality_id', '=', municipalityId)
      .orderBy('policy_document_sections.sort_key')
      .orderBy('policy_document_sections.section_id')
      .execute();
    return rows.map((row) => ({ id: row.section_id, code: row.code, title: row.title, description: row.description }));
  },
};
