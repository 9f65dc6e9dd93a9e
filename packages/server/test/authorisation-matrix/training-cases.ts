import { scoped, unscoped, versioned, type RouteCase } from './route-case.ts';

/** The matrix's records are system courses: the head of the owning department manages them, and the administrator. */
const systemCourseManagers = { grantingRoles: ['administrator', 'department_head'] } as const;

/** Training (issue #13): courses, sessions, attendance and a person's history. */
export const trainingCases: Record<string, RouteCase> = {
  'GET /api/v1/courses/:id': { ...unscoped, allowed: 200, prepare: async (r, p) => ({ url: `/api/v1/courses/${(await r.course(p)).id}` }) },
  'POST /api/v1/courses': {
    bodyReferences: 'other records',
    ...scoped,
    ...systemCourseManagers,
    allowed: 201,
    prepare: async (r, p) => ({
      url: '/api/v1/courses',
      body: { title: 'Systemets utbildning', topic: 'system', systemId: (await r.system(p)).id },
    }),
  },
  'PATCH /api/v1/courses/:id': {
    ...scoped,
    ...systemCourseManagers,
    allowed: 200,
    prepare: async (r, p) => versioned('/api/v1/courses', await r.course(p), { title: 'Nytt namn' }),
  },
  'DELETE /api/v1/courses/:id': {
    ...scoped,
    ...systemCourseManagers,
    allowed: 204,
    prepare: async (r, p) => versioned('/api/v1/courses', await r.course(p)),
  },
  'GET /api/v1/training-sessions/:id': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/training-sessions/${(await r.trainingSession(p)).id}` }),
  },
  'POST /api/v1/training-sessions': {
    bodyReferences: 'other records',
    ...scoped,
    ...systemCourseManagers,
    allowed: 201,
    prepare: async (r, p) => ({
      url: '/api/v1/training-sessions',
      body: { courseId: (await r.course(p)).id, startsAt: '2026-12-15T08:00:00Z', endsAt: '2026-12-15T10:00:00Z' },
    }),
  },
  'PATCH /api/v1/training-sessions/:id': {
    ...scoped,
    ...systemCourseManagers,
    allowed: 200,
    prepare: async (r, p) => versioned('/api/v1/training-sessions', await r.trainingSession(p), { place: 'Kommunhuset' }),
  },
  'DELETE /api/v1/training-sessions/:id': {
    ...scoped,
    ...systemCourseManagers,
    allowed: 204,
    prepare: async (r, p) => versioned('/api/v1/training-sessions', await r.trainingSession(p)),
  },
  // The list is read by the course's organisers (a head: of the course's department) and those who oversee.
  'GET /api/v1/training-sessions/:id/attendances': {
    ...scoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/training-sessions/${(await r.trainingSession(p)).id}/attendances` }),
  },
  'POST /api/v1/training-sessions/:id/attendances': {
    ...scoped,
    ...systemCourseManagers,
    allowed: 201,
    prepare: async (r, p) => ({
      url: `/api/v1/training-sessions/${(await r.trainingSession(p)).id}/attendances`,
      body: { personIds: [(await r.person(p)).id] },
    }),
  },
  // Taken by the session's trainer (none of the matrix's users) or the administrator.
  'PATCH /api/v1/training-attendances/:id': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => versioned('/api/v1/training-attendances', await r.attendance(p), { status: 'attended' }),
  },
  'DELETE /api/v1/training-attendances/:id': {
    ...scoped,
    ...systemCourseManagers,
    allowed: 204,
    prepare: async (r, p) => versioned('/api/v1/training-attendances', await r.attendance(p)),
  },
  // A person's history: theirs (none of the matrix's users), their department head's, the auditor's and the administrator's.
  'GET /api/v1/people/:id/training': {
    ...scoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/people/${(await r.person(p)).id}/training` }),
  },
  'GET /api/v1/people/:id/training/due': {
    ...scoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/people/${(await r.person(p)).id}/training/due` }),
  },
};
