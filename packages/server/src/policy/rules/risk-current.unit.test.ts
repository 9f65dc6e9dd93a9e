import { describe, expect, it } from 'vitest';
import type { SnapshotChangeNotice, SnapshotRiskAnalysis } from '../snapshot.ts';
import { buildSystem, createRuleHarness } from '../test-support.ts';
import { riskCurrentRule } from './risk-current.ts';

const harness = createRuleHarness(riskCurrentRule);
const analysis = (overrides: Partial<SnapshotRiskAnalysis> = {}): SnapshotRiskAnalysis => ({
  id: 'risk-1',
  systemId: 'system-1',
  analysedOn: '2026-06-01',
  superseded: false,
  ...overrides,
});
const change = (overrides: Partial<SnapshotChangeNotice> = {}): SnapshotChangeNotice => ({
  id: 'notice-1',
  title: 'Ny server',
  kind: 'operation',
  systemIds: ['system-1'],
  status: 'acknowledged',
  createdOn: '2026-05-01',
  plannedOn: null,
  ...overrides,
});

describe('ITP-4.2.1-RISK-CURRENT', () => {
  it('passes a recent analysis made after the latest operational change', () => {
    expect(harness.check(buildSystem(), { riskAnalyses: [analysis()], changeNotices: [change()] })).toMatchObject({
      status: 'pass',
      reason: 'risk_analysis_current',
      evidence: { latestChangeOn: '2026-05-01' },
      fixPath: '/systems/system-1#risks',
    });
  });

  it('fails a system in production without an analysis', () => {
    expect(harness.check(buildSystem(), { riskAnalyses: [analysis({ systemId: 'other' })] }).reason).toBe('no_risk_analysis');
  });

  it('fails an analysis older than the interval; a superseded revision does not count', () => {
    expect(harness.check(buildSystem(), { riskAnalyses: [analysis({ analysedOn: '2025-11-27' })] }).reason).toBe('risk_analysis_stale');
    expect(
      harness.check(buildSystem(), {
        riskAnalyses: [analysis({ analysedOn: '2025-11-27' }), analysis({ id: 'x', analysedOn: '2026-11-01', superseded: true })],
      }).reason,
    ).toBe('risk_analysis_stale');
  });

  it('fails an analysis older than an operational change that has happened', () => {
    expect(
      harness.check(buildSystem(), { riskAnalyses: [analysis()], changeNotices: [change({ plannedOn: '2026-09-01' })] }),
    ).toMatchObject({ status: 'fail', reason: 'older_than_change', evidence: { latestChangeNoticeId: 'notice-1' } });
    // A change still to come, or one of responsibility, does not make the analysis stale.
    expect(
      harness.check(buildSystem(), {
        riskAnalyses: [analysis()],
        changeNotices: [change({ plannedOn: '2027-01-01' }), change({ kind: 'responsibility', createdOn: '2026-10-01' })],
      }).status,
    ).toBe('pass');
  });

  it('is not applicable before production or out of scope', () => {
    expect(harness.check(buildSystem({ lifecycle: 'planned' }), { riskAnalyses: [] })).toMatchObject({
      status: 'not_applicable',
      reason: 'not_in_production',
    });
    expect(harness.check(buildSystem({ scope: 'public' })).reason).toBe('out_of_scope');
  });

  it('exercised every reason code', () => {
    expect(harness.unseenReasons()).toEqual([]);
  });
});
