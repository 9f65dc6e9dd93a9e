/**
 * The training rules (§5, §8, issue #13), over the courses and each person's latest attended
 * session of each course (H3's training module).
 */
import { subtractMonths } from '../dates.ts';
import { readParameter } from '../policy-pack.ts';
import type { ComplianceRule, RuleContext } from '../rule.ts';
import type { ComplianceSnapshot, SnapshotTrainingCourse, TrainingTopic } from '../snapshot.ts';
import { createAudienceCheck, departmentShareResults, shareReasonCodes } from './department-share.ts';

// Built once per snapshot and shared by the rules that read it (a snapshot is never changed).
const latestCache = new WeakMap<object, Map<string, Map<string, string>>>();

/** Per person, per course, the latest day attended. */
export function latestAttendance(snapshot: Pick<ComplianceSnapshot, 'trainingAttendances'>): Map<string, Map<string, string>> {
  const cached = latestCache.get(snapshot);
  if (cached !== undefined) return cached;
  const byPerson = new Map<string, Map<string, string>>();
  for (const attendance of snapshot.trainingAttendances ?? []) {
    let courses = byPerson.get(attendance.personId);
    if (courses === undefined) {
      courses = new Map();
      byPerson.set(attendance.personId, courses);
    }
    const known = courses.get(attendance.courseId);
    if (known === undefined || attendance.lastAttendedOn > known) courses.set(attendance.courseId, attendance.lastAttendedOn);
  }
  latestCache.set(snapshot, byPerson);
  return byPerson;
}

/** Per person, the latest day they attended any course of the topic. */
function latestOfTopic(snapshot: ComplianceSnapshot, topic: TrainingTopic): Map<string, string> {
  const courseIds = new Set((snapshot.trainingCourses ?? []).filter((course) => course.topic === topic).map((course) => course.id));
  const latest = new Map<string, string>();
  for (const attendance of snapshot.trainingAttendances ?? []) {
    if (!courseIds.has(attendance.courseId)) continue;
    const known = latest.get(attendance.personId);
    if (known === undefined || attendance.lastAttendedOn > known) latest.set(attendance.personId, attendance.lastAttendedOn);
  }
  return latest;
}

/** A topic's rule: the share of each department's active employees trained in it within the interval. */
function topicRule(clauseId: string, topic: TrainingTopic, intervalParameter: string): ComplianceRule {
  return {
    clauseId,
    subjectType: 'department',
    parameterKeys: [intervalParameter, 'trainingCoverageThresholdPercent'],
    reasonCodes: shareReasonCodes,
    evaluate(snapshot, parameters, context) {
      if (snapshot.trainingCourses === undefined) return [];
      const intervalMonths = readParameter(parameters, intervalParameter);
      const since = subtractMonths(context.today, intervalMonths);
      const latest = latestOfTopic(snapshot, topic);
      return departmentShareResults({
        clauseId,
        snapshot,
        thresholdPercent: readParameter(parameters, 'trainingCoverageThresholdPercent'),
        fixPath: (departmentId) => `/training?department=${departmentId}&topic=${topic}`,
        judge: (person) => (latest.get(person.id) ?? '') >= since,
        evidence: () => ({ topic, intervalMonths, trainedSince: since }),
      });
    },
  };
}

export const securityTrainingRule = topicRule('ITP-5-SECURITY-NET', 'it_security_and_networks', 'securityTrainingIntervalMonths');
export const dataProtectionTrainingRule = topicRule(
  'ITP-8-INFO',
  'data_protection_and_public_access',
  'dataProtectionTrainingIntervalMonths',
);

/** The oldest attendance a course still counts from: within its recurrence, or any when it has none. */
function oldestCountedOf(course: SnapshotTrainingCourse, today: string): string {
  return course.recurrenceMonths === null ? '' : subtractMonths(today, course.recurrenceMonths);
}

/**
 * ITP-5-ADEQUATE: an employee's training matches their work when they have attended, within its
 * recurrence, every mandatory course for their department. Departments no mandatory course is for
 * are not judged.
 */
export const adequateTrainingRule: ComplianceRule = {
  clauseId: 'ITP-5-ADEQUATE',
  subjectType: 'department',
  parameterKeys: ['trainingCoverageThresholdPercent'],
  reasonCodes: [...shareReasonCodes, 'no_required_training'],
  evaluate(snapshot, parameters, context: RuleContext) {
    if (snapshot.trainingCourses === undefined) return [];
    const mandatory = snapshot.trainingCourses
      .filter((course) => course.mandatory)
      .map((course) => ({ ...course, oldestCounted: oldestCountedOf(course, context.today) }));
    const inAudience = createAudienceCheck(context);
    const latest = latestAttendance(snapshot);
    const requiredByDepartment = new Map<string, typeof mandatory>();
    const requiredOf = (departmentId: string) => {
      let required = requiredByDepartment.get(departmentId);
      if (required === undefined) {
        required = mandatory.filter((course) => inAudience(course.audienceDepartmentIds, departmentId));
        requiredByDepartment.set(departmentId, required);
      }
      return required;
    };
    return departmentShareResults({
      clauseId: 'ITP-5-ADEQUATE',
      snapshot,
      thresholdPercent: readParameter(parameters, 'trainingCoverageThresholdPercent'),
      fixPath: (departmentId) => `/training?department=${departmentId}`,
      nothingAskedReason: 'no_required_training',
      judge: (person, department) => {
        const required = requiredOf(department.id);
        if (required.length === 0) return null;
        const attended = latest.get(person.id);
        return required.every((course) => {
          const on = attended?.get(course.id);
          return on !== undefined && on >= course.oldestCounted;
        });
      },
      evidence: (department) => ({ courses: requiredOf(department.id).map((course) => course.title) }),
    });
  },
};
