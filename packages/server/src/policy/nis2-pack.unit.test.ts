import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { nis2PolicyPack } from './nis2-pack.ts';
import { findClause, type PolicyPack } from './policy-pack.ts';
import { summarise } from './summarise.ts';
import { tanumPolicyPack } from './tanum-pack.ts';
import { buildSnapshot, buildSystem } from './test-support.ts';
import { validatePolicyPack } from './validate-pack.ts';

const letters = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
const copy = (): PolicyPack => structuredClone(nis2PolicyPack) as PolicyPack;

describe('the Cybersecurity Act pack (NIS2 article 21(2), ADR 0037)', () => {
  it('is valid and has the measures a–j, each with its reference and its text in Swedish and English', () => {
    expect(validatePolicyPack(nis2PolicyPack)).toEqual([]);
    expect(nis2PolicyPack.clauses.map((clause) => [clause.id, clause.section])).toEqual(
      letters.map((letter) => [`NIS2-21-2-${letter.toUpperCase()}`, `21.2.${letter}`]),
    );
    for (const clause of nis2PolicyPack.clauses) {
      for (const text of [clause.titleSv, clause.titleEn, clause.textSv, clause.textEn]) expect(text.length, clause.id).toBeGreaterThan(8);
    }
  });

  it('maps each measure with evidence to clauses of the IT policy, and leaves incidents, continuity, cryptography and MFA without', () => {
    const mapped = Object.fromEntries(nis2PolicyPack.clauses.map((clause) => [clause.id, clause.evidenceClauseIds ?? []]));
    for (const evidence of Object.values(mapped).flat()) expect(findClause(tanumPolicyPack, evidence), evidence).toBeDefined();
    expect(Object.keys(mapped).filter((id) => mapped[id]!.length === 0)).toEqual([
      'NIS2-21-2-B',
      'NIS2-21-2-C',
      'NIS2-21-2-H',
      'NIS2-21-2-J',
    ]);
  });

  it('refuses evidence that has no rule, names itself, sits on a clause that is not a rule, or lacks its parameters', () => {
    const noRule = copy();
    noRule.clauses[0] = { ...noRule.clauses[0]!, evidenceClauseIds: ['ITP-4.1-ADOPT'] };
    expect(validatePolicyPack(noRule)).toEqual(['Clause NIS2-21-2-A names ITP-4.1-ADOPT as evidence, which has no rule.']);
    const itself = copy();
    itself.clauses[0] = { ...itself.clauses[0]!, evidenceClauseIds: ['NIS2-21-2-A'] };
    expect(validatePolicyPack(itself)).toContain('Clause NIS2-21-2-A names itself as its evidence.');
    const record = copy();
    record.clauses[0] = { ...record.clauses[0]!, kind: 'record' };
    expect(validatePolicyPack(record)).toContain("Clause NIS2-21-2-A names evidence but is not of kind 'rule'.");
    const missing = copy();
    delete missing.parameters.riskAnalysisIntervalMonths;
    expect(validatePolicyPack(missing)).toContain(
      "The rule of ITP-4.2.1-RISK-CURRENT, evidence for NIS2-21-2-A, needs the parameter 'riskAnalysisIntervalMonths'.",
    );
  });

  it('judges measure (a) by the risk analysis rule on the same engine: a system with a current analysis passes, one without fails', () => {
    const snapshot = buildSnapshot([buildSystem(), buildSystem({ id: 'system-2', name: 'Treserva' })], {
      riskAnalyses: [{ id: 'risk-1', systemId: 'system-1', analysedOn: '2026-06-01', superseded: false }],
    });
    const results = evaluate(snapshot, nis2PolicyPack).filter(
      (result) => result.clauseId === 'NIS2-21-2-A' && result.subjectType === 'system',
    );
    expect(results.map((result) => [result.subjectId, result.status, result.reason])).toEqual([
      ['system-1', 'pass', 'risk_analysis_current'],
      ['system-2', 'fail', 'no_risk_analysis'],
    ]);
    // Under the IT policy the same rule gives the same verdicts under its own clause.
    const policy = evaluate(snapshot, tanumPolicyPack, { ruleIds: ['ITP-4.2.1-RISK-CURRENT'] });
    expect(policy.map((result) => [result.clauseId, result.subjectId, result.status])).toEqual([
      ['ITP-4.2.1-RISK-CURRENT', 'system-1', 'pass'],
      ['ITP-4.2.1-RISK-CURRENT', 'system-2', 'fail'],
    ]);
  });

  it('shows a measure without evidence as not checked, never as met, and one with evidence by its results', () => {
    const snapshot = buildSnapshot([buildSystem()], {
      riskAnalyses: [{ id: 'risk-1', systemId: 'system-1', analysedOn: '2026-06-01', superseded: false }],
    });
    const summary = summarise(evaluate(snapshot, nis2PolicyPack), snapshot, { pack: nis2PolicyPack });
    const checkOf = (id: string) => summary.clauses.find((clause) => clause.clauseId === id)?.check;
    for (const id of ['NIS2-21-2-B', 'NIS2-21-2-C', 'NIS2-21-2-H', 'NIS2-21-2-J']) expect(checkOf(id), id).toBe('not_checked');
    expect(['met', 'failed']).toContain(checkOf('NIS2-21-2-A'));
    expect(summary.clauses.map((clause) => clause.clauseId)).toEqual(nis2PolicyPack.clauses.map((clause) => clause.id));
  });

  it('waives a measure by its own exception, not the IT policy clause it rests on', () => {
    const snapshot = buildSnapshot([buildSystem({ id: 'system-2' })]);
    const results = evaluate(snapshot, nis2PolicyPack, { ruleIds: ['NIS2-21-2-A'], exceptions: [{ clauseId: 'NIS2-21-2-A' }] });
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((result) => result.status === 'not_applicable' && result.reason === 'clause_exception')).toBe(true);
    const unwaived = evaluate(snapshot, nis2PolicyPack, { ruleIds: ['NIS2-21-2-A'], exceptions: [{ clauseId: 'ITP-4.2.1-RISK-CURRENT' }] });
    expect(unwaived.some((result) => result.status === 'fail')).toBe(true);
  });
});
