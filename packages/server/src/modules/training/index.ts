/**
 * The training module's public entry (.dependency-cruiser.cjs): courses, sessions, attendance, a
 * person's history and due courses, and the facts the compliance rules and the to-do list read.
 */
import { trainingFactsRepository } from './training-facts.repository.ts';
import { trainingSessionsRepository } from './training-sessions.repository.ts';

export { createAttendancesService, type AttendancesService } from './attendances.service.ts';
export { createCoursesService, type CoursesService } from './courses.service.ts';
export { createTrainingSessionsService, type TrainingSessionsService } from './training-sessions.service.ts';
export { registerTrainingRoutes, type TrainingServices } from './training.routes.ts';
export { trainingTaskSource } from './training-tasks.ts';
export type { AttendanceScope } from './training-facts.repository.ts';

/** Whether a person is the trainer of a session (who takes its attendance), in the caller's executor. */
export const isTrainerOfSession = trainingSessionsRepository.isTrainer.bind(trainingSessionsRepository);
/** Whether a person is marked as attended at a session: what a record "given at the session" rests on. */
export const attendedSession = trainingSessionsRepository.attended.bind(trainingSessionsRepository);

/**
 * The facts of training, each in a fixed number of queries, in the caller's executor:
 * - dueCourses(db, municipalityId, personId, asOf, now): the courses due for a person on a day;
 * - latestAttendance(db, municipalityId, scope, personIds?): each person's latest attended day of
 *   a topic, a course or a system's courses (ITP-5-SECURITY-NET, ITP-4.2.1-TRAIN-ADMINS, ITP-4.2-TRAIN-OTHERS);
 * - coverage(db, municipalityId, scope, since): per department, active people and those trained since a day;
 * - audienceDepartments(db, municipalityId, departmentIds): an audience with its sub-departments.
 */
export const trainingFacts = {
  dueCourses: trainingFactsRepository.dueCourses.bind(trainingFactsRepository),
  latestAttendance: trainingFactsRepository.latestAttendance.bind(trainingFactsRepository),
  coverage: trainingFactsRepository.coverage.bind(trainingFactsRepository),
  audienceDepartments: trainingFactsRepository.audienceDepartments.bind(trainingFactsRepository),
};
