import type { PolicyPackPreview } from '@forvalta/contracts';
import { catalogueRule, clauseHasKind, type PolicyPack, type RuleResult } from '../../policy/index.ts';

/**
 * A draft's evaluation per clause, for the author before adoption: a bound clause's passes and
 * failures, a rule clause without a rule as not checked (counted as such), the other kinds not counted.
 */
export function previewOf(pack: PolicyPack, results: readonly RuleResult[], evaluatedAt: string): PolicyPackPreview {
  const counts = new Map<string, { passed: number; failed: number; notApplicable: number }>();
  for (const result of results) {
    const count = counts.get(result.clauseId) ?? { passed: 0, failed: 0, notApplicable: 0 };
    if (result.status === 'pass') count.passed += 1;
    else if (result.status === 'fail') count.failed += 1;
    else count.notApplicable += 1;
    counts.set(result.clauseId, count);
  }
  const clauses = pack.clauses.map((clause) => {
    const count = counts.get(clause.id);
    // A rule runs for the clause when it is a rule's own clause or names one as its evidence (evaluate: ruleTargets).
    const checked = catalogueRule(clause.id) !== undefined || (clause.evidenceClauseIds?.length ?? 0) > 0;
    let status: PolicyPackPreview['clauses'][number]['status'] = 'not_counted';
    if (clauseHasKind(clause, 'rule')) status = checked ? 'checked' : 'not_checked';
    return {
      id: clause.id,
      section: clause.section,
      titleSv: clause.titleSv,
      titleEn: clause.titleEn,
      kind: clause.kind,
      status,
      passed: count?.passed ?? 0,
      failed: count?.failed ?? 0,
      notApplicable: count?.notApplicable ?? 0,
    };
  });
  return {
    evaluatedAt,
    clauses,
    totals: {
      passed: clauses.reduce((sum, clause) => sum + clause.passed, 0),
      failed: clauses.reduce((sum, clause) => sum + clause.failed, 0),
      checkedClauses: clauses.filter((clause) => clause.status === 'checked').length,
      notCheckedClauses: clauses.filter((clause) => clause.status === 'not_checked').length,
    },
  };
}
