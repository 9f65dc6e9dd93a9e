import { randomUUID } from 'node:crypto';
import type {
  Attendance,
  AttendanceRegister,
  AttendanceUpdate,
  DueCourse,
  SessionAttendanceListQuery,
  TrainingCoverage,
  TrainingCoverageQuery,
  TrainingHistoryQuery,
} from '@forvalta/contracts';
import { type AnyActor, actorName } from '../../access/actor.ts';
import { municipalityOf } from '../../access/authorise.ts';
import { useCase } from '../../access/use-case.ts';
import { recordAudit } from '../../platform/audit.ts';
import { swedishToday } from '../../platform/calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import { withTransaction, type DatabaseHandle, type Executor } from '../../platform/database.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import { versionedWrites } from '../../platform/versioned-write.ts';
import { readParameter, subtractMonths, tanumPolicyPack } from '../../policy/index.ts';
import { policyPackRecords } from '../compliance/index.ts';
import { organisationReads } from '../organisation/index.ts';
import { attendancesRepository, type LoadedAttendance } from './attendances.repository.ts';
import { coursesRepository } from './courses.repository.ts';
import {
  attendanceAbilities,
  attendanceActions,
  attendanceListSubject,
  attendanceRecordable,
  courseSubject,
  historySubject,
  recordingSubject,
  sessionActions,
} from './training-abilities.ts';
import { trainingFactsRepository } from './training-facts.repository.ts';
import { trainingSessionsRepository } from './training-sessions.repository.ts';

function withAttendanceAbilities(actor: AnyActor, loaded: LoadedAttendance, today: string): Attendance {
  return { ...loaded.attendance, can: attendanceAbilities(actor, loaded.attendance, loaded.session, loaded.course, today) };
}

/**
 * Attendance: registering people to a session (its course's managers, within its capacity),
 * taking attendance (the session's trainer, from its day on), a person's history and due courses
 * (their own, their department head's, the auditor's), and the share trained per department.
 */
export function createAttendancesService(db: DatabaseHandle, clock: Clock) {
  const versioned = versionedWrites(db, clock);
  const now = () => clock.now().toISOString();
  const today = () => swedishToday(clock.now());

  async function sessionOrFail(executor: Executor, municipalityId: string, id: string) {
    const loaded = await trainingSessionsRepository.findById(executor, municipalityId, id);
    if (!loaded) throw notFound('Training session');
    return loaded;
  }

  async function personOrFail(executor: Executor, municipalityId: string, id: string) {
    const found = await organisationReads.findPerson(executor, municipalityId, id);
    if (!found) throw notFound('Person');
    return found.person;
  }

  /** The months a coverage looks back over: asked, the course's recurrence, or for IT security the pack's interval. */
  async function coverageMonths(executor: Executor, municipalityId: string, query: TrainingCoverageQuery) {
    if (query.withinMonths) return query.withinMonths;
    if (query.courseId) {
      const course = await coursesRepository.findById(executor, municipalityId, query.courseId, now());
      if (!course) throw invalid('courseId', 'The course does not exist in this municipality.');
      return course.recurrenceMonths;
    }
    if (query.topic !== 'it_security_and_networks') return null;
    const parameters = ((await policyPackRecords.currentPack(executor, municipalityId))?.pack ?? tanumPolicyPack).parameters;
    return parameters.securityTrainingIntervalMonths ? readParameter(parameters, 'securityTrainingIntervalMonths') : null;
  }

  return {
    /** A session's attendance list, by name; q finds a person among those registered. */
    listSessionAttendance: useCase(
      sessionActions.readAttendance,
      async ({ actor, authorise }, sessionId: string, query: SessionAttendanceListQuery) => {
        const municipalityId = municipalityOf(actor);
        const loaded = await sessionOrFail(db, municipalityId, sessionId);
        authorise(attendanceListSubject(loaded.course, loaded.session.trainerPersonId));
        const page = await attendancesRepository.listForSession(db, municipalityId, sessionId, query);
        return { ...page, items: page.items.map((item) => withAttendanceAbilities(actor, item, today())) };
      },
    ),

    /**
     * Registers people to a session, as a whole or not at all: people already there are left as
     * they are, people who have left are refused, and going beyond the capacity is refused.
     */
    registerAttendees: useCase(sessionActions.register, async ({ actor, authorise }, sessionId: string, input: AttendanceRegister) => {
      const municipalityId = municipalityOf(actor);
      return withTransaction(db, async (transaction) => {
        const loaded = await sessionOrFail(transaction, municipalityId, sessionId);
        authorise(courseSubject(loaded.course));
        const personIds = [...new Set(input.personIds)];
        const people = await attendancesRepository.people(transaction, municipalityId, personIds);
        if (people.length !== personIds.length) throw invalid('personIds', 'One or more people do not exist in this municipality.');
        if (people.some((person) => person.employment_status !== 'active'))
          throw conflict('Someone named has left the municipality.', 'person_left');
        const already = await attendancesRepository.registeredPersonIds(transaction, municipalityId, sessionId, personIds);
        const added = personIds.filter((id) => !already.has(id));
        if (added.length > 0) {
          if (!(await trainingSessionsRepository.takePlaces(transaction, municipalityId, sessionId, added.length)))
            throw conflict(
              `The session has ${loaded.session.capacity} places and ${loaded.session.registeredCount} are taken; ${added.length} more do not fit.`,
              'session_full',
            );
          const at = now();
          await attendancesRepository.insertMany(
            transaction,
            added.map((personId) => ({
              id: randomUUID(),
              municipality_id: municipalityId,
              session_id: sessionId,
              course_id: loaded.session.courseId,
              topic: loaded.session.topic,
              person_id: personId,
              session_date: swedishToday(new Date(loaded.session.startsAt)),
              status: 'registered',
              recorded_at: null,
              recorded_by_person_id: null,
              recorded_by_name: null,
              created_at: at,
              updated_at: at,
              version: 1,
            })),
          );
          await recordAudit(transaction, actor, clock, {
            action: 'register',
            entityType: 'training_session',
            entityId: sessionId,
            after: { registeredPersonIds: added },
          });
        }
        const rows = await attendancesRepository.findForSession(transaction, municipalityId, sessionId, personIds);
        return { items: rows.map((row) => withAttendanceAbilities(actor, row, today())) };
      });
    }),

    /** The trainer's tap: attended or absent (registered again undoes a mistake). */
    recordAttendance: useCase(
      attendanceActions.record,
      async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion, input: AttendanceUpdate): Promise<Attendance> => {
        const municipalityId = municipalityOf(actor);
        const after = await versioned.update(actor, {
          entity: 'Attendance',
          expectedVersion,
          load: (transaction) => attendancesRepository.findById(transaction, municipalityId, id),
          versionOf: (before) => before.attendance.version,
          authorise: (before) => authorise(recordingSubject(before.session.trainerPersonId)),
          apply: async (transaction, before, version) => {
            if (!attendanceRecordable(before.session.startDay, today()))
              throw conflict('Attendance is recorded from the day of the session.', 'session_not_started');
            const recorded = input.status !== 'registered';
            return attendancesRepository.update(transaction, municipalityId, id, version, {
              status: input.status,
              recorded_at: recorded ? now() : null,
              recorded_by_person_id: recorded && actor.kind === 'person' ? actor.personId : null,
              recorded_by_name: recorded ? actorName(actor) : null,
              updated_at: now(),
            });
          },
          audit: (before, after) => ({
            action: 'record_attendance',
            entityType: 'training_attendance',
            entityId: id,
            before: before.attendance,
            after: after.attendance,
          }),
        });
        return withAttendanceAbilities(actor, after, today());
      },
    ),

    /** Withdraws a registration; a recorded attendance stays in the history. */
    removeRegistration: useCase(attendanceActions.remove, async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion) => {
      const municipalityId = municipalityOf(actor);
      await versioned.delete(actor, {
        entity: 'Attendance',
        expectedVersion,
        load: (transaction) => attendancesRepository.findById(transaction, municipalityId, id),
        versionOf: (before) => before.attendance.version,
        authorise: (before) => authorise(courseSubject(before.course)),
        apply: async (transaction, before, version) => {
          if (before.attendance.status !== 'registered')
            throw conflict('Attendance has been recorded; it stays in the history.', 'attendance_recorded');
          const deleted = await attendancesRepository.delete(transaction, municipalityId, id, version);
          if (deleted) await trainingSessionsRepository.releasePlaces(transaction, municipalityId, before.attendance.sessionId, 1);
          return deleted;
        },
        audit: (before) => ({ action: 'delete', entityType: 'training_attendance', entityId: id, before: before.attendance }),
      });
    }),

    /** A person's training history, latest first. */
    personHistory: useCase('trainingHistory.read', async ({ actor, authorise }, personId: string, query: TrainingHistoryQuery) => {
      const municipalityId = municipalityOf(actor);
      authorise(historySubject(await personOrFail(db, municipalityId, personId)));
      const page = await attendancesRepository.history(db, municipalityId, personId, query);
      return { ...page, items: page.items.map((item) => withAttendanceAbilities(actor, item, today())) };
    }),

    /** The courses a person should attend now (trainingFacts.dueCourses). */
    personDueCourses: useCase('trainingHistory.read', async ({ actor, authorise }, personId: string): Promise<{ items: DueCourse[] }> => {
      const municipalityId = municipalityOf(actor);
      authorise(historySubject(await personOrFail(db, municipalityId, personId)));
      return { items: await trainingFactsRepository.dueCourses(db, municipalityId, personId, today(), now()) };
    }),

    /** Per department, the active people and how many attended within the interval: the share trained. */
    coverage: useCase('training.read', async ({ actor, authorise }, query: TrainingCoverageQuery): Promise<TrainingCoverage> => {
      authorise();
      const municipalityId = municipalityOf(actor);
      const withinMonths = await coverageMonths(db, municipalityId, query);
      const since = withinMonths === null ? null : subtractMonths(today(), withinMonths);
      const departments = await trainingFactsRepository.coverage(
        db,
        municipalityId,
        { ...(query.topic ? { topic: query.topic } : {}), ...(query.courseId ? { courseId: query.courseId } : {}) },
        since,
      );
      return {
        withinMonths,
        people: departments.reduce((sum, row) => sum + row.people, 0),
        trained: departments.reduce((sum, row) => sum + row.trained, 0),
        departments,
      };
    }),
  };
}

export type AttendancesService = ReturnType<typeof createAttendancesService>;
