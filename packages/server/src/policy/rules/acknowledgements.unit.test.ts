import { describe, expect, it } from 'vitest';
import type { ComplianceSnapshot, SnapshotAcknowledgement, SnapshotDocument } from '../snapshot.ts';
import { buildPerson, buildSnapshot, runRule } from '../test-support.ts';
import { changeInformRule, knowPolicyRule, knowRulesRule } from './acknowledgements.ts';

// Today is Saturday 2026-11-28. Socialförvaltningen has ten active employees; the threshold is 90 %
// and a new version is acknowledged within 10 working days.
const staff = Array.from({ length: 10 }, (_, index) => buildPerson(`p${index}`, { name: `Person ${index}` }));

function buildDocument(
  id: string,
  kind: SnapshotDocument['kind'],
  overrides: Partial<SnapshotDocument> = {},
  editorial = false,
): SnapshotDocument {
  return {
    id,
    kind,
    title: id,
    requiresAcknowledgement: true,
    audienceDepartmentIds: [],
    reviewIntervalMonths: 36,
    nextReviewDate: '2029-01-01',
    currentVersion: { id: `${id}-v2`, number: 2, adoptedBy: 'KS', adoptedOn: '2026-10-01', editorial },
    ...overrides,
  };
}
const policy = buildDocument('policy', 'it_policy');
const guidelines = buildDocument('guidelines', 'security_guidelines');
const email = buildDocument('email', 'email_rules');

function row(personIndex: number, document: SnapshotDocument, overrides: Partial<SnapshotAcknowledgement> = {}): SnapshotAcknowledgement {
  return {
    personId: `p${personIndex}`,
    versionId: document.currentVersion!.id,
    state: 'acknowledged',
    requestedOn: '2026-10-01',
    acknowledgedOn: '2026-10-05',
    ...overrides,
  };
}

const snapshotWith = (documents: SnapshotDocument[], acknowledgements: SnapshotAcknowledgement[]): ComplianceSnapshot =>
  buildSnapshot([], { people: staff, documents, acknowledgements });
const social = (rule: typeof knowPolicyRule, snapshot: ComplianceSnapshot) =>
  runRule(rule, snapshot).find((result) => result.subjectId === 'department-social')!;
const everyone = (document: SnapshotDocument, count = 10, overrides: Partial<SnapshotAcknowledgement> = {}) =>
  Array.from({ length: count }, (_, index) => row(index, document, overrides));

describe('ITP-4.2-KNOW', () => {
  it('passes when 9 of 10 acknowledged both the IT policy and the guidelines in force', () => {
    const snapshot = snapshotWith([policy, guidelines], [...everyone(policy), ...everyone(guidelines, 9)]);
    expect(social(knowPolicyRule, snapshot)).toMatchObject({
      clauseId: 'ITP-4.2-KNOW',
      subjectType: 'department',
      status: 'pass',
      reason: 'share_met',
      evidence: { asked: 10, met: 9, notMet: ['Person 9'], documents: ['policy, version 2', 'guidelines, version 2'] },
    });
  });

  it('fails when 8 of 10 did, and does not count an acknowledgement that is only requested', () => {
    const snapshot = snapshotWith(
      [policy, guidelines],
      [...everyone(policy), ...everyone(guidelines, 8), row(8, guidelines, { state: 'requested', acknowledgedOn: null })],
    );
    expect(social(knowPolicyRule, snapshot)).toMatchObject({ status: 'fail', reason: 'share_below', evidence: { sharePercent: 80 } });
  });

  it('does not ask for the e-mail rules, and judges no department no document is for', () => {
    expect(social(knowPolicyRule, snapshotWith([policy, guidelines, email], [...everyone(policy), ...everyone(guidelines)]))).toMatchObject(
      { status: 'pass' },
    );
    const elsewhere = buildDocument('policy', 'it_policy', { audienceDepartmentIds: ['department-it'] });
    expect(social(knowPolicyRule, snapshotWith([elsewhere], []))).toMatchObject({
      status: 'not_applicable',
      reason: 'no_document_to_acknowledge',
    });
    expect(runRule(knowPolicyRule, buildSnapshot([]))).toEqual([]);
  });
});

describe('ITP-12-KNOWLEDGE', () => {
  it('asks for every document that requires acknowledgement: the e-mail rules too', () => {
    const rows = [...everyone(policy), ...everyone(guidelines)];
    expect(social(knowRulesRule, snapshotWith([policy, guidelines, email], [...rows, ...everyone(email)]))).toMatchObject({
      status: 'pass',
    });
    expect(social(knowRulesRule, snapshotWith([policy, guidelines, email], [...rows, ...everyone(email, 5)]))).toMatchObject({
      status: 'fail',
      evidence: { met: 5 },
    });
    const notAsked = buildDocument('email', 'email_rules', { requiresAcknowledgement: false });
    expect(social(knowRulesRule, snapshotWith([policy, guidelines, notAsked], rows))).toMatchObject({ status: 'pass' });
  });
});

describe('ITP-12-CHANGE-INFORM', () => {
  // Asked on Thursday 2026-10-01: 10 working days end on Thursday 2026-10-15.
  it('passes when 9 of 10 acknowledged within 10 working days', () => {
    const rows = [...everyone(email, 9, { acknowledgedOn: '2026-10-15' }), row(9, email, { state: 'requested', acknowledgedOn: null })];
    expect(social(changeInformRule, snapshotWith([email], rows))).toMatchObject({
      status: 'pass',
      reason: 'share_met',
      evidence: { workingDays: 10, met: 9 },
    });
  });

  it('fails when acknowledgements came a day late, or are still open after the days', () => {
    const late = everyone(email, 10, { acknowledgedOn: '2026-10-16' });
    expect(social(changeInformRule, snapshotWith([email], late))).toMatchObject({
      status: 'fail',
      reason: 'share_below',
      evidence: { met: 0 },
    });
    const open = everyone(email, 10, { state: 'requested', acknowledgedOn: null });
    expect(social(changeInformRule, snapshotWith([email], open))).toMatchObject({ status: 'fail' });
  });

  it('does not judge requests still inside their days, withdrawn ones, or an editorial version', () => {
    const recent = everyone(email, 10, { state: 'requested', acknowledgedOn: null, requestedOn: '2026-11-20' });
    expect(social(changeInformRule, snapshotWith([email], recent))).toMatchObject({ status: 'not_applicable', reason: 'no_request_due' });
    const withdrawn = everyone(email, 10, { state: 'withdrawn', acknowledgedOn: null });
    expect(social(changeInformRule, snapshotWith([email], withdrawn))).toMatchObject({ status: 'not_applicable' });
    const editorial = buildDocument('email', 'email_rules', {}, true);
    expect(social(changeInformRule, snapshotWith([editorial], everyone(editorial, 10, { acknowledgedOn: '2026-11-01' })))).toMatchObject({
      status: 'not_applicable',
    });
  });

  it('counts public holidays out of the working days', () => {
    // Asked on 2026-12-22: Christmas Eve, Christmas Day, Boxing Day and New Year's Day are off.
    const holidays = ['2026-12-24', '2026-12-25', '2026-12-26', '2027-01-01', '2027-01-06'];
    const asked = everyone(email, 10, { requestedOn: '2026-12-22', acknowledgedOn: '2027-01-08' });
    const snapshot = { ...snapshotWith([email], asked), evaluatedAt: '2027-02-01T09:00:00.000Z', holidays };
    expect(social(changeInformRule, snapshot)).toMatchObject({ status: 'pass' });
  });
});
