import type { PolicyPackFile } from '@forvalta/contracts';
import type { Executor } from '../../platform/database.ts';
import type { PolicyPackDraftsTable } from '../../platform/database-schema.ts';
import { updateAtVersion } from '../../platform/versioned-rows.ts';

export interface DraftRecord {
  id: string;
  key: string;
  packVersion: string;
  title: string;
  state: 'draft' | 'adopted';
  content: PolicyPackFile;
  adoptingDocumentVersionId: string | null;
  adoptedPackId: string | null;
  createdByName: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

function toRecord(row: PolicyPackDraftsTable): DraftRecord {
  return {
    id: row.id,
    key: row.pack_key,
    packVersion: row.pack_version,
    title: row.title,
    state: row.state as DraftRecord['state'],
    content: JSON.parse(row.content_json) as PolicyPackFile,
    adoptingDocumentVersionId: row.adopting_document_version_id,
    adoptedPackId: row.adopted_pack_id,
    createdByName: row.created_by_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** The columns a pack file's content sets, so the list never parses content. */
export function contentColumns(content: PolicyPackFile) {
  return { pack_key: content.key, pack_version: content.version, title: content.document.title, content_json: JSON.stringify(content) };
}

/** Policy pack drafts of one municipality (issue #21, migration 128). */
export const policyAuthoringRepository = {
  async list(db: Executor, municipalityId: string) {
    const rows = await db
      .selectFrom('policy_pack_drafts')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toRecord);
  },

  async find(db: Executor, municipalityId: string, id: string) {
    const row = await db
      .selectFrom('policy_pack_drafts')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toRecord(row) : undefined;
  },

  /** The draft waiting for this document version's adoption, if any. */
  async findAdopting(db: Executor, municipalityId: string, documentVersionId: string) {
    const row = await db
      .selectFrom('policy_pack_drafts')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .where('adopting_document_version_id', '=', documentVersionId)
      .where('state', '=', 'draft')
      .executeTakeFirst();
    return row ? toRecord(row) : undefined;
  },

  async insert(db: Executor, row: PolicyPackDraftsTable) {
    await db.insertInto('policy_pack_drafts').values(row).execute();
  },

  async update(
    db: Executor,
    municipalityId: string,
    id: string,
    version: number,
    values: Partial<Omit<PolicyPackDraftsTable, 'id' | 'municipality_id' | 'version'>>,
  ) {
    return updateAtVersion(db, 'policy_pack_drafts', { municipality_id: municipalityId, id }, version, values);
  },
};
