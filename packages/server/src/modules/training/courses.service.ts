import { randomUUID } from 'node:crypto';
import type { Course, CourseCreate, CourseListQuery, CourseRecord, CourseUpdate, Role, TrainingTopic } from '@forvalta/contracts';
import type { AnyActor } from '../../access/actor.ts';
import { municipalityOf } from '../../access/authorise.ts';
import { useCase } from '../../access/use-case.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { withTransaction, type DatabaseHandle, type Executor } from '../../platform/database.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import { existingIds } from '../../platform/references.ts';
import { swedishSortKey } from '../../platform/text.ts';
import { versionedWrites } from '../../platform/versioned-write.ts';
import { readParameter, tanumPolicyPack } from '../../policy/index.ts';
import { policyPackRecords } from '../compliance/index.ts';
import { coursesRepository } from './courses.repository.ts';
import { courseAbilities, courseActions, courseSubject } from './training-abilities.ts';

/** The role that answers for a course of each topic when none is named (the "by the IT unit", "by the secretariat"). */
const defaultResponsibleRole: Partial<Record<TrainingTopic, Role>> = {
  it_security_and_networks: 'it_unit',
  data_protection_and_public_access: 'secretariat',
};

export function withCourseAbilities(actor: AnyActor, course: CourseRecord): Course {
  return { ...course, can: courseAbilities(actor, course) };
}

/**
 * Courses by topic (ITP-5-SECURITY-NET, ITP-8-INFO, a system's own training): who may manage one
 * follows from its topic (training-abilities.ts). The topic and the system are fixed once created,
 * since the attendance rows and the rules count by them.
 */
export function createCoursesService(db: DatabaseHandle, clock: Clock) {
  const versioned = versionedWrites(db, clock);
  const now = () => clock.now().toISOString();

  async function loadOrFail(executor: Executor, municipalityId: string, id: string) {
    const course = await coursesRepository.findById(executor, municipalityId, id, now());
    if (!course) throw notFound('Course');
    return course;
  }

  /** IT-security training recurs at the policy pack's interval unless the course says otherwise. */
  async function defaultRecurrence(executor: Executor, municipalityId: string, topic: TrainingTopic) {
    if (topic !== 'it_security_and_networks') return null;
    const stored = await policyPackRecords.currentPack(executor, municipalityId);
    const parameters = (stored?.pack ?? tanumPolicyPack).parameters;
    return parameters.securityTrainingIntervalMonths ? readParameter(parameters, 'securityTrainingIntervalMonths') : null;
  }

  async function checkDepartments(
    executor: Executor,
    municipalityId: string,
    input: Pick<CourseUpdate, 'responsibleDepartmentId' | 'audienceDepartmentIds'>,
  ) {
    const named = [...(input.audienceDepartmentIds ?? []), ...(input.responsibleDepartmentId ? [input.responsibleDepartmentId] : [])];
    const found = await existingIds(executor, 'departments', municipalityId, named);
    if (input.responsibleDepartmentId && !found.has(input.responsibleDepartmentId))
      throw invalid('responsibleDepartmentId', 'The department does not exist in this municipality.');
    if ((input.audienceDepartmentIds ?? []).some((id) => !found.has(id)))
      throw invalid('audienceDepartmentIds', 'One or more departments do not exist in this municipality.');
  }

  return {
    listCourses: useCase('training.read', async ({ actor, authorise }, query: CourseListQuery) => {
      authorise();
      const page = await coursesRepository.list(db, municipalityOf(actor), query, now());
      return { ...page, items: page.items.map((course) => withCourseAbilities(actor, course)) };
    }),

    getCourse: useCase('training.read', async ({ actor, authorise }, id: string): Promise<Course> => {
      authorise();
      return withCourseAbilities(actor, await loadOrFail(db, municipalityOf(actor), id));
    }),

    /** A system course names its system, whose owning department answers for it; other topics name no system. */
    createCourse: useCase(courseActions.update, async ({ actor, authorise }, input: CourseCreate): Promise<Course> => {
      const municipalityId = municipalityOf(actor);
      return withTransaction(db, async (transaction) => {
        let responsibleDepartmentId = input.responsibleDepartmentId ?? null;
        if (input.topic === 'system') {
          if (!input.systemId) throw invalid('systemId', 'A system’s own training names its system.');
          const owner = await coursesRepository.systemOwner(transaction, municipalityId, input.systemId);
          if (!owner) throw invalid('systemId', 'The system does not exist in this municipality.');
          responsibleDepartmentId = owner.departmentId;
        } else if (input.systemId) {
          throw invalid('systemId', 'Only a course of the topic system names a system.');
        }
        await checkDepartments(transaction, municipalityId, { ...input, responsibleDepartmentId });
        const responsibleRole = input.responsibleRole ?? defaultResponsibleRole[input.topic] ?? null;
        authorise(courseSubject({ topic: input.topic, responsibleRole, responsibleDepartmentId }));
        const id = randomUUID();
        const at = now();
        await coursesRepository.insert(
          transaction,
          {
            id,
            municipality_id: municipalityId,
            title: input.title,
            sort_key: swedishSortKey(input.title),
            topic: input.topic,
            responsible_role: responsibleRole,
            responsible_department_id: responsibleDepartmentId,
            system_id: input.systemId ?? null,
            recurrence_months:
              input.recurrenceMonths !== undefined
                ? input.recurrenceMonths
                : await defaultRecurrence(transaction, municipalityId, input.topic),
            mandatory: (input.mandatory ?? input.topic === 'it_security_and_networks') ? 1 : 0,
            description: input.description ?? null,
            created_at: at,
            updated_at: at,
            version: 1,
          },
          input.audienceDepartmentIds ?? [],
        );
        const created = await loadOrFail(transaction, municipalityId, id);
        await recordAudit(transaction, actor, clock, { action: 'create', entityType: 'training_course', entityId: id, after: created });
        return withCourseAbilities(actor, created);
      });
    }),

    /** Moving a course to another department or role needs the right to manage it there too. */
    updateCourse: useCase(
      courseActions.update,
      async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion, input: CourseUpdate): Promise<Course> => {
        const municipalityId = municipalityOf(actor);
        const after = await versioned.update(actor, {
          entity: 'Course',
          expectedVersion,
          load: (transaction) => coursesRepository.findById(transaction, municipalityId, id, now()),
          authorise: async (before, transaction) => {
            authorise(courseSubject(before));
            if (input.responsibleDepartmentId !== undefined || input.responsibleRole !== undefined) {
              await checkDepartments(transaction, municipalityId, { responsibleDepartmentId: input.responsibleDepartmentId });
              authorise(
                courseSubject({
                  topic: before.topic,
                  responsibleRole: input.responsibleRole !== undefined ? input.responsibleRole : before.responsibleRole,
                  // A system course stays with its system's owner.
                  responsibleDepartmentId:
                    before.topic === 'system' || input.responsibleDepartmentId === undefined
                      ? before.responsibleDepartmentId
                      : input.responsibleDepartmentId,
                }),
              );
            }
          },
          apply: async (transaction, before, version) => {
            await checkDepartments(transaction, municipalityId, { audienceDepartmentIds: input.audienceDepartmentIds });
            if (input.audienceDepartmentIds !== undefined)
              await coursesRepository.replaceAudience(transaction, municipalityId, id, input.audienceDepartmentIds);
            return coursesRepository.update(transaction, municipalityId, id, version, {
              ...(input.title !== undefined ? { title: input.title, sort_key: swedishSortKey(input.title) } : {}),
              ...(input.responsibleRole !== undefined ? { responsible_role: input.responsibleRole } : {}),
              ...(input.responsibleDepartmentId !== undefined && before.topic !== 'system'
                ? { responsible_department_id: input.responsibleDepartmentId }
                : {}),
              ...(input.recurrenceMonths !== undefined ? { recurrence_months: input.recurrenceMonths } : {}),
              ...(input.mandatory !== undefined ? { mandatory: input.mandatory ? 1 : 0 } : {}),
              ...(input.description !== undefined ? { description: input.description } : {}),
              updated_at: now(),
            });
          },
          audit: (before, after) => ({ action: 'update', entityType: 'training_course', entityId: id, before, after }),
        });
        return withCourseAbilities(actor, after);
      },
    ),

    /** Only a course without sessions goes; one with a history stays. */
    deleteCourse: useCase(courseActions.delete, async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion) => {
      const municipalityId = municipalityOf(actor);
      await versioned.delete(actor, {
        entity: 'Course',
        expectedVersion,
        load: (transaction) => coursesRepository.findById(transaction, municipalityId, id, now()),
        authorise: (before) => authorise(courseSubject(before)),
        apply: async (transaction, before, version) => {
          if (before.sessionCount > 0) throw conflict('The course has sessions; delete them first.', 'course_in_use');
          return coursesRepository.delete(transaction, municipalityId, id, version);
        },
        audit: (before) => ({ action: 'delete', entityType: 'training_course', entityId: id, before }),
      });
    }),
  };
}

export type CoursesService = ReturnType<typeof createCoursesService>;
