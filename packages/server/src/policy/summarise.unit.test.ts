import { describe, expect, it } from 'vitest';
import type { RuleResult, RuleStatus } from './rule.ts';
import { scoreOf, summarise } from './summarise.ts';
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

const results: RuleResult[] = [
  result('ITP-4.2-OWNER', 'a', 'department-social', 'pass'),
  result('ITP-4.2-OWNER', 'b', 'department-social', 'pass'),
  result('ITP-4.2-OWNER', 'c', null, 'fail'),
  result('ITP-4.2-DEPUTY', 'a', 'department-social', 'fail'),
  result('ITP-4.2-DEPUTY', 'b', 'department-social', 'pass'),
  result('ITP-4.2-DEPUTY', 'c', null, 'not_applicable'),
  result('ITP-2-COST', 'a', 'department-social', 'not_applicable'),
];

describe('summarise', () => {
  const summary = summarise(results, { departments });

  it('scores the whole municipality as passed / (passed + failed)', () => {
    expect(summary.overall).toEqual({ passed: 3, failed: 2, notApplicable: 2, score: 3 / 5 });
  });

  it('counts per clause in the order the results list them, null score when nothing applied', () => {
    expect(summary.clauses).toEqual([
      { clauseId: 'ITP-4.2-OWNER', passed: 2, failed: 1, notApplicable: 0, score: 2 / 3 },
      { clauseId: 'ITP-4.2-DEPUTY', passed: 1, failed: 1, notApplicable: 1, score: 0.5 },
      { clauseId: 'ITP-2-COST', passed: 0, failed: 0, notApplicable: 1, score: null },
    ]);
  });

  it('gives every department a row with a full grid of clause cells', () => {
    const social = summary.departments.find((department) => department.departmentId === 'department-social')!;
    expect(social).toMatchObject({ departmentName: 'Socialförvaltningen', passed: 3, failed: 1, notApplicable: 1, score: 0.75 });
    expect(social.clauses.map((cell) => [cell.clauseId, cell.score])).toEqual([
      ['ITP-4.2-OWNER', 1],
      ['ITP-4.2-DEPUTY', 0.5],
      ['ITP-2-COST', null],
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
    const personResult: RuleResult = { ...result('ITP-5-SECURITY-NET', 'p', 'department-it', 'fail'), subjectType: 'person' };
    const withPerson = summarise([personResult], { departments });
    expect(withPerson.departments.find((department) => department.departmentId === 'department-it')).toMatchObject({ failed: 1, score: 0 });
  });

  it('has a null overall score when there are no results', () => {
    expect(summarise([], { departments }).overall).toEqual({ passed: 0, failed: 0, notApplicable: 0, score: null });
    expect(scoreOf(0, 0)).toBeNull();
    expect(scoreOf(1, 3)).toBe(0.25);
  });
});
