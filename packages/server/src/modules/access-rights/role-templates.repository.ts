import type { RoleTemplateListQuery, RoleTemplateRecord } from '@forvalta/contracts';
import type { Insertable, Selectable } from 'kysely';
import type { RoleTemplatesTable } from '../../platform/database-schema.ts';
import type { Executor } from '../../platform/database.ts';
import { pageOf, resolveSort } from '../../platform/paging.ts';
import { deleteAtVersion, updateAtVersion, type VersionedValues } from '../../platform/versioned-rows.ts';

/** The levels of each template, with their systems, in one query for a page of templates. */
async function levelsOf(db: Executor, municipalityId: string, templateIds: readonly string[]) {
  const levels = new Map<string, RoleTemplateRecord['levels']>();
  if (templateIds.length === 0) return levels;
  const rows = await db
    .selectFrom('role_template_levels')
    .innerJoin('access_levels', 'access_levels.id', 'role_template_levels.level_id')
    .innerJoin('systems', 'systems.id', 'access_levels.system_id')
    .select([
      'role_template_levels.template_id',
      'access_levels.id',
      'access_levels.name',
      'access_levels.privileged',
      'systems.id as system_id',
      'systems.name as system_name',
    ])
    .where('role_template_levels.municipality_id', '=', municipalityId)
    .where('role_template_levels.template_id', 'in', [...templateIds])
    .orderBy('systems.sort_key')
    .orderBy('access_levels.sort_key')
    .execute();
  for (const row of rows) {
    const list = levels.get(row.template_id) ?? [];
    list.push({
      levelId: row.id,
      levelName: row.name,
      systemId: row.system_id,
      systemName: row.system_name,
      privileged: row.privileged === 1,
    });
    levels.set(row.template_id, list);
  }
  return levels;
}

function toTemplate(row: Selectable<RoleTemplatesTable>, levels: RoleTemplateRecord['levels']): RoleTemplateRecord {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    name: row.name,
    description: row.description,
    departmentId: row.department_id,
    levels,
  };
}

/** Role templates: a business role bundling levels in several systems. */
export const roleTemplatesRepository = {
  async list(db: Executor, municipalityId: string, query: RoleTemplateListQuery) {
    let filtered = db.selectFrom('role_templates').where('role_templates.municipality_id', '=', municipalityId);
    if (query.departmentId) filtered = filtered.where('role_templates.department_id', '=', query.departmentId);
    if (query.q)
      filtered = filtered.where('role_templates.sort_key', 'like', `%${query.q.toLocaleLowerCase('sv').replace(/[\\%_]/g, '')}%`);
    const sort = resolveSort(query.sort, { name: 'role_templates.sort_key' }, 'name', 'role_templates.id');
    const page = await pageOf(filtered.selectAll('role_templates'), filtered, sort, query, (row) => row as Selectable<RoleTemplatesTable>);
    const levels = await levelsOf(
      db,
      municipalityId,
      page.items.map((row) => row.id),
    );
    return { ...page, items: page.items.map((row) => toTemplate(row, levels.get(row.id) ?? [])) };
  },

  async findById(db: Executor, municipalityId: string, id: string): Promise<RoleTemplateRecord | undefined> {
    const row = await db
      .selectFrom('role_templates')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    return toTemplate(row, (await levelsOf(db, municipalityId, [id])).get(id) ?? []);
  },

  async findIdBySortKey(db: Executor, municipalityId: string, sortKey: string) {
    const row = await db
      .selectFrom('role_templates')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where('sort_key', '=', sortKey)
      .executeTakeFirst();
    return row?.id;
  },

  async insert(db: Executor, values: Insertable<RoleTemplatesTable>) {
    await db.insertInto('role_templates').values(values).execute();
  },

  async update(db: Executor, municipalityId: string, id: string, version: number, values: VersionedValues<'role_templates'>) {
    return updateAtVersion(db, 'role_templates', { municipality_id: municipalityId, id }, version, values);
  },

  async replaceLevels(db: Executor, municipalityId: string, templateId: string, levelIds: readonly string[]) {
    await db
      .deleteFrom('role_template_levels')
      .where('municipality_id', '=', municipalityId)
      .where('template_id', '=', templateId)
      .execute();
    if (levelIds.length === 0) return;
    await db
      .insertInto('role_template_levels')
      .values([...new Set(levelIds)].map((levelId) => ({ municipality_id: municipalityId, template_id: templateId, level_id: levelId })))
      .execute();
  },

  async delete(db: Executor, municipalityId: string, id: string, version: number) {
    await db.deleteFrom('role_template_levels').where('municipality_id', '=', municipalityId).where('template_id', '=', id).execute();
    return deleteAtVersion(db, 'role_templates', { municipality_id: municipalityId, id }, version);
  },
};
