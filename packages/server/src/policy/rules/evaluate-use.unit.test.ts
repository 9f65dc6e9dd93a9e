import { describe, expect, it } from 'vitest';
import type { SnapshotReview } from '../snapshot.ts';
import { buildSystem, createRuleHarness } from '../test-support.ts';
import { evaluateUseRule } from './evaluate-use.ts';

const harness = createRuleHarness(evaluateUseRule);
const review = (overrides: Partial<SnapshotReview> = {}): SnapshotReview => ({
  id: 'review-1',
  systemId: 'system-1',
  status: 'held',
  heldOn: '2026-03-01',
  evaluations: { use: true, coordination: true, efficiency: true },
  adjacentSystemCount: 0,
  adjacentConsideredCount: 0,
  ...overrides,
});

describe('ITP-3-EVALUATE', () => {
  it('passes when the latest held review records all three evaluations', () => {
    expect(harness.check(buildSystem(), { reviews: [review()] })).toMatchObject({
      status: 'pass',
      reason: 'evaluations_recorded',
      evidence: { missing: [] },
    });
  });

  it('fails and names each missing evaluation, judged on the latest held review only', () => {
    const reviews = [
      review({ id: 'new', heldOn: '2026-10-01', evaluations: { use: true, coordination: false, efficiency: false } }),
      review({ id: 'old', heldOn: '2025-10-01' }),
    ];
    expect(harness.check(buildSystem(), { reviews })).toMatchObject({
      status: 'fail',
      reason: 'evaluations_missing',
      evidence: { reviewId: 'new', missing: ['coordination', 'efficiency'] },
    });
  });

  it('is not applicable without a held review, and to systems out of scope', () => {
    expect(harness.check(buildSystem(), { reviews: [review({ status: 'planned', heldOn: null })] })).toMatchObject({
      status: 'not_applicable',
      reason: 'no_held_review',
    });
    expect(harness.check(buildSystem({ lifecycle: 'retired' }), { reviews: [review()] }).reason).toBe('system_retired');
  });

  it('exercised every reason code', () => {
    expect(harness.unseenReasons()).toEqual([]);
  });
});
