import {
  attendanceListSchema,
  attendanceRegisteredSchema,
  attendanceRegisterSchema,
  attendanceSchema,
  attendanceUpdateSchema,
  courseCreateSchema,
  courseListQuerySchema,
  courseListSchema,
  courseSchema,
  courseUpdateSchema,
  dueCourseListSchema,
  idParamsSchema,
  sessionAttendanceListQuerySchema,
  trainingCoverageQuerySchema,
  trainingCoverageSchema,
  trainingHistoryQuerySchema,
  trainingSessionCreateSchema,
  trainingSessionListQuerySchema,
  trainingSessionListSchema,
  trainingSessionSchema,
  trainingSessionUpdateSchema,
} from '@forvalta/contracts';
import { noContentResponse, problemResponses, writeProblemResponses, type ApiApp } from '../../platform/http/api-app.ts';
import { actorOf } from '../../platform/http/authentication.ts';
import { registerResourceRoutes } from '../../platform/http/resource-routes.ts';
import { expectedVersion, setVersionTag } from '../../platform/http/versioning.ts';
import type { AttendancesService } from './attendances.service.ts';
import type { CoursesService } from './courses.service.ts';
import type { TrainingSessionsService } from './training-sessions.service.ts';

export interface TrainingServices {
  courses: CoursesService;
  sessions: TrainingSessionsService;
  attendances: AttendancesService;
}

const tags = ['Training'];

/** /api/v1/courses, /api/v1/training-sessions (with their attendance), a person's training, the share trained. */
export function registerTrainingRoutes(app: ApiApp, training: TrainingServices): void {
  const { courses, sessions, attendances } = training;
  registerResourceRoutes(app, {
    path: '/api/v1/courses',
    tag: 'Training',
    noun: 'course',
    schemas: {
      listQuery: courseListQuerySchema,
      list: courseListSchema,
      item: courseSchema,
      create: courseCreateSchema,
      update: courseUpdateSchema,
    },
    list: courses.listCourses,
    get: courses.getCourse,
    create: courses.createCourse,
    update: courses.updateCourse,
    remove: courses.deleteCourse,
  });
  registerResourceRoutes(app, {
    path: '/api/v1/training-sessions',
    tag: 'Training',
    noun: 'training session',
    schemas: {
      listQuery: trainingSessionListQuerySchema,
      list: trainingSessionListSchema,
      item: trainingSessionSchema,
      create: trainingSessionCreateSchema,
      update: trainingSessionUpdateSchema,
    },
    list: sessions.listSessions,
    get: sessions.getSession,
    create: sessions.createSession,
    update: sessions.updateSession,
    remove: sessions.deleteSession,
  });

  app.get(
    '/api/v1/training-sessions/:id/attendances',
    {
      schema: {
        tags,
        summary: "A session's attendance list by name (q: search among those registered); its trainer and organisers",
        params: idParamsSchema,
        querystring: sessionAttendanceListQuerySchema,
        response: { 200: attendanceListSchema, ...problemResponses },
      },
      config: { permission: attendances.listSessionAttendance.permission },
    },
    (request) => attendances.listSessionAttendance(actorOf(request), request.params.id, request.query),
  );

  app.post(
    '/api/v1/training-sessions/:id/attendances',
    {
      schema: {
        tags,
        summary: 'Register people to a session (all or none; refused beyond its capacity)',
        params: idParamsSchema,
        body: attendanceRegisterSchema,
        response: { 201: attendanceRegisteredSchema, ...writeProblemResponses },
      },
      config: { permission: attendances.registerAttendees.permission },
    },
    async (request, reply) =>
      reply.status(201).send(await attendances.registerAttendees(actorOf(request), request.params.id, request.body)),
  );

  app.patch(
    '/api/v1/training-attendances/:id',
    {
      schema: {
        tags,
        summary: "Record a person's attendance: attended or absent (the session's trainer; If-Match required)",
        params: idParamsSchema,
        body: attendanceUpdateSchema,
        response: { 200: attendanceSchema, ...writeProblemResponses },
      },
      config: { permission: attendances.recordAttendance.permission },
    },
    async (request, reply) => {
      const attendance = await attendances.recordAttendance(actorOf(request), request.params.id, expectedVersion(request), request.body);
      setVersionTag(reply, attendance.version);
      return attendance;
    },
  );

  app.delete(
    '/api/v1/training-attendances/:id',
    {
      schema: {
        tags,
        summary: 'Withdraw a registration (If-Match required); recorded attendance stays',
        params: idParamsSchema,
        response: { ...noContentResponse, ...writeProblemResponses },
      },
      config: { permission: attendances.removeRegistration.permission },
    },
    async (request, reply) => {
      await attendances.removeRegistration(actorOf(request), request.params.id, expectedVersion(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/people/:id/training',
    {
      schema: {
        tags,
        summary: "A person's training history, latest first (their own, their department head's, the auditor's)",
        params: idParamsSchema,
        querystring: trainingHistoryQuerySchema,
        response: { 200: attendanceListSchema, ...problemResponses },
      },
      config: { permission: attendances.personHistory.permission },
    },
    (request) => attendances.personHistory(actorOf(request), request.params.id, request.query),
  );

  app.get(
    '/api/v1/people/:id/training/due',
    {
      schema: {
        tags,
        summary: 'The courses a person should attend now: mandatory ones never attended, recurring ones come round',
        params: idParamsSchema,
        response: { 200: dueCourseListSchema, ...problemResponses },
      },
      config: { permission: attendances.personDueCourses.permission },
    },
    (request) => attendances.personDueCourses(actorOf(request), request.params.id),
  );

  app.get(
    '/api/v1/training-coverage',
    {
      schema: {
        tags,
        summary: 'Per department, the active people and how many attended (a topic or course) within the interval',
        querystring: trainingCoverageQuerySchema,
        response: { 200: trainingCoverageSchema, ...problemResponses },
      },
      config: { permission: attendances.coverage.permission },
    },
    (request) => attendances.coverage(actorOf(request), request.query),
  );
}
