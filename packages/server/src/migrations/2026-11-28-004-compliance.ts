import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.ts';

/** Policy packs (versioned, per municipality), exceptions, and the daily compliance trend. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const types = await columnTypes(db);

  await db.schema
    .createTable('policy_packs')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('pack_key', 'text', (column) => column.notNull())
    .addColumn('pack_version', 'text', (column) => column.notNull())
    .addColumn('content_json', 'text', (column) => column.notNull())
    .addColumn('published_at', types.timestamp, (column) => column.notNull())
    .addColumn('published_by_name', 'text', (column) => column.notNull())
    .addUniqueConstraint('policy_packs_version', ['municipality_id', 'pack_key', 'pack_version'])
    .execute();
  await db.schema
    .createIndex('policy_packs_municipality_published')
    .on('policy_packs')
    .columns(['municipality_id', 'published_at'])
    .execute();

  await db.schema
    .createTable('compliance_exceptions')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('clause_id', 'text', (column) => column.notNull())
    .addColumn('reason', 'text', (column) => column.notNull())
    .addColumn('decided_by', 'text', (column) => column.notNull())
    .addColumn('until', types.date)
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('compliance_exceptions_clause')
    .on('compliance_exceptions')
    .columns(['municipality_id', 'clause_id'])
    .execute();

  await db.schema
    .createTable('compliance_snapshots')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('taken_on', types.date, (column) => column.notNull())
    .addColumn('pack_id', 'text', (column) => column.notNull())
    .addColumn('score', 'double precision')
    .addColumn('passed', 'integer', (column) => column.notNull())
    .addColumn('failed', 'integer', (column) => column.notNull())
    .addColumn('summary_json', 'text', (column) => column.notNull())
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addUniqueConstraint('compliance_snapshots_day', ['municipality_id', 'taken_on'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['compliance_snapshots', 'compliance_exceptions', 'policy_packs']) await db.schema.dropTable(table).execute();
}
