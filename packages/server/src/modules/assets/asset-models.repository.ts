import type { AssetModelListQuery, AssetModelRecord } from '@forvalta/contracts';
import { sql, type Insertable, type Selectable } from 'kysely';
import type { AssetModelsTable } from '../../platform/database-schema.ts';
import type { Executor } from '../../platform/database.ts';
import { pageOf, resolveSort } from '../../platform/paging.ts';
import { likePattern, swedishSortKey } from '../../platform/text.ts';
import { updateAtVersion, type VersionedValues } from '../../platform/versioned-rows.ts';

type ModelRow = Selectable<AssetModelsTable> & { asset_count: number | string | null };

/** Standard on `today`: approved, and today within its approval (both ends included). */
export function isStandardOn(model: { approved_from: string | null; approved_until: string | null }, today: string): boolean {
  return model.approved_from !== null && model.approved_from <= today && (model.approved_until === null || model.approved_until >= today);
}

function toModel(row: ModelRow, today: string): AssetModelRecord {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    kind: row.kind as AssetModelRecord['kind'],
    maker: row.maker,
    model: row.model,
    name: `${row.maker} ${row.model}`,
    description: row.description,
    approvedFrom: row.approved_from,
    approvedUntil: row.approved_until,
    approvedAt: row.approved_at,
    approvedByName: row.approved_by_name,
    standard: isStandardOn(row, today),
    assetCount: Number(row.asset_count ?? 0),
  };
}

function selectModels(db: Executor, municipalityId: string) {
  return db
    .selectFrom('asset_models')
    .selectAll('asset_models')
    .select((eb) =>
      eb
        .selectFrom('assets')
        .select(sql<number>`count(*)`.as('count'))
        .where('assets.municipality_id', '=', municipalityId)
        .whereRef('assets.model_id', '=', 'asset_models.id')
        .where('assets.lifecycle', '<>', 'retired')
        .as('asset_count'),
    )
    .where('asset_models.municipality_id', '=', municipalityId);
}

/** The catalogue of models; a model's maker and model (its sort key) are unique per municipality. */
export const assetModelsRepository = {
  async list(db: Executor, municipalityId: string, query: AssetModelListQuery, today: string) {
    let filtered = db.selectFrom('asset_models').where('asset_models.municipality_id', '=', municipalityId);
    let rows = selectModels(db, municipalityId);
    if (query.kind) {
      filtered = filtered.where('asset_models.kind', '=', query.kind);
      rows = rows.where('asset_models.kind', '=', query.kind);
    }
    if (query.q) {
      const pattern = likePattern(swedishSortKey(query.q));
      filtered = filtered.where(sql<boolean>`asset_models.sort_key like ${pattern} escape '\\'`);
      rows = rows.where(sql<boolean>`asset_models.sort_key like ${pattern} escape '\\'`);
    }
    if (query.standard !== undefined) {
      const standard = sql<boolean>`(asset_models.approved_from is not null and asset_models.approved_from <= ${today} and (asset_models.approved_until is null or asset_models.approved_until >= ${today}))`;
      const condition = query.standard === 'true' ? standard : sql<boolean>`not ${standard}`;
      filtered = filtered.where(condition);
      rows = rows.where(condition);
    }
    const sort = resolveSort(query.sort, { name: 'asset_models.sort_key' }, 'name', 'asset_models.id');
    return pageOf(rows, filtered, sort, query, (row) => toModel(row as ModelRow, today));
  },

  async findById(db: Executor, municipalityId: string, id: string, today: string): Promise<AssetModelRecord | undefined> {
    const row = await selectModels(db, municipalityId).where('asset_models.id', '=', id).executeTakeFirst();
    return row ? toModel(row as ModelRow, today) : undefined;
  },

  async findIdBySortKey(db: Executor, municipalityId: string, sortKey: string) {
    const row = await db
      .selectFrom('asset_models')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where('sort_key', '=', sortKey)
      .executeTakeFirst();
    return row?.id;
  },

  /** Every model of the municipality, small (a catalogue): the import resolves names and ids against it. */
  async listAll(db: Executor, municipalityId: string) {
    return db
      .selectFrom('asset_models')
      .select(['id', 'kind', 'maker', 'model', 'sort_key', 'approved_from', 'approved_until'])
      .where('municipality_id', '=', municipalityId)
      .execute();
  },

  async insert(db: Executor, values: Insertable<AssetModelsTable>) {
    await db.insertInto('asset_models').values(values).execute();
  },

  async update(db: Executor, municipalityId: string, id: string, version: number, values: VersionedValues<'asset_models'>) {
    return updateAtVersion(db, 'asset_models', { municipality_id: municipalityId, id }, version, values);
  },
};
