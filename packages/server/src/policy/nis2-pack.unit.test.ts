import { describe, expect, it } from 'vitest';
import { evaluate, selectRules } from './evaluate.ts';
import { nis2PolicyPack } from './nis2-pack.ts';
import { findClause, type PolicyPack } from './policy-pack.ts';
import { complianceRules } from './rules/registry.ts';
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

  it('maps measures to clauses of the IT policy, binds incidents and continuity to rules of their own, and leaves cryptography and MFA without', () => {
    const mapped = Object.fromEntries(nis2PolicyPack.clauses.map((clause) => [clause.id, clause.evidenceClauseIds ?? []]));
    for (const evidence of Object.values(mapped).flat()) expect(findClause(tanumPolicyPack, evidence), evidence).toBeDefined();
    const ownRules = complianceRules.filter((rule) => rule.clauseId.startsWith('NIS2-')).map((rule) => rule.clauseId);
    expect(ownRules).toEqual(['NIS2-21-2-B', 'NIS2-21-2-C']);
    expect(Object.keys(mapped).filter((id) => mapped[id]!.length === 0 && !ownRules.includes(id))).toEqual(['NIS2-21-2-H', 'NIS2-21-2-J']);
    // The IT policy's pack has no NIS2 clause, so the Act's own rules never run under it.
    expect(selectRules(tanumPolicyPack).some((rule) => rule.clauseId.startsWith('NIS2-'))).toBe(false);
  });

  it('judges measure (b) by the incident log and measure (c) by the continuity of the systems in scope', () => {
    const snapshot = buildSnapshot(
      [
        buildSystem({
          nis2: true,
          continuity: {
            criticality: 'high',
            recoveryTimeObjectiveHours: 8,
            recoveryPointObjectiveHours: 24,
            lastRestoreTestOn: '2026-09-01',
          },
        }),
        buildSystem({ id: 'system-2', name: 'Treserva', nis2: true }),
      ],
      {
        incidents: [
          {
            id: 'incident-1',
            title: 'Överbelastning',
            departmentId: 'department-social',
            detectedAt: '2026-11-01T08:00:00.000Z',
            significant: true,
            deadlines: [
              { kind: 'early_warning', dueAt: '2026-11-02T08:00:00.000Z', state: 'late', sentAt: '2026-11-02T10:00:00.000Z' },
              { kind: 'notification', dueAt: '2026-11-04T08:00:00.000Z', state: 'met', sentAt: '2026-11-03T08:00:00.000Z' },
              { kind: 'final_report', dueAt: '2026-12-03T08:00:00.000Z', state: 'open', sentAt: null },
            ],
          },
        ],
      },
    );
    const results = evaluate(snapshot, nis2PolicyPack, { ruleIds: ['NIS2-21-2-B', 'NIS2-21-2-C'] });
    expect(results.map((result) => [result.clauseId, result.subjectId, result.status, result.reason])).toEqual([
      ['NIS2-21-2-B', 'incident-1', 'fail', 'incident_report_late'],
      ['NIS2-21-2-C', 'system-1', 'pass', 'restore_tested'],
      ['NIS2-21-2-C', 'system-2', 'fail', 'no_continuity_plan'],
    ]);
  });

  it("counts only the systems flagged nis2 for the Act's system measures, while the IT policy judges every system on the same rule", () => {
    const snapshot = buildSnapshot([buildSystem({ nis2: true }), buildSystem({ id: 'system-2', name: 'Treserva' })]);
    const act = evaluate(snapshot, nis2PolicyPack, { ruleIds: ['NIS2-21-2-A'] }).filter((result) => result.subjectType === 'system');
    expect(act.map((result) => [result.subjectId, result.status, result.reason])).toEqual([
      ['system-1', 'fail', 'no_risk_analysis'],
      ['system-2', 'not_applicable', 'outside_nis2_scope'],
    ]);
    // The verdict the rule gave is kept as evidence, so an auditor sees what the scope left out.
    expect(act[1]!.evidence).toEqual({ nis2: false, ruleStatus: 'fail', ruleReason: 'no_risk_analysis' });
    const policy = evaluate(snapshot, tanumPolicyPack, { ruleIds: ['ITP-4.2.1-RISK-CURRENT'] });
    expect(policy.map((result) => [result.subjectId, result.status])).toEqual([
      ['system-1', 'fail'],
      ['system-2', 'fail'],
    ]);
    // With no system in scope a system measure has nothing applicable: not met, not failed.
    const none = buildSnapshot([buildSystem()]);
    const summary = summarise(evaluate(none, nis2PolicyPack), none, { pack: nis2PolicyPack });
    expect(summary.clauses.find((clause) => clause.clauseId === 'NIS2-21-2-C')?.check).toBe('not_applicable');
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
    const snapshot = buildSnapshot([buildSystem({ nis2: true }), buildSystem({ id: 'system-2', name: 'Treserva', nis2: true })], {
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
    const snapshot = buildSnapshot([buildSystem({ nis2: true })], {
      riskAnalyses: [{ id: 'risk-1', systemId: 'system-1', analysedOn: '2026-06-01', superseded: false }],
    });
    const summary = summarise(evaluate(snapshot, nis2PolicyPack), snapshot, { pack: nis2PolicyPack });
    const checkOf = (id: string) => summary.clauses.find((clause) => clause.clauseId === id)?.check;
    for (const id of ['NIS2-21-2-H', 'NIS2-21-2-J']) expect(checkOf(id), id).toBe('not_checked');
    expect(['met', 'failed']).toContain(checkOf('NIS2-21-2-A'));
    expect(summary.clauses.map((clause) => clause.clauseId)).toEqual(nis2PolicyPack.clauses.map((clause) => clause.id));
  });

  it('waives a measure by its own exception, not the IT policy clause it rests on', () => {
    const snapshot = buildSnapshot([buildSystem({ id: 'system-2', nis2: true })]);
    const results = evaluate(snapshot, nis2PolicyPack, { ruleIds: ['NIS2-21-2-A'], exceptions: [{ clauseId: 'NIS2-21-2-A' }] });
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((result) => result.status === 'not_applicable' && result.reason === 'clause_exception')).toBe(true);
    const unwaived = evaluate(snapshot, nis2PolicyPack, { ruleIds: ['NIS2-21-2-A'], exceptions: [{ clauseId: 'ITP-4.2.1-RISK-CURRENT' }] });
    expect(unwaived.some((result) => result.status === 'fail')).toBe(true);
  });
});
