import { z } from 'zod';
import {
  booleanQuery,
  dateSchema,
  idSchema,
  listQuerySchema,
  listResponseSchema,
  optionalText,
  recordMetaSchema,
  requiredText,
  sortParameter,
  timestampSchema,
} from './common.ts';
import { attendanceActionNames, canSchema, courseActionNames, trainingSessionActionNames } from './permissions.ts';
import { roleSchema } from './roles.ts';

/* ---------- Training (utbildning: ITP-5-SECURITY-NET, ITP-8-INFO, ITP-4.2-TRAIN-OTHERS, ITP-4.2.1-TRAIN-ADMINS) ---------- */

/**
 * What a course is about, which also says who is responsible for it: IT security and basic
 * networking by the IT unit (ITP-5-SECURITY-NET), data protection and public access by the
 * secretariat (ITP-8-INFO), a system's own training by the department that owns the system
 * (ITP-4.2-TRAIN-OTHERS, ITP-4.2.1-TRAIN-ADMINS, ITP-5-NEW-SYSTEM), and anything else.
 */
export const trainingTopics = ['it_security_and_networks', 'data_protection_and_public_access', 'system', 'other'] as const;
export const trainingTopicSchema = z.enum(trainingTopics);
export type TrainingTopic = z.infer<typeof trainingTopicSchema>;

/** A course as stored; the API answers it with the caller's `can` (courseSchema). */
export const courseRecordSchema = recordMetaSchema.extend({
  title: z.string(),
  topic: trainingTopicSchema,
  /** The role that answers for the course (the IT unit, the secretariat), when a role does. */
  responsibleRole: roleSchema.nullable(),
  /** The department that answers for it: a system course's is the system's owner. */
  responsibleDepartmentId: idSchema.nullable(),
  responsibleDepartmentName: z.string().nullable(),
  /** A system's own training (topic `system`). */
  systemId: idSchema.nullable(),
  systemName: z.string().nullable(),
  /** Attended again after this many months ("IT security every 24 months"); null: once is enough. */
  recurrenceMonths: z.number().int().positive().nullable(),
  /** Whether everyone in its audience must attend it (what makes it "due" for a person). */
  mandatory: z.boolean(),
  /** The departments (with their sub-departments) it is for; empty: the whole municipality. */
  audienceDepartmentIds: z.array(idSchema),
  description: z.string().nullable(),
  sessionCount: z.number().int().nonnegative(),
  /** The start of its next session that has not begun yet. */
  nextSessionStartsAt: timestampSchema.nullable(),
});
export type CourseRecord = z.infer<typeof courseRecordSchema>;
export const courseCanSchema = canSchema(courseActionNames);
export const courseSchema = courseRecordSchema.extend({ can: courseCanSchema });
export type Course = z.infer<typeof courseSchema>;

const recurrenceMonths = z.number().int().min(1).max(240).nullable().optional();
const audienceDepartmentIds = z.array(idSchema).max(500).optional();

/**
 * The topic decides who may manage the course and is fixed once created; a system course names its
 * system. An IT-security course without a recurrence gets the policy pack's
 * `securityTrainingIntervalMonths`.
 */
export const courseCreateSchema = z.strictObject({
  title: requiredText(200),
  topic: trainingTopicSchema,
  responsibleRole: roleSchema.nullable().optional(),
  responsibleDepartmentId: idSchema.nullable().optional(),
  systemId: idSchema.nullable().optional(),
  recurrenceMonths,
  mandatory: z.boolean().optional(),
  audienceDepartmentIds,
  description: optionalText(8000),
});
export type CourseCreate = z.infer<typeof courseCreateSchema>;

export const courseUpdateSchema = z.strictObject({
  title: requiredText(200).optional(),
  responsibleRole: roleSchema.nullable().optional(),
  responsibleDepartmentId: idSchema.nullable().optional(),
  recurrenceMonths,
  mandatory: z.boolean().optional(),
  audienceDepartmentIds,
  description: optionalText(8000),
});
export type CourseUpdate = z.infer<typeof courseUpdateSchema>;

export const courseListQuerySchema = listQuerySchema.extend({
  topic: trainingTopicSchema.optional(),
  systemId: idSchema.optional(),
  responsibleDepartmentId: idSchema.optional(),
  sort: sortParameter(['title', 'updatedAt'] as const),
});
export type CourseListQuery = z.infer<typeof courseListQuerySchema>;
export const courseListSchema = listResponseSchema(courseSchema);

/* ---------- Sessions (tillfällen) ---------- */

/** A session as stored; the API answers it with the caller's `can` (trainingSessionSchema). */
export const trainingSessionRecordSchema = recordMetaSchema.extend({
  courseId: idSchema,
  courseTitle: z.string(),
  topic: trainingTopicSchema,
  startsAt: timestampSchema,
  endsAt: timestampSchema,
  place: z.string().nullable(),
  /** The person who holds the session and records its attendance. */
  trainerPersonId: idSchema.nullable(),
  trainerName: z.string().nullable(),
  systemId: idSchema.nullable(),
  systemName: z.string().nullable(),
  audienceDepartmentIds: z.array(idSchema),
  /** How many may register; null: no limit. */
  capacity: z.number().int().positive().nullable(),
  registeredCount: z.number().int().nonnegative(),
  attendedCount: z.number().int().nonnegative(),
  notes: z.string().nullable(),
});
export type TrainingSessionRecord = z.infer<typeof trainingSessionRecordSchema>;
export const trainingSessionCanSchema = canSchema(trainingSessionActionNames);
export const trainingSessionSchema = trainingSessionRecordSchema.extend({ can: trainingSessionCanSchema });
export type TrainingSession = z.infer<typeof trainingSessionSchema>;

const capacity = z.number().int().min(1).max(10000).nullable().optional();

/** The system and audience default to the course's. */
export const trainingSessionCreateSchema = z.strictObject({
  courseId: idSchema,
  startsAt: timestampSchema,
  endsAt: timestampSchema,
  place: optionalText(200),
  trainerPersonId: idSchema.nullable().optional(),
  systemId: idSchema.nullable().optional(),
  audienceDepartmentIds,
  capacity,
  notes: optionalText(4000),
});
export type TrainingSessionCreate = z.infer<typeof trainingSessionCreateSchema>;

export const trainingSessionUpdateSchema = z.strictObject({
  startsAt: timestampSchema.optional(),
  endsAt: timestampSchema.optional(),
  place: optionalText(200),
  trainerPersonId: idSchema.nullable().optional(),
  systemId: idSchema.nullable().optional(),
  audienceDepartmentIds,
  capacity,
  notes: optionalText(4000),
});
export type TrainingSessionUpdate = z.infer<typeof trainingSessionUpdateSchema>;

export const trainingSessionListQuerySchema = listQuerySchema.extend({
  courseId: idSchema.optional(),
  trainerPersonId: idSchema.optional(),
  systemId: idSchema.optional(),
  topic: trainingTopicSchema.optional(),
  /** Sessions starting on or after this day (Europe/Stockholm). */
  from: dateSchema.optional(),
  /** Sessions starting on or before this day. */
  to: dateSchema.optional(),
  /** Sessions that have not started yet (true) or have (false). */
  upcoming: booleanQuery.optional(),
  sort: sortParameter(['startsAt', 'updatedAt'] as const),
});
export type TrainingSessionListQuery = z.infer<typeof trainingSessionListQuerySchema>;
export const trainingSessionListSchema = listResponseSchema(trainingSessionSchema);

/* ---------- Attendance (närvaro) ---------- */

export const attendanceStatuses = ['registered', 'attended', 'absent'] as const;
export const attendanceStatusSchema = z.enum(attendanceStatuses);
export type AttendanceStatus = z.infer<typeof attendanceStatusSchema>;

/** One person at one session; the API answers it with the caller's `can` (attendanceSchema). */
export const attendanceRecordSchema = recordMetaSchema.extend({
  sessionId: idSchema,
  courseId: idSchema,
  courseTitle: z.string(),
  topic: trainingTopicSchema,
  sessionStartsAt: timestampSchema,
  systemId: idSchema.nullable(),
  personId: idSchema,
  personName: z.string(),
  departmentId: idSchema.nullable(),
  departmentName: z.string().nullable(),
  status: attendanceStatusSchema,
  /** When attendance (attended or absent) was recorded, and by whom. */
  recordedAt: timestampSchema.nullable(),
  recordedByName: z.string().nullable(),
});
export type AttendanceRecord = z.infer<typeof attendanceRecordSchema>;
export const attendanceCanSchema = canSchema(attendanceActionNames);
export const attendanceSchema = attendanceRecordSchema.extend({ can: attendanceCanSchema });
export type Attendance = z.infer<typeof attendanceSchema>;

/** Registers people to a session; refused as a whole when it would go beyond the capacity. */
export const attendanceRegisterSchema = z.strictObject({
  personIds: z.array(idSchema).min(1).max(500),
});
export type AttendanceRegister = z.infer<typeof attendanceRegisterSchema>;
export const attendanceRegisteredSchema = z.object({ items: z.array(attendanceSchema) });

/** The trainer's tap: attended or absent (or back to registered, to correct a mistake). */
export const attendanceUpdateSchema = z.strictObject({ status: attendanceStatusSchema });
export type AttendanceUpdate = z.infer<typeof attendanceUpdateSchema>;

/** A session's attendance list (q: the person's name, for the trainer's search). */
export const sessionAttendanceListQuerySchema = listQuerySchema.extend({
  status: attendanceStatusSchema.optional(),
  sort: sortParameter(['personName'] as const),
});
export type SessionAttendanceListQuery = z.infer<typeof sessionAttendanceListQuerySchema>;
export const attendanceListSchema = listResponseSchema(attendanceSchema);

/** A person's training history, latest first. */
export const trainingHistoryQuerySchema = listQuerySchema.extend({
  topic: trainingTopicSchema.optional(),
  status: attendanceStatusSchema.optional(),
  sort: sortParameter(['sessionStartsAt'] as const),
});
export type TrainingHistoryQuery = z.infer<typeof trainingHistoryQuerySchema>;

/**
 * A course a person should attend now: a mandatory course of their audience never attended, or
 * one whose recurrence has come round (last attended + recurrenceMonths ≤ today).
 */
export const dueCourseSchema = z.object({
  courseId: idSchema,
  courseTitle: z.string(),
  topic: trainingTopicSchema,
  systemId: idSchema.nullable(),
  reason: z.enum(['never_attended', 'recurrence']),
  lastAttendedOn: dateSchema.nullable(),
  /** The day it came due (null when never attended: due since always). */
  dueOn: dateSchema.nullable(),
  /** The session the person is registered to, or else the next one open to them. */
  nextSession: z.object({ id: idSchema, startsAt: timestampSchema, registered: z.boolean() }).nullable(),
});
export type DueCourse = z.infer<typeof dueCourseSchema>;
export const dueCourseListSchema = z.object({ items: z.array(dueCourseSchema) });

/* ---------- Coverage (andel utbildade per förvaltning) ---------- */

export const trainingCoverageQuerySchema = z.object({
  topic: trainingTopicSchema.optional(),
  courseId: idSchema.optional(),
  /** Attended within this many months; by default the course's recurrence or, for IT security, the pack's interval. */
  withinMonths: z.coerce.number().int().min(1).max(240).optional(),
});
export type TrainingCoverageQuery = z.infer<typeof trainingCoverageQuerySchema>;
export const trainingCoverageSchema = z.object({
  /** The months looked back over; null: ever attended. */
  withinMonths: z.number().int().positive().nullable(),
  people: z.number().int().nonnegative(),
  trained: z.number().int().nonnegative(),
  departments: z.array(
    z.object({
      departmentId: idSchema,
      departmentName: z.string(),
      people: z.number().int().nonnegative(),
      trained: z.number().int().nonnegative(),
    }),
  ),
});
export type TrainingCoverage = z.infer<typeof trainingCoverageSchema>;
