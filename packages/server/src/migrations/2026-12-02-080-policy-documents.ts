import { sql, type Kysely } from 'kysely';
import { columnTypes } from './column-types.ts';

/**
 * Policy documents and their versions (issue #13).
 *
 * - policy_documents: the municipality's IT policy, security guidelines, infrastructure programme,
 *   operations instruction, e-mail and internet rules and any others; the current adopted version
 *   and the next review date (its decision date plus the review interval) are kept on the row, so
 *   the list and the overdue filter need no join.
 * - policy_document_versions: draft → in_review → adopted → superseded, with the decision
 *   (ITP-4.1-ADOPT) and the attached file's metadata (the file itself is on disk, ADR 0018).
 *   At most one open (draft or in review) and one adopted version per document: partial unique
 *   indexes, so two concurrent adoptions or drafts cannot both succeed (409).
 * - policy_document_sections: the security guidelines' sections, per version; `section_id` is the
 *   section's identity across versions (a project judges `guideline:<section_id>`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const types = await columnTypes(db);

  await db.schema
    .createTable('policy_documents')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('title', 'text', (column) => column.notNull())
    .addColumn('sort_key', 'text', (column) => types.sortKey(column.notNull()))
    .addColumn('search_text', 'text', (column) => column.notNull())
    .addColumn('description', 'text')
    .addColumn('owner_role', 'text', (column) => column.notNull())
    .addColumn('owner_body', 'text')
    .addColumn('review_interval_months', 'integer', (column) => column.notNull())
    .addColumn('requires_acknowledgement', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('audience_department_ids_json', 'text', (column) => column.notNull().defaultTo('[]'))
    .addColumn('policy_pack_id', 'text', (column) => column.references('policy_packs.id'))
    .addColumn('current_version_id', 'text')
    .addColumn('next_review_date', types.date)
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('policy_documents_list').on('policy_documents').columns(['municipality_id', 'sort_key', 'id']).execute();
  await db.schema
    .createIndex('policy_documents_review')
    .on('policy_documents')
    .columns(['municipality_id', 'next_review_date', 'id'])
    .execute();
  await db.schema.createIndex('policy_documents_kind').on('policy_documents').columns(['municipality_id', 'kind']).execute();
  await db.schema
    .createIndex('policy_documents_singular_kind')
    .unique()
    .on('policy_documents')
    .columns(['municipality_id', 'kind'])
    .where(sql.ref('kind'), 'in', ['it_policy', 'security_guidelines'])
    .execute();

  await db.schema
    .createTable('policy_document_versions')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('document_id', 'text', (column) => column.notNull().references('policy_documents.id'))
    .addColumn('number', 'integer', (column) => column.notNull())
    .addColumn('state', 'text', (column) => column.notNull())
    .addColumn('adopted_by', 'text')
    .addColumn('decision_date', types.date)
    .addColumn('decision_reference', 'text')
    .addColumn('change_summary', 'text')
    .addColumn('editorial', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('text', 'text')
    .addColumn('attachment_file_name', 'text')
    .addColumn('attachment_content_type', 'text')
    .addColumn('attachment_size', 'integer')
    .addColumn('attachment_storage_key', 'text')
    .addColumn('adopted_at', types.timestamp)
    .addColumn('adopted_by_person_id', 'text', (column) => column.references('people.id'))
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .addUniqueConstraint('policy_document_versions_number', ['document_id', 'number'])
    .execute();
  await db.schema
    .createIndex('policy_document_versions_document')
    .on('policy_document_versions')
    .columns(['municipality_id', 'document_id', 'number'])
    .execute();
  await db.schema
    .createIndex('policy_document_versions_one_open')
    .unique()
    .on('policy_document_versions')
    .column('document_id')
    .where(sql.ref('state'), 'in', ['draft', 'in_review'])
    .execute();
  await db.schema
    .createIndex('policy_document_versions_one_adopted')
    .unique()
    .on('policy_document_versions')
    .column('document_id')
    .where(sql.ref('state'), '=', 'adopted')
    .execute();

  await db.schema
    .createTable('policy_document_sections')
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('version_id', 'text', (column) => column.notNull().references('policy_document_versions.id'))
    .addColumn('section_id', 'text', (column) => column.notNull())
    .addColumn('code', 'text', (column) => column.notNull())
    .addColumn('sort_key', 'text', (column) => types.sortKey(column.notNull()))
    .addColumn('title', 'text', (column) => column.notNull())
    .addColumn('description', 'text')
    .addPrimaryKeyConstraint('policy_document_sections_pk', ['version_id', 'section_id'])
    .addUniqueConstraint('policy_document_sections_code', ['version_id', 'code'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('policy_document_sections').execute();
  await db.schema.dropTable('policy_document_versions').execute();
  await db.schema.dropTable('policy_documents').execute();
}
