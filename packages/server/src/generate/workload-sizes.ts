import { createRandom } from '../demo/random.ts';

/** The workloads of quality.md. Assets, access rights and training records come with their modules. */
export type WorkloadSize = 'S' | 'M' | 'L';
export const workloadSizes: readonly WorkloadSize[] = ['S', 'M', 'L'];

export interface MunicipalityPlan {
  code: string;
  name: string;
  departments: number;
  people: number;
  systems: number;
  integrations: number;
}

interface Totals {
  municipalities: number;
  departments: number;
  people: number;
  systems: number;
  integrations: number;
}

export const workloadTotals: Record<WorkloadSize, Totals> = {
  S: { municipalities: 1, departments: 12, people: 2_000, systems: 300, integrations: 700 },
  M: { municipalities: 1, departments: 40, people: 30_000, systems: 1_500, integrations: 4_000 },
  L: { municipalities: 50, departments: 1_000, people: 100_000, systems: 15_000, integrations: 40_000 },
};

/** Smallest member of a regional installation: a small municipality still has a real register. */
const minimums = { departments: 8, people: 300, systems: 60, integrations: 100 };

/** Splits `total` by weight after giving each part `minimum` (largest remainder: the sum is exact). */
function allocate(total: number, minimum: number, weights: number[]): number[] {
  const spare = total - minimum * weights.length;
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  const exact = weights.map((weight) => (spare * weight) / weightSum);
  const parts = exact.map((value) => Math.floor(value));
  let left = spare - parts.reduce((sum, part) => sum + part, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder);
  for (const { index } of byRemainder) {
    if (left <= 0) break;
    parts[index]! += 1;
    left -= 1;
  }
  return parts.map((part) => part + minimum);
}

/**
 * The municipalities of a workload. S and M are one municipality (the one named, or a new one);
 * L is 50 of mixed sizes, codes 2000–2049, the largest first (a regional centre with its smaller
 * neighbours, sizes falling off roughly as 1/rank, like Swedish municipalities do).
 */
export function planWorkload(size: WorkloadSize, seed: number, single: { code: string; name: string }): MunicipalityPlan[] {
  const totals = workloadTotals[size];
  if (totals.municipalities === 1) {
    const { municipalities: _count, ...rest } = totals;
    return [{ ...single, ...rest }];
  }
  const random = createRandom(seed);
  const weights = Array.from({ length: totals.municipalities }, (_unused, index) =>
    index === 0 ? 1 : (1 / (index + 1) ** 0.9) * (0.8 + 0.4 * random.next()),
  );
  const departments = allocate(totals.departments, minimums.departments, weights);
  const people = allocate(totals.people, minimums.people, weights);
  const systems = allocate(totals.systems, minimums.systems, weights);
  const integrations = allocate(totals.integrations, minimums.integrations, weights);
  return weights.map((_weight, index) => ({
    code: String(2000 + index),
    name: `Benchkommun ${String(index + 1).padStart(2, '0')}`,
    departments: departments[index]!,
    people: people[index]!,
    systems: systems[index]!,
    integrations: integrations[index]!,
  }));
}
