/**
 * Counts and scores for the compliance dashboard: per clause, per department (the heat map's
 * rows, each with its clause cells) and overall. Score = passed / (passed + failed); null when
 * nothing was applicable, so "no data" is never shown as 0 % or 100 %.
 *
 * Every clause of kind rule in the pack is listed, so the share is never read as covering more
 * than it does: a clause Förvalta has no rule for yet is `not_checked`, and a rule whose outcome
 * the data model already guarantees (ComplianceRule.structural) is `structural`. Neither counts
 * in the share, overall or per department; both are counted in `clauseChecks`.
 */
import { clauseHasKind, type Clause } from './policy-pack.ts';
import type { ComplianceRule, RuleResult } from './rule.ts';
import { complianceRules } from './rules/registry.ts';
import type { ComplianceSnapshot } from './snapshot.ts';

export interface ComplianceCounts {
  passed: number;
  failed: number;
  notApplicable: number;
  /** 0..1, or null when no result was applicable. */
  score: number | null;
}

/**
 * What the summary says of a clause as a whole: every applicable result passed (met), at least
 * one failed (failed), nothing applicable (not_applicable), no rule yet (not_checked), or a
 * rule the schema cannot let fail (structural).
 */
export const clauseChecks = ['met', 'failed', 'not_applicable', 'not_checked', 'structural'] as const;
export type ClauseCheck = (typeof clauseChecks)[number];

export interface ClauseSummary extends ComplianceCounts {
  clauseId: string;
  check: ClauseCheck;
}

/** How many clauses of kind rule the pack has in each ClauseCheck. */
export interface ClauseCheckCounts {
  met: number;
  failed: number;
  notApplicable: number;
  notChecked: number;
  structural: number;
}

export interface DepartmentSummary extends ComplianceCounts {
  /** null collects results that count for no known department (e.g. a system without owner). */
  departmentId: string | null;
  departmentName: string | null;
  /** The clauses that count in the share, each as a cell of the heat map. */
  clauses: Array<ComplianceCounts & { clauseId: string }>;
}

export interface ComplianceSummary {
  /** Over the results of the clauses that count in the share (checked, not structural). */
  overall: ComplianceCounts;
  clauseChecks: ClauseCheckCounts;
  /** Every clause of kind rule in the pack's order, then any other clause with results. */
  clauses: ClauseSummary[];
  departments: DepartmentSummary[];
}

/** The pack the results were evaluated under and the rules that could run (the registry by default). */
export interface SummaryCoverage {
  pack: { clauses: readonly Pick<Clause, 'id' | 'kind' | 'evidenceClauseIds'>[] };
  rules?: readonly Pick<ComplianceRule, 'clauseId' | 'structural'>[];
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

function checkOf(tally: Tally, ruled: boolean, structural: boolean): ClauseCheck {
  if (!ruled) return 'not_checked';
  if (structural) return 'structural';
  if (tally.failed > 0) return 'failed';
  return tally.passed > 0 ? 'met' : 'not_applicable';
}

const checkCountKey: Record<ClauseCheck, keyof ClauseCheckCounts> = {
  met: 'met',
  failed: 'failed',
  not_applicable: 'notApplicable',
  not_checked: 'notChecked',
  structural: 'structural',
};

/**
 * Every department of the snapshot gets a row, even without results, so the heat map shows the
 * whole organisation.
 */
export function summarise(
  results: readonly RuleResult[],
  snapshot: Pick<ComplianceSnapshot, 'departments'>,
  coverage: SummaryCoverage,
): ComplianceSummary {
  const rules = coverage.rules ?? complianceRules;
  const ruledClauseIds = new Set(rules.map((rule) => rule.clauseId));
  // A clause judged by another clause's rule (a second framework's measure, ADR 0037) is ruled too.
  for (const clause of coverage.pack.clauses)
    if ((clause.evidenceClauseIds ?? []).some((evidence) => ruledClauseIds.has(evidence))) ruledClauseIds.add(clause.id);
  const structuralClauseIds = new Set(rules.filter((rule) => rule.structural === true).map((rule) => rule.clauseId));
  const clauseIds = coverage.pack.clauses.filter((clause) => clauseHasKind(clause, 'rule')).map((clause) => clause.id);
  const listed = new Set(clauseIds);

  const overall = emptyTally();
  const byClause = new Map<string, Tally>();
  const byDepartment = new Map<string | null, { total: Tally; byClause: Map<string, Tally> }>();
  for (const department of snapshot.departments) byDepartment.set(department.id, { total: emptyTally(), byClause: new Map() });

  for (const result of results) {
    if (!listed.has(result.clauseId)) {
      // A result of a clause the pack has not as a rule (a test's own rule): listed after the pack's.
      listed.add(result.clauseId);
      clauseIds.push(result.clauseId);
    }
    addToTally(entryOf(byClause, result.clauseId, emptyTally), result);
    if (structuralClauseIds.has(result.clauseId)) continue;
    addToTally(overall, result);
    const department = entryOf(byDepartment, result.departmentId, () => ({ total: emptyTally(), byClause: new Map<string, Tally>() }));
    addToTally(department.total, result);
    addToTally(entryOf(department.byClause, result.clauseId, emptyTally), result);
  }

  const checkCounts: ClauseCheckCounts = { met: 0, failed: 0, notApplicable: 0, notChecked: 0, structural: 0 };
  const clauses = clauseIds.map((clauseId): ClauseSummary => {
    const tally = byClause.get(clauseId) ?? emptyTally();
    const check = checkOf(tally, ruledClauseIds.has(clauseId) || byClause.has(clauseId), structuralClauseIds.has(clauseId));
    checkCounts[checkCountKey[check]] += 1;
    return { clauseId, check, ...toCounts(tally) };
  });
  // The heat map's columns: the clauses that count in the share.
  const gridClauseIds = clauses
    .filter((clause) => clause.check !== 'not_checked' && clause.check !== 'structural')
    .map((clause) => clause.clauseId);
  const namesById = new Map(snapshot.departments.map((department) => [department.id, department.name]));
  return {
    overall: toCounts(overall),
    clauseChecks: checkCounts,
    clauses,
    departments: [...byDepartment].map(([departmentId, department]) => ({
      departmentId,
      departmentName: departmentId === null ? null : (namesById.get(departmentId) ?? null),
      ...toCounts(department.total),
      // Every clause in every row, zeros included, so the heat map is a full grid.
      clauses: gridClauseIds.map((clauseId) => ({ clauseId, ...toCounts(department.byClause.get(clauseId) ?? emptyTally()) })),
    })),
  };
}
