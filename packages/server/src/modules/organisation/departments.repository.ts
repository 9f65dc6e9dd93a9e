import type { DepartmentRecord, DepartmentListQuery } from '@forvalta/contracts';
import type { Selectable } from 'kysely';
import type { Database, DepartmentsTable } from '../../platform/database-schema.ts';
import { inParallel, type Executor } from '../../platform/database.ts';
import { pageOf, resolveSort } from '../../platform/paging.ts';
import { likePattern } from '../../platform/text.ts';
import { sql, type SelectQueryBuilder } from 'kysely';
import { updateAtVersion, deleteAtVersion } from '../../platform/versioned-rows.ts';

type DepartmentRow = Selectable<DepartmentsTable> & { people_count: number | null };

const sortColumns = { name: 'departments.sort_key', createdAt: 'departments.created_at' };

function toDepartment(row: DepartmentRow): DepartmentRecord {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    name: row.name,
    shortName: row.short_name,
    parentId: row.parent_id,
    isItUnit: Boolean(row.is_it_unit),
    peopleCount: Number(row.people_count ?? 0),
  };
}

function withPeopleCount<Builder extends SelectQueryBuilder<Database, 'departments', object>>(builder: Builder) {
  return builder
    .selectAll('departments')
    .select((eb) =>
      eb
        .selectFrom('people')
        .select(eb.fn.countAll<number>().as('count'))
        .whereRef('people.municipality_id', '=', 'departments.municipality_id')
        .whereRef('people.department_id', '=', 'departments.id')
        .where('people.employment_status', '=', 'active')
        .as('people_count'),
    );
}

function selectDepartments(db: Executor, municipalityId: string) {
  return withPeopleCount(db.selectFrom('departments').where('departments.municipality_id', '=', municipalityId));
}

export interface DepartmentValues {
  name: string;
  shortName: string | null;
  parentId: string | null;
  isItUnit: boolean;
  sortKey: string;
}

/** Departments of one municipality. Every query is scoped by municipality here, not by callers. */
export const departmentsRepository = {
  async list(db: Executor, municipalityId: string, query: DepartmentListQuery) {
    const filtered = () => {
      let builder = db.selectFrom('departments').where('departments.municipality_id', '=', municipalityId);
      if (query.parentId) builder = builder.where('departments.parent_id', '=', query.parentId);
      if (query.isItUnit !== undefined) builder = builder.where('departments.is_it_unit', '=', query.isItUnit ? 1 : 0);
      if (query.q) builder = builder.where(sql<boolean>`lower(departments.name) like ${likePattern(query.q)} escape '\\'`);
      return builder;
    };
    const sort = resolveSort(query.sort, sortColumns, 'name', 'departments.id');
    return pageOf(withPeopleCount(filtered()), filtered(), sort, query, toDepartment);
  },

  async findById(db: Executor, municipalityId: string, id: string) {
    const row = await selectDepartments(db, municipalityId).where('departments.id', '=', id).executeTakeFirst();
    return row ? toDepartment(row) : undefined;
  },

  listParents(db: Executor, municipalityId: string) {
    return db.selectFrom('departments').select(['id', 'parent_id']).where('municipality_id', '=', municipalityId).execute();
  },

  /**
   * The departments whose name or short name is `name`, case-folded (a directory's department
   * attribute names one in its own spelling): provisioning takes the department only when exactly one matches.
   */
  async findIdsByName(db: Executor, municipalityId: string, name: string) {
    const folded = name.trim().toLowerCase();
    const rows = await db
      .selectFrom('departments')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where((eb) => eb.or([eb(eb.fn('lower', ['name']), '=', folded), eb(eb.fn('lower', ['short_name']), '=', folded)]))
      .limit(2)
      .execute();
    return rows.map((row) => row.id);
  },

  async findItUnitId(db: Executor, municipalityId: string) {
    const row = await db
      .selectFrom('departments')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where('is_it_unit', '=', 1)
      .executeTakeFirst();
    return row?.id;
  },

  async insert(db: Executor, municipalityId: string, id: string, values: DepartmentValues, now: string) {
    await db
      .insertInto('departments')
      .values({
        id,
        municipality_id: municipalityId,
        parent_id: values.parentId,
        name: values.name,
        short_name: values.shortName,
        sort_key: values.sortKey,
        is_it_unit: values.isItUnit ? 1 : 0,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
  },

  /** Updates only if the version still matches; returns false when someone else got there first. */
  async update(db: Executor, municipalityId: string, id: string, expectedVersion: number, values: DepartmentValues, now: string) {
    return updateAtVersion(db, 'departments', { municipality_id: municipalityId, id }, expectedVersion, {
      parent_id: values.parentId,
      name: values.name,
      short_name: values.shortName,
      sort_key: values.sortKey,
      is_it_unit: values.isItUnit ? 1 : 0,
      updated_at: now,
    });
  },

  /** What still points at a department; a department in use cannot be deleted. */
  async countDependants(db: Executor, municipalityId: string, id: string) {
    const [children, people, roles] = await inParallel(
      db,
      () =>
        db
          .selectFrom('departments')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('municipality_id', '=', municipalityId)
          .where('parent_id', '=', id)
          .executeTakeFirstOrThrow(),
      () =>
        db
          .selectFrom('people')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('municipality_id', '=', municipalityId)
          .where('department_id', '=', id)
          .executeTakeFirstOrThrow(),
      () =>
        db
          .selectFrom('role_assignments')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('municipality_id', '=', municipalityId)
          .where('department_id', '=', id)
          .executeTakeFirstOrThrow(),
    );
    return { children: Number(children.n), people: Number(people.n), roleAssignments: Number(roles.n) };
  },

  async delete(db: Executor, municipalityId: string, id: string, expectedVersion: number) {
    return deleteAtVersion(db, 'departments', { municipality_id: municipalityId, id }, expectedVersion);
  },
};
