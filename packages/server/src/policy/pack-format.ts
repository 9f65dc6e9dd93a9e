/**
 * The pack file (issue #21, docs/policy-pack-format.md): a policy pack as a municipality exports,
 * shares and imports it. A clause carries its own binding to a rule of the registry with the
 * values of the rule's parameters, so an author sees a clause and its check in one place; inside
 * Förvalta the pack keeps the engine's shape (clauses, one set of parameters, evidence clause ids:
 * a bound clause counts the results of its rule, as the NIS2 measures do, ADR 0037). Pure.
 */
import type { PackFileClause, PolicyPackFile } from '@forvalta/contracts';
import { policyPackFileFormatVersion } from '@forvalta/contracts';
import { catalogueRule, parameterCatalogue, parameterRanges } from './pack-rules.ts';
import { clauseHasKind, type Clause, type ClauseKindExpression, type ParameterDefinition, type PolicyPack } from './policy-pack.ts';
import { tanumPolicyPack } from './tanum-pack.ts';
import { validatePolicyPack } from './validate-pack.ts';

/** A problem found in a pack file, named by its place and its clause, in Swedish and English. */
export interface PackProblem {
  path: string;
  clauseId: string | null;
  code: string;
  sv: string;
  en: string;
}

/** The rule a clause's results come from: its own id when it is a rule's clause, else the one evidence it names. */
function boundRuleOf(clause: Clause): string | null {
  if (!clauseHasKind(clause, 'rule')) return null;
  const evidence = clause.evidenceClauseIds ?? [];
  if (evidence.length > 1)
    throw new Error(`Clause ${clause.id} takes evidence from ${evidence.length} rules; the pack file binds a clause to one rule.`);
  if (evidence.length === 1) return evidence[0]!;
  return catalogueRule(clause.id) ? clause.id : null;
}

export function packToFile(pack: PolicyPack): PolicyPackFile {
  const boundKeys = new Set<string>();
  const clauses: PackFileClause[] = pack.clauses.map((clause) => {
    const ruleId = boundRuleOf(clause);
    const rule = ruleId === null ? undefined : catalogueRule(ruleId);
    const parameters: Record<string, number> = {};
    for (const parameter of rule?.parameters ?? []) {
      const value = pack.parameters[parameter.key]?.value ?? parameter.defaultValue;
      parameters[parameter.key] = value;
      boundKeys.add(parameter.key);
    }
    return {
      id: clause.id,
      section: clause.section,
      kind: clause.kind,
      title: { sv: clause.titleSv, en: clause.titleEn },
      text: { sv: clause.textSv, en: clause.textEn },
      binding: rule ? { rule: rule.id, parameters } : null,
    };
  });
  const parameters = Object.fromEntries(
    Object.values(pack.parameters)
      .filter((parameter) => !boundKeys.has(parameter.key))
      .map((parameter) => [parameter.key, parameter.value]),
  );
  return {
    formatVersion: policyPackFileFormatVersion,
    key: pack.key,
    version: pack.version,
    document: { ...pack.document },
    parameters,
    clauses,
  };
}

function problem(path: string, clauseId: string | null, code: string, sv: string, en: string): PackProblem {
  return { path, clauseId, code, sv, en };
}

/**
 * The pack a file describes, and every problem that stops it from being one. Problems name the
 * clause (an unknown rule, a parameter out of range or missing); the pack is only usable when
 * there are none.
 */
export function packFromFile(file: PolicyPackFile): { pack: PolicyPack; problems: PackProblem[] } {
  const problems: PackProblem[] = [];
  // The default pack's parameters, as every stored pack gets them (policy-packs.repository: withDefaultParameters);
  // another parameter of the catalogue only when the file gives it.
  const parameters: Record<string, ParameterDefinition> = structuredClone({ ...tanumPolicyPack.parameters });
  // Where each value came from, so two clauses that disagree on one parameter are both named.
  const setBy = new Map<string, { value: number; clauseId: string | null }>();

  const setParameter = (path: string, clauseId: string | null, key: string, value: number) => {
    const definition = parameters[key] ?? parameterCatalogue[key];
    const where = clauseId === null ? '' : `Klausul ${clauseId}: `;
    const whereEn = clauseId === null ? '' : `Clause ${clauseId}: `;
    if (!definition) {
      problems.push(
        problem(path, clauseId, 'parameter_unknown', `${where}okänd parameter '${key}'.`, `${whereEn}unknown parameter '${key}'.`),
      );
      return;
    }
    const range = parameterRanges[definition.unit];
    if (value < range.minimum || value > range.maximum) {
      problems.push(
        problem(
          path,
          clauseId,
          'parameter_out_of_range',
          `${where}parametern '${key}' är ${value} men ska vara mellan ${range.minimum} och ${range.maximum} (${definition.unit}).`,
          `${whereEn}the parameter '${key}' is ${value} but must be between ${range.minimum} and ${range.maximum} (${definition.unit}).`,
        ),
      );
      return;
    }
    const earlier = setBy.get(key);
    if (earlier && earlier.value !== value) {
      const other = earlier.clauseId ?? 'parameters';
      problems.push(
        problem(
          path,
          clauseId,
          'parameter_conflict',
          `${where}parametern '${key}' är ${value} här men ${earlier.value} i ${other}; en parameter har ett värde i hela paketet.`,
          `${whereEn}the parameter '${key}' is ${value} here but ${earlier.value} in ${other}; a parameter has one value in the whole pack.`,
        ),
      );
      return;
    }
    setBy.set(key, { value, clauseId });
    parameters[key] = { ...definition, value };
  };

  for (const [key, value] of Object.entries(file.parameters)) setParameter(`parameters.${key}`, null, key, value);

  const seen = new Set<string>();
  const clauses: Clause[] = file.clauses.map((fileClause, index) => {
    const path = `clauses.${index}`;
    const id = fileClause.id;
    if (seen.has(id))
      problems.push(
        problem(`${path}.id`, id, 'clause_duplicate', `Klausul ${id} finns mer än en gång.`, `Clause ${id} appears more than once.`),
      );
    seen.add(id);
    const clause: Clause = {
      id,
      section: fileClause.section,
      kind: fileClause.kind as ClauseKindExpression,
      titleSv: fileClause.title.sv,
      titleEn: fileClause.title.en,
      textSv: fileClause.text.sv,
      textEn: fileClause.text.en,
    };
    const isRuleKind = clauseHasKind(clause, 'rule');
    const binding = fileClause.binding;
    // A clause named as a rule's clause is judged by that rule by its id alone (evaluate: ruleTargets).
    if (catalogueRule(id) && (binding === null || binding.rule !== id) && (isRuleKind || binding !== null))
      problems.push(
        problem(
          `${path}.id`,
          id,
          'clause_id_is_rule',
          `Klausul ${id} har samma id som Förvaltas regel ${id}: knyt den till den regeln eller ge klausulen ett annat id.`,
          `Clause ${id} has the id of Förvalta's rule ${id}: bind it to that rule or give the clause another id.`,
        ),
      );
    if (binding === null) return clause;

    const rule = catalogueRule(binding.rule);
    if (!rule) {
      problems.push(
        problem(
          `${path}.binding.rule`,
          id,
          'unknown_rule',
          `Klausul ${id}: regeln '${binding.rule}' finns inte i Förvaltas regelregister.`,
          `Clause ${id}: the rule '${binding.rule}' is not in Förvalta's rule registry.`,
        ),
      );
      return clause;
    }
    if (!isRuleKind)
      problems.push(
        problem(
          `${path}.kind`,
          id,
          'binding_needs_rule_kind',
          `Klausul ${id} är knuten till en regel men är inte av typen regel.`,
          `Clause ${id} is bound to a rule but is not of kind rule.`,
        ),
      );
    const ruleKeys = new Set(rule.parameters.map((parameter) => parameter.key));
    for (const parameter of rule.parameters) {
      const value = binding.parameters[parameter.key];
      if (value === undefined) {
        problems.push(
          problem(
            `${path}.binding.parameters.${parameter.key}`,
            id,
            'parameter_missing',
            `Klausul ${id}: regeln ${rule.id} behöver parametern '${parameter.key}' (${parameter.unit}).`,
            `Clause ${id}: the rule ${rule.id} needs the parameter '${parameter.key}' (${parameter.unit}).`,
          ),
        );
        continue;
      }
      setParameter(`${path}.binding.parameters.${parameter.key}`, id, parameter.key, value);
    }
    for (const key of Object.keys(binding.parameters))
      if (!ruleKeys.has(key))
        problems.push(
          problem(
            `${path}.binding.parameters.${key}`,
            id,
            'parameter_not_of_rule',
            `Klausul ${id}: regeln ${rule.id} läser inte parametern '${key}'.`,
            `Clause ${id}: the rule ${rule.id} does not read the parameter '${key}'.`,
          ),
        );
    if (rule.descriptionSv) clause.ruleDescriptionSv = rule.descriptionSv;
    if (rule.descriptionEn) clause.ruleDescriptionEn = rule.descriptionEn;
    if (rule.id !== id) clause.evidenceClauseIds = [rule.id];
    return clause;
  });

  const pack: PolicyPack = { key: file.key, version: file.version, document: { ...file.document }, clauses, parameters };
  // What the file's own checks cannot see (a placeholder without its parameter): the engine's own check, last.
  if (problems.length === 0)
    for (const message of validatePolicyPack(pack))
      problems.push(problem('', null, 'pack_unsound', `Paketet går inte att använda: ${message}`, `The pack cannot be used: ${message}`));
  return { pack, problems };
}
