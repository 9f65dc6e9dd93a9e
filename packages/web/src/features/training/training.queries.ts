import type {
  Attendance,
  AttendanceStatus,
  Course,
  CourseCreate,
  CourseUpdate,
  TrainingSession,
  TrainingSessionCreate,
  TrainingSessionUpdate,
} from '@forvalta/contracts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, type QueryFor } from '../../api/client.ts';
import { useApiMutation } from '../../api/mutations.ts';
import { complianceKeys } from '../compliance/compliance.queries.ts';
import { taskKeys } from '../tasks/tasks.queries.ts';

export const trainingKeys = {
  all: ['training'] as const,
  courses: (query: object) => ['training', 'courses', query] as const,
  course: (id: string) => ['training', 'course', id] as const,
  sessions: (query: object) => ['training', 'sessions', query] as const,
  session: (id: string) => ['training', 'session', id] as const,
  attendance: (sessionId: string, query: object) => ['training', 'attendance', sessionId, query] as const,
  history: (personId: string, query: object) => ['training', 'history', personId, query] as const,
  due: (personId: string) => ['training', 'due', personId] as const,
  coverage: (query: object) => ['training', 'coverage', query] as const,
};
/** Attendance moves the compliance figures (ITP-5-SECURITY-NET) and the to-do list. */
const trainingChangeInvalidates = [trainingKeys.all, complianceKeys.all, taskKeys.all] as const;

export const coursesQuery = (query: QueryFor<'GET /api/v1/courses'>) =>
  queryOptions({
    queryKey: trainingKeys.courses(query),
    queryFn: ({ signal }) => api.get('/courses', { query, signal }),
    placeholderData: keepPreviousData,
  });

export const courseQuery = (id: string) =>
  queryOptions({ queryKey: trainingKeys.course(id), queryFn: ({ signal }) => api.get('/courses/:id', { params: { id }, signal }) });

export const sessionsQuery = (query: QueryFor<'GET /api/v1/training-sessions'>) =>
  queryOptions({
    queryKey: trainingKeys.sessions(query),
    queryFn: ({ signal }) => api.get('/training-sessions', { query, signal }),
    placeholderData: keepPreviousData,
  });

export const sessionQuery = (id: string) =>
  queryOptions({
    queryKey: trainingKeys.session(id),
    queryFn: ({ signal }) => api.get('/training-sessions/:id', { params: { id }, signal }),
  });

export const attendanceQuery = (sessionId: string, query: QueryFor<'GET /api/v1/training-sessions/:id/attendances'>) =>
  queryOptions({
    queryKey: trainingKeys.attendance(sessionId, query),
    queryFn: ({ signal }) => api.get('/training-sessions/:id/attendances', { params: { id: sessionId }, query, signal }),
    placeholderData: keepPreviousData,
  });

export const historyQuery = (personId: string, query: QueryFor<'GET /api/v1/people/:id/training'>) =>
  queryOptions({
    queryKey: trainingKeys.history(personId, query),
    queryFn: ({ signal }) => api.get('/people/:id/training', { params: { id: personId }, query, signal }),
    placeholderData: keepPreviousData,
  });

export const dueCoursesQuery = (personId: string) =>
  queryOptions({
    queryKey: trainingKeys.due(personId),
    queryFn: ({ signal }) => api.get('/people/:id/training/due', { params: { id: personId }, signal }),
  });

export const coverageQuery = (query: QueryFor<'GET /api/v1/training-coverage'>) =>
  queryOptions({
    queryKey: trainingKeys.coverage(query),
    queryFn: ({ signal }) => api.get('/training-coverage', { query, signal }),
  });

export const loadCourse = (course: Course) => api.get('/courses/:id', { params: { id: course.id } });
export const saveCourse = (body: CourseCreate | CourseUpdate, course: Course | null, version: number | undefined) =>
  course
    ? api.patch('/courses/:id', { params: { id: course.id }, version, body: body as CourseUpdate })
    : api.post('/courses', { body: body as CourseCreate });

export const loadSession = (session: TrainingSession) => api.get('/training-sessions/:id', { params: { id: session.id } });
export const saveSession = (
  body: TrainingSessionCreate | TrainingSessionUpdate,
  session: TrainingSession | null,
  version: number | undefined,
) =>
  session
    ? api.patch('/training-sessions/:id', { params: { id: session.id }, version, body: body as TrainingSessionUpdate })
    : api.post('/training-sessions', { body: body as TrainingSessionCreate });
export const trainingInvalidates = trainingChangeInvalidates;

export const useDeleteCourse = () =>
  useApiMutation(
    (course: Course) => api.delete('/courses/:id', { params: { id: course.id }, version: course.version }),
    trainingChangeInvalidates,
  );

export const useDeleteSession = () =>
  useApiMutation(
    (session: TrainingSession) => api.delete('/training-sessions/:id', { params: { id: session.id }, version: session.version }),
    trainingChangeInvalidates,
  );

export const useRegisterPeople = (sessionId: string) =>
  useApiMutation(
    (personIds: string[]) => api.post('/training-sessions/:id/attendances', { params: { id: sessionId }, body: { personIds } }),
    trainingChangeInvalidates,
  );

/** The trainer's tap: one request per person, at the version the list showed. */
export const useRecordAttendance = () =>
  useApiMutation(
    ({ attendance, status }: { attendance: Attendance; status: AttendanceStatus }) =>
      api.patch('/training-attendances/:id', { params: { id: attendance.id }, version: attendance.version, body: { status } }),
    trainingChangeInvalidates,
  );

export const useRemoveRegistration = () =>
  useApiMutation(
    (attendance: Attendance) => api.delete('/training-attendances/:id', { params: { id: attendance.id }, version: attendance.version }),
    trainingChangeInvalidates,
  );
