import { describe, expect, it } from 'vitest';
import type { PolicyPack } from './policy-pack.ts';
import { tanumPolicyPack } from './tanum-pack.ts';
import { validatePolicyPack } from './validate-pack.ts';

function editedPack(edit: (pack: PolicyPack) => void): PolicyPack {
  const pack = structuredClone(tanumPolicyPack);
  edit(pack);
  return pack;
}

describe('validatePolicyPack', () => {
  it('finds a duplicated clause, an unknown kind and a bad decision date', () => {
    const pack = editedPack((pack) => {
      pack.document.decisionDate = '18 december 2002';
      pack.clauses.push({ ...pack.clauses[0]! });
      pack.clauses[1]!.kind = 'rule+wish' as never;
    });
    expect(validatePolicyPack(pack)).toEqual([
      "The decision date '18 december 2002' is not a date (YYYY-MM-DD).",
      "Clause ITP-1-DOCS has an unknown kind 'wish'.",
      'Clause ITP-1-SCOPE appears more than once.',
    ]);
  });

  it('finds a parameter a rule or a description needs but the pack lacks', () => {
    const pack = editedPack((pack) => {
      delete pack.parameters.registerConfirmationIntervalMonths;
    });
    expect(validatePolicyPack(pack)).toEqual([
      "Clause ITP-4.2-REGISTER refers to a missing parameter 'registerConfirmationIntervalMonths'.",
      "The rule for ITP-4.2-REGISTER needs the parameter 'registerConfirmationIntervalMonths'.",
    ]);
  });

  it('finds invalid parameter values and keys', () => {
    const pack = editedPack((pack) => {
      pack.parameters.reviewIntervalMonths!.value = -1;
      pack.parameters.dutyConfirmationIntervalMonths!.key = 'dutyMonths';
    });
    expect(validatePolicyPack(pack)).toEqual([
      "Parameter 'dutyConfirmationIntervalMonths' is stored under another key ('dutyMonths').",
      "Parameter 'reviewIntervalMonths' has an invalid value.",
    ]);
  });

  it('finds a rule whose clause is not of kind rule, and accepts a pack without the clause', () => {
    const demoted = editedPack((pack) => {
      pack.clauses.find((clause) => clause.id === 'ITP-4.2-DEPUTY')!.kind = 'record';
      delete pack.clauses.find((clause) => clause.id === 'ITP-4.2-DEPUTY')!.ruleDescriptionSv;
    });
    expect(validatePolicyPack(demoted)).toEqual(["Clause ITP-4.2-DEPUTY has a rule but is not of kind 'rule'."]);
    const without = editedPack((pack) => {
      pack.clauses = pack.clauses.filter((clause) => clause.id !== 'ITP-4.2-DEPUTY');
    });
    expect(validatePolicyPack(without)).toEqual([]);
  });
});
