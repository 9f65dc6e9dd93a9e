import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.ts';

/**
 * The IT security guidelines' sections become part of the guidelines document's version (issue #13).
 * Each municipality gets a security_guidelines document (owned by the IT chief, to be acknowledged
 * by employees, ITP-12-KNOWLEDGE) with an adopted version 1 holding the sections it had; each
 * section keeps its id as its identity across versions, so the judgements projects made of it
 * (`guideline:<id>`) still apply. The decision behind the list was never recorded: version 1 has
 * no decision date (so no review date) until the IT chief adopts the next version with one.
 * Then security_guideline_sections goes; its routes moved under the document's versions.
 */
interface TablesAtThisMigration {
  municipalities: { id: string };
  security_guideline_sections: {
    id: string;
    municipality_id: string;
    code: string;
    sort_key: string;
    title: string;
    description: string | null;
    created_at: string;
  };
  policy_documents: {
    id: string;
    municipality_id: string;
    kind: string;
    title: string;
    sort_key: string;
    search_text: string;
    description: string | null;
    owner_role: string;
    owner_body: string | null;
    review_interval_months: number;
    requires_acknowledgement: number;
    audience_department_ids_json: string;
    policy_pack_id: string | null;
    current_version_id: string | null;
    next_review_date: string | null;
    created_at: string;
    updated_at: string;
    version: number;
  };
  policy_document_versions: {
    id: string;
    municipality_id: string;
    document_id: string;
    number: number;
    state: string;
    change_summary: string | null;
    editorial: number;
    text: string | null;
    adopted_at: string | null;
    created_at: string;
    updated_at: string;
    version: number;
  };
  policy_document_sections: {
    municipality_id: string;
    version_id: string;
    section_id: string;
    code: string;
    sort_key: string;
    title: string;
    description: string | null;
  };
}

const title = 'Riktlinjer för IT-säkerhet';

export async function up(db: Kysely<unknown>): Promise<void> {
  const untyped = db as unknown as Kysely<TablesAtThisMigration>;
  const now = new Date().toISOString();
  const municipalities = await untyped.selectFrom('municipalities').select('id').execute();
  for (const { id: municipalityId } of municipalities) {
    const existing = await untyped
      .selectFrom('policy_documents')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where('kind', '=', 'security_guidelines')
      .executeTakeFirst();
    if (existing) continue;
    const sections = await untyped
      .selectFrom('security_guideline_sections')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .orderBy('sort_key')
      .execute();
    const documentId = randomUUID();
    const versionId = randomUUID();
    await untyped
      .insertInto('policy_documents')
      .values({
        id: documentId,
        municipality_id: municipalityId,
        kind: 'security_guidelines',
        title,
        // swedishSortKey and searchText of the title, as the service writes them.
        sort_key: 'riktlinjer f}r it-s|kerhet',
        search_text: title.toLocaleLowerCase('sv'),
        description: null,
        owner_role: 'it_chief',
        owner_body: null,
        // The pack's policyRevisionIntervalMonths as it ships (36); the IT chief may change it.
        review_interval_months: 36,
        requires_acknowledgement: 1,
        audience_department_ids_json: '[]',
        policy_pack_id: null,
        current_version_id: versionId,
        next_review_date: null,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
    await untyped
      .insertInto('policy_document_versions')
      .values({
        id: versionId,
        municipality_id: municipalityId,
        document_id: documentId,
        number: 1,
        state: 'adopted',
        change_summary: 'Avsnitten överförda från den tidigare listan över riktlinjernas avsnitt.',
        editorial: 0,
        text: null,
        adopted_at: now,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
    if (sections.length > 0)
      await untyped
        .insertInto('policy_document_sections')
        .values(
          sections.map((section) => ({
            municipality_id: municipalityId,
            version_id: versionId,
            section_id: section.id,
            code: section.code,
            sort_key: section.sort_key,
            title: section.title,
            description: section.description,
          })),
        )
        .execute();
  }
  await db.schema.dropTable('security_guideline_sections').execute();
}

/** The sections of each municipality's current guidelines version go back into their own table. */
export async function down(db: Kysely<unknown>): Promise<void> {
  const types = await columnTypes(db);
  await db.schema
    .createTable('security_guideline_sections')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('code', 'text', (column) => column.notNull())
    .addColumn('sort_key', 'text', (column) => types.sortKey(column.notNull()))
    .addColumn('title', 'text', (column) => column.notNull())
    .addColumn('description', 'text')
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .addUniqueConstraint('security_guideline_sections_code', ['municipality_id', 'code'])
    .execute();
  const untyped = db as unknown as Kysely<TablesAtThisMigration & { security_guideline_sections: { updated_at: string; version: number } }>;
  const current = await untyped
    .selectFrom('policy_document_sections')
    .innerJoin('policy_documents', 'policy_documents.current_version_id', 'policy_document_sections.version_id')
    .select([
      'policy_document_sections.section_id',
      'policy_document_sections.municipality_id',
      'policy_document_sections.code',
      'policy_document_sections.sort_key',
      'policy_document_sections.title',
      'policy_document_sections.description',
    ])
    .where('policy_documents.kind', '=', 'security_guidelines')
    .execute();
  const now = new Date().toISOString();
  for (const section of current)
    await untyped
      .insertInto('security_guideline_sections')
      .values({
        id: section.section_id,
        municipality_id: section.municipality_id,
        code: section.code,
        sort_key: section.sort_key,
        title: section.title,
        description: section.description,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
}
