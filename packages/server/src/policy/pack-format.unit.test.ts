import { policyPackFileSchema, type PolicyPackFile } from '@forvalta/contracts';
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { packFromFile, packToFile } from './pack-format.ts';
import { ruleCatalogue } from './pack-rules.ts';
import { tanumPolicyPack } from './tanum-pack.ts';
import { assignment, buildSnapshot, buildSystem, ownPolicyFile } from './test-support.ts';

const ownPolicy = () => ownPolicyFile({ reviewIntervalMonths: 24 });

function codesOf(file: PolicyPackFile) {
  return packFromFile(file).problems.map((problem) => [problem.code, problem.clauseId, problem.path]);
}

describe('the pack file', () => {
  it("gives Tanum's pack back from its own file: export → import → export is identical", () => {
    const file = packToFile(tanumPolicyPack);
    expect(policyPackFileSchema.parse(file)).toEqual(file);
    const { pack, problems } = packFromFile(structuredClone(file));
    expect(problems).toEqual([]);
    expect(packToFile(pack)).toEqual(file);
    // The same engine judges the imported pack as the original: the same rules over the same register.
    const snapshot = buildSnapshot([buildSystem(), buildSystem({ id: 'system-2', assignments: [assignment('anna', 'manager')] })]);
    expect(evaluate(snapshot, pack)).toEqual(evaluate(snapshot, tanumPolicyPack));
  });

  it("binds a municipality's own clause to a rule: the rule's results count for it, with the file's parameter", () => {
    const { pack, problems } = packFromFile(ownPolicy());
    expect(problems).toEqual([]);
    expect(pack.parameters.reviewIntervalMonths!.value).toBe(24);
    const results = evaluate(buildSnapshot([buildSystem({ assignments: [assignment('anna', 'manager')] })]), pack);
    expect(new Set(results.map((result) => result.clauseId))).toEqual(new Set(['FALK-3.1-ERSATTARE', 'FALK-3.2-GRANSKNING']));
    expect(results.find((result) => result.clauseId === 'FALK-3.1-ERSATTARE')!.status).toBe('fail');
    // Exported, the file names every parameter: those the author left out at the default pack's value.
    const exported = packToFile(pack);
    expect(exported.clauses).toEqual(ownPolicy().clauses);
    expect(exported.parameters.policyRevisionIntervalMonths).toBe(36);
    expect(packFromFile(exported).pack).toEqual(pack);
  });

  it('refuses an unknown rule, a parameter out of range and a missing parameter, naming the clause in Swedish and English', () => {
    const file = ownPolicy();
    file.clauses[0]!.binding = { rule: 'ITP-99-WISH', parameters: {} };
    file.clauses[1]!.binding = { rule: 'ITP-4.2-REVIEW', parameters: { reviewIntervalMonths: 600 } };
    file.clauses.push({
      ...file.clauses[2]!,
      id: 'FALK-5-RISK',
      binding: { rule: 'ITP-4.2.1-RISK-CURRENT', parameters: {} },
    });
    const { problems } = packFromFile(file);
    expect(problems.map((problem) => [problem.code, problem.clauseId, problem.path])).toEqual([
      ['unknown_rule', 'FALK-3.1-ERSATTARE', 'clauses.0.binding.rule'],
      ['parameter_out_of_range', 'FALK-3.2-GRANSKNING', 'clauses.1.binding.parameters.reviewIntervalMonths'],
      ['parameter_missing', 'FALK-5-RISK', 'clauses.4.binding.parameters.riskAnalysisIntervalMonths'],
    ]);
    expect(problems[0]!.sv).toBe("Klausul FALK-3.1-ERSATTARE: regeln 'ITP-99-WISH' finns inte i Förvaltas regelregister.");
    expect(problems[0]!.en).toBe("Clause FALK-3.1-ERSATTARE: the rule 'ITP-99-WISH' is not in Förvalta's rule registry.");
    expect(problems[1]!.sv).toContain('mellan 1 och 120');
    expect(problems[2]!.en).toBe(
      "Clause FALK-5-RISK: the rule ITP-4.2.1-RISK-CURRENT needs the parameter 'riskAnalysisIntervalMonths' (months).",
    );
  });

  it('refuses two clauses that disagree on one parameter, a bound clause not of kind rule and a rule id used for another clause', () => {
    const file = ownPolicy();
    file.clauses.push({
      ...file.clauses[1]!,
      id: 'FALK-3.3-OMPROVNING',
      binding: { rule: 'ITP-4.2-REVIEW', parameters: { reviewIntervalMonths: 12 } },
    });
    file.clauses[0]!.kind = 'notice';
    file.clauses[2]!.id = 'ITP-4.2-OWNER';
    expect(codesOf(file)).toEqual([
      ['binding_needs_rule_kind', 'FALK-3.1-ERSATTARE', 'clauses.0.kind'],
      ['clause_id_is_rule', 'ITP-4.2-OWNER', 'clauses.2.id'],
      ['parameter_conflict', 'FALK-3.3-OMPROVNING', 'clauses.4.binding.parameters.reviewIntervalMonths'],
    ]);
  });

  it('refuses a parameter the rule does not read, an unknown parameter and a duplicated clause', () => {
    const file = ownPolicy();
    file.clauses[0]!.binding!.parameters = { reviewIntervalMonths: 24 };
    file.parameters = { wishfulThinkingMonths: 3 };
    file.clauses.push(file.clauses[3]!);
    expect(codesOf(file)).toEqual([
      ['parameter_unknown', null, 'parameters.wishfulThinkingMonths'],
      ['parameter_not_of_rule', 'FALK-3.1-ERSATTARE', 'clauses.0.binding.parameters.reviewIntervalMonths'],
      ['clause_duplicate', 'FALK-1-SYFTE', 'clauses.4.id'],
    ]);
  });

  it('lists every rule of the registry once, each parameter with its unit and a range holding its default', () => {
    const ids = ruleCatalogue.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('ITP-4.2-DEPUTY');
    for (const rule of ruleCatalogue)
      for (const parameter of rule.parameters) {
        expect(parameter.defaultValue).toBeGreaterThanOrEqual(parameter.minimum);
        expect(parameter.defaultValue).toBeLessThanOrEqual(parameter.maximum);
      }
  });
});
