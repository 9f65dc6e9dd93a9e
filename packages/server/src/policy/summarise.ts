/**
 * Counts and scores for the compliance dashboard: per clause, per department (the heat map's
 * rows, each with its clause cells) and overall. Score = passed / (passed + failed); null when
 * nothing was applicable, so "no data" is never shown as 0 % or 100 %.
 */
import type { RuleResult } from './rule.ts';
import type { ComplianceSnapshot } from './snapshot.ts';

export interface ComplianceCounts {
  passed: number;
  failed: number;
  notApplicable: number;
  /** 0..1, or null when no result was applicable. */
  score: number | null;
}

export interface ClauseSummary extends ComplianceCounts {
  clauseId: string;
}

export interface DepartmentSummary extends ComplianceCounts {
  /** null collects results that count for no known department (e.g. a system without owner). */
  departmentId: string | null;
  departmentName: string | null;
  clauses: ClauseSummary[];
}

export interface ComplianceSummary {
  overall: ComplianceCounts;
  clauses: ClauseSummary[];
  departments: DepartmentSummary[];
}

interface Tally {
  passed: number;
  failed: number;
  notApplicable: number;
}

const emptyTally = (): Tally => ({ passed: 0, failed: 0, notApplicable: 0 });

function addToTally(tally: Tally, result: RuleResult): void {
  if (result.status === 'pass') tally.passed += 1;
  else if (result.status === 'fail') tally.failed += 1;
  else tally.notApplicable += 1;
}

export function scoreOf(passed: number, failed: number): number | null {
  return passed + failed === 0 ? null : passed / (passed + failed);
}

/** The map's entry for the key, created first when there is none. */
function entryOf<Key, Value>(map: Map<Key, Value>, key: Key, create: () => Value): Value {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

function toCounts(tally: Tally): ComplianceCounts {
  return { ...tally, score: scoreOf(tally.passed, tally.failed) };
}

/**
 * Every department of the snapshot gets a row, even without results, so the heat map shows the
 * whole organisation. Clauses are listed in the order they first appear in the results.
 */
export function summarise(results: readonly RuleResult[], snapshot: Pick<ComplianceSnapshot, 'departments'>): ComplianceSummary {
  const overall = emptyTally();
  const byClause = new Map<string, Tally>();
  const byDepartment = new Map<string | null, { total: Tally; byClause: Map<string, Tally> }>();
  for (const department of snapshot.departments) byDepartment.set(department.id, { total: emptyTally(), byClause: new Map() });

  for (const result of results) {
    addToTally(overall, result);
    addToTally(entryOf(byClause, result.clauseId, emptyTally), result);
    const department = entryOf(byDepartment, result.departmentId, () => ({ total: emptyTally(), byClause: new Map<string, Tally>() }));
    addToTally(department.total, result);
    addToTally(entryOf(department.byClause, result.clauseId, emptyTally), result);
  }

  const clauseIds = [...byClause.keys()];
  const namesById = new Map(snapshot.departments.map((department) => [department.id, department.name]));
  return {
    overall: toCounts(overall),
    clauses: clauseIds.map((clauseId) => ({ clauseId, ...toCounts(byClause.get(clauseId)!) })),
    departments: [...byDepartment].map(([departmentId, department]) => ({
      departmentId,
      departmentName: departmentId === null ? null : (namesById.get(departmentId) ?? null),
      ...toCounts(department.total),
      // Every clause in every row, zeros included, so the heat map is a full grid.
      clauses: clauseIds.map((clauseId) => ({ clauseId, ...toCounts(department.byClause.get(clauseId) ?? emptyTally()) })),
    })),
  };
}
