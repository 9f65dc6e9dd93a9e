/**
 * Builders for rule tests: a valid, fully compliant system by default, so each test states only
 * the one thing it breaks.
 */
import type { PolicyPackFile } from '@forvalta/contracts';
import type { PolicyParameters } from './policy-pack.ts';
import { createRuleContext, type ComplianceRule, type RuleResult } from './rule.ts';
import { dutyKeys, type ComplianceSnapshot, type SnapshotAssignment, type SnapshotPerson, type SnapshotSystem } from './snapshot.ts';
import { tanumPolicyPack } from './tanum-pack.ts';

export const today = '2026-11-28';
export const evaluatedAt = `${today}T09:00:00.000Z`;
export const recently = '2026-10-01T08:00:00.000Z';

export const departments = [
  { id: 'department-social', name: 'Socialförvaltningen', parentId: null, isItUnit: false },
  { id: 'department-it', name: 'IT-enheten', parentId: null, isItUnit: true },
];

export function buildPerson(id: string, overrides: Partial<SnapshotPerson> = {}): SnapshotPerson {
  return { id, name: `Person ${id}`, departmentId: 'department-social', employmentStatus: 'active', ...overrides };
}

export const people: SnapshotPerson[] = [
  buildPerson('anna'),
  buildPerson('bertil'),
  buildPerson('cecilia'),
  buildPerson('david', { employmentStatus: 'left' }),
  buildPerson('eva', { employmentStatus: 'left' }),
];

export function assignment(
  personId: string,
  role: SnapshotAssignment['role'],
  overrides: Partial<SnapshotAssignment> = {},
): SnapshotAssignment {
  return { personId, role, startDate: '2024-01-01', endDate: null, ...overrides };
}

export function buildSystem(overrides: Partial<SnapshotSystem> = {}): SnapshotSystem {
  return {
    id: 'system-1',
    name: 'Procapita',
    kind: 'department',
    scope: 'administrative',
    lifecycle: 'in_production',
    ownerDepartmentId: 'department-social',
    usingDepartmentIds: ['department-social'],
    yearlyCosts: { licence: 120_000, operation: 40_000, support: 0, other: 0 },
    lastConfirmedAt: recently,
    assignments: [assignment('anna', 'manager'), assignment('bertil', 'deputy')],
    duties: dutyKeys.map((duty) => ({ duty, status: 'done' as const, confirmedAt: recently })),
    ...overrides,
  };
}

export function buildSnapshot(systems: SnapshotSystem[], overrides: Partial<ComplianceSnapshot> = {}): ComplianceSnapshot {
  return { municipalityId: 'tanum', evaluatedAt, departments, people, systems, ...overrides };
}

export function runRule(
  rule: ComplianceRule,
  snapshot: ComplianceSnapshot,
  parameters: PolicyParameters = tanumPolicyPack.parameters,
): RuleResult[] {
  return rule.evaluate(snapshot, parameters, createRuleContext(snapshot));
}

/**
 * Runs one system through a rule and remembers the reasons seen, so the test file can end by
 * proving it exercised every reason code the rule declares.
 */
export function createRuleHarness(rule: ComplianceRule) {
  const seenReasons = new Set<string>();
  return {
    check(system: SnapshotSystem, snapshotOverrides: Partial<ComplianceSnapshot> = {}, parameters?: PolicyParameters): RuleResult {
      const results = runRule(rule, buildSnapshot([system], snapshotOverrides), parameters);
      if (results.length !== 1) throw new Error(`Expected one result, got ${results.length}`);
      seenReasons.add(results[0]!.reason);
      return results[0]!;
    },
    unseenReasons: () => rule.reasonCodes.filter((reason) => !seenReasons.has(reason)),
  };
}

/**
 * Falkenäs's own short policy as a pack file (issue #21): two clauses bound to rules, one rule
 * clause no rule checks, one that informs. The pack-format and the authoring tests share it.
 */
export function ownPolicyFile({
  version = '2027.1',
  reviewIntervalMonths = 12,
}: {
  version?: string;
  reviewIntervalMonths?: number;
} = {}): PolicyPackFile {
  return {
    formatVersion: 1,
    key: 'falkenas-it-policy',
    version,
    document: {
      title: 'IT-policy för Falkenäs kommun',
      adoptedBy: 'Kommunfullmäktige',
      decisionDate: '2026-06-11',
      decisionReference: 'KF 2026/112',
    },
    parameters: {},
    clauses: [
      {
        id: 'FALK-3.1-ERSATTARE',
        section: '3.1',
        kind: 'rule',
        title: { sv: 'Ersättare för systemförvaltare', en: 'Deputy of the system manager' },
        text: { sv: 'Varje systemförvaltare ska ha en ersättare.', en: 'Every system manager shall have a deputy.' },
        binding: { rule: 'ITP-4.2-DEPUTY', parameters: {} },
      },
      {
        id: 'FALK-3.2-GRANSKNING',
        section: '3.2',
        kind: 'rule',
        title: { sv: 'Årlig granskning', en: 'Yearly review' },
        text: {
          sv: 'Systemägaren ansvarar för att systemet granskas årligen.',
          en: 'The system owner is responsible for a yearly review.',
        },
        binding: { rule: 'ITP-4.2-REVIEW', parameters: { reviewIntervalMonths } },
      },
      {
        id: 'FALK-4-LOGG',
        section: '4',
        kind: 'rule',
        title: { sv: 'Loggning', en: 'Logging' },
        text: { sv: 'Åtkomst till känsliga uppgifter skall loggas.', en: 'Access to sensitive data shall be logged.' },
        binding: null,
      },
      {
        id: 'FALK-1-SYFTE',
        section: '1',
        kind: 'information',
        title: { sv: 'Syfte', en: 'Purpose' },
        text: { sv: 'Policyn beskriver hur Falkenäs kommun använder IT.', en: 'The policy describes how Falkenäs uses IT.' },
        binding: null,
      },
    ],
  };
}
