/**
 * Runs the rules of a policy pack over a snapshot. Pure: no clock (today is the snapshot's
 * evaluatedAt), no I/O. The integrator reads the snapshot, calls evaluate, and stores or shows
 * the results.
 */
import { clauseHasKind, type PolicyPack } from './policy-pack.ts';
import { createRuleContext, type ComplianceRule, type RuleResult } from './rule.ts';
import { complianceRules } from './rules/registry.ts';
import type { ComplianceSnapshot } from './snapshot.ts';

/** A clause a municipality has switched off, with a recorded reason, until a date (inclusive). */
export interface PolicyException {
  clauseId: string;
  /** YYYY-MM-DD, the last day the exception holds; absent or null: until revoked. */
  until?: string | null;
}

export interface EvaluationOptions {
  /** Only these clauses' rules. */
  ruleIds?: readonly string[];
  /**
   * Only these systems: after one system changes, its results are recomputed without the rest.
   * Only system rules run then; rules over people, departments or documents need a full run.
   */
  systemIds?: readonly string[];
  exceptions?: readonly PolicyException[];
  /** The rules to choose from; the registry by default (tests pass their own). */
  rules?: readonly ComplianceRule[];
}

/**
 * Which of the pack's clauses each rule's results count for: its own clause when the pack has it
 * as a rule, and every rule clause of the pack that names it as evidence (evidenceClauseIds).
 */
export function ruleTargets(pack: PolicyPack): Map<string, string[]> {
  const targets = new Map<string, string[]>();
  const add = (ruleClauseId: string, clauseId: string) => {
    const list = targets.get(ruleClauseId) ?? [];
    if (!list.includes(clauseId)) list.push(clauseId);
    targets.set(ruleClauseId, list);
  };
  for (const clause of pack.clauses) {
    if (!clauseHasKind(clause, 'rule')) continue;
    add(clause.id, clause.id);
    for (const evidence of clause.evidenceClauseIds ?? []) add(evidence, clause.id);
  }
  return targets;
}

/**
 * The rules that apply under the pack: a rule runs only if the pack has its clause as a rule, or
 * names it as a clause's evidence, so a municipality whose policy lacks a clause is not judged by it.
 */
export function selectRules(pack: PolicyPack, options: EvaluationOptions = {}): ComplianceRule[] {
  const targets = ruleTargets(pack);
  const wanted = options.ruleIds === undefined ? null : new Set(options.ruleIds);
  return (options.rules ?? complianceRules).filter(
    (rule) =>
      targets.has(rule.clauseId) &&
      (wanted === null || wanted.has(rule.clauseId) || targets.get(rule.clauseId)!.some((clauseId) => wanted.has(clauseId))) &&
      (options.systemIds === undefined || (rule.subjectType === 'system' && rule.wholeMunicipality !== true)),
  );
}

/** The systems a pack with a systemScope leaves out (the Act's: those not flagged `nis2`); none without one. */
function systemsOutsideScope(snapshot: ComplianceSnapshot, pack: PolicyPack): ReadonlySet<string> {
  if (pack.systemScope !== 'nis2') return new Set();
  return new Set(snapshot.systems.filter((system) => system.nis2 !== true).map((system) => system.id));
}

/**
 * A system outside the pack's scope gets its result as not applicable, its verdict kept in the
 * evidence: the IT policy judges every system, the Act only those it covers, on the same run.
 */
function limitToScope(results: RuleResult[], outsideScope: ReadonlySet<string>): RuleResult[] {
  if (outsideScope.size === 0) return results;
  return results.map((result) =>
    result.subjectType === 'system' && outsideScope.has(result.subjectId)
      ? {
          ...result,
          status: 'not_applicable',
          reason: 'outside_nis2_scope',
          evidence: { nis2: false, ruleStatus: result.status, ruleReason: result.reason },
        }
      : result,
  );
}

export function evaluate(snapshot: ComplianceSnapshot, pack: PolicyPack, options: EvaluationOptions = {}): RuleResult[] {
  const rules = selectRules(pack, options);
  // The context indexes the whole snapshot: a rule about one system still needs every person.
  const context = createRuleContext(snapshot);
  let subjects = snapshot;
  if (options.systemIds !== undefined) {
    const systemIds = new Set(options.systemIds);
    subjects = { ...snapshot, systems: snapshot.systems.filter((system) => systemIds.has(system.id)) };
  }
  const activeExceptions = new Map<string, PolicyException>();
  for (const exception of options.exceptions ?? []) {
    const until = exception.until ?? null;
    if (until !== null && until < context.today) continue;
    // Of two exceptions for one clause, the longer one is the one in force.
    const other = activeExceptions.get(exception.clauseId);
    const otherUntil = other === undefined ? '' : (other.until ?? null);
    if (otherUntil !== null && (until === null || until > otherUntil)) activeExceptions.set(exception.clauseId, exception);
  }

  const targets = ruleTargets(pack);
  const outsideScope = systemsOutsideScope(snapshot, pack);
  const results: RuleResult[] = [];
  for (const rule of rules) {
    const ruleResults = limitToScope(rule.evaluate(subjects, pack.parameters, context), outsideScope);
    // One run of the rule, its results counted for each clause it is evidence of (usually just its own).
    for (const clauseId of targets.get(rule.clauseId) ?? [rule.clauseId]) {
      const exception = activeExceptions.get(clauseId);
      for (const result of ruleResults) {
        const counted = clauseId === result.clauseId ? result : { ...result, clauseId };
        if (exception === undefined) {
          results.push(counted);
          continue;
        }
        // The rule still runs, so an auditor sees what the exception waives; nothing counts as failed.
        results.push({
          ...counted,
          status: 'not_applicable',
          reason: 'clause_exception',
          evidence: { exception: true, until: exception.until ?? null, ruleStatus: result.status, ruleReason: result.reason },
        });
      }
    }
  }
  return results;
}

const wholeMunicipalityClauseIds = new Set(complianceRules.filter((rule) => rule.wholeMunicipality === true).map((rule) => rule.clauseId));

/**
 * Brings stored results up to date after an incremental run: the results of `systemIds` are
 * replaced by `updated` in place (a system no longer in `updated` was deleted and drops out; a new
 * one is appended), everything else is kept as it was.
 */
export function mergeSystemResults(
  previous: readonly RuleResult[],
  updated: readonly RuleResult[],
  systemIds: readonly string[],
): RuleResult[] {
  const changedSystemIds = new Set(systemIds);
  const keyOf = (result: RuleResult) => `${result.clauseId}\u0000${result.subjectId}`;
  const updatedByKey = new Map(updated.map((result) => [keyOf(result), result]));
  // An incremental run does not give the rules that need the whole municipality: a changed system
  // keeps their stored result (until the next full run), a deleted one (no result at all) loses it.
  const stillThere = new Set(updated.map((result) => result.subjectId));
  const merged: RuleResult[] = [];
  for (const result of previous) {
    const keptForNow = wholeMunicipalityClauseIds.has(result.clauseId) && stillThere.has(result.subjectId);
    if (result.subjectType !== 'system' || !changedSystemIds.has(result.subjectId) || keptForNow) {
      merged.push(result);
      continue;
    }
    const replacement = updatedByKey.get(keyOf(result));
    if (replacement === undefined) continue;
    merged.push(replacement);
    updatedByKey.delete(keyOf(result));
  }
  for (const result of updatedByKey.values()) merged.push(result);
  return merged;
}
