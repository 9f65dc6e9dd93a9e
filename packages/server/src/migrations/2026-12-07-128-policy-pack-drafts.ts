import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.ts';

/**
 * Drafts of policy packs (issue #21, ADR 0039): a municipality's own pack as it is authored, kept
 * apart from policy_packs (the published versions, the newest of which results are computed
 * against) until it is adopted with its policy document's version.
 *
 * - content_json is the pack file (docs/policy-pack-format.md) as the author last saved it.
 * - adopting_document_version_id: the document version prepared for the adoption; the documents
 *   module's adoption of that version publishes the pack in the same transaction.
 * - adopted_pack_id: the published policy_packs row, once adopted; an adopted draft is not edited.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const types = await columnTypes(db);
  await db.schema
    .createTable('policy_pack_drafts')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('pack_key', 'text', (column) => column.notNull())
    .addColumn('pack_version', 'text', (column) => column.notNull())
    .addColumn('title', 'text', (column) => column.notNull())
    .addColumn('state', 'text', (column) => column.notNull())
    .addColumn('content_json', 'text', (column) => column.notNull())
    .addColumn('adopting_document_version_id', 'text')
    .addColumn('adopted_pack_id', 'text')
    .addColumn('created_by_name', 'text', (column) => column.notNull())
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('policy_pack_drafts_created')
    .on('policy_pack_drafts')
    .columns(['municipality_id', 'created_at', 'id'])
    .execute();
}
