import { assetListTotalCap, type AssetListQuery, type AssetNetworkPeriod, type AssetRecord } from '@forvalta/contracts';
import { sql, type Insertable, type Selectable } from 'kysely';
import type { AssetNetworkPeriodsTable, AssetsTable } from '../../platform/database-schema.ts';
import type { Executor } from '../../platform/database.ts';
import { applyKeysetPage, cappedTotal, finishPage, resolveSort } from '../../platform/paging.ts';
import { likePattern, swedishSortKey } from '../../platform/text.ts';
import { updateAtVersion, type VersionedValues } from '../../platform/versioned-rows.ts';
import { isStandardOn } from './asset-models.repository.ts';

/**
 * Which assets a caller reads: all of them, or those of their departments (assigned or owning,
 * the subtree of a department head) and those serving the systems they keep.
 */
export type AssetVisibility = { all: true } | { all: false; departmentIds: readonly string[]; systemIds: readonly string[] };

export type AssetFilters = Omit<AssetListQuery, 'limit' | 'cursor' | 'sort' | 'departmentId'> & {
  departmentIds?: readonly string[];
  /** The caller may not see confidential network details: a network filter then leaves marked assets out (ADR 0030). */
  withholdConfidential?: boolean;
};

type AssetRow = Selectable<AssetsTable> & {
  model_maker: string | null;
  model_model: string | null;
  model_approved_from: string | null;
  model_approved_until: string | null;
  department_name: string | null;
  owner_department_name: string | null;
  person_first_name: string | null;
  person_last_name: string | null;
};

/** What lists show and sort by: the inventory number, else the serial. */
export function assetLabel(values: { inventory_number: string | null; serial: string | null }): string {
  return values.inventory_number ?? values.serial ?? '';
}
export const assetSortKey = (values: { inventory_number: string | null; serial: string | null }) => swedishSortKey(assetLabel(values));

function toAsset(row: AssetRow, systems: Array<{ id: string; name: string }>, today: string): AssetRecord {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    kind: row.kind as AssetRecord['kind'],
    modelId: row.model_id,
    modelName: row.model_maker === null ? null : `${row.model_maker} ${row.model_model}`,
    standardModel:
      row.model_id !== null && isStandardOn({ approved_from: row.model_approved_from, approved_until: row.model_approved_until }, today),
    nonStandardDescription: row.non_standard_description,
    serial: row.serial,
    inventoryNumber: row.inventory_number,
    label: assetLabel(row),
    ownerKind: row.owner_kind as AssetRecord['ownerKind'],
    ownerDepartmentId: row.owner_department_id,
    ownerDepartmentName: row.owner_department_name,
    ownerName: row.owner_name,
    ownerReason: row.owner_reason,
    network: row.network as AssetRecord['network'],
    everOnTownHall: Number(row.ever_on_town_hall) === 1,
    location: row.location,
    departmentId: row.department_id,
    departmentName: row.department_name,
    personId: row.person_id,
    personName: row.person_first_name === null ? null : `${row.person_first_name} ${row.person_last_name}`,
    lifecycle: row.lifecycle as AssetRecord['lifecycle'],
    purchaseDate: row.purchase_date,
    purchaseCost: row.purchase_cost === null ? null : Number(row.purchase_cost),
    warrantyEnd: row.warranty_end,
    note: row.note,
    systems,
    confidentialOslParagraph: row.confidential_osl_paragraph ?? null,
    // As stored: the service withholds the details from a caller who may not see them (ADR 0030).
    networkDetailsWithheld: false,
  };
}

/** An asset with the names it shows; the caller keeps the rows to one municipality (findMany). */
function joined(db: Executor) {
  return db
    .selectFrom('assets')
    .leftJoin('asset_models', 'asset_models.id', 'assets.model_id')
    .leftJoin('departments as assigned', 'assigned.id', 'assets.department_id')
    .leftJoin('departments as owner', 'owner.id', 'assets.owner_department_id')
    .leftJoin('people', 'people.id', 'assets.person_id');
}

const selection = [
  'asset_models.maker as model_maker',
  'asset_models.model as model_model',
  'asset_models.approved_from as model_approved_from',
  'asset_models.approved_until as model_approved_until',
  'assigned.name as department_name',
  'owner.name as owner_department_name',
  'people.first_name as person_first_name',
  'people.last_name as person_last_name',
] as const;

function filtered(db: Executor, municipalityId: string, filters: AssetFilters, visibility: AssetVisibility) {
  let builder = db.selectFrom('assets').where('assets.municipality_id', '=', municipalityId);
  if (!visibility.all) {
    const { departmentIds, systemIds } = visibility;
    builder = builder.where((eb) =>
      eb.or([
        ...(departmentIds.length > 0
          ? [eb('assets.department_id', 'in', [...departmentIds]), eb('assets.owner_department_id', 'in', [...departmentIds])]
          : []),
        ...(systemIds.length > 0
          ? [
              eb.exists(
                eb
                  .selectFrom('asset_systems')
                  .select('asset_systems.asset_id')
                  .whereRef('asset_systems.asset_id', '=', 'assets.id')
                  .where('asset_systems.system_id', 'in', [...systemIds]),
              ),
            ]
          : []),
        sql<boolean>`1 = 0`,
      ]),
    );
  }
  if (filters.kind) builder = builder.where('assets.kind', '=', filters.kind);
  if (filters.network) builder = builder.where('assets.network', '=', filters.network);
  // Filtering by network must not tell a reader which network a marked asset is on.
  if (filters.network && filters.withholdConfidential) builder = builder.where('assets.confidential_osl_paragraph', 'is', null);
  if (filters.ownerKind) builder = builder.where('assets.owner_kind', '=', filters.ownerKind);
  if (filters.modelId) builder = builder.where('assets.model_id', '=', filters.modelId);
  if (filters.nonStandard === 'true') builder = builder.where('assets.model_id', 'is', null);
  if (filters.nonStandard === 'false') builder = builder.where('assets.model_id', 'is not', null);
  if (filters.lifecycle) builder = builder.where('assets.lifecycle', '=', filters.lifecycle);
  if (filters.departmentIds)
    builder = builder.where('assets.department_id', 'in', filters.departmentIds.length ? [...filters.departmentIds] : ['']);
  if (filters.systemId) {
    const systemId = filters.systemId;
    builder = builder.where((eb) =>
      eb.exists(
        eb
          .selectFrom('asset_systems')
          .select('asset_systems.asset_id')
          .whereRef('asset_systems.asset_id', '=', 'assets.id')
          .where('asset_systems.system_id', '=', systemId),
      ),
    );
  }
  if (filters.q) builder = builder.where(sql<boolean>`assets.sort_key like ${likePattern(swedishSortKey(filters.q))} escape '\\'`);
  return builder;
}

/** Assets, their systems and their network history. */
export const assetsRepository = {
  async list(
    db: Executor,
    municipalityId: string,
    query: AssetListQuery,
    filters: AssetFilters,
    visibility: AssetVisibility,
    today: string,
  ) {
    const sort = resolveSort(query.sort, { label: 'assets.sort_key', updatedAt: 'assets.updated_at' }, 'label', 'assets.id');
    // The page is chosen on the assets table alone (its filter index, migration 106), then only its
    // rows are joined for the names; the total is counted up to a cap, never over all 250,000.
    const ids = filtered(db, municipalityId, filters, visibility).select('assets.id');
    const [found, count] = await Promise.all([
      applyKeysetPage(ids, sort, query.cursor, query.limit).execute(),
      cappedTotal(db, filtered(db, municipalityId, filters, visibility), assetListTotalCap),
    ]);
    const page = finishPage(found, query.limit);
    const items = await this.findMany(
      db,
      municipalityId,
      page.rows.map((row) => row.id),
      today,
    );
    return { items, ...count, nextCursor: page.nextCursor };
  },

  async findMany(db: Executor, municipalityId: string, ids: readonly string[], today: string): Promise<AssetRecord[]> {
    if (ids.length === 0) return [];
    // Found by primary key alone and kept to the municipality here: with `municipality_id = ?` in
    // the statement, SQLite without planner statistics read the municipality's index (all 250,000
    // rows of L, 100 ms) instead of the 50 keys. A row of another municipality is never returned.
    const [found, systems] = await Promise.all([
      joined(db)
        .selectAll('assets')
        .select(selection)
        .where('assets.id', 'in', [...ids])
        .execute(),
      db
        .selectFrom('asset_systems')
        .innerJoin('systems', 'systems.id', 'asset_systems.system_id')
        .select(['asset_systems.asset_id', 'systems.id', 'systems.name'])
        .where('asset_systems.municipality_id', '=', municipalityId)
        .where('asset_systems.asset_id', 'in', [...ids])
        .orderBy('systems.sort_key')
        .execute(),
    ]);
    const systemsByAsset = new Map<string, Array<{ id: string; name: string }>>();
    for (const row of systems) {
      const list = systemsByAsset.get(row.asset_id) ?? [];
      list.push({ id: row.id, name: row.name });
      systemsByAsset.set(row.asset_id, list);
    }
    const rows = found.filter((row) => row.municipality_id === municipalityId);
    const byId = new Map(rows.map((row) => [row.id, toAsset(row as AssetRow, systemsByAsset.get(row.id) ?? [], today)]));
    return ids.map((id) => byId.get(id)).filter((asset): asset is AssetRecord => asset !== undefined);
  },

  async findById(db: Executor, municipalityId: string, id: string, today: string): Promise<AssetRecord | undefined> {
    const [asset] = await this.findMany(db, municipalityId, [id], today);
    return asset;
  },

  /** The asset holding this serial or inventory number, other than `exceptId`. */
  async findIdByKey(
    db: Executor,
    municipalityId: string,
    keys: { serial: string | null; inventoryNumber: string | null },
    exceptId: string,
  ) {
    const conditions = [
      ...(keys.serial !== null ? [['serial', keys.serial] as const] : []),
      ...(keys.inventoryNumber !== null ? [['inventory_number', keys.inventoryNumber] as const] : []),
    ];
    if (conditions.length === 0) return undefined;
    const row = await db
      .selectFrom('assets')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where('id', '<>', exceptId)
      .where((eb) => eb.or(conditions.map(([column, value]) => eb(column, '=', value))))
      .executeTakeFirst();
    return row?.id;
  },

  async insert(db: Executor, values: Insertable<AssetsTable>) {
    await db.insertInto('assets').values(values).execute();
  },

  async update(db: Executor, municipalityId: string, id: string, version: number, values: VersionedValues<'assets'>) {
    return updateAtVersion(db, 'assets', { municipality_id: municipalityId, id }, version, values);
  },

  async replaceSystems(db: Executor, municipalityId: string, assetId: string, systemIds: readonly string[]) {
    await db.deleteFrom('asset_systems').where('municipality_id', '=', municipalityId).where('asset_id', '=', assetId).execute();
    if (systemIds.length === 0) return;
    await db
      .insertInto('asset_systems')
      .values([...new Set(systemIds)].map((systemId) => ({ municipality_id: municipalityId, asset_id: assetId, system_id: systemId })))
      .execute();
  },

  /** The systems among `ids` that exist here. */
  async existingSystemIds(db: Executor, municipalityId: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await db
      .selectFrom('systems')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where('id', 'in', [...new Set(ids)])
      .execute();
    return new Set(rows.map((row) => row.id));
  },

  async departmentsOf(db: Executor, municipalityId: string) {
    return db.selectFrom('departments').select(['id', 'parent_id', 'name']).where('municipality_id', '=', municipalityId).execute();
  },

  async personExists(db: Executor, municipalityId: string, personId: string) {
    const row = await db
      .selectFrom('people')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', personId)
      .executeTakeFirst();
    return row !== undefined;
  },

  /** Opens a network period; the one open before it (if any) ends on the day the new one starts. */
  async moveToNetwork(db: Executor, period: Omit<Insertable<AssetNetworkPeriodsTable>, 'position'>) {
    const last = await db
      .selectFrom('asset_network_periods')
      .select(sql<number>`max(position)`.as('position'))
      .where('municipality_id', '=', period.municipality_id)
      .where('asset_id', '=', period.asset_id)
      .executeTakeFirst();
    await db
      .updateTable('asset_network_periods')
      .set({ ended_on: period.started_on })
      .where('municipality_id', '=', period.municipality_id)
      .where('asset_id', '=', period.asset_id)
      .where('ended_on', 'is', null)
      .execute();
    await db
      .insertInto('asset_network_periods')
      .values({ ...period, position: Number(last?.position ?? 0) + 1 })
      .execute();
  },

  async networkPeriods(db: Executor, municipalityId: string, assetId: string): Promise<AssetNetworkPeriod[]> {
    const rows = await db
      .selectFrom('asset_network_periods')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .where('asset_id', '=', assetId)
      .orderBy('position', 'desc')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      network: row.network as AssetNetworkPeriod['network'],
      startedOn: row.started_on,
      endedOn: row.ended_on,
      recordedAt: row.recorded_at,
      recordedByName: row.recorded_by_name,
    }));
  },
};
