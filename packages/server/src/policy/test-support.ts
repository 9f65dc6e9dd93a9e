/**
 * Builders for rule tests: a valid, fully compliant system by default, so each test states only
 * the one thing it breaks.
 */
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
