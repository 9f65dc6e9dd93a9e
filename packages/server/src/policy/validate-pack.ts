/**
 * Checks a policy pack before it is published or used: a municipality edits its pack as data, so
 * nothing but this stands between a typo and a rule that cannot run.
 */
import { isIsoDate } from './dates.ts';
import { clauseHasKind, clauseKinds, placeholdersOf, type PolicyPack } from './policy-pack.ts';
import type { ComplianceRule } from './rule.ts';
import { complianceRules } from './rules/registry.ts';

/** Every problem found, in words for the person editing the pack; empty when the pack is sound. */
export function validatePolicyPack(pack: PolicyPack, rules: readonly ComplianceRule[] = complianceRules): string[] {
  const problems: string[] = [];
  if (!isIsoDate(pack.document.decisionDate))
    problems.push(`The decision date '${pack.document.decisionDate}' is not a date (YYYY-MM-DD).`);

  const clauseIds = new Set<string>();
  const knownKinds: ReadonlySet<string> = new Set(clauseKinds);
  for (const clause of pack.clauses) {
    if (clauseIds.has(clause.id)) problems.push(`Clause ${clause.id} appears more than once.`);
    clauseIds.add(clause.id);
    for (const kind of clause.kind.split('+')) {
      if (!knownKinds.has(kind)) problems.push(`Clause ${clause.id} has an unknown kind '${kind}'.`);
    }
    const keys = new Set([...placeholdersOf(clause.ruleDescriptionSv ?? ''), ...placeholdersOf(clause.ruleDescriptionEn ?? '')]);
    for (const key of keys) {
      if (pack.parameters[key] === undefined) problems.push(`Clause ${clause.id} refers to a missing parameter '${key}'.`);
    }
  }

  for (const [key, parameter] of Object.entries(pack.parameters)) {
    if (parameter.key !== key) problems.push(`Parameter '${key}' is stored under another key ('${parameter.key}').`);
    if (!Number.isFinite(parameter.value) || parameter.value < 0) problems.push(`Parameter '${key}' has an invalid value.`);
  }

  // A clause judged by other clauses' rules (ADR 0037): each named clause has a rule, whose parameters the pack defines.
  const ruledClauseIds = new Set(rules.map((rule) => rule.clauseId));
  for (const clause of pack.clauses) {
    const evidence = clause.evidenceClauseIds ?? [];
    if (evidence.length > 0 && !clauseHasKind(clause, 'rule'))
      problems.push(`Clause ${clause.id} names evidence but is not of kind 'rule'.`);
    for (const evidenceId of evidence) {
      if (evidenceId === clause.id) problems.push(`Clause ${clause.id} names itself as its evidence.`);
      else if (!ruledClauseIds.has(evidenceId)) problems.push(`Clause ${clause.id} names ${evidenceId} as evidence, which has no rule.`);
      for (const rule of rules.filter((candidate) => candidate.clauseId === evidenceId))
        for (const key of rule.parameterKeys)
          if (pack.parameters[key] === undefined)
            problems.push(`The rule of ${evidenceId}, evidence for ${clause.id}, needs the parameter '${key}'.`);
    }
  }

  for (const rule of rules) {
    const clause = pack.clauses.find((candidate) => candidate.id === rule.clauseId);
    // A pack without the clause simply does not use the rule.
    if (clause === undefined) continue;
    if (!clauseHasKind(clause, 'rule')) problems.push(`Clause ${clause.id} has a rule but is not of kind 'rule'.`);
    for (const key of rule.parameterKeys) {
      if (pack.parameters[key] === undefined) problems.push(`The rule for ${clause.id} needs the parameter '${key}'.`);
    }
  }
  return problems;
}
