import type { Role, RoleAssignment, RoleAssignmentListQuery } from '@forvalta/contracts';
import type { Executor } from '../../platform/database.ts';
import { pageOf, resolveSort } from '../../platform/paging.ts';
import { updateAtVersion, deleteAtVersion } from '../../platform/versioned-rows.ts';

const sortColumns = { role: 'role_assignments.role', createdAt: 'role_assignments.created_at' };

interface RoleAssignmentRow {
  id: string;
  version: number;
  created_at: string;
  updated_at: string;
  person_id: string;
  role: string;
  department_id: string | null;
  first_name: string;
  last_name: string;
}

function toRoleAssignment(row: RoleAssignmentRow): RoleAssignment {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    personId: row.person_id,
    role: row.role as Role,
    departmentId: row.department_id,
    personName: `${row.first_name} ${row.last_name}`,
  };
}

function selectAssignments(db: Executor, municipalityId: string) {
  return db
    .selectFrom('role_assignments')
    .innerJoin('people', 'people.id', 'role_assignments.person_id')
    .where('role_assignments.municipality_id', '=', municipalityId)
    .select([
      'role_assignments.id',
      'role_assignments.version',
      'role_assignments.created_at',
      'role_assignments.updated_at',
      'role_assignments.person_id',
      'role_assignments.role',
      'role_assignments.department_id',
      'people.first_name',
      'people.last_name',
    ]);
}

export const roleAssignmentsRepository = {
  async list(db: Executor, municipalityId: string, query: RoleAssignmentListQuery) {
    const filtered = () => {
      let builder = db.selectFrom('role_assignments').where('role_assignments.municipality_id', '=', municipalityId);
      if (query.personId) builder = builder.where('role_assignments.person_id', '=', query.personId);
      if (query.role) builder = builder.where('role_assignments.role', '=', query.role);
      if (query.departmentId) builder = builder.where('role_assignments.department_id', '=', query.departmentId);
      return builder;
    };
    const sort = resolveSort(query.sort, sortColumns, 'createdAt', 'role_assignments.id');
    const rows = selectAssignments(db, municipalityId).where('role_assignments.id', 'in', filtered().select('role_assignments.id'));
    return pageOf(rows, filtered(), sort, query, toRoleAssignment);
  },

  async findById(db: Executor, municipalityId: string, id: string) {
    const row = await selectAssignments(db, municipalityId).where('role_assignments.id', '=', id).executeTakeFirst();
    return row ? toRoleAssignment(row) : undefined;
  },

  async exists(db: Executor, municipalityId: string, personId: string, role: Role, departmentId: string | null) {
    let query = db
      .selectFrom('role_assignments')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where('person_id', '=', personId)
      .where('role', '=', role);
    query = departmentId === null ? query.where('department_id', 'is', null) : query.where('department_id', '=', departmentId);
    return (await query.executeTakeFirst()) !== undefined;
  },

  async countRole(db: Executor, municipalityId: string, role: Role) {
    const row = await db
      .selectFrom('role_assignments')
      .innerJoin('people', 'people.id', 'role_assignments.person_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('role_assignments.municipality_id', '=', municipalityId)
      .where('role_assignments.role', '=', role)
      .where('people.employment_status', '=', 'active')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async insert(
    db: Executor,
    municipalityId: string,
    values: { id: string; personId: string; role: Role; departmentId: string | null },
    now: string,
  ) {
    await db
      .insertInto('role_assignments')
      .values({
        id: values.id,
        municipality_id: municipalityId,
        person_id: values.personId,
        role: values.role,
        department_id: values.departmentId,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
  },

  async updateDepartment(
    db: Executor,
    municipalityId: string,
    id: string,
    expectedVersion: number,
    departmentId: string | null,
    now: string,
  ) {
    return updateAtVersion(db, 'role_assignments', { municipality_id: municipalityId, id }, expectedVersion, {
      department_id: departmentId,
      updated_at: now,
    });
  },

  /** Every role a person holds in the municipality, as records (what a removed login loses). */
  async listOfPerson(db: Executor, municipalityId: string, personId: string) {
    const rows = await selectAssignments(db, municipalityId)
      .where('role_assignments.person_id', '=', personId)
      .orderBy('role_assignments.id')
      .execute();
    return rows.map(toRoleAssignment);
  },

  async delete(db: Executor, municipalityId: string, id: string, expectedVersion: number) {
    return deleteAtVersion(db, 'role_assignments', { municipality_id: municipalityId, id }, expectedVersion);
  },
};
