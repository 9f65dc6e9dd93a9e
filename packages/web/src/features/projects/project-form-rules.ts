/** The project page's pure rules: the budget's categories, what a revision changed, what counts as a link. */

// Repeated from the contracts (types only are imported there) so the page does not pull zod in.
export const budgetCategories = [
  'project_management',
  'consultants',
  'software',
  'servers',
  'clients',
  'network',
  'communication',
  'training',
] as const;
export const sharedResources = ['network', 'communication', 'servers', 'workstations'] as const;

type Amount = { oneOff: number | null; yearly: number | null };

export interface BudgetChange {
  group: 'category' | 'shared';
  key: string;
  period: 'oneOff' | 'yearly';
  before: number | null;
  after: number | null;
}

/** What a revision changed against the one before it, amount by amount, in the table's order. */
/** A revision's amounts; Budget's categories fit, and so does any partial record. */
type RevisionAmounts = { categories: Record<string, Amount | undefined>; sharedReinforcements: Record<string, Amount | undefined> };

export function budgetChanges(previous: RevisionAmounts, next: RevisionAmounts): BudgetChange[] {
  const changes: BudgetChange[] = [];
  const compare = (
    group: BudgetChange['group'],
    keys: readonly string[],
    before: Record<string, Amount | undefined>,
    after: Record<string, Amount | undefined>,
  ) => {
    for (const key of keys) {
      for (const period of ['oneOff', 'yearly'] as const) {
        const was = before[key]?.[period] ?? null;
        const is = after[key]?.[period] ?? null;
        if (was !== is) changes.push({ group, key, period, before: was, after: is });
      }
    }
  };
  compare('category', budgetCategories, previous.categories, next.categories);
  compare('shared', sharedResources, previous.sharedReinforcements, next.sharedReinforcements);
  return changes;
}

/** The contract's rule, checked before sending: only http and https addresses are links. */
export function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
