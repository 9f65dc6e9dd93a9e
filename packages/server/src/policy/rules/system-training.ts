/**
 * A system's own training (§4.2, §4.2.1): the users in other departments of a shared system are
 * trained on it (ITP-4.2-TRAIN-OTHERS), and before production its manager, deputies and the IT
 * unit's contact named in the project have attended it (ITP-4.2.1-TRAIN-ADMINS). A system's
 * training is any course of topic `system` for it, attended within the course's recurrence.
 */
import { subtractMonths } from '../dates.ts';
import { readParameter } from '../policy-pack.ts';
import type { ComplianceRule } from '../rule.ts';
import type { ComplianceSnapshot, SnapshotTrainingCourse } from '../snapshot.ts';
import { activeEmployeesByDepartment, departmentSubtrees, evidenceNameLimit } from './department-share.ts';
import { currentHolders, describePerson, evaluateEachSystem } from './system-subjects.ts';
import { latestAttendance } from './training.ts';

function coursesBySystem(snapshot: ComplianceSnapshot): Map<string, SnapshotTrainingCourse[]> {
  const bySystem = new Map<string, SnapshotTrainingCourse[]>();
  for (const course of snapshot.trainingCourses ?? []) {
    if (course.topic !== 'system' || course.systemId === null) continue;
    const list = bySystem.get(course.systemId);
    if (list) list.push(course);
    else bySystem.set(course.systemId, [course]);
  }
  return bySystem;
}

function createTrainedCheck(snapshot: ComplianceSnapshot, today: string) {
  const latest = latestAttendance(snapshot);
  // The oldest attendance each course still counts from, computed once per course ('' : any).
  const oldestCounted = new Map<string, string>();
  const oldestOf = (course: SnapshotTrainingCourse) => {
    let oldest = oldestCounted.get(course.id);
    if (oldest === undefined) {
      oldest = course.recurrenceMonths === null ? '' : subtractMonths(today, course.recurrenceMonths);
      oldestCounted.set(course.id, oldest);
    }
    return oldest;
  };
  return (personId: string, courses: readonly SnapshotTrainingCourse[]) => {
    const attended = latest.get(personId);
    if (attended === undefined) return false;
    return courses.some((course) => {
      const on = attended.get(course.id);
      return on !== undefined && on >= oldestOf(course);
    });
  };
}

/**
 * ITP-4.2-TRAIN-OTHERS. Who uses a system is not recorded until access rights exist (issue #14),
 * so its users in other departments are approximated by the active employees of the departments
 * recorded as using it (with their sub-departments); the evidence says so.
 */
export const trainOthersRule: ComplianceRule = {
  clauseId: 'ITP-4.2-TRAIN-OTHERS',
  subjectType: 'system',
  parameterKeys: ['trainingCoverageThresholdPercent'],
  reasonCodes: ['others_trained', 'others_untrained', 'no_system_course', 'no_other_users', 'not_in_production'],
  wholeMunicipality: true,
  evaluate(snapshot, parameters, context) {
    if (snapshot.trainingCourses === undefined) return [];
    const thresholdPercent = readParameter(parameters, 'trainingCoverageThresholdPercent');
    const courses = coursesBySystem(snapshot);
    const attendeesByCourse = new Map<string, Array<[personId: string, lastAttendedOn: string]>>();
    for (const [personId, attended] of latestAttendance(snapshot)) {
      for (const [courseId, on] of attended) {
        const list = attendeesByCourse.get(courseId);
        if (list) list.push([personId, on]);
        else attendeesByCourse.set(courseId, [[personId, on]]);
      }
    }
    const oldest = new Map<string, string>();
    const oldestCountedOf = (course: SnapshotTrainingCourse) => {
      let date = oldest.get(course.id);
      if (date === undefined) {
        date = course.recurrenceMonths === null ? '' : subtractMonths(context.today, course.recurrenceMonths);
        oldest.set(course.id, date);
      }
      return date;
    };
    const subtrees = departmentSubtrees(snapshot);
    const employees = activeEmployeesByDepartment(snapshot);
    return evaluateEachSystem(snapshot, context, 'ITP-4.2-TRAIN-OTHERS', 'overview', (system) => {
      if (system.lifecycle !== 'in_production')
        return { status: 'not_applicable', reason: 'not_in_production', evidence: { lifecycle: system.lifecycle } };
      const others = system.usingDepartmentIds.filter((departmentId) => departmentId !== system.ownerDepartmentId);
      const approximation = { usersApproximated: true, otherDepartments: others.map((id) => context.departmentsById.get(id)?.name ?? id) };
      // The departments whose employees count as users: the other using departments and their sub-departments.
      const userDepartmentIds = new Set<string>();
      for (const other of others) for (const id of subtrees.get(other) ?? []) userDepartmentIds.add(id);
      userDepartmentIds.delete(system.ownerDepartmentId ?? '');
      const userDepartments = [...userDepartmentIds].filter((id) => employees.has(id));
      let asked = 0;
      for (const departmentId of userDepartments) asked += employees.get(departmentId)!.length;
      if (asked === 0) return { status: 'not_applicable', reason: 'no_other_users', evidence: approximation };
      const systemCourses = courses.get(system.id) ?? [];
      if (systemCourses.length === 0) return { status: 'fail', reason: 'no_system_course', evidence: { ...approximation, asked } };
      // Counted from the courses' attendees (fewer than the users), then the first untrained users named.
      const counted = new Set(userDepartments);
      const trainedUsers = new Set<string>();
      for (const course of systemCourses) {
        for (const [personId, on] of attendeesByCourse.get(course.id) ?? []) {
          const person = context.peopleById.get(personId);
          if (
            on >= oldestCountedOf(course) &&
            person?.employmentStatus === 'active' &&
            person.departmentId !== null &&
            counted.has(person.departmentId)
          )
            trainedUsers.add(personId);
        }
      }
      const met = trainedUsers.size;
      const notMet: string[] = [];
      for (const departmentId of userDepartments) {
        if (notMet.length >= evidenceNameLimit) break;
        for (const user of employees.get(departmentId)!) {
          if (notMet.length >= evidenceNameLimit) break;
          if (!trainedUsers.has(user.id)) notMet.push(user.name);
        }
      }
      const sharePercent = Math.floor((met / asked) * 1000) / 10;
      const evidence = {
        ...approximation,
        courses: systemCourses.map((course) => course.title),
        asked,
        met,
        notMetCount: asked - met,
        sharePercent,
        thresholdPercent,
        notMet,
      };
      return sharePercent >= thresholdPercent
        ? { status: 'pass', reason: 'others_trained', evidence }
        : { status: 'fail', reason: 'others_untrained', evidence };
    });
  },
};

/** The states of a project that is not over: the IT contact of every such project counts. */
const openProjectStates: ReadonlySet<string> = new Set(['draft', 'in_preparation', 'submitted', 'approved']);

/**
 * ITP-4.2.1-TRAIN-ADMINS, judged while a system is being introduced (lifecycle `introducing`, the
 * step before production): its current manager and deputies and the IT contact of its open
 * introduction projects have all attended its training.
 */
export const trainAdminsRule: ComplianceRule = {
  clauseId: 'ITP-4.2.1-TRAIN-ADMINS',
  subjectType: 'system',
  parameterKeys: [],
  reasonCodes: ['administrators_trained', 'administrators_untrained', 'no_system_course', 'no_one_named', 'not_introducing'],
  wholeMunicipality: true,
  evaluate(snapshot, _parameters, context) {
    if (snapshot.trainingCourses === undefined) return [];
    const courses = coursesBySystem(snapshot);
    const trained = createTrainedCheck(snapshot, context.today);
    const itContacts = new Map<string, string[]>();
    for (const project of snapshot.projects ?? []) {
      if (!openProjectStates.has(project.state) || !project.itContactPersonId) continue;
      itContacts.set(project.systemId, [...(itContacts.get(project.systemId) ?? []), project.itContactPersonId]);
    }
    return evaluateEachSystem(snapshot, context, 'ITP-4.2.1-TRAIN-ADMINS', 'people', (system) => {
      if (system.lifecycle !== 'introducing')
        return { status: 'not_applicable', reason: 'not_introducing', evidence: { lifecycle: system.lifecycle } };
      const named = [
        ...currentHolders(system, 'manager', context.today),
        ...currentHolders(system, 'deputy', context.today),
        ...(itContacts.get(system.id) ?? []),
      ];
      const personIds = [...new Set(named)];
      if (personIds.length === 0) return { status: 'not_applicable', reason: 'no_one_named', evidence: {} };
      const systemCourses = courses.get(system.id) ?? [];
      if (systemCourses.length === 0)
        return { status: 'fail', reason: 'no_system_course', evidence: { untrained: personIds.map((id) => describePerson(id, context)) } };
      const untrained = personIds.filter((id) => !trained(id, systemCourses)).map((id) => describePerson(id, context));
      const evidence = { courses: systemCourses.map((course) => course.title), named: personIds.length, untrained };
      return untrained.length === 0
        ? { status: 'pass', reason: 'administrators_trained', evidence }
        : { status: 'fail', reason: 'administrators_untrained', evidence };
    });
  },
};
