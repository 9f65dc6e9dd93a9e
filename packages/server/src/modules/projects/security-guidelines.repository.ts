import type { SecurityGuidelineSection } from '@forvalta/contracts';
import type { Selectable } from 'kysely';
import type { SecurityGuidelineSectionsTable } from '../../platform/database-schema.ts';
import type { Executor } from '../../platform/database.ts';
import { pageOf, resolveSort } from '../../platform/paging.ts';
import { updateAtVersion, deleteAtVersion } from '../../platform/versioned-rows.ts';

function toSection(row: Selectable<SecurityGuidelineSectionsTable>): SecurityGuidelineSection {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    code: row.code,
    title: row.title,
    description: row.description,
  };
}

/** The sections of the municipality's IT security guidelines (Riktlinjer för IT-säkerhet), ordered by code. */
export const securityGuidelinesRepository = {
  async list(db: Executor, municipalityId: string, query: { limit: number; cursor?: string; sort?: string }) {
    const filtered = db.selectFrom('security_guideline_sections').where('municipality_id', '=', municipalityId);
    const sort = resolveSort(query.sort, { code: 'security_guideline_sections.sort_key' }, 'code', 'security_guideline_sections.id');
    return pageOf(filtered.selectAll(), filtered, sort, query, toSection);
  },

  async all(db: Executor, municipalityId: string) {
    const rows = await db
      .selectFrom('security_guideline_sections')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .orderBy('sort_key')
      .orderBy('id')
      .execute();
    return rows.map(toSection);
  },

  async findById(db: Executor, municipalityId: string, id: string) {
    const row = await db
      .selectFrom('security_guideline_sections')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toSection(row) : undefined;
  },

  async codeTaken(db: Executor, municipalityId: string, code: string, exceptId: string | null) {
    let query = db
      .selectFrom('security_guideline_sections')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where('code', '=', code);
    if (exceptId) query = query.where('id', '<>', exceptId);
    return (await query.executeTakeFirst()) !== undefined;
  },

  async insert(
    db: Executor,
    municipalityId: string,
    id: string,
    values: { code: string; title: string; description: string | null },
    now: string,
  ) {
    await db
      .insertInto('security_guideline_sections')
      .values({
        id,
        municipality_id: municipalityId,
        code: values.code,
        sort_key: sortKeyOfCode(values.code),
        title: values.title,
        description: values.description,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
  },

  async update(
    db: Executor,
    municipalityId: string,
    id: string,
    expectedVersion: number,
    values: { code: string; title: string; description: string | null },
    now: string,
  ) {
    return updateAtVersion(db, 'security_guideline_sections', { municipality_id: municipalityId, id }, expectedVersion, {
      code: values.code,
      sort_key: sortKeyOfCode(values.code),
      title: values.title,
      description: values.description,
      updated_at: now,
    });
  },

  async delete(db: Executor, municipalityId: string, id: string, expectedVersion: number) {
    return deleteAtVersion(db, 'security_guideline_sections', { municipality_id: municipalityId, id }, expectedVersion);
  },
};

/** Section codes sort as numbers part by part ("2.10" after "2.9"): each number padded. */
export function sortKeyOfCode(code: string): string {
  return code
    .toLowerCase()
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? part.padStart(6, '0') : part))
    .join('.');
}
