import type { PersonRecord, PersonListQuery } from '@forvalta/contracts';
import { sql, type Selectable } from 'kysely';
import type { PeopleTable } from '../../platform/database-schema.ts';
import { insertRows } from '../../platform/bulk-insert.ts';
import type { Executor } from '../../platform/database.ts';
import { pageOf, resolveSort } from '../../platform/paging.ts';
import { likePattern, searchText, swedishSortKey } from '../../platform/text.ts';
import { updateAtVersion } from '../../platform/versioned-rows.ts';

const sortColumns = { name: 'people.sort_key', email: 'people.email', createdAt: 'people.created_at' };

function toPerson(row: Selectable<PeopleTable>): PersonRecord {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    employeeNumber: row.employee_number,
    departmentId: row.department_id,
    title: row.title,
    employmentStatus: row.employment_status === 'left' ? 'left' : 'active',
    startDate: row.start_date,
    endDate: row.end_date,
    hasLogin: row.login_id !== null,
    hasPersonalMailbox: row.has_personal_mailbox === 1,
    pseudonymisedAt: row.pseudonymised_at ?? null,
  };
}

export interface PersonValues {
  firstName: string;
  lastName: string;
  email: string;
  /** Left out by the bulk loaders that have none (written as null). */
  employeeNumber?: string | null;
  departmentId: string | null;
  title: string | null;
  employmentStatus: 'active' | 'left';
  startDate: string | null;
  endDate: string | null;
  loginId: string | null;
  /** Left out by the bulk loaders that do not know (a new row gets no mailbox; an update keeps the stored value). */
  hasPersonalMailbox?: boolean;
}

/** Derived columns: Swedish sort order and case-folded search text, kept with the row. */
function derivedColumns(values: PersonValues) {
  return {
    sort_key: swedishSortKey(`${values.lastName} ${values.firstName}`),
    search_text: searchText(values.firstName, values.lastName, values.email, values.title),
  };
}

function columns(values: PersonValues) {
  return {
    first_name: values.firstName,
    last_name: values.lastName,
    email: values.email,
    employee_number: values.employeeNumber ?? null,
    department_id: values.departmentId,
    title: values.title,
    employment_status: values.employmentStatus,
    start_date: values.startDate,
    end_date: values.endDate,
    login_id: values.loginId,
    ...(values.hasPersonalMailbox === undefined ? {} : { has_personal_mailbox: values.hasPersonalMailbox ? 1 : 0 }),
    ...derivedColumns(values),
  };
}

export const peopleRepository = {
  async list(db: Executor, municipalityId: string, query: PersonListQuery) {
    const filtered = () => {
      let builder = db.selectFrom('people').where('people.municipality_id', '=', municipalityId);
      if (query.departmentId) builder = builder.where('people.department_id', '=', query.departmentId);
      if (query.employmentStatus) builder = builder.where('people.employment_status', '=', query.employmentStatus);
      if (query.q) builder = builder.where(sql<boolean>`people.search_text like ${likePattern(query.q)} escape '\\'`);
      return builder;
    };
    const sort = resolveSort(query.sort, sortColumns, 'name', 'people.id');
    return pageOf(filtered().selectAll('people'), filtered(), sort, query, toPerson);
  },

  async findById(db: Executor, municipalityId: string, id: string) {
    const row = await db
      .selectFrom('people')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? { person: toPerson(row), loginId: row.login_id } : undefined;
  },

  async findIdByEmail(db: Executor, municipalityId: string, email: string) {
    const row = await db
      .selectFrom('people')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where('email', '=', email)
      .executeTakeFirst();
    return row?.id;
  },

  async findIdByEmployeeNumber(db: Executor, municipalityId: string, employeeNumber: string) {
    const row = await db
      .selectFrom('people')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where('employee_number', '=', employeeNumber)
      .executeTakeFirst();
    return row?.id;
  },

  async departmentExists(db: Executor, municipalityId: string, departmentId: string) {
    const row = await db
      .selectFrom('departments')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', departmentId)
      .executeTakeFirst();
    return row !== undefined;
  },

  async findLoginIdByEmail(db: Executor, email: string) {
    const row = await db.selectFrom('logins').select('id').where('email', '=', email).executeTakeFirst();
    return row?.id ?? null;
  },

  async insert(db: Executor, municipalityId: string, id: string, values: PersonValues, now: string) {
    await db
      .insertInto('people')
      .values({ id, municipality_id: municipalityId, ...columns(values), created_at: now, updated_at: now, version: 1 })
      .execute();
  },

  /** Many people at once, the same rows insert() writes; the demo loader, imports and the generator use it. */
  async insertMany(db: Executor, municipalityId: string, people: ReadonlyArray<{ id: string; values: PersonValues }>, now: string) {
    await insertRows(
      db,
      'people',
      people.map(({ id, values }) => ({
        id,
        municipality_id: municipalityId,
        ...columns(values),
        created_at: now,
        updated_at: now,
        version: 1,
      })),
    );
  },

  /** People still marked active whose end date has come (`today` or before): the daily job's leavers. */
  async listActiveEndedBy(db: Executor, municipalityId: string, today: string) {
    const rows = await db
      .selectFrom('people')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .where('employment_status', '=', 'active')
      .where('end_date', '<=', today)
      .orderBy('id')
      .execute();
    return rows.map((row) => ({ person: toPerson(row), loginId: row.login_id }));
  },

  /** Marks a person left at the version read, nothing else changed; false when it moved on meanwhile. */
  markLeft(db: Executor, municipalityId: string, id: string, expectedVersion: number, now: string) {
    return updateAtVersion(db, 'people', { municipality_id: municipalityId, id }, expectedVersion, {
      employment_status: 'left',
      updated_at: now,
    });
  },

  async update(db: Executor, municipalityId: string, id: string, expectedVersion: number, values: PersonValues, now: string) {
    return updateAtVersion(db, 'people', { municipality_id: municipalityId, id }, expectedVersion, { ...columns(values), updated_at: now });
  },
};
