/**
 * Synthetic records of processing and functional mailboxes for the engine's tests and
 * `measure-evaluation` (issue #16): most systems process personal data, most of those have a
 * sound record, and each kind of defect the rules name occurs; mailboxes per department, a few
 * without a deputy or with a responsible who has left; most employees have a personal mailbox,
 * except in the last department with staff (nobody asked: ITP-8-OFFICIAL-DOC's not-applicable case).
 * Drawn from a random stream of its own so the other records of every seed stay as they were.
 */
import type { Random } from '../demo/random.ts';
import { addMonths } from './dates.ts';
import type {
  ComplianceSnapshot,
  SnapshotDepartment,
  SnapshotMailbox,
  SnapshotPerson,
  SnapshotProcessingActivity,
  SnapshotSystem,
} from './snapshot.ts';

const defects: ((activity: SnapshotProcessingActivity, today: string) => void)[] = [
  (activity) => {
    activity.legalBasis = null;
  },
  (activity) => {
    activity.retention = null;
  },
  (activity) => {
    activity.reviewState = 'pending';
  },
  (activity, today) => {
    activity.lastReviewedOn = addMonths(today, -14);
  },
  (activity) => {
    activity.processors = [{ name: 'Biträde AB', agreementSignedOn: null, agreementExpiresOn: null }];
  },
  (activity, today) => {
    activity.processors = [{ name: 'Biträde AB', agreementSignedOn: addMonths(today, -40), agreementExpiresOn: addMonths(today, -1) }];
  },
  (activity) => {
    activity.dpiaDoneOn = null;
  },
];

export function generatePrivacyRecords(
  random: Random,
  departments: readonly SnapshotDepartment[],
  people: SnapshotPerson[],
  systems: SnapshotSystem[],
  today: string,
): Pick<ComplianceSnapshot, 'processingActivities' | 'mailboxes'> {
  // The last department has no employees at all (evaluate.bench-data.ts), so the one before it has no mailboxes.
  const withoutMailboxes = departments[departments.length - 2]?.id;
  for (const person of people) person.hasPersonalMailbox = person.departmentId !== withoutMailboxes && random.chance(0.9);
  const processingActivities: SnapshotProcessingActivity[] = [];
  for (const [index, system] of systems.entries()) {
    system.processesPersonalData = random.chance(0.7);
    if (!system.processesPersonalData || random.chance(0.05)) continue;
    const special = random.chance(0.2);
    const activity: SnapshotProcessingActivity = {
      id: `${system.id}-processing`,
      name: `Behandling ${index + 1}`,
      systemIds: [system.id],
      legalBasis: 'public_interest',
      hasSpecialCategories: special,
      specialCategoryBasis: special ? 'health_or_social_care' : null,
      retention: '5 år',
      reviewState: 'approved',
      lastReviewedOn: addMonths(today, -random.integer(0, 10)),
      processors: [{ name: 'Leverantör AB', agreementSignedOn: addMonths(today, -12), agreementExpiresOn: addMonths(today, 24) }],
      dpiaNeeded: special,
      dpiaDoneOn: special ? addMonths(today, -6) : null,
    };
    // One system in five has one defect, cycling through them so each kind occurs.
    if (index % 5 === 0) {
      const defect = defects[(index / 5) % defects.length]!;
      defect(activity, today);
      // The impact-assessment defect needs special categories to be a defect.
      if (defect === defects[defects.length - 1]) activity.hasSpecialCategories = activity.dpiaNeeded = true;
      if (activity.hasSpecialCategories) activity.specialCategoryBasis = 'health_or_social_care';
    }
    processingActivities.push(activity);
  }
  const mailboxes: SnapshotMailbox[] = [];
  const byDepartment = new Map<string, SnapshotPerson[]>();
  for (const person of people)
    if (person.departmentId) byDepartment.set(person.departmentId, [...(byDepartment.get(person.departmentId) ?? []), person]);
  for (const [index, department] of departments.entries()) {
    const staff = byDepartment.get(department.id) ?? [];
    if (staff.length < 2 || index % 4 === 3) continue;
    const watcher = (person: SnapshotPerson) => ({
      personId: person.id,
      name: person.name,
      employed: person.employmentStatus === 'active',
    });
    for (let count = 0; count < 2; count += 1) {
      const responsible = random.pick(staff);
      const deputy = staff.find((person) => person.id !== responsible.id && person.employmentStatus === 'active') ?? responsible;
      const variant = (index + count) % 7;
      mailboxes.push({
        id: `${department.id}-mailbox-${count}`,
        address: `funktion-${index}-${count}@kommun.se`,
        departmentId: department.id,
        responsible: variant === 1 ? { ...watcher(responsible), employed: false } : watcher(responsible),
        deputies: variant === 2 ? [] : [watcher(deputy)],
      });
    }
  }
  return { processingActivities, mailboxes };
}
