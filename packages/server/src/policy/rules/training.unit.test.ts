import { describe, expect, it } from 'vitest';
import type { ComplianceSnapshot, SnapshotTrainingCourse } from '../snapshot.ts';
import { buildPerson, buildSnapshot, departments, runRule } from '../test-support.ts';
import { adequateTrainingRule, dataProtectionTrainingRule, securityTrainingRule } from './training.ts';

// Today is 2026-11-28. Socialförvaltningen has ten active employees (one who has left does not
// count); the IT unit has none. The threshold is 90 %.
const staff = [
  ...Array.from({ length: 10 }, (_, index) => buildPerson(`p${index}`, { name: `Person ${index}` })),
  buildPerson('gone', { employmentStatus: 'left' }),
];

function course(id: string, overrides: Partial<SnapshotTrainingCourse> = {}): SnapshotTrainingCourse {
  return {
    id,
    title: id,
    topic: 'it_security_and_networks',
    systemId: null,
    recurrenceMonths: null,
    mandatory: false,
    audienceDepartmentIds: [],
    ...overrides,
  };
}

function snapshotWith(trainedCount: number, lastAttendedOn: string, courses: SnapshotTrainingCourse[]): ComplianceSnapshot {
  return buildSnapshot([], {
    people: staff,
    trainingCourses: courses,
    trainingAttendances: staff
      .slice(0, trainedCount)
      .flatMap((person) => courses.map((entry) => ({ personId: person.id, courseId: entry.id, lastAttendedOn }))),
  });
}

const social = (snapshot: ComplianceSnapshot, rule = securityTrainingRule) =>
  runRule(rule, snapshot).find((result) => result.subjectId === 'department-social')!;

describe('ITP-5-SECURITY-NET', () => {
  const courses = [course('security')];

  it('passes a department where 9 of 10 attended IT security within 36 months', () => {
    expect(social(snapshotWith(9, '2024-01-15', courses))).toMatchObject({
      clauseId: 'ITP-5-SECURITY-NET',
      subjectType: 'department',
      departmentId: 'department-social',
      status: 'pass',
      reason: 'share_met',
      evidence: {
        asked: 10,
        met: 9,
        sharePercent: 90,
        thresholdPercent: 90,
        notMet: ['Person 9'],
        intervalMonths: 36,
        trainedSince: '2023-11-28',
      },
    });
  });

  it('fails when 8 of 10 did, and counts a course older than the interval as none', () => {
    expect(social(snapshotWith(8, '2025-01-15', courses))).toMatchObject({
      status: 'fail',
      reason: 'share_below',
      evidence: { sharePercent: 80 },
    });
    expect(social(snapshotWith(10, '2023-11-27', courses))).toMatchObject({ status: 'fail', evidence: { met: 0 } });
  });

  it('does not count another topic, and judges no department without employees', () => {
    const other = [course('privacy', { topic: 'data_protection_and_public_access' })];
    expect(social(snapshotWith(10, '2026-01-01', other))).toMatchObject({ status: 'fail', evidence: { met: 0 } });
    const itUnit = runRule(securityTrainingRule, snapshotWith(10, '2026-01-01', courses)).find(
      (result) => result.subjectId === 'department-it',
    );
    expect(itUnit).toMatchObject({ status: 'not_applicable', reason: 'no_employees' });
  });

  it('says nothing without the training loaded', () => {
    expect(runRule(securityTrainingRule, buildSnapshot([]))).toEqual([]);
  });
});

describe('ITP-8-INFO', () => {
  const courses = [course('privacy', { topic: 'data_protection_and_public_access' })];
  it('passes with data protection training for all, fails with it for half', () => {
    expect(social(snapshotWith(10, '2025-05-05', courses), dataProtectionTrainingRule)).toMatchObject({
      status: 'pass',
      evidence: { topic: 'data_protection_and_public_access' },
    });
    expect(social(snapshotWith(5, '2025-05-05', courses), dataProtectionTrainingRule)).toMatchObject({
      status: 'fail',
      reason: 'share_below',
    });
  });
});

describe('ITP-5-ADEQUATE', () => {
  const mandatory = [
    course('security', { mandatory: true, recurrenceMonths: 24 }),
    course('journal', { topic: 'system', systemId: 'system-1', mandatory: true, audienceDepartmentIds: ['department-social'] }),
  ];

  it('passes when 9 of 10 attended every mandatory course for their department within its recurrence', () => {
    expect(social(snapshotWith(9, '2025-06-01', mandatory), adequateTrainingRule)).toMatchObject({
      status: 'pass',
      evidence: { courses: ['security', 'journal'], met: 9 },
    });
  });

  it('fails when the recurring course is older than its 24 months', () => {
    expect(social(snapshotWith(10, '2024-11-27', mandatory), adequateTrainingRule)).toMatchObject({
      status: 'fail',
      reason: 'share_below',
      evidence: { met: 0 },
    });
  });

  it('does not judge a department no mandatory course is for', () => {
    const elsewhere = [course('x', { mandatory: true, audienceDepartmentIds: ['department-it'] })];
    const withItStaff = buildSnapshot([], {
      people: [...staff, buildPerson('it-1', { departmentId: 'department-it' })],
      trainingCourses: elsewhere,
      trainingAttendances: [],
    });
    expect(social(withItStaff, adequateTrainingRule)).toMatchObject({ status: 'not_applicable', reason: 'no_required_training' });
    expect(runRule(adequateTrainingRule, withItStaff).find((result) => result.subjectId === 'department-it')).toMatchObject({
      status: 'fail',
    });
  });

  it('reaches sub-departments through the audience of their parent', () => {
    const school = { id: 'department-school', name: 'Skolan', parentId: 'department-social', isItUnit: false };
    const snapshot = buildSnapshot([], {
      departments: [...departments, school],
      people: [buildPerson('pupil-teacher', { departmentId: 'department-school' })],
      trainingCourses: [course('journal', { mandatory: true, audienceDepartmentIds: ['department-social'] })],
      trainingAttendances: [],
    });
    expect(runRule(adequateTrainingRule, snapshot).find((result) => result.subjectId === 'department-school')).toMatchObject({
      status: 'fail',
    });
  });
});
