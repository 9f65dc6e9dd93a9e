import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { tanumPolicyPack } from '../policy/index.ts';

/**
 * Every municipality has a policy pack from its initialisation on. Municipalities created before
 * the packs existed got the default the first time someone read compliance, a write on a read
 * (issue #11); the read no longer writes, so this gives each municipality without a pack the
 * default now, as initialisation would have. (The pack is the default as this version ships it.)
 */
/** The columns this migration reads and writes, as they are when it runs. */
interface TablesAtThisMigration {
  municipalities: { id: string };
  policy_packs: {
    id: string;
    municipality_id: string;
    pack_key: string;
    pack_version: string;
    content_json: string;
    published_at: string;
    published_by_name: string;
  };
}

export async function up(db: Kysely<unknown>): Promise<void> {
  // The tables as they are at this migration, declared here: it must not depend on today's schema types.
  const untyped = db as unknown as Kysely<TablesAtThisMigration>;
  const withoutPack = await untyped
    .selectFrom('municipalities')
    .select('id')
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('policy_packs').select('policy_packs.id').whereRef('policy_packs.municipality_id', '=', 'municipalities.id'))),
    )
    .execute();
  const now = new Date().toISOString();
  for (const municipality of withoutPack) {
    await untyped
      .insertInto('policy_packs')
      .values({
        id: randomUUID(),
        municipality_id: municipality.id,
        pack_key: tanumPolicyPack.key,
        pack_version: tanumPolicyPack.version,
        content_json: JSON.stringify(tanumPolicyPack),
        published_at: now,
        published_by_name: 'Förvalta (standard)',
      })
      .execute();
  }
}

/** The packs it gave cannot be told from packs given at initialisation; nothing is undone. */
export async function down(): Promise<void> {}
