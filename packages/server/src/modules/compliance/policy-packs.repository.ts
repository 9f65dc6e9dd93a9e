import { randomUUID } from 'node:crypto';
import type { ComplianceException } from '@forvalta/contracts';
import { tanumPolicyPack, type PolicyPack } from '../../policy/index.ts';
import type { Executor } from '../../platform/database.ts';
import { deleteAtVersion } from '../../platform/versioned-rows.ts';

export interface StoredPack {
  id: string;
  pack: PolicyPack;
  publishedAt: string;
  publishedByName: string;
}

/**
 * A pack published before a parameter existed gets the default pack's value for it, so a rule added
 * later (issue #13's training threshold) runs on every municipality's pack instead of failing on a
 * missing parameter; the municipality's own values always win.
 */
function withDefaultParameters(pack: PolicyPack): PolicyPack {
  const missing = Object.keys(tanumPolicyPack.parameters).filter((key) => !(key in pack.parameters));
  if (missing.length === 0) return pack;
  const parameters = { ...pack.parameters };
  for (const key of missing) parameters[key] = structuredClone(tanumPolicyPack.parameters[key]!);
  return { ...pack, parameters };
}

function toStoredPack(row: { id: string; content_json: string; published_at: string; published_by_name: string }): StoredPack {
  return {
    id: row.id,
    pack: withDefaultParameters(JSON.parse(row.content_json) as PolicyPack),
    publishedAt: row.published_at,
    publishedByName: row.published_by_name,
  };
}

/** Policy pack versions and exceptions of one municipality. */
export const policyPacksRepository = {
  async current(db: Executor, municipalityId: string): Promise<StoredPack | undefined> {
    const row = await db
      .selectFrom('policy_packs')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .orderBy('published_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? toStoredPack(row) : undefined;
  },

  async list(db: Executor, municipalityId: string) {
    const rows = await db
      .selectFrom('policy_packs')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .orderBy('published_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toStoredPack);
  },

  async findById(db: Executor, municipalityId: string, id: string) {
    const row = await db
      .selectFrom('policy_packs')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toStoredPack(row) : undefined;
  },

  async versionExists(db: Executor, municipalityId: string, key: string, version: string) {
    const row = await db
      .selectFrom('policy_packs')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where('pack_key', '=', key)
      .where('pack_version', '=', version)
      .executeTakeFirst();
    return row !== undefined;
  },

  async insert(db: Executor, municipalityId: string, id: string, pack: PolicyPack, publishedAt: string, publishedByName: string) {
    await db
      .insertInto('policy_packs')
      .values({
        id,
        municipality_id: municipalityId,
        pack_key: pack.key,
        pack_version: pack.version,
        content_json: JSON.stringify(pack),
        published_at: publishedAt,
        published_by_name: publishedByName,
      })
      .execute();
  },

  /**
   * Every new municipality starts from the Tanum pack (the product's default policy), kept also as
   * its baseline: the default as received, which a later upgrade merges against (ADR 0021).
   */
  async ensureDefault(db: Executor, municipalityId: string, id: string, now: string) {
    if (await this.current(db, municipalityId)) return;
    await this.insert(db, municipalityId, id, tanumPolicyPack, now, 'Förvalta (standard)');
    await this.insertBaseline(db, municipalityId, tanumPolicyPack, now);
  },

  async insertBaseline(db: Executor, municipalityId: string, pack: PolicyPack, receivedAt: string) {
    await db
      .insertInto('policy_pack_baselines')
      .values({
        id: randomUUID(),
        municipality_id: municipalityId,
        pack_key: pack.key,
        pack_version: pack.version,
        content_json: JSON.stringify(pack),
        received_at: receivedAt,
      })
      .execute();
  },

  /** The default pack versions the municipality has received, as stored (no parameter filled in). */
  async baselines(db: Executor, municipalityId: string, key: string): Promise<PolicyPack[]> {
    const rows = await db
      .selectFrom('policy_pack_baselines')
      .select('content_json')
      .where('municipality_id', '=', municipalityId)
      .where('pack_key', '=', key)
      .execute();
    return rows.map((row) => JSON.parse(row.content_json) as PolicyPack);
  },

  /** The municipalities holding a pack of this key, with the names an operator knows them by. */
  async municipalitiesWithPack(db: Executor, key: string) {
    return db
      .selectFrom('municipalities')
      .select(['municipalities.id', 'municipalities.code', 'municipalities.name'])
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('policy_packs')
            .select('policy_packs.id')
            .whereRef('policy_packs.municipality_id', '=', 'municipalities.id')
            .where('policy_packs.pack_key', '=', key),
        ),
      )
      .orderBy('municipalities.code')
      .execute();
  },

  async listExceptions(db: Executor, municipalityId: string): Promise<ComplianceException[]> {
    const rows = await db
      .selectFrom('compliance_exceptions')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .orderBy('clause_id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      version: row.version,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      clauseId: row.clause_id,
      reason: row.reason,
      decidedBy: row.decided_by,
      until: row.until,
    }));
  },

  async insertException(
    db: Executor,
    municipalityId: string,
    values: { id: string; clauseId: string; reason: string; decidedBy: string; until: string | null },
    now: string,
  ) {
    await db
      .insertInto('compliance_exceptions')
      .values({
        id: values.id,
        municipality_id: municipalityId,
        clause_id: values.clauseId,
        reason: values.reason,
        decided_by: values.decidedBy,
        until: values.until,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
  },

  async deleteException(db: Executor, municipalityId: string, id: string, expectedVersion: number) {
    return deleteAtVersion(db, 'compliance_exceptions', { municipality_id: municipalityId, id }, expectedVersion);
  },
};
