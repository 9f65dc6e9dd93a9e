import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../platform/database.ts';
import type { AssetsTable } from '../../platform/database-schema.ts';
import { swedishSortKey } from '../../platform/text.ts';
import type { ImportLookups, ImportModel } from './asset-import-plan.ts';

/** An asset as stored, as the import plans against it. */
export type ExistingAsset = Selectable<AssetsTable>;
/** An asset row as the import writes it. */
export type NewAssetRow = Insertable<AssetsTable>;

/** Values per IN list: well under SQLite's and PostgreSQL's parameter limits. */
const chunkSize = 500;

function chunks<Item>(items: readonly Item[]): Item[][] {
  const result: Item[][] = [];
  for (let start = 0; start < items.length; start += chunkSize) result.push(items.slice(start, start + chunkSize));
  return result;
}

/** The import's reads (issue #15): set-based, a fixed number of statements per 500 keys, never the whole asset table. */
export const assetImportRepository = {
  /** Ends the asset's open network period today and answers the next period's position (the history's order). */
  async endOpenNetworkPeriod(db: Executor, municipalityId: string, assetId: string, today: string): Promise<number> {
    const last = await db
      .selectFrom('asset_network_periods')
      .select((eb) => eb.fn.max('position').as('position'))
      .where('municipality_id', '=', municipalityId)
      .where('asset_id', '=', assetId)
      .executeTakeFirst();
    await db
      .updateTable('asset_network_periods')
      .set({ ended_on: today })
      .where('municipality_id', '=', municipalityId)
      .where('asset_id', '=', assetId)
      .where('ended_on', 'is', null)
      .execute();
    return Number(last?.position ?? 0) + 1;
  },

  async assetsByKey(db: Executor, municipalityId: string, column: 'serial' | 'inventory_number', keys: readonly string[]) {
    const found = new Map<string, ExistingAsset>();
    for (const part of chunks([...new Set(keys)])) {
      const rows = await db
        .selectFrom('assets')
        .selectAll()
        .where('municipality_id', '=', municipalityId)
        .where(column, 'in', part)
        .execute();
      for (const row of rows) found.set(row[column]!, row);
    }
    return found;
  },

  async lookups(
    db: Executor,
    municipalityId: string,
    keys: { serials: string[]; inventoryNumbers: string[]; personIds: string[]; emails: string[] },
  ): Promise<ImportLookups> {
    const models = await db
      .selectFrom('asset_models')
      .select(['id', 'kind', 'maker', 'model'])
      .where('municipality_id', '=', municipalityId)
      .execute();
    const modelsById = new Map<string, ImportModel>(models.map((model) => [model.id, { id: model.id, kind: model.kind }]));
    const modelsByName = new Map<string, ImportModel>(
      models.map((model) => [swedishSortKey(`${model.maker} ${model.model}`), { id: model.id, kind: model.kind }]),
    );
    const departments = await db.selectFrom('departments').select(['id', 'name']).where('municipality_id', '=', municipalityId).execute();
    const departmentsByName = new Map<string, string | null>();
    for (const department of departments) {
      const key = swedishSortKey(department.name);
      // Two departments of one name: the name is ambiguous and finds neither.
      departmentsByName.set(key, departmentsByName.has(key) ? null : department.id);
    }
    const peopleById = new Set<string>();
    for (const part of chunks([...new Set(keys.personIds)])) {
      const rows = await db
        .selectFrom('people')
        .select('id')
        .where('municipality_id', '=', municipalityId)
        .where('id', 'in', part)
        .execute();
      for (const row of rows) peopleById.add(row.id);
    }
    const peopleByEmail = new Map<string, string>();
    for (const part of chunks([...new Set(keys.emails)])) {
      const rows = await db
        .selectFrom('people')
        .select(['id', 'email'])
        .where('municipality_id', '=', municipalityId)
        .where('email', 'in', part)
        .execute();
      for (const row of rows) peopleByEmail.set(row.email.toLowerCase(), row.id);
    }
    const assetsBySerial = await this.assetsByKey(db, municipalityId, 'serial', keys.serials);
    // An inventory number the serials' assets already carry is that asset's (the number is unique
    // here), so only the others are looked up: a file read again fetched every asset twice (8.8 s of
    // the 100,000-row re-run at L).
    const assetsByInventoryNumber = new Map<string, ExistingAsset>();
    for (const asset of assetsBySerial.values())
      if (asset.inventory_number !== null) assetsByInventoryNumber.set(asset.inventory_number, asset);
    const unresolved = keys.inventoryNumbers.filter((number) => !assetsByInventoryNumber.has(number));
    for (const [number, asset] of await this.assetsByKey(db, municipalityId, 'inventory_number', unresolved))
      assetsByInventoryNumber.set(number, asset);
    return {
      assetsBySerial,
      assetsByInventoryNumber,
      modelsById,
      modelsByName,
      departmentsById: new Set(departments.map((department) => department.id)),
      departmentsByName,
      peopleById,
      peopleByEmail,
    };
  },
};
