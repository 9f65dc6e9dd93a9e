import { describe, expect, it } from 'vitest';
import { tanumPolicyPack } from '../tanum-pack.ts';
import { createRuleContext } from '../rule.ts';
import type { ComplianceSnapshot, SnapshotProcessingActivity, SnapshotSystem } from '../snapshot.ts';
import { mailboxRule, officialDocumentsRule, personalDataRule } from './personal-data.ts';

const evaluatedAt = '2026-12-02T10:00:00.000Z';
const system = (id: string, processesPersonalData: boolean): SnapshotSystem => ({
  id,
  name: id,
  kind: 'department',
  scope: 'administrative',
  lifecycle: 'in_production',
  ownerDepartmentId: 'care',
  usingDepartmentIds: [],
  yearlyCosts: { licence: null, operation: null, support: null, other: null },
  lastConfirmedAt: null,
  assignments: [],
  duties: [],
  processesPersonalData,
});
const sound: SnapshotProcessingActivity = {
  id: 'a1',
  name: 'Social dokumentation',
  systemIds: ['treserva'],
  legalBasis: 'legal_obligation',
  hasSpecialCategories: true,
  specialCategoryBasis: 'health_or_social_care',
  retention: '5 år',
  reviewState: 'approved',
  lastReviewedOn: '2026-06-01',
  processors: [{ name: 'Leverantör AB', agreementSignedOn: '2025-01-01', agreementExpiresOn: '2027-01-01' }],
  dpiaNeeded: true,
  dpiaDoneOn: '2025-02-01',
};
const base = (overrides: Partial<ComplianceSnapshot>): ComplianceSnapshot => ({
  municipalityId: 'm',
  evaluatedAt,
  departments: [{ id: 'care', name: 'Omsorg', parentId: null, isItUnit: false }],
  people: [],
  systems: [system('treserva', true), system('kalender', false)],
  ...overrides,
});
const run = (rule: typeof personalDataRule, snapshot: ComplianceSnapshot) =>
  rule.evaluate(snapshot, tanumPolicyPack.parameters, createRuleContext(snapshot));

describe('ITP-8-PERSONAL-DATA', () => {
  it('passes a system covered by a sound record, and asks nothing of a system without personal data', () => {
    const results = run(personalDataRule, base({ processingActivities: [sound] }));
    expect(results.map((result) => [result.subjectId, result.status, result.reason])).toEqual([
      ['treserva', 'pass', 'processing_recorded'],
      ['kalender', 'not_applicable', 'no_personal_data'],
    ]);
    expect(results[0]!.fixPath).toBe('/systems/treserva#privacy');
  });

  it('fails a system without a record, and each defect of its records', () => {
    expect(run(personalDataRule, base({ processingActivities: [] }))[0]!.reason).toBe('no_processing_record');
    const cases: [Partial<SnapshotProcessingActivity>, string][] = [
      [{ legalBasis: null }, 'legal_basis_missing'],
      [{ specialCategoryBasis: null }, 'legal_basis_missing'],
      [{ retention: null }, 'retention_missing'],
      // A changed record is pending again: its approval is gone.
      [{ reviewState: 'pending' }, 'review_missing'],
      [{ reviewState: 'returned' }, 'review_missing'],
      [{ lastReviewedOn: '2025-11-30' }, 'review_stale'],
      [{ processors: [{ name: 'X', agreementSignedOn: null, agreementExpiresOn: null }] }, 'processor_agreement_missing'],
      [{ processors: [{ name: 'X', agreementSignedOn: '2020-01-01', agreementExpiresOn: '2026-12-01' }] }, 'processor_agreement_expired'],
      [{ dpiaDoneOn: null }, 'dpia_missing'],
    ];
    for (const [change, reason] of cases) {
      const [result] = run(personalDataRule, base({ processingActivities: [sound, { ...sound, id: 'a2', ...change }] }));
      expect([result!.status, result!.reason], reason).toEqual(['fail', reason]);
    }
  });

  it('reads a snapshot without records as none: a system with personal data fails', () => {
    expect(run(personalDataRule, base({}))[0]!.reason).toBe('no_processing_record');
  });
});

describe('ITP-8-MAILBOX', () => {
  const person = (personId: string, employed = true) => ({ personId, name: personId, employed });
  it('passes a department whose mailboxes have an employed responsible and another, employed deputy', () => {
    const [result] = run(
      mailboxRule,
      base({
        mailboxes: [{ id: 'b', address: 'bygg@tanum.se', departmentId: 'care', responsible: person('p1'), deputies: [person('p2')] }],
      }),
    );
    expect([result!.status, result!.reason]).toEqual(['pass', 'mailboxes_covered']);
  });

  it('fails without a deputy, with the responsible as their own deputy, and once the responsible has left', () => {
    const mailbox = (responsible: ReturnType<typeof person> | null, deputies: ReturnType<typeof person>[]) => ({
      id: 'b',
      address: 'bygg@tanum.se',
      departmentId: 'care',
      responsible,
      deputies,
    });
    const reasonOf = (box: ReturnType<typeof mailbox>) => run(mailboxRule, base({ mailboxes: [box] }))[0]!.reason;
    expect(reasonOf(mailbox(person('p1'), []))).toBe('mailbox_without_deputy');
    expect(reasonOf(mailbox(person('p1'), [person('p1')]))).toBe('mailbox_without_deputy');
    expect(reasonOf(mailbox(person('p1'), [person('p2', false)]))).toBe('mailbox_without_deputy');
    expect(reasonOf(mailbox(person('p1', false), [person('p2')]))).toBe('mailbox_without_responsible');
    expect(reasonOf(mailbox(null, [person('p2')]))).toBe('mailbox_without_responsible');
    expect(run(mailboxRule, base({ mailboxes: [] }))[0]!.reason).toBe('no_mailbox');
  });
});

describe('ITP-8-OFFICIAL-DOC', () => {
  const people = ['p1', 'p2', 'p3'].map((id) => ({
    id,
    name: id,
    departmentId: 'care',
    employmentStatus: 'active' as const,
    hasPersonalMailbox: id !== 'p3',
  }));
  const documents: ComplianceSnapshot['documents'] = [
    {
      id: 'd',
      kind: 'email_rules',
      title: 'Regler för e-post',
      requiresAcknowledgement: true,
      audienceDepartmentIds: [],
      reviewIntervalMonths: 12,
      nextReviewDate: null,
      currentVersion: { id: 'v', number: 1, adoptedBy: null, adoptedOn: '2026-01-01', editorial: false },
    },
  ];
  const acknowledged = (personId: string) => ({
    personId,
    versionId: 'v',
    state: 'acknowledged' as const,
    requestedOn: '2026-01-02',
    acknowledgedOn: '2026-01-03',
  });

  it('counts only the people with a mailbox, and passes when they have all acknowledged the e-mail rules', () => {
    const [result] = run(officialDocumentsRule, base({ people, documents, acknowledgements: [acknowledged('p1'), acknowledged('p2')] }));
    expect([result!.status, result!.reason, result!.evidence.asked]).toEqual(['pass', 'share_met', 2]);
  });

  it('fails below the threshold, and when no e-mail rules are in force', () => {
    const [below] = run(officialDocumentsRule, base({ people, documents, acknowledgements: [acknowledged('p1')] }));
    expect([below!.status, below!.reason, below!.evidence.sharePercent]).toEqual(['fail', 'share_below', 50]);
    const [none] = run(officialDocumentsRule, base({ people, documents: [], acknowledgements: [] }));
    expect([none!.status, none!.evidence.emailRulesInForce]).toEqual(['fail', false]);
  });
});
