/**
 * The rule registry as a pack author chooses from it (issue #21): every rule with the words of the
 * clause it was written for and the parameters it reads, each with its unit and allowed range. A
 * municipality's own clause is bound to one of these; the rule's results then count for it.
 */
import type { ParameterDefinition, ParameterUnit } from './policy-pack.ts';
import type { SubjectType } from './rule.ts';
import { complianceRules } from './rules/registry.ts';
import { nis2PolicyPack } from './nis2-pack.ts';
import { tanumPolicyPack } from './tanum-pack.ts';

export interface RuleParameter {
  key: string;
  unit: ParameterUnit;
  minimum: number;
  maximum: number;
  defaultValue: number;
  descriptionSv: string;
  descriptionEn: string;
}

export interface CatalogueRule {
  /** The clause the rule was written for; the id a binding names. */
  id: string;
  subjectType: SubjectType;
  titleSv: string;
  titleEn: string;
  /** The check in plain words, with {{parameter}} placeholders. */
  descriptionSv: string;
  descriptionEn: string;
  parameters: RuleParameter[];
}

/**
 * What a parameter of each unit may be. The ranges are wide enough for any municipality's policy
 * and narrow enough to catch a slip of a unit (36 years for 36 months). A count of 0 is allowed:
 * privilegedHoldersMax uses it to switch its rule off.
 */
export const parameterRanges: Readonly<Record<ParameterUnit, { minimum: number; maximum: number }>> = {
  months: { minimum: 1, maximum: 120 },
  years: { minimum: 1, maximum: 20 },
  working_days: { minimum: 1, maximum: 60 },
  days: { minimum: 1, maximum: 365 },
  count: { minimum: 0, maximum: 1000 },
  percent: { minimum: 1, maximum: 100 },
};

/**
 * Every parameter a pack can carry, with the default pack's value, unit and words; a parameter only
 * the Cybersecurity Act's pack has (a rule of its own, ADR 0037) with that pack's.
 */
export const parameterCatalogue: Readonly<Record<string, ParameterDefinition>> = {
  ...nis2PolicyPack.parameters,
  ...tanumPolicyPack.parameters,
};

export function ruleParameterOf(key: string): RuleParameter {
  const definition = parameterCatalogue[key];
  if (!definition) throw new Error(`No parameter '${key}' in the default pack: a rule reads a parameter nobody defines.`);
  return {
    key,
    unit: definition.unit,
    ...parameterRanges[definition.unit],
    defaultValue: definition.value,
    descriptionSv: definition.descriptionSv,
    descriptionEn: definition.descriptionEn,
  };
}

const clausesWithRules = [...tanumPolicyPack.clauses, ...nis2PolicyPack.clauses];

function buildCatalogue(): CatalogueRule[] {
  const byId = new Map<string, CatalogueRule>();
  for (const rule of complianceRules) {
    const clause = clausesWithRules.find((candidate) => candidate.id === rule.clauseId);
    const existing = byId.get(rule.clauseId);
    // A clause with two rules (a system rule and a department rule) is one choice for an author.
    const keys = [...new Set([...(existing?.parameters.map((parameter) => parameter.key) ?? []), ...rule.parameterKeys])];
    byId.set(rule.clauseId, {
      id: rule.clauseId,
      subjectType: existing?.subjectType ?? rule.subjectType,
      titleSv: clause?.titleSv ?? rule.clauseId,
      titleEn: clause?.titleEn ?? rule.clauseId,
      descriptionSv: clause?.ruleDescriptionSv ?? '',
      descriptionEn: clause?.ruleDescriptionEn ?? '',
      parameters: keys.map(ruleParameterOf),
    });
  }
  return [...byId.values()];
}

export const ruleCatalogue: readonly CatalogueRule[] = buildCatalogue();
const catalogueById = new Map(ruleCatalogue.map((rule) => [rule.id, rule]));

export function catalogueRule(id: string): CatalogueRule | undefined {
  return catalogueById.get(id);
}
