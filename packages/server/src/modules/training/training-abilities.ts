import type {
  AttendanceActionName,
  AttendanceStatus,
  CourseActionName,
  Permission,
  Role,
  TrainingSessionActionName,
  TrainingTopic,
} from '@forvalta/contracts';
import type { AnyActor } from '../../access/actor.ts';
import type { Subject } from '../../access/authorise.ts';
import { canOn } from '../../access/record-actions.ts';

/**
 * Who may do what with training, as data and pure functions: the services authorise with these
 * subjects and the records' `can` is computed from the same tables, so the two cannot part.
 */

/** The permission of each action on a course; the use cases are declared with the same entries. */
export const courseActions = {
  update: 'trainingCourse.manage',
  delete: 'trainingCourse.manage',
  planSession: 'trainingCourse.manage',
} as const satisfies Record<CourseActionName, Permission>;

export const sessionActions = {
  update: 'trainingCourse.manage',
  delete: 'trainingCourse.manage',
  register: 'trainingCourse.manage',
  readAttendance: 'trainingAttendance.read',
  recordAttendance: 'trainingAttendance.record',
} as const satisfies Record<TrainingSessionActionName, Permission>;

export const attendanceActions = {
  record: 'trainingAttendance.record',
  remove: 'trainingCourse.manage',
} as const satisfies Record<AttendanceActionName, Permission>;

/**
 * The roles that answer for a course of each topic (the "who may"): the IT unit and its
 * chief for IT security (ITP-5-SECURITY-NET), the secretariat and the data protection officer for
 * data protection and public access (ITP-8-INFO), the head of the owning department for a system's
 * own training (ITP-4.2-TRAIN-OTHERS); the administrator for all.
 */
export const topicManagers: Record<TrainingTopic, readonly Role[]> = {
  it_security_and_networks: ['administrator', 'it_chief', 'it_unit'],
  data_protection_and_public_access: ['administrator', 'secretariat', 'data_protection_officer'],
  system: ['administrator', 'department_head'],
  other: ['administrator', 'department_head'],
};

/** What decides who manages a course: its topic, the role named for it, its department. */
export interface CourseResponsibility {
  topic: TrainingTopic;
  responsibleRole: Role | null;
  /** A system course's is its system's owner (the repository resolves it). */
  responsibleDepartmentId: string | null;
}

/**
 * The subject of managing a course (and its sessions and registrations): the department that
 * answers for it, for the department head's scope, and the roles its topic names. A course of
 * topic `other` may name one more role that manages it (the IT chief's course on e-mail rules).
 */
export function courseSubject(course: CourseResponsibility): Subject {
  const roles =
    course.topic === 'other' && course.responsibleRole ? [...topicManagers.other, course.responsibleRole] : topicManagers[course.topic];
  const departmentScoped = course.topic === 'system' || course.topic === 'other';
  return { departmentId: departmentScoped ? course.responsibleDepartmentId : null, grantingRoles: roles };
}

/** A session's attendance list: its organisers (the course's department for a head) and its trainer. */
export function attendanceListSubject(course: CourseResponsibility, trainerPersonId: string | null): Subject {
  return { departmentId: courseSubject(course).departmentId, stewardPersonIds: trainerPersonId ? [trainerPersonId] : [] };
}

/** Taking attendance: the session's trainer (and the administrator, who stands in). */
export function recordingSubject(trainerPersonId: string | null): Subject {
  return { stewardPersonIds: trainerPersonId ? [trainerPersonId] : [] };
}

/** A person's training history: theirs, their department's head's, and whoever reads every history. */
export function historySubject(person: { id: string; departmentId: string | null }): Subject {
  return { departmentId: person.departmentId, stewardPersonIds: [person.id] };
}

/** Attendance is taken from the session's day on: nobody has attended a session that lies ahead. */
export function attendanceRecordable(sessionStartDay: string, today: string): boolean {
  return sessionStartDay <= today;
}

export function courseAbilities(actor: AnyActor, course: CourseResponsibility & { sessionCount: number }) {
  return canOn(actor, courseActions, courseSubject(course), { delete: course.sessionCount === 0 });
}

export function sessionAbilities(
  actor: AnyActor,
  session: { trainerPersonId: string | null; startDay: string; attendedCount: number; absentCount: number },
  course: CourseResponsibility,
  today: string,
) {
  const manage = canOn(actor, { update: sessionActions.update, register: sessionActions.register }, courseSubject(course));
  return {
    ...manage,
    delete: canOn(actor, { delete: sessionActions.delete }, courseSubject(course), {
      delete: session.attendedCount + session.absentCount === 0,
    }).delete,
    readAttendance: canOn(actor, { readAttendance: sessionActions.readAttendance }, attendanceListSubject(course, session.trainerPersonId))
      .readAttendance,
    recordAttendance: canOn(actor, { recordAttendance: sessionActions.recordAttendance }, recordingSubject(session.trainerPersonId), {
      recordAttendance: attendanceRecordable(session.startDay, today),
    }).recordAttendance,
  };
}

export function attendanceAbilities(
  actor: AnyActor,
  attendance: { status: AttendanceStatus },
  session: { trainerPersonId: string | null; startDay: string },
  course: CourseResponsibility,
  today: string,
) {
  return {
    record: canOn(actor, { record: attendanceActions.record }, recordingSubject(session.trainerPersonId), {
      record: attendanceRecordable(session.startDay, today),
    }).record,
    // Only a registration is withdrawn; a recorded attendance is history.
    remove: canOn(actor, { remove: attendanceActions.remove }, courseSubject(course), { remove: attendance.status === 'registered' })
      .remove,
  };
}
