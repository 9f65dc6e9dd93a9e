import type { AccessLevelListQuery, AccessLevelRecord } from '@forvalta/contracts';
import { sql, type Insertable, type Selectable } from 'kysely';
import type { AccessLevelsTable } from '../../platform/database-schema.ts';
import type { Executor } from '../../platform/database.ts';
import { pageOf, resolveSort } from '../../platform/paging.ts';
import { deleteAtVersion, updateAtVersion, type VersionedValues } from '../../platform/versioned-rows.ts';

type LevelRow = Selectable<AccessLevelsTable> & { active_right_count: number | string };

function toLevel(row: LevelRow): AccessLevelRecord {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    systemId: row.system_id,
    name: row.name,
    description: row.description,
    privileged: row.privileged === 1,
    activeRightCount: Number(row.active_right_count),
  };
}

function selectLevels(db: Executor, municipalityId: string) {
  return db
    .selectFrom('access_levels')
    .selectAll('access_levels')
    .select((eb) =>
      eb
        .selectFrom('access_rights')
        .select(sql<number>`count(*)`.as('count'))
        .where('access_rights.municipality_id', '=', municipalityId)
        .whereRef('access_rights.level_id', '=', 'access_levels.id')
        .where('access_rights.state', '<>', 'ended')
        .as('active_right_count'),
    )
    .where('access_levels.municipality_id', '=', municipalityId);
}

/** A system's access levels: the roles the system itself knows. */
export const accessLevelsRepository = {
  async list(db: Executor, municipalityId: string, systemId: string, query: AccessLevelListQuery) {
    let filtered = db
      .selectFrom('access_levels')
      .where('access_levels.municipality_id', '=', municipalityId)
      .where('access_levels.system_id', '=', systemId);
    let rows = selectLevels(db, municipalityId).where('access_levels.system_id', '=', systemId);
    if (query.privileged !== undefined) {
      filtered = filtered.where('access_levels.privileged', '=', query.privileged ? 1 : 0);
      rows = rows.where('access_levels.privileged', '=', query.privileged ? 1 : 0);
    }
    const sort = resolveSort(query.sort, { name: 'access_levels.sort_key' }, 'name', 'access_levels.id');
    return pageOf(rows, filtered, sort, query, (row) => toLevel(row as LevelRow));
  },

  /** The level of this name (its sort key) in the system, if any: names are unique per system. */
  async findIdByName(db: Executor, municipalityId: string, systemId: string, sortKey: string) {
    const row = await db
      .selectFrom('access_levels')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where('system_id', '=', systemId)
      .where('sort_key', '=', sortKey)
      .executeTakeFirst();
    return row?.id;
  },

  async findById(db: Executor, municipalityId: string, id: string): Promise<AccessLevelRecord | undefined> {
    const row = await selectLevels(db, municipalityId).where('access_levels.id', '=', id).executeTakeFirst();
    return row ? toLevel(row as LevelRow) : undefined;
  },

  /** The levels among `ids` in this municipality, with their systems (a grant's and a template's references). */
  async findMany(db: Executor, municipalityId: string, ids: readonly string[]): Promise<AccessLevelRecord[]> {
    if (ids.length === 0) return [];
    const rows = await selectLevels(db, municipalityId)
      .where('access_levels.id', 'in', [...new Set(ids)])
      .execute();
    return rows.map((row) => toLevel(row as LevelRow));
  },

  async insert(db: Executor, values: Insertable<AccessLevelsTable>) {
    await db.insertInto('access_levels').values(values).execute();
  },

  async update(db: Executor, municipalityId: string, id: string, version: number, values: VersionedValues<'access_levels'>) {
    return updateAtVersion(db, 'access_levels', { municipality_id: municipalityId, id }, version, values);
  },

  /** Whether any right (ended ones included: they keep their history) or template names the level. */
  async isInUse(db: Executor, municipalityId: string, id: string): Promise<boolean> {
    const right = await db
      .selectFrom('access_rights')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where('level_id', '=', id)
      .limit(1)
      .executeTakeFirst();
    if (right) return true;
    const template = await db
      .selectFrom('role_template_levels')
      .select('template_id')
      .where('level_id', '=', id)
      .limit(1)
      .executeTakeFirst();
    return template !== undefined;
  },

  async delete(db: Executor, municipalityId: string, id: string, version: number) {
    return deleteAtVersion(db, 'access_levels', { municipality_id: municipalityId, id }, version);
  },
};
