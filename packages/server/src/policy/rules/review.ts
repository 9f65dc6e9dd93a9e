/** ITP-4.2-REVIEW: every system in production has a held review within the interval, which considered its adjacent systems. */
import { readParameter } from '../policy-pack.ts';
import type { ComplianceRule } from '../rule.ts';
import { subtractMonths } from '../dates.ts';
import type { SnapshotReview } from '../snapshot.ts';
import { evaluateEachSystem } from './system-subjects.ts';

/** The newest held review of each system. */
export function latestHeldReviews(reviews: readonly SnapshotReview[] | undefined): Map<string, SnapshotReview> {
  const latest = new Map<string, SnapshotReview>();
  for (const review of reviews ?? []) {
    if (review.status !== 'held' || review.heldOn === null) continue;
    const current = latest.get(review.systemId);
    if (current === undefined || review.heldOn > current.heldOn!) latest.set(review.systemId, review);
  }
  return latest;
}

export const reviewRule: ComplianceRule = {
  clauseId: 'ITP-4.2-REVIEW',
  subjectType: 'system',
  parameterKeys: ['reviewIntervalMonths'],
  reasonCodes: ['review_current', 'never_reviewed', 'review_stale', 'adjacent_not_considered', 'not_in_production'],
  evaluate(snapshot, parameters, context) {
    const intervalMonths = readParameter(parameters, 'reviewIntervalMonths');
    const oldestCurrent = subtractMonths(context.today, intervalMonths);
    const latest = latestHeldReviews(snapshot.reviews);
    return evaluateEachSystem(snapshot, context, 'ITP-4.2-REVIEW', 'reviews', (system) => {
      // Only a system in use can be reviewed for how it is used.
      if (system.lifecycle !== 'in_production')
        return { status: 'not_applicable', reason: 'not_in_production', evidence: { lifecycle: system.lifecycle } };
      const review = latest.get(system.id);
      if (review === undefined) return { status: 'fail', reason: 'never_reviewed', evidence: { intervalMonths } };
      const evidence = {
        reviewId: review.id,
        heldOn: review.heldOn,
        intervalMonths,
        adjacentSystemCount: review.adjacentSystemCount,
        adjacentConsideredCount: review.adjacentConsideredCount,
      };
      if (review.heldOn! < oldestCurrent) return { status: 'fail', reason: 'review_stale', evidence };
      if (review.adjacentConsideredCount < review.adjacentSystemCount)
        return { status: 'fail', reason: 'adjacent_not_considered', evidence };
      return { status: 'pass', reason: 'review_current', evidence };
    });
  },
};
