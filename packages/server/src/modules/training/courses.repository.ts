import type { CourseListQuery, CourseRecord, Role, TrainingTopic } from '@forvalta/contracts';
import { sql, type Insertable } from 'kysely';
import type { TrainingCoursesTable } from '../../platform/database-schema.ts';
import { inParallel, type Executor } from '../../platform/database.ts';
import { applyKeysetPage, finishPage, resolveSort } from '../../platform/paging.ts';
import { likePattern } from '../../platform/text.ts';
import { deleteAtVersion, updateAtVersion } from '../../platform/versioned-rows.ts';

function filtered(db: Executor, municipalityId: string, query: Omit<CourseListQuery, 'limit' | 'cursor' | 'sort'>) {
  let builder = db
    .selectFrom('training_courses')
    .leftJoin('systems', 'systems.id', 'training_courses.system_id')
    .where('training_courses.municipality_id', '=', municipalityId);
  if (query.topic) builder = builder.where('training_courses.topic', '=', query.topic);
  if (query.systemId) builder = builder.where('training_courses.system_id', '=', query.systemId);
  if (query.responsibleDepartmentId) {
    const departmentId = query.responsibleDepartmentId;
    builder = builder.where((eb) =>
      eb.or([
        eb('training_courses.responsible_department_id', '=', departmentId),
        eb.and([eb('training_courses.topic', '=', 'system'), eb('systems.owner_department_id', '=', departmentId)]),
      ]),
    );
  }
  if (query.q) builder = builder.where(sql<boolean>`lower(training_courses.title) like ${likePattern(query.q)} escape '\\'`);
  return builder;
}

function selected(db: Executor, municipalityId: string, query: Omit<CourseListQuery, 'limit' | 'cursor' | 'sort'>, now: string) {
  return filtered(db, municipalityId, query)
    .leftJoin('departments as owner', 'owner.id', 'systems.owner_department_id')
    .leftJoin('departments as responsible', 'responsible.id', 'training_courses.responsible_department_id')
    .selectAll('training_courses')
    .select([
      'systems.name as system_name',
      'systems.owner_department_id',
      'owner.name as owner_name',
      'responsible.name as responsible_name',
    ])
    .select((eb) => [
      eb
        .selectFrom('training_sessions')
        .whereRef('training_sessions.course_id', '=', 'training_courses.id')
        .select((inner) => inner.fn.countAll<number>().as('count'))
        .as('session_count'),
      eb
        .selectFrom('training_sessions')
        .whereRef('training_sessions.course_id', '=', 'training_courses.id')
        .where('training_sessions.starts_at', '>', now)
        .select((inner) => inner.fn.min('training_sessions.starts_at').as('next'))
        .as('next_session_starts_at'),
    ]);
}

type CourseRow = TrainingCoursesTable & {
  system_name: string | null;
  owner_department_id: string | null;
  owner_name: string | null;
  responsible_name: string | null;
  session_count: number | string | null;
  next_session_starts_at: string | null;
};

async function audiencesOf(db: Executor, municipalityId: string, courseIds: string[]) {
  const byCourse = new Map<string, string[]>();
  if (courseIds.length === 0) return byCourse;
  const rows = await db
    .selectFrom('training_course_audiences')
    .select(['course_id', 'department_id'])
    .where('municipality_id', '=', municipalityId)
    .where('course_id', 'in', courseIds)
    .execute();
  for (const row of rows) byCourse.set(row.course_id, [...(byCourse.get(row.course_id) ?? []), row.department_id]);
  return byCourse;
}

async function toCourses(db: Executor, municipalityId: string, rows: CourseRow[]): Promise<CourseRecord[]> {
  const audiences = await audiencesOf(
    db,
    municipalityId,
    rows.map((row) => row.id),
  );
  return rows.map((row) => {
    // A system's own training answers to the department that owns the system now.
    const bySystem = row.topic === 'system' && row.owner_department_id !== null;
    return {
      id: row.id,
      version: row.version,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      title: row.title,
      topic: row.topic as TrainingTopic,
      responsibleRole: row.responsible_role as Role | null,
      responsibleDepartmentId: bySystem ? row.owner_department_id : row.responsible_department_id,
      responsibleDepartmentName: bySystem ? row.owner_name : row.responsible_name,
      systemId: row.system_id,
      // A system deleted since leaves its course without a name.
      systemName: row.system_name,
      recurrenceMonths: row.recurrence_months,
      mandatory: row.mandatory === 1,
      audienceDepartmentIds: (audiences.get(row.id) ?? []).sort(),
      description: row.description,
      sessionCount: Number(row.session_count ?? 0),
      nextSessionStartsAt: row.next_session_starts_at,
    };
  });
}

/** Courses (kurser) and their audiences. */
export const coursesRepository = {
  async list(db: Executor, municipalityId: string, query: CourseListQuery, now: string) {
    const sort = resolveSort(
      query.sort,
      { title: 'training_courses.sort_key', updatedAt: 'training_courses.updated_at' },
      'title',
      'training_courses.id',
    );
    const [rows, total] = await inParallel(
      db,
      () => applyKeysetPage(selected(db, municipalityId, query, now), sort, query.cursor, query.limit).execute(),
      () =>
        filtered(db, municipalityId, query)
          .select((eb) => eb.fn.countAll<number>().as('total'))
          .executeTakeFirstOrThrow(),
    );
    const page = finishPage(rows, query.limit);
    return {
      items: await toCourses(db, municipalityId, page.rows as CourseRow[]),
      total: Number(total.total),
      nextCursor: page.nextCursor,
    };
  },

  async findById(db: Executor, municipalityId: string, id: string, now: string): Promise<CourseRecord | undefined> {
    const row = await selected(db, municipalityId, {}, now).where('training_courses.id', '=', id).executeTakeFirst();
    return row ? (await toCourses(db, municipalityId, [row as CourseRow]))[0] : undefined;
  },

  async insert(db: Executor, values: Insertable<TrainingCoursesTable>, audienceDepartmentIds: readonly string[]) {
    await db.insertInto('training_courses').values(values).execute();
    await this.replaceAudience(db, values.municipality_id, values.id, audienceDepartmentIds);
  },

  async update(
    db: Executor,
    municipalityId: string,
    id: string,
    expectedVersion: number,
    columns: Partial<Omit<TrainingCoursesTable, 'id' | 'municipality_id' | 'topic' | 'system_id' | 'created_at' | 'version'>>,
  ) {
    return updateAtVersion(db, 'training_courses', { municipality_id: municipalityId, id }, expectedVersion, { ...columns });
  },

  async replaceAudience(db: Executor, municipalityId: string, courseId: string, departmentIds: readonly string[]) {
    await db
      .deleteFrom('training_course_audiences')
      .where('municipality_id', '=', municipalityId)
      .where('course_id', '=', courseId)
      .execute();
    const unique = [...new Set(departmentIds)];
    if (unique.length > 0)
      await db
        .insertInto('training_course_audiences')
        .values(unique.map((departmentId) => ({ municipality_id: municipalityId, course_id: courseId, department_id: departmentId })))
        .execute();
  },

  /** Deletes a course without sessions (the service has checked); false when the version is stale. */
  async delete(db: Executor, municipalityId: string, id: string, expectedVersion: number) {
    await db.deleteFrom('training_course_audiences').where('municipality_id', '=', municipalityId).where('course_id', '=', id).execute();
    return deleteAtVersion(db, 'training_courses', { municipality_id: municipalityId, id }, expectedVersion);
  },

  /** The department owning a system of this municipality, or undefined when there is no such system. */
  async systemOwner(db: Executor, municipalityId: string, systemId: string) {
    const row = await db
      .selectFrom('systems')
      .select(['id', 'owner_department_id'])
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', systemId)
      .executeTakeFirst();
    return row ? { departmentId: row.owner_department_id } : undefined;
  },
};
