import { describe, expect, it } from 'vitest';
import type { SnapshotDocument } from '../snapshot.ts';
import { buildSnapshot, runRule } from '../test-support.ts';
import {
  emailRulesRule,
  internetUseRule,
  operationsInstructionRule,
  policyRevisionRule,
  relatedDocumentsRule,
  securityGuidelinesRule,
} from './documents.ts';

// Today is 2026-11-28 (test-support).
function buildDocument(overrides: Partial<SnapshotDocument> = {}): SnapshotDocument {
  return {
    id: 'document-1',
    kind: 'it_policy',
    title: 'IT-policy för Tanums kommun',
    requiresAcknowledgement: true,
    audienceDepartmentIds: [],
    reviewIntervalMonths: 36,
    nextReviewDate: '2027-06-01',
    currentVersion: { id: 'version-2', number: 2, adoptedBy: 'KS', adoptedOn: '2024-06-01', editorial: false },
    ...overrides,
  };
}

const run = (rule: typeof policyRevisionRule, documents: SnapshotDocument[] | undefined) => runRule(rule, buildSnapshot([], { documents }));
const seen = new Set<string>();
const check = (rule: typeof policyRevisionRule, documents: SnapshotDocument[]) => {
  const results = run(rule, documents);
  for (const result of results) seen.add(result.reason);
  return results;
};

describe('ITP-13-REVISE', () => {
  it('passes an IT policy adopted within 36 months and before its review date', () => {
    expect(check(policyRevisionRule, [buildDocument()])).toEqual([
      expect.objectContaining({
        clauseId: 'ITP-13-REVISE',
        subjectType: 'document',
        subjectId: 'document-1',
        departmentId: null,
        status: 'pass',
        reason: 'document_in_force',
        evidence: expect.objectContaining({ versionNumber: 2, adoptedOn: '2024-06-01', dueDate: '2027-06-01', intervalMonths: 36 }),
        fixPath: '/documents/document-1',
      }),
    ]);
  });

  it('fails the Tanum IT policy of 2002, long past "at least every third year"', () => {
    const tanum = buildDocument({
      nextReviewDate: '2005-12-18',
      currentVersion: { id: 'version-1', number: 1, adoptedBy: 'Kommunstyrelsen', adoptedOn: '2002-12-18', editorial: false },
    });
    expect(check(policyRevisionRule, [tanum])[0]).toMatchObject({
      status: 'fail',
      reason: 'document_review_overdue',
      evidence: { dueDate: '2005-12-18', adoptedOn: '2002-12-18' },
    });
  });

  it("holds the policy to the pack's 36 months even when its own review interval is longer", () => {
    const lax = buildDocument({
      reviewIntervalMonths: 120,
      nextReviewDate: '2030-01-01',
      currentVersion: { id: 'version-1', number: 1, adoptedBy: 'KS', adoptedOn: '2022-01-01', editorial: false },
    });
    expect(check(policyRevisionRule, [lax])[0]).toMatchObject({ status: 'fail', evidence: { dueDate: '2025-01-01' } });
  });

  it('fails a policy never adopted, and a municipality with no IT policy at all', () => {
    expect(check(policyRevisionRule, [buildDocument({ currentVersion: null, nextReviewDate: null })])[0]).toMatchObject({
      status: 'fail',
      reason: 'document_not_adopted',
    });
    expect(check(policyRevisionRule, [buildDocument({ kind: 'email_rules' })])).toEqual([
      expect.objectContaining({
        status: 'fail',
        reason: 'document_missing',
        subjectId: 'missing-it_policy-tanum',
        subjectName: 'IT-policy',
      }),
    ]);
  });

  it('says nothing without the documents loaded (a few systems re-evaluated)', () => {
    expect(run(policyRevisionRule, undefined)).toEqual([]);
  });
});

describe('ITP-4.3-OPS-INSTRUCTION', () => {
  const instruction = (adoptedOn: string, nextReviewDate: string) =>
    buildDocument({
      kind: 'operations_instruction',
      title: 'Driftinstruktion',
      nextReviewDate,
      currentVersion: { id: 'v', number: 1, adoptedBy: 'IT-chefen', adoptedOn, editorial: false },
    });

  it('passes an instruction reviewed within 12 months', () => {
    expect(check(operationsInstructionRule, [instruction('2026-03-01', '2027-03-01')])[0]).toMatchObject({ status: 'pass' });
  });

  it('fails one reviewed 13 months ago, and fails when there is none', () => {
    expect(check(operationsInstructionRule, [instruction('2025-10-01', '2026-10-01')])[0]).toMatchObject({
      status: 'fail',
      reason: 'document_review_overdue',
      evidence: { intervalMonths: 12 },
    });
    expect(check(operationsInstructionRule, [])[0]).toMatchObject({
      status: 'fail',
      reason: 'document_missing',
      subjectName: 'Driftinstruktion',
    });
  });
});

describe('the documents the policy names (ITP-1-DOCS, ITP-9-AS-MAIL, ITP-10-OWN-USE, ITP-11-GUIDELINES)', () => {
  const of = (kind: SnapshotDocument['kind'], nextReviewDate = '2027-01-01') =>
    buildDocument({ id: kind, kind, title: kind, nextReviewDate });

  it('ITP-1-DOCS judges the infrastructure programme and the guidelines, each', () => {
    expect(check(relatedDocumentsRule, [of('infrastructure_programme'), of('security_guidelines')]).map((result) => result.status)).toEqual(
      ['pass', 'pass'],
    );
    expect(check(relatedDocumentsRule, [of('infrastructure_programme', '2003-11-28')]).map((result) => result.reason)).toEqual([
      'document_review_overdue',
      'document_missing',
    ]);
  });

  it.each([
    ['email_rules', emailRulesRule],
    ['internet_use', internetUseRule],
    ['security_guidelines', securityGuidelinesRule],
  ] as const)('passes an adopted, current %s and fails one past its review date', (kind, rule) => {
    expect(check(rule, [of(kind)])[0]).toMatchObject({ status: 'pass', reason: 'document_in_force' });
    expect(check(rule, [of(kind, '2026-11-27')])[0]).toMatchObject({ status: 'fail', reason: 'document_review_overdue' });
    // Due today is still current.
    expect(check(rule, [of(kind, '2026-11-28')])[0]).toMatchObject({ status: 'pass' });
  });

  it('exercised every reason code', () => {
    expect(policyRevisionRule.reasonCodes.filter((reason) => !seen.has(reason))).toEqual([]);
  });
});
