/** ITP-3-EVALUATE: the latest held review of a system records the three evaluations of §3 (use, coordination, efficiency). */
import type { ComplianceRule } from '../rule.ts';
import { latestHeldReviews } from './review.ts';
import { evaluateEachSystem } from './system-subjects.ts';

export const evaluateUseRule: ComplianceRule = {
  clauseId: 'ITP-3-EVALUATE',
  subjectType: 'system',
  parameterKeys: [],
  reasonCodes: ['evaluations_recorded', 'evaluations_missing', 'no_held_review'],
  evaluate(snapshot, _parameters, context) {
    const latest = latestHeldReviews(snapshot.reviews);
    return evaluateEachSystem(snapshot, context, 'ITP-3-EVALUATE', 'reviews', (system) => {
      const review = latest.get(system.id);
      // Whether a review is due at all is ITP-4.2-REVIEW's verdict; this rule judges what a review recorded.
      if (review === undefined) return { status: 'not_applicable', reason: 'no_held_review', evidence: {} };
      const missing = (['use', 'coordination', 'efficiency'] as const).filter((key) => !review.evaluations[key]);
      const evidence = { reviewId: review.id, heldOn: review.heldOn, missing };
      return missing.length > 0
        ? { status: 'fail', reason: 'evaluations_missing', evidence }
        : { status: 'pass', reason: 'evaluations_recorded', evidence };
    });
  },
};
