import type { SoftwareListQuery, SoftwareOrigin, SoftwareRecord } from '@forvalta/contracts';
import { sql, type Insertable } from 'kysely';
import type { SoftwareTable } from '../../platform/database-schema.ts';
import { inParallel, type Executor } from '../../platform/database.ts';
import { pageOf, resolveSort } from '../../platform/paging.ts';
import { likePattern } from '../../platform/text.ts';
import { deleteAtVersion, updateAtVersion } from '../../platform/versioned-rows.ts';
import { decisionStanding } from '../../policy/index.ts';

function filtered(db: Executor, municipalityId: string, query: Omit<SoftwareListQuery, 'limit' | 'cursor' | 'sort'>) {
  let builder = db.selectFrom('software').where('software.municipality_id', '=', municipalityId);
  if (query.origin) builder = builder.where('software.origin', '=', query.origin);
  if (query.systemId) {
    const systemId = query.systemId;
    builder = builder.where((eb) =>
      eb.exists(
        eb
          .selectFrom('software_systems')
          .select('software_systems.software_id')
          .whereRef('software_systems.software_id', '=', 'software.id')
          .where('software_systems.system_id', '=', systemId),
      ),
    );
  }
  if (query.awaitingDecision !== undefined) {
    const awaiting = query.awaitingDecision;
    builder = builder.where((eb) => {
      const waiting = eb.exists(
        eb
          .selectFrom('software_decisions')
          .select('software_decisions.id')
          .whereRef('software_decisions.software_id', '=', 'software.id')
          .where('software_decisions.status', '=', 'proposed'),
      );
      return awaiting ? waiting : eb.not(waiting);
    });
  }
  if (query.q) {
    const pattern = likePattern(query.q);
    builder = builder.where(
      sql<boolean>`(lower(software.product) like ${pattern} escape '\\' or lower(coalesce(software.maker, '')) like ${pattern} escape '\\')`,
    );
  }
  return builder;
}

export interface SoftwareWithUse extends SoftwareRecord {
  /** A decision or licence names it (it is kept, not deleted). */
  inUse: boolean;
}

async function toSoftware(db: Executor, municipalityId: string, rows: SoftwareTable[], today: string): Promise<SoftwareWithUse[]> {
  const ids = rows.map((row) => row.id);
  if (ids.length === 0) return [];
  const [systems, decisions, licences] = await inParallel(
    db,
    () =>
      db
        .selectFrom('software_systems')
        .innerJoin('systems', 'systems.id', 'software_systems.system_id')
        .select(['software_systems.software_id', 'systems.id', 'systems.name', 'systems.sort_key'])
        .where('software_systems.municipality_id', '=', municipalityId)
        .where('software_systems.software_id', 'in', ids)
        .orderBy('systems.sort_key')
        .execute(),
    () =>
      db
        .selectFrom('software_decisions')
        .select(['id', 'software_id', 'status', 'valid_until'])
        .where('municipality_id', '=', municipalityId)
        .where('software_id', 'in', ids)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute(),
    () =>
      db
        .selectFrom('licences')
        .select('software_id')
        .where('municipality_id', '=', municipalityId)
        .where('software_id', 'in', ids)
        .groupBy('software_id')
        .execute(),
  );
  const licensed = new Set(licences.map((row) => row.software_id));
  return rows.map((row) => {
    const own = decisions.filter((decision) => decision.software_id === row.id);
    const origin = row.origin as SoftwareOrigin;
    const standing = decisionStanding(
      origin,
      own.map((decision) => ({ status: decision.status, validUntil: decision.valid_until })),
      today,
    );
    const giving =
      standing === 'allowed'
        ? own.find((decision) => decision.status === 'allowed' && (decision.valid_until === null || decision.valid_until >= today))
        : own[0];
    return {
      id: row.id,
      version: row.version,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      product: row.product,
      maker: row.maker,
      origin,
      licence: row.licence,
      description: row.description,
      systems: systems.filter((system) => system.software_id === row.id).map((system) => ({ id: system.id, name: system.name })),
      decision: { standing, decisionId: giving?.id ?? null, validUntil: giving?.valid_until ?? null },
      inUse: own.length > 0 || licensed.has(row.id),
    };
  });
}

/** Software products (programvaror) and the systems that use them. */
export const softwareRepository = {
  async list(db: Executor, municipalityId: string, query: SoftwareListQuery, today: string) {
    const sort = resolveSort(query.sort, { product: 'software.sort_key', updatedAt: 'software.updated_at' }, 'product', 'software.id');
    const page = await pageOf(
      filtered(db, municipalityId, query).selectAll('software'),
      filtered(db, municipalityId, query),
      sort,
      query,
      (row) => row as SoftwareTable,
    );
    return { ...page, items: await toSoftware(db, municipalityId, page.items, today) };
  },

  async findById(db: Executor, municipalityId: string, id: string, today: string): Promise<SoftwareWithUse | undefined> {
    const row = await db
      .selectFrom('software')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? (await toSoftware(db, municipalityId, [row], today))[0] : undefined;
  },

  async insert(db: Executor, values: Insertable<SoftwareTable>) {
    await db.insertInto('software').values(values).execute();
  },

  async update(db: Executor, municipalityId: string, id: string, expectedVersion: number, columns: Partial<SoftwareTable>) {
    return updateAtVersion(db, 'software', { municipality_id: municipalityId, id }, expectedVersion, columns);
  },

  async delete(db: Executor, municipalityId: string, id: string, expectedVersion: number) {
    await db.deleteFrom('software_systems').where('municipality_id', '=', municipalityId).where('software_id', '=', id).execute();
    await db.deleteFrom('licence_consumption').where('municipality_id', '=', municipalityId).where('software_id', '=', id).execute();
    await db.deleteFrom('licence_consumption_totals').where('municipality_id', '=', municipalityId).where('software_id', '=', id).execute();
    return deleteAtVersion(db, 'software', { municipality_id: municipalityId, id }, expectedVersion);
  },

  async replaceSystems(db: Executor, municipalityId: string, softwareId: string, systemIds: readonly string[]) {
    await db.deleteFrom('software_systems').where('municipality_id', '=', municipalityId).where('software_id', '=', softwareId).execute();
    const unique = [...new Set(systemIds)];
    if (unique.length > 0)
      await db
        .insertInto('software_systems')
        .values(unique.map((systemId) => ({ municipality_id: municipalityId, software_id: softwareId, system_id: systemId })))
        .execute();
  },

  /** The product of a municipality, as the other records name it; undefined when there is none. */
  async productOf(db: Executor, municipalityId: string, id: string) {
    return db
      .selectFrom('software')
      .select(['id', 'product', 'origin'])
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  /** The systems that use a product (for its stewards). */
  async systemIdsOf(db: Executor, municipalityId: string, softwareId: string) {
    const rows = await db
      .selectFrom('software_systems')
      .select('system_id')
      .where('municipality_id', '=', municipalityId)
      .where('software_id', '=', softwareId)
      .execute();
    return rows.map((row) => row.system_id);
  },
};
