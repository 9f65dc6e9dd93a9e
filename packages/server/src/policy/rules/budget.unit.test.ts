import { describe, expect, it } from 'vitest';
import { budgetCategoryKeys, sharedResourceKeys, type SnapshotProject } from '../snapshot.ts';
import { buildSnapshot, runRule } from '../test-support.ts';
import { budgetRule } from './budget.ts';

const amounts = (keys: readonly string[]) => Object.fromEntries(keys.map((key) => [key, { oneOff: 0, yearly: 1000 }]));
const project = (overrides: Partial<SnapshotProject> = {}): SnapshotProject => ({
  id: 'project-1',
  title: 'Införande av Lifecare',
  state: 'submitted',
  systemId: 'system-1',
  departmentId: 'department-social',
  budget: { categories: amounts(budgetCategoryKeys), sharedReinforcements: amounts(sharedResourceKeys) },
  ...overrides,
});
const seen = new Set<string>();
const check = (subject: SnapshotProject) => {
  const [result] = runRule(budgetRule, buildSnapshot([], { projects: [subject] }));
  seen.add(result!.reason);
  return result!;
};

describe('ITP-4.2.1-BUDGET', () => {
  it('passes a submitted project whose every amount is stated (zeros included)', () => {
    expect(check(project())).toMatchObject({
      status: 'pass',
      reason: 'budget_complete',
      subjectType: 'project',
      departmentId: 'department-social',
      fixPath: '/projects/project-1',
    });
    expect(check(project({ state: 'closed' })).status).toBe('pass');
  });

  it('fails a project without a budget', () => {
    expect(check(project({ state: 'approved', budget: null }))).toMatchObject({ status: 'fail', reason: 'no_budget' });
  });

  it('fails and names every unstated amount, shared reinforcements included', () => {
    const budget = {
      categories: { ...amounts(budgetCategoryKeys), network: { oneOff: null, yearly: 0 } },
      sharedReinforcements: { ...amounts(sharedResourceKeys), workstations: undefined },
    };
    expect(check(project({ budget }))).toMatchObject({
      status: 'fail',
      reason: 'budget_incomplete',
      evidence: {
        missing: ['categories.network.oneOff', 'sharedReinforcements.workstations.oneOff', 'sharedReinforcements.workstations.yearly'],
      },
    });
  });

  it('is not applicable while the project is prepared, and has nothing to judge without projects', () => {
    expect(check(project({ state: 'in_preparation', budget: null }))).toMatchObject({ status: 'not_applicable', reason: 'not_submitted' });
    expect(runRule(budgetRule, buildSnapshot([]))).toEqual([]);
  });

  it('exercised every reason code', () => {
    expect(budgetRule.reasonCodes.filter((reason) => !seen.has(reason))).toEqual([]);
  });
});
