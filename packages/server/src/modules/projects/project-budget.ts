/**
 * Budget arithmetic (ITP-4.2.1-BUDGET, ITP-6-SHARED-COST), pure. An amount not stated (null) is a
 * gap, never a zero: the totals count it as 0 but `missing` names it, and the budget is complete
 * only without gaps.
 */
import { budgetCategories, sharedResources, type BudgetAmount, type BudgetInput } from '@forvalta/contracts';

export interface BudgetTotals {
  oneOff: number;
  yearly: number;
}

export interface BudgetEvaluation {
  totals: { categories: BudgetTotals; sharedReinforcements: BudgetTotals; project: BudgetTotals };
  /** `categories.network.yearly` style paths of the amounts not stated. */
  missing: string[];
  complete: boolean;
}

function sum(amounts: Record<string, BudgetAmount>, keys: readonly string[], prefix: string, missing: string[]): BudgetTotals {
  const totals = { oneOff: 0, yearly: 0 };
  for (const key of keys) {
    const amount = amounts[key];
    for (const part of ['oneOff', 'yearly'] as const) {
      const value = amount?.[part] ?? null;
      if (value === null) missing.push(`${prefix}.${key}.${part}`);
      else totals[part] += value;
    }
  }
  return totals;
}

export function evaluateBudget(budget: Pick<BudgetInput, 'categories' | 'sharedReinforcements'>): BudgetEvaluation {
  const missing: string[] = [];
  const categories = sum(budget.categories, budgetCategories, 'categories', missing);
  const sharedReinforcements = sum(budget.sharedReinforcements, sharedResources, 'sharedReinforcements', missing);
  const project = { oneOff: categories.oneOff + sharedReinforcements.oneOff, yearly: categories.yearly + sharedReinforcements.yearly };
  return { totals: { categories, sharedReinforcements, project }, missing, complete: missing.length === 0 };
}

/** A budget with nothing stated: the starting point of a form. */
export function emptyBudget(): Pick<BudgetInput, 'categories' | 'sharedReinforcements'> {
  const none = () => ({ oneOff: null, yearly: null });
  return {
    categories: Object.fromEntries(budgetCategories.map((category) => [category, none()])) as BudgetInput['categories'],
    sharedReinforcements: Object.fromEntries(sharedResources.map((resource) => [resource, none()])) as BudgetInput['sharedReinforcements'],
  };
}
