import type {
  AttendanceRecord,
  AttendanceStatus,
  SessionAttendanceListQuery,
  TrainingHistoryQuery,
  TrainingTopic,
} from '@forvalta/contracts';
import { sql, type Insertable } from 'kysely';
import { insertRows } from '../../platform/bulk-insert.ts';
import { swedishToday } from '../../platform/calendar.ts';
import type { TrainingAttendancesTable } from '../../platform/database-schema.ts';
import { inParallel, type Executor } from '../../platform/database.ts';
import { applyKeysetPage, finishPage, resolveSort } from '../../platform/paging.ts';
import { likePattern } from '../../platform/text.ts';
import { deleteAtVersion, updateAtVersion } from '../../platform/versioned-rows.ts';
import type { CourseResponsibility } from './training-abilities.ts';
import { responsibilityOf } from './training-sessions.repository.ts';

/** An attendance as the service needs it: the record, its session's trainer and day, its course's responsibility. */
export interface LoadedAttendance {
  attendance: AttendanceRecord;
  session: { trainerPersonId: string | null; startDay: string };
  course: CourseResponsibility;
}

function joined(db: Executor, municipalityId: string) {
  return db
    .selectFrom('training_attendances')
    .innerJoin('people', 'people.id', 'training_attendances.person_id')
    .innerJoin('training_sessions', 'training_sessions.id', 'training_attendances.session_id')
    .innerJoin('training_courses', 'training_courses.id', 'training_attendances.course_id')
    .where('training_attendances.municipality_id', '=', municipalityId);
}

function withColumns(builder: ReturnType<typeof joined>) {
  return builder
    .leftJoin('departments', 'departments.id', 'people.department_id')
    .leftJoin('systems as course_system', 'course_system.id', 'training_courses.system_id')
    .selectAll('training_attendances')
    .select([
      'people.first_name',
      'people.last_name',
      'people.department_id',
      'departments.name as department_name',
      'training_sessions.starts_at',
      'training_sessions.system_id',
      'training_sessions.trainer_person_id',
      'training_courses.title as course_title',
      'training_courses.responsible_role',
      'training_courses.responsible_department_id',
      'course_system.owner_department_id as system_owner_id',
    ]);
}

type AttendanceRow = TrainingAttendancesTable & {
  first_name: string;
  last_name: string;
  department_id: string | null;
  department_name: string | null;
  starts_at: string;
  system_id: string | null;
  trainer_person_id: string | null;
  course_title: string;
  responsible_role: string | null;
  responsible_department_id: string | null;
  system_owner_id: string | null;
};

function toLoaded(row: AttendanceRow): LoadedAttendance {
  return {
    attendance: {
      id: row.id,
      version: row.version,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      sessionId: row.session_id,
      courseId: row.course_id,
      courseTitle: row.course_title,
      topic: row.topic as TrainingTopic,
      sessionStartsAt: row.starts_at,
      systemId: row.system_id,
      personId: row.person_id,
      personName: `${row.first_name} ${row.last_name}`,
      departmentId: row.department_id,
      departmentName: row.department_name,
      status: row.status as AttendanceStatus,
      recordedAt: row.recorded_at,
      recordedByName: row.recorded_by_name,
    },
    session: { trainerPersonId: row.trainer_person_id, startDay: swedishToday(new Date(row.starts_at)) },
    course: responsibilityOf(row),
  };
}

/** Attendance (närvaro): one person at one session. */
export const attendancesRepository = {
  /** A session's attendance list in name order; q searches the person's name and e-mail (the trainer's search). */
  async listForSession(db: Executor, municipalityId: string, sessionId: string, query: SessionAttendanceListQuery) {
    let filtered = joined(db, municipalityId).where('training_attendances.session_id', '=', sessionId);
    if (query.status) filtered = filtered.where('training_attendances.status', '=', query.status);
    if (query.q) filtered = filtered.where(sql<boolean>`people.search_text like ${likePattern(query.q)} escape '\\'`);
    const sort = resolveSort(query.sort, { personName: 'people.sort_key' }, 'personName', 'training_attendances.id');
    const [rows, total] = await inParallel(
      db,
      () => applyKeysetPage(withColumns(filtered), sort, query.cursor, query.limit).execute(),
      () => filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    );
    const page = finishPage(rows, query.limit);
    return { items: (page.rows as AttendanceRow[]).map(toLoaded), total: Number(total.total), nextCursor: page.nextCursor };
  },

  /** A person's history, latest session first (the index on person and session day serves it). */
  async history(db: Executor, municipalityId: string, personId: string, query: TrainingHistoryQuery) {
    let filtered = joined(db, municipalityId).where('training_attendances.person_id', '=', personId);
    if (query.topic) filtered = filtered.where('training_attendances.topic', '=', query.topic);
    if (query.status) filtered = filtered.where('training_attendances.status', '=', query.status);
    if (query.q) filtered = filtered.where(sql<boolean>`lower(training_courses.title) like ${likePattern(query.q)} escape '\\'`);
    const sort = resolveSort(
      query.sort ?? '-sessionStartsAt',
      { sessionStartsAt: 'training_attendances.session_date' },
      'sessionStartsAt',
      'training_attendances.id',
    );
    const [rows, total] = await inParallel(
      db,
      () => applyKeysetPage(withColumns(filtered), sort, query.cursor, query.limit).execute(),
      () => filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    );
    const page = finishPage(rows, query.limit);
    return { items: (page.rows as AttendanceRow[]).map(toLoaded), total: Number(total.total), nextCursor: page.nextCursor };
  },

  async findById(db: Executor, municipalityId: string, id: string): Promise<LoadedAttendance | undefined> {
    const row = await withColumns(joined(db, municipalityId)).where('training_attendances.id', '=', id).executeTakeFirst();
    return row ? toLoaded(row as AttendanceRow) : undefined;
  },

  async findForSession(db: Executor, municipalityId: string, sessionId: string, personIds: readonly string[]) {
    if (personIds.length === 0) return [];
    const rows = await withColumns(joined(db, municipalityId))
      .where('training_attendances.session_id', '=', sessionId)
      .where('training_attendances.person_id', 'in', personIds)
      .execute();
    return (rows as AttendanceRow[]).map(toLoaded);
  },

  /** Of `personIds`, those already at the session. */
  async registeredPersonIds(db: Executor, municipalityId: string, sessionId: string, personIds: readonly string[]) {
    if (personIds.length === 0) return new Set<string>();
    const rows = await db
      .selectFrom('training_attendances')
      .select('person_id')
      .where('municipality_id', '=', municipalityId)
      .where('session_id', '=', sessionId)
      .where('person_id', 'in', personIds)
      .execute();
    return new Set(rows.map((row) => row.person_id));
  },

  /** The people among `personIds` in the municipality, with whether they still work here. */
  async people(db: Executor, municipalityId: string, personIds: readonly string[]) {
    if (personIds.length === 0) return [];
    return db
      .selectFrom('people')
      .select(['id', 'employment_status', 'department_id'])
      .where('municipality_id', '=', municipalityId)
      .where('id', 'in', personIds)
      .execute();
  },

  /** Many rows in prepared statements (platform/bulk-insert.ts): registrations, the demo, the workload generator. */
  async insertMany(db: Executor, rows: Insertable<TrainingAttendancesTable>[]) {
    if (rows.length > 0) await insertRows(db, 'training_attendances', rows);
  },

  async update(
    db: Executor,
    municipalityId: string,
    id: string,
    expectedVersion: number,
    columns: Pick<TrainingAttendancesTable, 'status' | 'recorded_at' | 'recorded_by_person_id' | 'recorded_by_name' | 'updated_at'>,
  ) {
    return updateAtVersion(db, 'training_attendances', { municipality_id: municipalityId, id }, expectedVersion, columns);
  },

  async delete(db: Executor, municipalityId: string, id: string, expectedVersion: number) {
    return deleteAtVersion(db, 'training_attendances', { municipality_id: municipalityId, id }, expectedVersion);
  },
};
