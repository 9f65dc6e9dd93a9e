import { describe, expect, it } from 'vitest';
import type { SnapshotReview } from '../snapshot.ts';
import { buildSystem, createRuleHarness } from '../test-support.ts';
import { reviewRule } from './review.ts';

const harness = createRuleHarness(reviewRule);
const review = (overrides: Partial<SnapshotReview> = {}): SnapshotReview => ({
  id: 'review-1',
  systemId: 'system-1',
  status: 'held',
  heldOn: '2026-03-01',
  evaluations: { use: true, coordination: true, efficiency: true },
  adjacentSystemCount: 2,
  adjacentConsideredCount: 2,
  ...overrides,
});

describe('ITP-4.2-REVIEW', () => {
  it('passes a held review within the interval that considered the adjacent systems', () => {
    expect(harness.check(buildSystem(), { reviews: [review()] })).toMatchObject({
      status: 'pass',
      reason: 'review_current',
      evidence: { heldOn: '2026-03-01' },
      fixPath: '/systems/system-1#reviews',
    });
  });

  it('fails a system never reviewed, or only planned', () => {
    expect(harness.check(buildSystem(), { reviews: [] }).reason).toBe('never_reviewed');
    expect(harness.check(buildSystem(), { reviews: [review({ status: 'planned', heldOn: null })] }).reason).toBe('never_reviewed');
    expect(harness.check(buildSystem(), { reviews: [review({ systemId: 'other' })] }).status).toBe('fail');
  });

  it('fails when the newest held review is older than the interval', () => {
    expect(
      harness.check(buildSystem(), { reviews: [review({ heldOn: '2025-11-27' }), review({ id: 'older', heldOn: '2024-01-01' })] }),
    ).toMatchObject({ status: 'fail', reason: 'review_stale' });
    expect(harness.check(buildSystem(), { reviews: [review({ heldOn: '2025-11-28' })] }).status).toBe('pass');
  });

  it('fails a review that left adjacent systems unconsidered', () => {
    expect(harness.check(buildSystem(), { reviews: [review({ adjacentConsideredCount: 1 })] })).toMatchObject({
      status: 'fail',
      reason: 'adjacent_not_considered',
    });
  });

  it('is not applicable before production, out of scope or retired', () => {
    expect(harness.check(buildSystem({ lifecycle: 'introducing' }), { reviews: [] })).toMatchObject({
      status: 'not_applicable',
      reason: 'not_in_production',
    });
    expect(harness.check(buildSystem({ scope: 'teaching' }), { reviews: [] }).reason).toBe('out_of_scope');
  });

  it('exercised every reason code', () => {
    expect(harness.unseenReasons()).toEqual([]);
  });
});
