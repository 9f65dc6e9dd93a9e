/**
 * Deterministic synthetic register data for measuring (and property-testing) the evaluation:
 * the same seed gives the same snapshot. The mix of gaps is what a municipality's register looks
 * like before the first clean-up: some systems without deputies, stale confirmations, missing costs.
 */
import { createRandom, type Random } from '../demo/random.ts';
import { firstNames, lastNames } from '../demo/swedish-names.ts';
import { addMonths } from './dates.ts';
import { generatePeopleRecords } from './evaluate.people-data.ts';
import { generateAccessRecords } from './evaluate.access-data.ts';
import { generatePrivacyRecords } from './evaluate.privacy-data.ts';
import { generateSoftwareRecords } from './evaluate.software-data.ts';
import { generateAssetRecords } from './evaluate.asset-data.ts';
import {
  budgetCategoryKeys,
  costCategories,
  dutyKeys,
  sharedResourceKeys,
  type BudgetAmounts,
  type ComplianceSnapshot,
  type SnapshotChangeNotice,
  type SnapshotProject,
  type SnapshotReview,
  type SnapshotRiskAnalysis,
  type Lifecycle,
  type SnapshotAssignment,
  type SnapshotDepartment,
  type SnapshotDuty,
  type SnapshotPerson,
  type SnapshotSystem,
  type SystemScope,
} from './snapshot.ts';

export interface SyntheticSnapshotOptions {
  seed: number;
  systemCount: number;
  peopleCount: number;
  municipalityId?: string;
  /** Defaults to 2026-11-28T09:00:00.000Z. */
  evaluatedAt?: string;
}

const departmentNames: Array<[name: string, parentIndex: number | null, isItUnit: boolean]> = [
  ['Kommunledningsförvaltningen', null, false],
  ['Ekonomikontoret', 0, false],
  ['IT-enheten', 1, true],
  ['Kommunkansliet', 0, false],
  ['Barn- och utbildningsförvaltningen', null, false],
  ['Grundskolan', 4, false],
  ['Socialförvaltningen', null, false],
  ['Äldreomsorgen', 6, false],
  ['Individ- och familjeomsorgen', 6, false],
  ['Samhällsbyggnadsförvaltningen', null, false],
  ['Miljö och bygg', 9, false],
  ['Kultur och fritid', null, false],
  // A board with no employees of its own: no people rule judges it.
  ['Revisionen', null, false],
];

const systemWords = [
  'Procapita',
  'Ciceron',
  'Agresso',
  'Heroma',
  'Visma',
  'Lex',
  'Ecos',
  'Tieto',
  'Combine',
  'Public 360',
  'Evolution',
  'Växel',
];

/** A date `daysAgo` days before `today` (YYYY-MM-DD), as an ISO timestamp at 10:00 UTC. */
function timestampDaysBefore(today: string, daysAgo: number): string {
  const time = Date.parse(`${today}T10:00:00.000Z`) - daysAgo * 86_400_000;
  return new Date(time).toISOString();
}

function dateDaysBefore(today: string, daysAgo: number): string {
  return timestampDaysBefore(today, daysAgo).slice(0, 10);
}

function weighted<Value>(random: Random, choices: ReadonlyArray<[Value, number]>): Value {
  let roll = random.next() * choices.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [value, weight] of choices) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return choices[choices.length - 1]![0];
}

function generateAssignments(random: Random, people: SnapshotPerson[], today: string): SnapshotAssignment[] {
  const assignments: SnapshotAssignment[] = [];
  const since = dateDaysBefore(today, random.integer(30, 3000));
  const manager = random.pick(people);
  if (random.chance(0.93)) assignments.push({ personId: manager.id, role: 'manager', startDate: since, endDate: null });
  if (random.chance(0.02)) assignments.push({ personId: random.pick(people).id, role: 'manager', startDate: since, endDate: null });
  // History: a previous manager whose assignment has ended, and sometimes a successor not yet started.
  if (random.chance(0.3))
    assignments.push({ personId: random.pick(people).id, role: 'manager', startDate: dateDaysBefore(today, 4000), endDate: since });
  if (random.chance(0.03))
    assignments.push({ personId: random.pick(people).id, role: 'deputy', startDate: addMonths(today, 1), endDate: null });
  const deputyCount = weighted(random, [
    [0, 12],
    [1, 60],
    [2, 28],
  ]);
  for (let index = 0; index < deputyCount; index += 1) {
    const deputy = random.chance(0.03) ? manager : random.pick(people);
    assignments.push({ personId: deputy.id, role: 'deputy', startDate: since, endDate: null });
  }
  return assignments;
}

function generateDuties(random: Random, today: string): SnapshotDuty[] {
  // Registers are uneven rather than uniformly patchy: most managers keep the whole checklist
  // current, the rest have gaps here and there, and some never started it.
  if (random.chance(0.6))
    return dutyKeys.map((duty) => ({ duty, status: 'done', confirmedAt: timestampDaysBefore(today, random.integer(0, 330)) }));
  if (random.chance(0.25)) return [];
  const duties: SnapshotDuty[] = [];
  for (const duty of dutyKeys) {
    if (random.chance(0.03)) continue;
    const status = weighted<SnapshotDuty['status']>(random, [
      ['done', 85],
      ['not_applicable', 4],
      ['in_progress', 7],
      ['not_started', 4],
    ]);
    const confirmedAt = random.chance(0.05) ? null : timestampDaysBefore(today, random.integer(0, 420));
    duties.push({ duty, status, confirmedAt });
  }
  return duties;
}

export function generateSyntheticSnapshot(options: SyntheticSnapshotOptions): ComplianceSnapshot {
  const random = createRandom(options.seed);
  const municipalityId = options.municipalityId ?? `municipality-${options.seed}`;
  const evaluatedAt = options.evaluatedAt ?? '2026-11-28T09:00:00.000Z';
  const today = evaluatedAt.slice(0, 10);

  const departments: SnapshotDepartment[] = departmentNames.map(([name, parentIndex, isItUnit], index) => ({
    id: `${municipalityId}-department-${index}`,
    name,
    parentId: parentIndex === null ? null : `${municipalityId}-department-${parentIndex}`,
    isItUnit,
  }));

  const people: SnapshotPerson[] = [];
  for (let index = 0; index < options.peopleCount; index += 1) {
    people.push({
      id: `${municipalityId}-person-${index}`,
      name: `${random.pick(firstNames)} ${random.pick(lastNames)}`,
      departmentId: random.chance(0.98) ? random.pick(departments.slice(0, -1)).id : null,
      employmentStatus: random.chance(0.06) ? 'left' : 'active',
    });
  }

  const systems: SnapshotSystem[] = [];
  for (let index = 0; index < options.systemCount; index += 1) {
    const scope = weighted<SystemScope>(random, [
      ['administrative', 88],
      ['teaching', 8],
      ['public', 4],
    ]);
    const lifecycle = weighted<Lifecycle>(random, [
      ['planned', 4],
      ['introducing', 5],
      ['in_production', 80],
      ['retiring', 5],
      ['retired', 6],
    ]);
    const ownerDepartmentId = weighted<string | null>(random, [
      [random.pick(departments).id, 96],
      [null, 2],
      [`${municipalityId}-department-gone`, 2],
    ]);
    const yearlyCosts = Object.fromEntries(
      costCategories.map((category) => [category, random.chance(0.07) ? null : random.chance(0.2) ? 0 : random.integer(1, 400) * 1000]),
    ) as SnapshotSystem['yearlyCosts'];
    systems.push({
      id: `${municipalityId}-system-${index}`,
      name: `${random.pick(systemWords)} ${index + 1}`,
      kind: random.chance(0.3) ? 'shared' : 'department',
      scope,
      lifecycle,
      ownerDepartmentId,
      usingDepartmentIds: [random.pick(departments).id, random.pick(departments).id],
      yearlyCosts,
      lastConfirmedAt: random.chance(0.08) ? null : timestampDaysBefore(today, random.integer(0, 480)),
      assignments: people.length === 0 ? [] : generateAssignments(random, people, today),
      duties: generateDuties(random, today),
    });
  }

  return {
    municipalityId,
    evaluatedAt,
    departments,
    people,
    systems,
    ...generateLifecycleRecords(createRandom(options.seed + 1), systems, departments, today),
    ...generatePeopleRecords(createRandom(options.seed + 2), municipalityId, departments, people, systems, today),
    ...generateAccessRecords(createRandom(options.seed + 3), systems, people, today),
    ...generatePrivacyRecords(createRandom(options.seed + 4), departments, people, systems, today),
    ...generateSoftwareRecords(systems, today),
    ...generateAssetRecords(departments),
  };
}

/**
 * Reviews, risk analyses, change notices and projects (§3, §4.2, §4.2.1, §4.2.2), drawn from a
 * random stream of their own so that adding them left the register part of every seed unchanged.
 */
function generateLifecycleRecords(random: Random, systems: SnapshotSystem[], departments: SnapshotDepartment[], today: string) {
  const reviews: SnapshotReview[] = [];
  const riskAnalyses: SnapshotRiskAnalysis[] = [];
  const changeNotices: SnapshotChangeNotice[] = [];
  const projects: SnapshotProject[] = [];
  const stated = (): BudgetAmounts[string] => ({
    oneOff: random.chance(0.04) ? null : random.integer(0, 50) * 1000,
    yearly: random.chance(0.04) ? null : random.integer(0, 20) * 1000,
  });
  for (const [index, system] of systems.entries()) {
    if (random.chance(0.75)) {
      const adjacentSystemCount = random.integer(0, 3);
      reviews.push({
        id: `${system.id}-review`,
        systemId: system.id,
        status: random.chance(0.9) ? 'held' : 'planned',
        heldOn: dateDaysBefore(today, random.integer(10, 500)),
        evaluations: { use: random.chance(0.9), coordination: random.chance(0.85), efficiency: random.chance(0.85) },
        adjacentSystemCount,
        adjacentConsideredCount: random.chance(0.9) ? adjacentSystemCount : 0,
      });
    }
    if (random.chance(0.7))
      riskAnalyses.push({
        id: `${system.id}-risk`,
        systemId: system.id,
        analysedOn: dateDaysBefore(today, random.integer(5, 500)),
        superseded: false,
      });
    if (random.chance(0.15)) {
      changeNotices.push({
        id: `${system.id}-notice`,
        title: `Ändring ${index + 1}`,
        kind: random.chance(0.5) ? 'operation' : 'responsibility',
        systemIds: [system.id],
        status: random.chance(0.6) ? 'acknowledged' : 'open',
        createdOn: dateDaysBefore(today, random.integer(0, 40)),
        plannedOn: null,
      });
    }
    if (random.chance(0.08)) {
      const state = weighted<SnapshotProject['state']>(random, [
        ['draft', 1],
        ['in_preparation', 2],
        ['submitted', 2],
        ['approved', 3],
        ['closed', 2],
      ]);
      projects.push({
        id: `${system.id}-project`,
        title: `Införande ${index + 1}`,
        state,
        systemId: system.id,
        departmentId: system.ownerDepartmentId ?? departments[0]!.id,
        budget: random.chance(0.05)
          ? null
          : {
              categories: Object.fromEntries(budgetCategoryKeys.map((key) => [key, stated()])),
              sharedReinforcements: Object.fromEntries(sharedResourceKeys.map((key) => [key, stated()])),
            },
      });
    }
  }
  return { reviews, riskAnalyses, changeNotices, projects, holidays: [] as string[] };
}
