import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.ts';

/**
 * The product's default policy pack as each municipality received it, one row per version (ADR 0021):
 * the common ancestor of the upgrade's three-way merge. A municipality's published pack mixes the
 * default with its own edits; only against the untouched default can the upgrade tell which values
 * are the municipality's own (kept) and which are the product's (replaced by the newer default).
 *
 * Backfill: a municipality's first pack is the default it was given (at initialisation, or by
 * migration 050); a pack can only be published from an earlier one, so the first is never edited.
 * The content is copied from the row, not from today's code: a migration must not depend on code
 * that changes after it has run.
 */
interface TablesAtThisMigration {
  policy_packs: { id: string; municipality_id: string; pack_key: string; pack_version: string; content_json: string; published_at: string };
  policy_pack_baselines: {
    id: string;
    municipality_id: string;
    pack_key: string;
    pack_version: string;
    content_json: string;
    received_at: string;
  };
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const types = await columnTypes(db);
  await db.schema
    .createTable('policy_pack_baselines')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('pack_key', 'text', (column) => column.notNull())
    .addColumn('pack_version', 'text', (column) => column.notNull())
    .addColumn('content_json', 'text', (column) => column.notNull())
    .addColumn('received_at', types.timestamp, (column) => column.notNull())
    .addUniqueConstraint('policy_pack_baselines_version', ['municipality_id', 'pack_key', 'pack_version'])
    .execute();

  const untyped = db as unknown as Kysely<TablesAtThisMigration>;
  const packs = await untyped
    .selectFrom('policy_packs')
    .select(['municipality_id', 'pack_key', 'pack_version', 'content_json', 'published_at'])
    .orderBy('published_at')
    .orderBy('id')
    .execute();
  const firstOfEach = new Map<string, (typeof packs)[number]>();
  for (const pack of packs) {
    const key = `${pack.municipality_id}\u0000${pack.pack_key}`;
    if (!firstOfEach.has(key)) firstOfEach.set(key, pack);
  }
  for (const pack of firstOfEach.values()) {
    await untyped
      .insertInto('policy_pack_baselines')
      .values({
        id: randomUUID(),
        municipality_id: pack.municipality_id,
        pack_key: pack.pack_key,
        pack_version: pack.pack_version,
        content_json: pack.content_json,
        received_at: pack.published_at,
      })
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('policy_pack_baselines').execute();
}
