/**
 * Synthetic documents and training for the engine's tests and `measure-evaluation` (issue #13):
 * the Tanum documents (the IT policy and the infrastructure programme overdue, the operations
 * instruction never adopted, no internet-use rule), an IT-security course for everyone, mandatory
 * courses for two departments, and system courses, attended unevenly per department.
 */
import type { Random } from '../demo/random.ts';
import type {
  ComplianceSnapshot,
  SnapshotAcknowledgement,
  SnapshotDepartment,
  SnapshotDocument,
  SnapshotPerson,
  SnapshotSystem,
  SnapshotTrainingAttendance,
  SnapshotTrainingCourse,
} from './snapshot.ts';
import { addMonths } from './dates.ts';

function document(
  id: string,
  kind: SnapshotDocument['kind'],
  title: string,
  adoptedOn: string | null,
  intervalMonths: number,
  options: Partial<Pick<SnapshotDocument, 'requiresAcknowledgement' | 'audienceDepartmentIds'>> & { editorial?: boolean } = {},
): SnapshotDocument {
  return {
    id,
    kind,
    title,
    requiresAcknowledgement: options.requiresAcknowledgement ?? true,
    audienceDepartmentIds: options.audienceDepartmentIds ?? [],
    reviewIntervalMonths: intervalMonths,
    nextReviewDate: adoptedOn === null ? null : addMonths(adoptedOn, intervalMonths),
    currentVersion:
      adoptedOn === null
        ? null
        : { id: `${id}-v1`, number: 1, adoptedBy: 'Kommunstyrelsen', adoptedOn, editorial: options.editorial ?? false },
  };
}

export function generatePeopleRecords(
  random: Random,
  municipalityId: string,
  departments: readonly SnapshotDepartment[],
  people: readonly SnapshotPerson[],
  systems: readonly SnapshotSystem[],
  today: string,
): Required<Pick<ComplianceSnapshot, 'documents' | 'acknowledgements' | 'trainingCourses' | 'trainingAttendances'>> {
  const prefix = `${municipalityId}-`;
  // The IT policy of 2002 predates Förvalta: nobody was asked to acknowledge it. The guidelines were
  // adopted today for half the organisation (nobody is late yet), the e-mail rules re-issued as an
  // editorial version, the password rules four months ago for everyone.
  const documents = [
    document(`${prefix}it-policy`, 'it_policy', 'IT-policy', '2002-12-18', 36, { requiresAcknowledgement: false }),
    document(`${prefix}guidelines`, 'security_guidelines', 'Riktlinjer för IT-säkerhet', today, 36, {
      audienceDepartmentIds: departments.slice(0, 6).map((department) => department.id),
    }),
    document(`${prefix}infrastructure`, 'infrastructure_programme', 'IT-infrastrukturprogram', '2001-11-28', 60, {
      requiresAcknowledgement: false,
    }),
    document(`${prefix}operations`, 'operations_instruction', 'Driftinstruktion', null, 12),
    document(`${prefix}email`, 'email_rules', 'Regler för e-post', addMonths(today, -4), 24, { editorial: true }),
    document(`${prefix}passwords`, 'other', 'Lösenordsregler', addMonths(today, -4), 24),
  ];
  const security: SnapshotTrainingCourse = {
    id: `${prefix}course-security`,
    title: 'IT-säkerhet och nätverk',
    topic: 'it_security_and_networks',
    systemId: null,
    recurrenceMonths: 24,
    mandatory: false,
    audienceDepartmentIds: [],
  };
  const privacy: SnapshotTrainingCourse = {
    id: `${prefix}course-privacy`,
    title: 'Dataskydd och offentlighet',
    topic: 'data_protection_and_public_access',
    systemId: null,
    recurrenceMonths: null,
    mandatory: true,
    audienceDepartmentIds: [departments[4]!.id],
  };
  const care: SnapshotTrainingCourse = {
    ...security,
    id: `${prefix}course-care`,
    title: 'Säker journalföring',
    mandatory: true,
    audienceDepartmentIds: [departments[6]!.id],
  };
  const systemCourses: SnapshotTrainingCourse[] = systems
    .filter((_, index) => index % 3 !== 2)
    .map((system) => ({
      id: `${prefix}course-${system.id}`,
      title: `${system.name} för användare`,
      topic: 'system',
      systemId: system.id,
      recurrenceMonths: null,
      mandatory: false,
      audienceDepartmentIds: [],
    }));

  const attendances: SnapshotTrainingAttendance[] = [];
  const attend = (personId: string, courseId: string, monthsAgo: number) =>
    attendances.push({ personId, courseId, lastAttendedOn: addMonths(today, -monthsAgo) });
  // Uneven coverage: departments with an even index are well trained, the others are not.
  const departmentIndex = new Map(departments.map((department, index) => [department.id, index]));
  for (const person of people) {
    const wellTrained = (departmentIndex.get(person.departmentId ?? '') ?? 1) % 2 === 0;
    if (random.chance(wellTrained ? 0.97 : 0.6)) attend(person.id, security.id, random.integer(0, wellTrained ? 20 : 40));
    if (random.chance(wellTrained ? 0.98 : 0.5)) attend(person.id, privacy.id, random.integer(0, 30));
    if (random.chance(0.5)) attend(person.id, care.id, random.integer(0, 30));
  }
  // System courses: every system's manager and deputies often, one in six systems' users nearly all.
  for (const [index, course] of systemCourses.entries()) {
    const system = systems.find((candidate) => candidate.id === course.systemId)!;
    for (const assignment of system.assignments) if (random.chance(0.7)) attend(assignment.personId, course.id, random.integer(0, 12));
    const coverage = index % 6 === 0 ? 0.99 : 0.3;
    for (const person of people) {
      if (person.departmentId !== null && system.usingDepartmentIds.includes(person.departmentId) && random.chance(coverage))
        attend(person.id, course.id, random.integer(0, 30));
    }
  }
  // Acknowledgements of the documents that ask for them: uneven per department, some late, some open.
  const acknowledgements: SnapshotAcknowledgement[] = [];
  for (const entry of documents) {
    if (!entry.requiresAcknowledgement || entry.currentVersion === null) continue;
    const requestedOn = entry.currentVersion.adoptedOn!;
    for (const person of people) {
      if (person.employmentStatus !== 'active') continue;
      const wellInformed = (departmentIndex.get(person.departmentId ?? '') ?? 1) % 3 !== 1;
      const acknowledged = random.chance(wellInformed ? 0.97 : 0.7);
      const late = random.chance(wellInformed ? 0.02 : 0.3);
      acknowledgements.push({
        personId: person.id,
        versionId: entry.currentVersion.id,
        state: acknowledged ? 'acknowledged' : 'requested',
        requestedOn,
        acknowledgedOn: acknowledged ? addMonths(requestedOn, late ? 2 : 0) : null,
      });
    }
  }
  return { documents, acknowledgements, trainingCourses: [security, privacy, care, ...systemCourses], trainingAttendances: attendances };
}
