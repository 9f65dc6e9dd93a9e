/**
 * ITP-4.2.1-BUDGET: a project submitted for approval (or decided since) has a budget that states
 * every §4.2.1 category and every §6 shared-resource reinforcement, one-off and yearly: zero is
 * an answer, silence is not.
 */
import type { ComplianceRule, RuleResult } from '../rule.ts';
import { budgetCategoryKeys, sharedResourceKeys, type BudgetAmounts } from '../snapshot.ts';

function unstated(amounts: BudgetAmounts, keys: readonly string[], prefix: string): string[] {
  return keys.flatMap((key) =>
    (['oneOff', 'yearly'] as const).filter((part) => (amounts[key]?.[part] ?? null) === null).map((part) => `${prefix}.${key}.${part}`),
  );
}

export const budgetRule: ComplianceRule = {
  clauseId: 'ITP-4.2.1-BUDGET',
  subjectType: 'project',
  parameterKeys: [],
  reasonCodes: ['budget_complete', 'no_budget', 'budget_incomplete', 'not_submitted'],
  evaluate(snapshot, _parameters, context) {
    return (snapshot.projects ?? []).map((project): RuleResult => {
      const base = {
        clauseId: 'ITP-4.2.1-BUDGET',
        subjectType: 'project' as const,
        subjectId: project.id,
        subjectName: project.title,
        departmentId: context.departmentsById.has(project.departmentId) ? project.departmentId : null,
        fixPath: `/projects/${encodeURIComponent(project.id)}`,
      };
      // A project still being prepared is allowed gaps; its submit gate refuses them.
      if (project.state === 'draft' || project.state === 'in_preparation')
        return { ...base, status: 'not_applicable', reason: 'not_submitted', evidence: { state: project.state } };
      if (project.budget === null) return { ...base, status: 'fail', reason: 'no_budget', evidence: { state: project.state } };
      const missing = [
        ...unstated(project.budget.categories, budgetCategoryKeys, 'categories'),
        ...unstated(project.budget.sharedReinforcements, sharedResourceKeys, 'sharedReinforcements'),
      ];
      const evidence = { state: project.state, missing };
      return missing.length > 0
        ? { ...base, status: 'fail', reason: 'budget_incomplete', evidence }
        : { ...base, status: 'pass', reason: 'budget_complete', evidence };
    });
  },
};
