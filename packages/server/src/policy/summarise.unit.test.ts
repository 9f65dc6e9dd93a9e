import { describe, expect, it } from 'vitest';
import type { RuleResult, RuleStatus } from './rule.ts';
import { scoreOf, summarise, type SummaryCoverage } from './summarise.ts';
import { tanumPolicyPack } from './tanum-pack.ts';
import { departments } from './test-support.ts';

function result(clauseId: string, subjectId: string, departmentId: string | null, status: RuleStatus): RuleResult {
  return {
    clauseId,
    subjectType: 'system',
    subjectId,
    subjectName: subjectId,
    departmentId,
    status,
    reason: 'x',
    evidence: {},
    fixPath: '/',
  };
}

// A pack of five rule clauses and one record: DEPUTY, MANAGER and COST have rules, SCOPE's rule is
// structural, KNOW has none yet; ADOPT is a record and no part of the share.
const coverage: SummaryCoverage = {
  pack: {
    clauses: [
      { id: 'ITP-1-SCOPE', kind: 'rule' },
      { id: 'ITP-2-COST', kind: 'record+rule' },
      { id: 'ITP-4.1-ADOPT', kind: 'record' },
      { id: 'ITP-4.2-MANAGER', kind: 'rule' },
      { id: 'ITP-4.2-DEPUTY', kind: 'rule' },
      { id: 'ITP-4.2-KNOW', kind: 'rule' },
    ],
  },
  rules: [
    { clauseId: 'ITP-1-SCOPE', structural: true },
    { clauseId: 'ITP-2-COST' },
    { clauseId: 'ITP-4.2-MANAGER' },
    { clauseId: 'ITP-4.2-DEPUTY' },
  ],
};

const results: RuleResult[] = [
  result('ITP-1-SCOPE', 'a', 'department-social', 'pass'),
  result('ITP-1-SCOPE', 'b', 'department-social', 'pass'),
  result('ITP-2-COST', 'a', 'department-social', 'not_applicable'),
  result('ITP-4.2-MANAGER', 'a', 'department-social', 'pass'),
  result('ITP-4.2-MANAGER', 'b', 'department-social', 'pass'),
  result('ITP-4.2-MANAGER', 'c', null, 'fail'),
  result('ITP-4.2-DEPUTY', 'a', 'department-social', 'fail'),
  result('ITP-4.2-DEPUTY', 'b', 'department-social', 'pass'),
  result('ITP-4.2-DEPUTY', 'c', null, 'not_applicable'),
];

describe('summarise', () => {
  const summary = summarise(results, { departments }, coverage);

  it('scores the whole municipality as passed / (passed + failed), without the structural clause', () => {
    expect(summary.overall).toEqual({ passed: 3, failed: 2, notApplicable: 2, score: 3 / 5 });
  });

  it('lists every rule clause of the pack in its order, a clause without a rule as not checked', () => {
    expect(summary.clauses).toEqual([
      { clauseId: 'ITP-1-SCOPE', check: 'structural', passed: 2, failed: 0, notApplicable: 0, score: 1 },
      { clauseId: 'ITP-2-COST', check: 'not_applicable', passed: 0, failed: 0, notApplicable: 1, score: null },
      { clauseId: 'ITP-4.2-MANAGER', check: 'failed', passed: 2, failed: 1, notApplicable: 0, score: 2 / 3 },
      { clauseId: 'ITP-4.2-DEPUTY', check: 'failed', passed: 1, failed: 1, notApplicable: 1, score: 0.5 },
      { clauseId: 'ITP-4.2-KNOW', check: 'not_checked', passed: 0, failed: 0, notApplicable: 0, score: null },
    ]);
    expect(summary.clauseChecks).toEqual({ met: 0, failed: 2, notApplicable: 1, notChecked: 1, structural: 1 });
  });

  it('calls a clause met when every applicable result passed', () => {
    const met = summarise(
      [result('ITP-4.2-MANAGER', 'a', 'department-social', 'pass'), result('ITP-4.2-MANAGER', 'b', null, 'not_applicable')],
      { departments },
      coverage,
    );
    expect(met.clauses.find((clause) => clause.clauseId === 'ITP-4.2-MANAGER')).toMatchObject({ check: 'met', score: 1 });
    // DEPUTY has a rule but no result at all here: judged, nothing applicable; never "not checked".
    expect(met.clauseChecks).toEqual({ met: 1, failed: 0, notApplicable: 2, notChecked: 1, structural: 1 });
  });

  it('gives every department a row with a full grid of the clauses that count in the share', () => {
    const social = summary.departments.find((department) => department.departmentId === 'department-social')!;
    expect(social).toMatchObject({ departmentName: 'Socialförvaltningen', passed: 3, failed: 1, notApplicable: 1, score: 0.75 });
    expect(social.clauses.map((cell) => [cell.clauseId, cell.score])).toEqual([
      ['ITP-2-COST', null],
      ['ITP-4.2-MANAGER', 1],
      ['ITP-4.2-DEPUTY', 0.5],
    ]);
    const itUnit = summary.departments.find((department) => department.departmentId === 'department-it')!;
    expect(itUnit).toMatchObject({ passed: 0, failed: 0, notApplicable: 0, score: null });
    expect(itUnit.clauses).toHaveLength(3);
  });

  it('collects results for no known department in a row of their own, after the departments', () => {
    expect(summary.departments.map((department) => department.departmentId)).toEqual(['department-social', 'department-it', null]);
    expect(summary.departments[2]).toMatchObject({ departmentName: null, passed: 0, failed: 1, notApplicable: 1, score: 0 });
  });

  it('counts people for their department the same way', () => {
    const personResult: RuleResult = { ...result('ITP-4.2-DEPUTY', 'p', 'department-it', 'fail'), subjectType: 'person' };
    const withPerson = summarise([personResult], { departments }, coverage);
    expect(withPerson.departments.find((department) => department.departmentId === 'department-it')).toMatchObject({ failed: 1, score: 0 });
  });

  it('has a null overall score when there are no results', () => {
    expect(summarise([], { departments }, coverage).overall).toEqual({ passed: 0, failed: 0, notApplicable: 0, score: null });
    expect(scoreOf(0, 0)).toBeNull();
    expect(scoreOf(1, 3)).toBe(0.25);
  });

  it('counts every rule clause of the Tanum pack once, with the registry', () => {
    const tanum = summarise([], { departments }, { pack: tanumPolicyPack });
    const ruleClauses = tanumPolicyPack.clauses.filter((clause) => clause.kind.split('+').includes('rule'));
    expect(tanum.clauses.map((clause) => clause.clauseId)).toEqual(ruleClauses.map((clause) => clause.id));
    const counts = tanum.clauseChecks;
    expect(counts.met + counts.failed + counts.notApplicable + counts.notChecked + counts.structural).toBe(ruleClauses.length);
    expect(tanum.clauses.filter((clause) => clause.check === 'structural').map((clause) => clause.clauseId)).toEqual([
      'ITP-1-SCOPE',
      'ITP-4.2-OWNER',
    ]);
    expect(counts.notChecked).toBeGreaterThan(0);
  });
});
