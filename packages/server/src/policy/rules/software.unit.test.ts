import { describe, expect, it } from 'vitest';
import type { SnapshotContract, SnapshotSoftware, SnapshotSoftwareRecords } from '../snapshot.ts';
import { buildSnapshot, buildSystem, runRule } from '../test-support.ts';
import { contractNoticeRule } from './contract-notice.ts';
import { genericSoftwareRule, licenceRule, openSourceRule, selfDevelopedRule } from './software.ts';

/** Today is Saturday 2026-11-28 (test-support). */
const product = (overrides: Partial<SnapshotSoftware> = {}): SnapshotSoftware => ({
  id: 'software-1',
  product: 'Bokningsappen',
  origin: 'self_developed',
  licence: null,
  systemIds: ['system-1'],
  decisions: [],
  ...overrides,
});
const records = (overrides: Partial<SnapshotSoftwareRecords>): SnapshotSoftwareRecords => ({
  software: [],
  licences: [],
  consumption: [],
  contracts: [],
  ...overrides,
});
const run = (
  rule: Parameters<typeof runRule>[0],
  softwareRecords: SnapshotSoftwareRecords,
  lifecycle: 'in_production' | 'planned' = 'in_production',
) => runRule(rule, buildSnapshot([buildSystem({ lifecycle })], { softwareRecords, holidays: ['2026-12-24', '2026-12-25', '2026-12-31'] }));

describe('ITP-7-GENERIC', () => {
  it('passes a system whose software is recorded, naming its self-developed products', () => {
    expect(run(genericSoftwareRule, records({ software: [product()] }))[0]).toMatchObject({
      status: 'pass',
      reason: 'software_recorded',
      evidence: { selfDeveloped: ['Bokningsappen'] },
      fixPath: '/systems/system-1#software',
    });
  });

  it('fails a system in production with no software recorded, and leaves a planned one be', () => {
    expect(run(genericSoftwareRule, records({}))[0]).toMatchObject({ status: 'fail', reason: 'software_not_recorded' });
    expect(run(genericSoftwareRule, records({}), 'planned')[0]).toMatchObject({ status: 'not_applicable', reason: 'not_in_production' });
  });
});

describe('ITP-7-SELF-DEVELOPED and ITP-7-OPEN-SOURCE', () => {
  it('passes a product with a current decision of the IT chief', () => {
    const allowed = product({ decisions: [{ status: 'allowed', validUntil: '2027-06-30', reviewComplete: false }] });
    expect(run(selfDevelopedRule, records({ software: [allowed] }))[0]).toMatchObject({
      status: 'pass',
      reason: 'decision_current',
      subjectType: 'software',
      fixPath: '/software/software-1',
    });
  });

  it('fails one without a decision, waiting, refused or past its end date', () => {
    const cases: Array<[SnapshotSoftware['decisions'], string]> = [
      [[], 'decision_missing'],
      [[{ status: 'proposed', validUntil: null, reviewComplete: false }], 'decision_pending'],
      [[{ status: 'refused', validUntil: null, reviewComplete: false }], 'decision_refused'],
      [[{ status: 'allowed', validUntil: '2026-11-27', reviewComplete: true }], 'decision_expired'],
    ];
    for (const [decisions, reason] of cases)
      expect(run(selfDevelopedRule, records({ software: [product({ decisions })] }))[0]).toMatchObject({ status: 'fail', reason });
  });

  it('judges open source by its own rule, which also asks for the SPDX licence', () => {
    const allowed = [{ status: 'allowed' as const, validUntil: null, reviewComplete: true }];
    const software = [
      product({ origin: 'open_source', licence: 'MPL-2.0', decisions: allowed }),
      product({ id: 'software-2', decisions: [] }),
    ];
    const results = run(openSourceRule, records({ software }));
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ status: 'pass', evidence: { reviewComplete: true } });
    expect(
      run(openSourceRule, records({ software: [product({ origin: 'open_source', licence: null, decisions: allowed })] }))[0],
    ).toMatchObject({
      status: 'fail',
      reason: 'licence_not_spdx',
    });
  });
});

describe('ITP-7-LICENCE', () => {
  const licensed = (quantity: number, consumed: number, validUntil: string | null = null) =>
    run(
      licenceRule,
      records({
        software: [product({ origin: 'commercial' })],
        licences: [
          { softwareId: 'software-1', metric: 'per_device', quantity, validFrom: null, validUntil },
          { softwareId: 'software-1', metric: 'per_device', quantity: 5, validFrom: '2026-01-01', validUntil: '2026-12-31' },
        ],
        consumption: [{ softwareId: 'software-1', kind: 'installation', total: consumed }],
      }),
    )[0];

  it('passes when overlapping entitlements together cover the installations', () => {
    expect(licensed(10, 15)).toMatchObject({
      status: 'pass',
      reason: 'licences_cover',
      evidence: { position: [{ kind: 'installation', entitled: 15, consumed: 15 }] },
    });
  });

  it('fails over-consumption, and consumption only an expired entitlement covered', () => {
    expect(licensed(10, 16)).toMatchObject({ status: 'fail', reason: 'licences_exceeded' });
    expect(licensed(10, 12, '2026-10-31')).toMatchObject({
      status: 'fail',
      reason: 'licence_expired',
      evidence: { position: [{ entitled: 5, expiredEntitled: 10, consumed: 12 }] },
    });
  });
});

describe('ITP-7-CONTRACT-NOTICE', () => {
  const contract = (overrides: Partial<SnapshotContract> = {}): SnapshotContract => ({
    id: 'contract-1',
    title: 'Drift och support',
    startsOn: '2024-01-01',
    endsOn: '2027-03-31',
    noticePeriod: { amount: 6, unit: 'months' },
    automaticRenewal: true,
    renewalMonths: 12,
    noticeDecision: null,
    noticeDecidedOn: null,
    systemIds: ['system-1'],
    ...overrides,
  });
  const check = (subject: SnapshotContract) => run(contractNoticeRule, records({ contracts: [subject] }))[0];

  it('passes a contract whose notice date lies ahead, or whose decision is recorded', () => {
    expect(check(contract({ endsOn: '2027-06-30' }))).toMatchObject({
      status: 'pass',
      reason: 'notice_ahead',
      evidence: { noticeDate: '2026-12-30' },
    });
    expect(check(contract({ noticeDecision: 'continue', noticeDecidedOn: '2026-09-01' }))).toMatchObject({
      status: 'pass',
      reason: 'notice_decided',
    });
  });

  it('fails one whose notice date passed with nothing decided', () => {
    // 2027-03-31 minus six months: Thursday 2026-09-30.
    expect(check(contract())).toMatchObject({
      status: 'fail',
      reason: 'notice_passed_undecided',
      departmentId: 'department-social',
      evidence: { noticeDate: '2026-09-30', currentTermEndsOn: '2027-03-31' },
      fixPath: '/contracts/contract-1',
    });
    expect(check(contract({ automaticRenewal: false, endsOn: '2026-06-30' }))).toMatchObject({
      status: 'not_applicable',
      reason: 'contract_ended',
    });
  });
});
