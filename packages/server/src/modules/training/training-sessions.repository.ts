import type { Role, TrainingSessionListQuery, TrainingSessionRecord, TrainingTopic } from '@forvalta/contracts';
import type { Insertable } from 'kysely';
import { insertRows } from '../../platform/bulk-insert.ts';
import { swedishMidnight, followingDay } from '../../platform/calendar.ts';
import type { TrainingSessionsTable } from '../../platform/database-schema.ts';
import { inParallel, type Executor } from '../../platform/database.ts';
import { applyKeysetPage, finishPage, resolveSort } from '../../platform/paging.ts';
import { deleteAtVersion, updateAtVersion } from '../../platform/versioned-rows.ts';
import type { CourseResponsibility } from './training-abilities.ts';

/** A session as the service needs it: the record, the course's responsibility, and the counts its abilities look at. */
export interface LoadedSession {
  session: TrainingSessionRecord;
  course: CourseResponsibility;
  absentCount: number;
}

type Filters = Omit<TrainingSessionListQuery, 'limit' | 'cursor' | 'sort'>;

function filtered(db: Executor, municipalityId: string, query: Filters, now: string) {
  let builder = db
    .selectFrom('training_sessions')
    .innerJoin('training_courses', 'training_courses.id', 'training_sessions.course_id')
    .where('training_sessions.municipality_id', '=', municipalityId);
  if (query.courseId) builder = builder.where('training_sessions.course_id', '=', query.courseId);
  if (query.trainerPersonId) builder = builder.where('training_sessions.trainer_person_id', '=', query.trainerPersonId);
  if (query.systemId) builder = builder.where('training_sessions.system_id', '=', query.systemId);
  if (query.topic) builder = builder.where('training_courses.topic', '=', query.topic);
  if (query.from) builder = builder.where('training_sessions.starts_at', '>=', swedishMidnight(query.from).toISOString());
  if (query.to) builder = builder.where('training_sessions.starts_at', '<', swedishMidnight(followingDay(query.to)).toISOString());
  if (query.upcoming === true) builder = builder.where('training_sessions.starts_at', '>', now);
  if (query.upcoming === false) builder = builder.where('training_sessions.starts_at', '<=', now);
  return builder;
}

function selected(db: Executor, municipalityId: string, query: Filters, now: string) {
  return filtered(db, municipalityId, query, now)
    .leftJoin('systems as course_system', 'course_system.id', 'training_courses.system_id')
    .leftJoin('systems', 'systems.id', 'training_sessions.system_id')
    .leftJoin('people as trainer', 'trainer.id', 'training_sessions.trainer_person_id')
    .selectAll('training_sessions')
    .select([
      'training_courses.title as course_title',
      'training_courses.topic',
      'training_courses.responsible_role',
      'training_courses.responsible_department_id',
      'course_system.owner_department_id as course_system_owner_id',
      'systems.name as system_name',
      'trainer.first_name as trainer_first_name',
      'trainer.last_name as trainer_last_name',
    ])
    .select((eb) => [
      eb
        .selectFrom('training_attendances')
        .whereRef('training_attendances.session_id', '=', 'training_sessions.id')
        .where('training_attendances.status', '=', 'attended')
        .select((inner) => inner.fn.countAll<number>().as('count'))
        .as('attended_count'),
      eb
        .selectFrom('training_attendances')
        .whereRef('training_attendances.session_id', '=', 'training_sessions.id')
        .where('training_attendances.status', '=', 'absent')
        .select((inner) => inner.fn.countAll<number>().as('count'))
        .as('absent_count'),
    ]);
}

type SessionRow = TrainingSessionsTable & {
  course_title: string;
  topic: string;
  responsible_role: string | null;
  responsible_department_id: string | null;
  course_system_owner_id: string | null;
  system_name: string | null;
  trainer_first_name: string | null;
  trainer_last_name: string | null;
  attended_count: number | string | null;
  absent_count: number | string | null;
};

async function audiencesOf(db: Executor, municipalityId: string, sessionIds: string[]) {
  const bySession = new Map<string, string[]>();
  if (sessionIds.length === 0) return bySession;
  const rows = await db
    .selectFrom('training_session_audiences')
    .select(['session_id', 'department_id'])
    .where('municipality_id', '=', municipalityId)
    .where('session_id', 'in', sessionIds)
    .execute();
  for (const row of rows) bySession.set(row.session_id, [...(bySession.get(row.session_id) ?? []), row.department_id]);
  return bySession;
}

/** The responsibility of a course from its row: a system course answers to its system's owner. */
export function responsibilityOf(row: {
  topic: string;
  responsible_role: string | null;
  responsible_department_id: string | null;
  system_owner_id: string | null;
}): CourseResponsibility {
  const topic = row.topic as TrainingTopic;
  return {
    topic,
    responsibleRole: row.responsible_role as Role | null,
    responsibleDepartmentId: topic === 'system' && row.system_owner_id ? row.system_owner_id : row.responsible_department_id,
  };
}

async function toSessions(db: Executor, municipalityId: string, rows: SessionRow[]): Promise<LoadedSession[]> {
  const audiences = await audiencesOf(
    db,
    municipalityId,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    session: {
      id: row.id,
      version: row.version,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      courseId: row.course_id,
      courseTitle: row.course_title,
      topic: row.topic as TrainingTopic,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      place: row.place,
      trainerPersonId: row.trainer_person_id,
      trainerName: row.trainer_first_name === null ? null : `${row.trainer_first_name} ${row.trainer_last_name}`,
      systemId: row.system_id,
      systemName: row.system_name,
      audienceDepartmentIds: (audiences.get(row.id) ?? []).sort(),
      capacity: row.capacity,
      registeredCount: row.registered_count,
      attendedCount: Number(row.attended_count ?? 0),
      notes: row.notes,
    },
    course: responsibilityOf({ ...row, system_owner_id: row.course_system_owner_id }),
    absentCount: Number(row.absent_count ?? 0),
  }));
}

/** Training sessions (utbildningstillfällen), their audiences and the registration count. */
export const trainingSessionsRepository = {
  async list(db: Executor, municipalityId: string, query: TrainingSessionListQuery, now: string) {
    const sort = resolveSort(
      query.sort,
      { startsAt: 'training_sessions.starts_at', updatedAt: 'training_sessions.updated_at' },
      'startsAt',
      'training_sessions.id',
    );
    const [rows, total] = await inParallel(
      db,
      () => applyKeysetPage(selected(db, municipalityId, query, now), sort, query.cursor, query.limit).execute(),
      () =>
        filtered(db, municipalityId, query, now)
          .select((eb) => eb.fn.countAll<number>().as('total'))
          .executeTakeFirstOrThrow(),
    );
    const page = finishPage(rows, query.limit);
    return {
      items: await toSessions(db, municipalityId, page.rows as SessionRow[]),
      total: Number(total.total),
      nextCursor: page.nextCursor,
    };
  },

  async findById(db: Executor, municipalityId: string, id: string): Promise<LoadedSession | undefined> {
    const row = await selected(db, municipalityId, {}, '').where('training_sessions.id', '=', id).executeTakeFirst();
    return row ? (await toSessions(db, municipalityId, [row as SessionRow]))[0] : undefined;
  },

  async insert(db: Executor, values: Insertable<TrainingSessionsTable>, audienceDepartmentIds: readonly string[]) {
    await db.insertInto('training_sessions').values(values).execute();
    await this.replaceAudience(db, values.municipality_id, values.id, audienceDepartmentIds);
  },

  /** Sessions without audiences in prepared statements (the workload generator). */
  async insertMany(db: Executor, rows: Insertable<TrainingSessionsTable>[]) {
    if (rows.length > 0) await insertRows(db, 'training_sessions', rows);
  },

  async update(
    db: Executor,
    municipalityId: string,
    id: string,
    expectedVersion: number,
    columns: Partial<Omit<TrainingSessionsTable, 'id' | 'municipality_id' | 'course_id' | 'registered_count' | 'created_at' | 'version'>>,
  ) {
    return updateAtVersion(db, 'training_sessions', { municipality_id: municipalityId, id }, expectedVersion, { ...columns });
  },

  async replaceAudience(db: Executor, municipalityId: string, sessionId: string, departmentIds: readonly string[]) {
    await db
      .deleteFrom('training_session_audiences')
      .where('municipality_id', '=', municipalityId)
      .where('session_id', '=', sessionId)
      .execute();
    const unique = [...new Set(departmentIds)];
    if (unique.length > 0)
      await db
        .insertInto('training_session_audiences')
        .values(unique.map((departmentId) => ({ municipality_id: municipalityId, session_id: sessionId, department_id: departmentId })))
        .execute();
  },

  /** Deletes a session without recorded attendance, its registrations with it; false when the version is stale. */
  async delete(db: Executor, municipalityId: string, id: string, expectedVersion: number) {
    await db.deleteFrom('training_attendances').where('municipality_id', '=', municipalityId).where('session_id', '=', id).execute();
    await db.deleteFrom('training_session_audiences').where('municipality_id', '=', municipalityId).where('session_id', '=', id).execute();
    return deleteAtVersion(db, 'training_sessions', { municipality_id: municipalityId, id }, expectedVersion);
  },

  /**
   * Takes `places` more places at the session, in one conditional statement so two registrations
   * at once cannot overfill it: false when the capacity would be exceeded.
   */
  async takePlaces(db: Executor, municipalityId: string, id: string, places: number) {
    const result = await db
      .updateTable('training_sessions')
      .set((eb) => ({ registered_count: eb('registered_count', '+', places) }))
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', id)
      .where((eb) => eb.or([eb('capacity', 'is', null), eb(eb('registered_count', '+', places), '<=', eb.ref('capacity'))]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async releasePlaces(db: Executor, municipalityId: string, id: string, places: number) {
    await db
      .updateTable('training_sessions')
      .set((eb) => ({ registered_count: eb('registered_count', '-', places) }))
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', id)
      .execute();
  },

  /** Moves the day copied onto the session's attendance rows when the session is moved. */
  async moveAttendanceDay(db: Executor, municipalityId: string, sessionId: string, sessionDate: string) {
    await db
      .updateTable('training_attendances')
      .set({ session_date: sessionDate })
      .where('municipality_id', '=', municipalityId)
      .where('session_id', '=', sessionId)
      .execute();
  },

  /** Whether the trainer marked `personId` as attended at the session (attendedSession in index.ts). */
  async attended(db: Executor, municipalityId: string, sessionId: string, personId: string) {
    const row = await db
      .selectFrom('training_attendances')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where('session_id', '=', sessionId)
      .where('person_id', '=', personId)
      .where('status', '=', 'attended')
      .executeTakeFirst();
    return row !== undefined;
  },

  /** Whether `personId` is the trainer of the session (isTrainerOfSession in index.ts). */
  async isTrainer(db: Executor, municipalityId: string, sessionId: string, personId: string) {
    const row = await db
      .selectFrom('training_sessions')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', sessionId)
      .where('trainer_person_id', '=', personId)
      .executeTakeFirst();
    return row !== undefined;
  },
};
