import { randomUUID } from 'node:crypto';
import type { TrainingSession, TrainingSessionCreate, TrainingSessionListQuery, TrainingSessionUpdate } from '@forvalta/contracts';
import type { AnyActor } from '../../access/actor.ts';
import { municipalityOf } from '../../access/authorise.ts';
import { useCase } from '../../access/use-case.ts';
import { recordAudit } from '../../platform/audit.ts';
import { swedishToday } from '../../platform/calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import { inParallel, withTransaction, type DatabaseHandle, type Executor } from '../../platform/database.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import { existingIds } from '../../platform/references.ts';
import { versionedWrites } from '../../platform/versioned-write.ts';
import { coursesRepository } from './courses.repository.ts';
import { courseSubject, sessionAbilities, sessionActions } from './training-abilities.ts';
import { trainingSessionsRepository, type LoadedSession } from './training-sessions.repository.ts';

export function withSessionAbilities(actor: AnyActor, loaded: LoadedSession, today: string): TrainingSession {
  const { session, course, absentCount } = loaded;
  return {
    ...session,
    can: sessionAbilities(
      actor,
      {
        trainerPersonId: session.trainerPersonId,
        startDay: swedishToday(new Date(session.startsAt)),
        attendedCount: session.attendedCount,
        absentCount,
      },
      course,
      today,
    ),
  };
}

/**
 * Training sessions: when and where a course is held, by whom, for which departments and how many.
 * They are planned and changed by whoever manages the course (training-abilities.ts).
 */
export function createTrainingSessionsService(db: DatabaseHandle, clock: Clock) {
  const versioned = versionedWrites(db, clock);
  const now = () => clock.now().toISOString();
  const today = () => swedishToday(clock.now());

  async function loadOrFail(executor: Executor, municipalityId: string, id: string) {
    const loaded = await trainingSessionsRepository.findById(executor, municipalityId, id);
    if (!loaded) throw notFound('Training session');
    return loaded;
  }

  /** The trainer, system and departments named must exist here; a session ends after it starts. */
  async function validate(
    executor: Executor,
    municipalityId: string,
    input: Pick<TrainingSessionUpdate, 'trainerPersonId' | 'systemId' | 'audienceDepartmentIds'>,
    startsAt: string,
    endsAt: string,
  ) {
    if (new Date(endsAt).getTime() <= new Date(startsAt).getTime()) throw invalid('endsAt', 'A session ends after it starts.');
    const [people, systems, departments] = await inParallel(
      executor,
      () => existingIds(executor, 'people', municipalityId, input.trainerPersonId ? [input.trainerPersonId] : []),
      () => existingIds(executor, 'systems', municipalityId, input.systemId ? [input.systemId] : []),
      () => existingIds(executor, 'departments', municipalityId, input.audienceDepartmentIds ?? []),
    );
    if (input.trainerPersonId && !people.has(input.trainerPersonId))
      throw invalid('trainerPersonId', 'The trainer does not exist in this municipality.');
    if (input.systemId && !systems.has(input.systemId)) throw invalid('systemId', 'The system does not exist in this municipality.');
    if ((input.audienceDepartmentIds ?? []).some((id) => !departments.has(id)))
      throw invalid('audienceDepartmentIds', 'One or more departments do not exist in this municipality.');
  }

  return {
    listSessions: useCase('training.read', async ({ actor, authorise }, query: TrainingSessionListQuery) => {
      authorise();
      const page = await trainingSessionsRepository.list(db, municipalityOf(actor), query, now());
      return { ...page, items: page.items.map((loaded) => withSessionAbilities(actor, loaded, today())) };
    }),

    getSession: useCase('training.read', async ({ actor, authorise }, id: string): Promise<TrainingSession> => {
      authorise();
      return withSessionAbilities(actor, await loadOrFail(db, municipalityOf(actor), id), today());
    }),

    /** Plans a session of a course; its system and audience are the course's unless given. */
    createSession: useCase(sessionActions.update, async ({ actor, authorise }, input: TrainingSessionCreate): Promise<TrainingSession> => {
      const municipalityId = municipalityOf(actor);
      return withTransaction(db, async (transaction) => {
        const course = await coursesRepository.findById(transaction, municipalityId, input.courseId, now());
        if (!course) throw invalid('courseId', 'The course does not exist in this municipality.');
        authorise(courseSubject(course));
        const systemId = input.systemId !== undefined ? input.systemId : course.systemId;
        const audience = input.audienceDepartmentIds ?? course.audienceDepartmentIds;
        await validate(transaction, municipalityId, { ...input, systemId, audienceDepartmentIds: audience }, input.startsAt, input.endsAt);
        const id = randomUUID();
        const at = now();
        await trainingSessionsRepository.insert(
          transaction,
          {
            id,
            municipality_id: municipalityId,
            course_id: course.id,
            starts_at: new Date(input.startsAt).toISOString(),
            ends_at: new Date(input.endsAt).toISOString(),
            place: input.place ?? null,
            trainer_person_id: input.trainerPersonId ?? null,
            system_id: systemId,
            capacity: input.capacity ?? null,
            registered_count: 0,
            notes: input.notes ?? null,
            created_at: at,
            updated_at: at,
            version: 1,
          },
          audience,
        );
        const created = await loadOrFail(transaction, municipalityId, id);
        await recordAudit(transaction, actor, clock, {
          action: 'create',
          entityType: 'training_session',
          entityId: id,
          after: created.session,
        });
        return withSessionAbilities(actor, created, today());
      });
    }),

    /** Moving a session moves the day its attendance counts for; the capacity never drops below those registered. */
    updateSession: useCase(
      sessionActions.update,
      async (
        { actor, authorise },
        id: string,
        expectedVersion: ExpectedVersion,
        input: TrainingSessionUpdate,
      ): Promise<TrainingSession> => {
        const municipalityId = municipalityOf(actor);
        const after = await versioned.update(actor, {
          entity: 'Training session',
          expectedVersion,
          load: (transaction) => trainingSessionsRepository.findById(transaction, municipalityId, id),
          versionOf: (before) => before.session.version,
          authorise: (before) => authorise(courseSubject(before.course)),
          apply: async (transaction, before, version) => {
            const startsAt = input.startsAt !== undefined ? new Date(input.startsAt).toISOString() : before.session.startsAt;
            const endsAt = input.endsAt !== undefined ? new Date(input.endsAt).toISOString() : before.session.endsAt;
            await validate(transaction, municipalityId, input, startsAt, endsAt);
            if (input.capacity != null && input.capacity < before.session.registeredCount)
              throw invalid('capacity', 'More people are registered than the new capacity allows.');
            if (input.audienceDepartmentIds !== undefined)
              await trainingSessionsRepository.replaceAudience(transaction, municipalityId, id, input.audienceDepartmentIds);
            if (startsAt !== before.session.startsAt)
              await trainingSessionsRepository.moveAttendanceDay(transaction, municipalityId, id, swedishToday(new Date(startsAt)));
            return trainingSessionsRepository.update(transaction, municipalityId, id, version, {
              starts_at: startsAt,
              ends_at: endsAt,
              ...(input.place !== undefined ? { place: input.place } : {}),
              ...(input.trainerPersonId !== undefined ? { trainer_person_id: input.trainerPersonId } : {}),
              ...(input.systemId !== undefined ? { system_id: input.systemId } : {}),
              ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
              ...(input.notes !== undefined ? { notes: input.notes } : {}),
              updated_at: now(),
            });
          },
          audit: (before, after) => ({
            action: 'update',
            entityType: 'training_session',
            entityId: id,
            before: before.session,
            after: after.session,
          }),
        });
        return withSessionAbilities(actor, after, today());
      },
    ),

    /** A session nobody's attendance was recorded at goes, with its registrations. */
    deleteSession: useCase(sessionActions.delete, async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion) => {
      const municipalityId = municipalityOf(actor);
      await versioned.delete(actor, {
        entity: 'Training session',
        expectedVersion,
        load: (transaction) => trainingSessionsRepository.findById(transaction, municipalityId, id),
        versionOf: (before) => before.session.version,
        authorise: (before) => authorise(courseSubject(before.course)),
        apply: async (transaction, before, version) => {
          if (before.session.attendedCount + before.absentCount > 0)
            throw conflict('Attendance has been recorded for this session; it stays as history.', 'session_has_attendance');
          return trainingSessionsRepository.delete(transaction, municipalityId, id, version);
        },
        audit: (before) => ({ action: 'delete', entityType: 'training_session', entityId: id, before: before.session }),
      });
    }),
  };
}

export type TrainingSessionsService = ReturnType<typeof createTrainingSessionsService>;
