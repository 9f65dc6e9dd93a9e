import { describe, expect, it } from 'vitest';
import type { ComplianceSnapshot, SnapshotProject, SnapshotTrainingCourse } from '../snapshot.ts';
import { assignment, buildPerson, buildSnapshot, buildSystem, departments, people, runRule } from '../test-support.ts';
import { trainAdminsRule, trainOthersRule } from './system-training.ts';

// Today is 2026-11-28. Procapita is owned by Socialförvaltningen; the IT unit's ten employees use it too.
const itStaff = Array.from({ length: 10 }, (_, index) => buildPerson(`it${index}`, { name: `IT ${index}`, departmentId: 'department-it' }));
const systemCourse: SnapshotTrainingCourse = {
  id: 'procapita-course',
  title: 'Procapita för användare',
  topic: 'system',
  systemId: 'system-1',
  recurrenceMonths: null,
  mandatory: false,
  audienceDepartmentIds: [],
};
const attended = (personIds: string[]) =>
  personIds.map((personId) => ({ personId, courseId: 'procapita-course', lastAttendedOn: '2026-02-02' }));

function shared(trainedCount: number, overrides: Partial<ComplianceSnapshot> = {}) {
  const system = buildSystem({ kind: 'shared', usingDepartmentIds: ['department-social', 'department-it'] });
  return buildSnapshot([system], {
    people: [...people, ...itStaff],
    trainingCourses: [systemCourse],
    trainingAttendances: attended(itStaff.slice(0, trainedCount).map((person) => person.id)),
    ...overrides,
  });
}

describe('ITP-4.2-TRAIN-OTHERS', () => {
  it('passes when 9 of the 10 users in the other department attended the system course; users are approximated', () => {
    expect(runRule(trainOthersRule, shared(9))[0]).toMatchObject({
      clauseId: 'ITP-4.2-TRAIN-OTHERS',
      subjectType: 'system',
      departmentId: 'department-social',
      status: 'pass',
      reason: 'others_trained',
      evidence: { usersApproximated: true, otherDepartments: ['IT-enheten'], asked: 10, met: 9, notMet: ['IT 9'] },
    });
  });

  it("fails when fewer did, or when the system has no course; the owner's own staff are not counted", () => {
    expect(runRule(trainOthersRule, shared(5))[0]).toMatchObject({
      status: 'fail',
      reason: 'others_untrained',
      evidence: { sharePercent: 50 },
    });
    expect(runRule(trainOthersRule, shared(10, { trainingCourses: [] }))[0]).toMatchObject({ status: 'fail', reason: 'no_system_course' });
  });

  it('does not judge a system only its owner uses, or one not in production', () => {
    const own = buildSnapshot([buildSystem()], {
      people: [...people, ...itStaff],
      trainingCourses: [systemCourse],
      trainingAttendances: [],
    });
    expect(runRule(trainOthersRule, own)[0]).toMatchObject({ status: 'not_applicable', reason: 'no_other_users' });
    const planned = shared(0, { systems: [buildSystem({ lifecycle: 'planned', usingDepartmentIds: ['department-it'] })] });
    expect(runRule(trainOthersRule, planned)[0]).toMatchObject({ status: 'not_applicable', reason: 'not_in_production' });
  });

  it('runs in full evaluations only', () => {
    expect(trainOthersRule.wholeMunicipality).toBe(true);
    expect(departments).toHaveLength(2);
  });
});

describe('ITP-4.2.1-TRAIN-ADMINS', () => {
  const project: SnapshotProject = {
    id: 'project-1',
    title: 'Införande av Procapita',
    state: 'approved',
    systemId: 'system-1',
    departmentId: 'department-social',
    itContactPersonId: 'it0',
    budget: null,
  };
  const introducing = (trained: string[], overrides: Partial<ComplianceSnapshot> = {}) =>
    buildSnapshot([buildSystem({ lifecycle: 'introducing' })], {
      people: [...people, ...itStaff],
      projects: [project],
      trainingCourses: [systemCourse],
      trainingAttendances: attended(trained),
      ...overrides,
    });

  it("passes when the manager, the deputy and the project's IT contact attended the system's training", () => {
    expect(runRule(trainAdminsRule, introducing(['anna', 'bertil', 'it0']))[0]).toMatchObject({
      status: 'pass',
      reason: 'administrators_trained',
      evidence: { named: 3, untrained: [] },
      fixPath: '/systems/system-1#people',
    });
  });

  it('fails naming whoever has not, and fails a system without a course', () => {
    expect(runRule(trainAdminsRule, introducing(['anna', 'bertil']))[0]).toMatchObject({
      status: 'fail',
      reason: 'administrators_untrained',
      evidence: { untrained: [{ personId: 'it0', name: 'IT 0', employmentStatus: 'active' }] },
    });
    expect(runRule(trainAdminsRule, introducing([], { trainingCourses: [] }))[0]).toMatchObject({
      status: 'fail',
      reason: 'no_system_course',
    });
  });

  it('judges only a system being introduced, with someone named', () => {
    expect(runRule(trainAdminsRule, introducing([], { systems: [buildSystem()] }))[0]).toMatchObject({
      status: 'not_applicable',
      reason: 'not_introducing',
    });
    const nobody = introducing([], { systems: [buildSystem({ lifecycle: 'introducing', assignments: [] })], projects: [] });
    expect(runRule(trainAdminsRule, nobody)[0]).toMatchObject({ status: 'not_applicable', reason: 'no_one_named' });
    // A closed project's IT contact is no longer asked.
    const closed = introducing(['anna', 'bertil'], { projects: [{ ...project, state: 'closed' }] });
    expect(runRule(trainAdminsRule, closed)[0]).toMatchObject({ status: 'pass' });
    expect(assignment('anna', 'manager').role).toBe('manager');
  });
});
