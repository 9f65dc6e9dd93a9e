import type {
  ConsumptionKind,
  ConsumptionListQuery,
  ConsumptionRecord,
  ConsumptionSource,
  LicenceListQuery,
  LicenceMetric,
  LicenceRecord,
  SoftwareOrigin,
} from '@forvalta/contracts';
import type { Insertable } from 'kysely';
import type { LicenceConsumptionTable, LicencesTable } from '../../platform/database-schema.ts';
import { inParallel, type Executor } from '../../platform/database.ts';
import { offsetPage, pageOf, resolveSort } from '../../platform/paging.ts';
import { deleteAtVersion, updateAtVersion } from '../../platform/versioned-rows.ts';
import type { PositionConsumption, PositionLicence, PositionSoftware } from '../../policy/index.ts';

function filtered(db: Executor, municipalityId: string, query: Omit<LicenceListQuery, 'limit' | 'cursor' | 'sort'>) {
  let builder = db
    .selectFrom('licences')
    .innerJoin('software', 'software.id', 'licences.software_id')
    .where('licences.municipality_id', '=', municipalityId);
  if (query.softwareId) builder = builder.where('licences.software_id', '=', query.softwareId);
  if (query.contractId) builder = builder.where('licences.contract_id', '=', query.contractId);
  if (query.systemId) {
    const systemId = query.systemId;
    // The link is kept to the municipality at both ends: the licence's (above) and the software's use by the system.
    builder = builder.where((eb) =>
      eb.exists(
        eb
          .selectFrom('software_systems')
          .select('software_systems.software_id')
          .whereRef('software_systems.software_id', '=', 'licences.software_id')
          .where('software_systems.municipality_id', '=', municipalityId)
          .where('software_systems.system_id', '=', systemId),
      ),
    );
  }
  return builder;
}

const selected = (db: Executor, municipalityId: string, query: Omit<LicenceListQuery, 'limit' | 'cursor' | 'sort'>) =>
  filtered(db, municipalityId, query)
    .leftJoin('contracts', 'contracts.id', 'licences.contract_id')
    .selectAll('licences')
    .select(['software.product as software_product', 'contracts.title as contract_title']);

type LicenceRow = LicencesTable & { software_product: string; contract_title: string | null };

function toLicence(row: LicenceRow, today: string): LicenceRecord {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    softwareId: row.software_id,
    softwareProduct: row.software_product,
    metric: row.metric as LicenceMetric,
    quantity: row.quantity,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    contractId: row.contract_id,
    contractTitle: row.contract_title,
    notes: row.notes,
    current: (row.valid_from === null || row.valid_from <= today) && (row.valid_until === null || row.valid_until >= today),
  };
}

function toConsumption(row: LicenceConsumptionTable): ConsumptionRecord {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    softwareId: row.software_id,
    kind: row.kind as ConsumptionKind,
    count: row.count,
    source: row.source as ConsumptionSource,
    assetId: row.asset_id,
    inventory: row.inventory,
    countedOn: row.counted_on,
  };
}

/** Licences (entitlements as counts) and their consumption (counts per asset or inventory). */
export const licencesRepository = {
  async list(db: Executor, municipalityId: string, query: LicenceListQuery, today: string) {
    const sort = resolveSort(
      query.sort,
      { softwareProduct: 'software.sort_key', validUntil: 'licences.valid_until', updatedAt: 'licences.updated_at' },
      'softwareProduct',
      'licences.id',
    );
    return pageOf(selected(db, municipalityId, query), filtered(db, municipalityId, query), sort, query, (row) =>
      toLicence(row as LicenceRow, today),
    );
  },

  async findById(db: Executor, municipalityId: string, id: string, today: string) {
    const row = await selected(db, municipalityId, {}).where('licences.id', '=', id).executeTakeFirst();
    return row ? toLicence(row as LicenceRow, today) : undefined;
  },

  async insert(db: Executor, values: Insertable<LicencesTable>) {
    await db.insertInto('licences').values(values).execute();
  },

  async update(db: Executor, municipalityId: string, id: string, expectedVersion: number, columns: Partial<LicencesTable>) {
    return updateAtVersion(db, 'licences', { municipality_id: municipalityId, id }, expectedVersion, columns);
  },

  async delete(db: Executor, municipalityId: string, id: string, expectedVersion: number) {
    return deleteAtVersion(db, 'licences', { municipality_id: municipalityId, id }, expectedVersion);
  },

  async assetExists(db: Executor, municipalityId: string, assetId: string) {
    const row = await db
      .selectFrom('assets')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', assetId)
      .executeTakeFirst();
    return row !== undefined;
  },

  async contractExists(db: Executor, municipalityId: string, contractId: string) {
    const row = await db
      .selectFrom('contracts')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', contractId)
      .executeTakeFirst();
    return row !== undefined;
  },

  async listConsumption(db: Executor, municipalityId: string, query: ConsumptionListQuery) {
    let builder = db.selectFrom('licence_consumption').selectAll().where('municipality_id', '=', municipalityId);
    if (query.softwareId) builder = builder.where('software_id', '=', query.softwareId);
    if (query.assetId) builder = builder.where('asset_id', '=', query.assetId);
    const [page, total] = await inParallel(
      db,
      () =>
        offsetPage(
          (offset, limit) => builder.orderBy('counted_on', 'desc').orderBy('id').offset(offset).limit(limit).execute(),
          query.cursor,
          query.limit,
        ),
      () =>
        builder
          .clearSelect()
          .select((eb) => eb.fn.countAll<number>().as('total'))
          .executeTakeFirstOrThrow(),
    );
    return { items: page.rows.map(toConsumption), total: Number(total.total), nextCursor: page.nextCursor };
  },

  async findConsumption(db: Executor, municipalityId: string, id: string) {
    const row = await db
      .selectFrom('licence_consumption')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toConsumption(row) : undefined;
  },

  async insertConsumption(db: Executor, rows: Insertable<LicenceConsumptionTable>[]) {
    // Chunks keep each statement under SQLite's limit of bound parameters.
    for (let start = 0; start < rows.length; start += 500)
      await db
        .insertInto('licence_consumption')
        .values(rows.slice(start, start + 500))
        .execute();
  },

  async deleteConsumption(db: Executor, municipalityId: string, id: string, expectedVersion: number) {
    return deleteAtVersion(db, 'licence_consumption', { municipality_id: municipalityId, id }, expectedVersion);
  },

  async inventoryRows(db: Executor, municipalityId: string, inventory: string) {
    return db
      .selectFrom('licence_consumption')
      .select(['software_id', 'kind', 'count'])
      .where('municipality_id', '=', municipalityId)
      .where('inventory', '=', inventory)
      .execute();
  },

  async deleteInventory(db: Executor, municipalityId: string, inventory: string) {
    const result = await db
      .deleteFrom('licence_consumption')
      .where('municipality_id', '=', municipalityId)
      .where('inventory', '=', inventory)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },

  /** Sets the products' totals from their rows, in the writing transaction (one statement per step, whatever their number). */
  async refreshTotals(db: Executor, municipalityId: string, softwareIds: readonly string[]) {
    const ids = [...new Set(softwareIds)];
    for (let start = 0; start < ids.length; start += 500) {
      const chunk = ids.slice(start, start + 500);
      await db
        .deleteFrom('licence_consumption_totals')
        .where('municipality_id', '=', municipalityId)
        .where('software_id', 'in', chunk)
        .execute();
      await db
        .insertInto('licence_consumption_totals')
        .columns(['municipality_id', 'software_id', 'kind', 'total'])
        .expression((eb) =>
          eb
            .selectFrom('licence_consumption')
            .select((inner) => ['municipality_id', 'software_id', 'kind', inner.fn.sum<number>('count').as('total')])
            .where('municipality_id', '=', municipalityId)
            .where('software_id', 'in', chunk)
            .groupBy(['municipality_id', 'software_id', 'kind']),
        )
        .execute();
    }
  },

  /** The municipality's software a counted inventory names, by product (its sort key) or by id. */
  async softwareNamed(db: Executor, municipalityId: string, sortKeys: readonly string[], ids: readonly string[]) {
    const found: Array<{ id: string; product: string; maker: string | null }> = [];
    for (const [column, values] of [
      ['sort_key', [...new Set(sortKeys)]],
      ['id', [...new Set(ids)]],
    ] as const) {
      for (let start = 0; start < values.length; start += 500) {
        const rows = await db
          .selectFrom('software')
          .select(['id', 'product', 'maker'])
          .where('municipality_id', '=', municipalityId)
          .where(column, 'in', values.slice(start, start + 500))
          .execute();
        found.push(...rows);
      }
    }
    return found;
  },

  /** Which of the ids name software of the municipality. */
  async softwareIdsIn(db: Executor, municipalityId: string, ids: readonly string[]) {
    const found = new Set<string>();
    const unique = [...new Set(ids)];
    for (let start = 0; start < unique.length; start += 500) {
      const rows = await db
        .selectFrom('software')
        .select('id')
        .where('municipality_id', '=', municipalityId)
        .where('id', 'in', unique.slice(start, start + 500))
        .execute();
      for (const row of rows) found.add(row.id);
    }
    return found;
  },

  /** The inputs of the licence position: three queries, whatever the number of installations. */
  async positionInputs(
    db: Executor,
    municipalityId: string,
    filters: { softwareId?: string | undefined; systemId?: string | undefined } = {},
  ) {
    const { softwareId, systemId } = filters;
    // The software a system uses, kept to the municipality as the licence list's systemId is.
    const usedBySystem = (systemIdValue: string) =>
      db
        .selectFrom('software_systems')
        .select('software_systems.software_id')
        .where('software_systems.municipality_id', '=', municipalityId)
        .where('software_systems.system_id', '=', systemIdValue);
    let software = db.selectFrom('software').select(['id', 'product', 'origin', 'sort_key']).where('municipality_id', '=', municipalityId);
    let licences = db
      .selectFrom('licences')
      .select(['software_id', 'metric', 'quantity', 'valid_from', 'valid_until'])
      .where('municipality_id', '=', municipalityId);
    let totals = db
      .selectFrom('licence_consumption_totals')
      .select(['software_id', 'kind', 'total'])
      .where('municipality_id', '=', municipalityId);
    if (softwareId) {
      software = software.where('id', '=', softwareId);
      licences = licences.where('software_id', '=', softwareId);
      totals = totals.where('software_id', '=', softwareId);
    }
    if (systemId) {
      software = software.where('id', 'in', usedBySystem(systemId));
      licences = licences.where('software_id', 'in', usedBySystem(systemId));
      totals = totals.where('software_id', 'in', usedBySystem(systemId));
    }
    const [softwareRows, licenceRows, totalRows] = await inParallel(
      db,
      () => software.orderBy('sort_key').orderBy('id').execute(),
      () => licences.execute(),
      () => totals.execute(),
    );
    return {
      software: softwareRows.map((row): PositionSoftware => ({ id: row.id, product: row.product, origin: row.origin as SoftwareOrigin })),
      licences: licenceRows.map(
        (row): PositionLicence => ({
          softwareId: row.software_id,
          metric: row.metric as LicenceMetric,
          quantity: row.quantity,
          validFrom: row.valid_from,
          validUntil: row.valid_until,
        }),
      ),
      consumption: totalRows.map(
        (row): PositionConsumption => ({ softwareId: row.software_id, kind: row.kind as ConsumptionKind, total: Number(row.total) }),
      ),
    };
  },
};
