import { randomUUID } from 'node:crypto';
import type { PrivacyReview, PrivacyReviewCreate } from '@forvalta/contracts';
import { actorName } from '../../access/actor.ts';
import { municipalityOf } from '../../access/authorise.ts';
import { useCase } from '../../access/use-case.ts';
import { swedishToday } from '../../platform/calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import type { DatabaseHandle } from '../../platform/database.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import { versionedWrites } from '../../platform/versioned-write.ts';
import { processingActivityActions } from './privacy-abilities.ts';
import { privacyReviewsRepository as reviews } from './privacy-reviews.repository.ts';
import { processingActivitiesRepository as activities } from './processing-activities.repository.ts';

/**
 * The data protection officer's reviews of records of processing. A review is of the version the
 * officer read (If-Match): a record changed since is not what they approved, so the review is
 * refused (412) rather than approving what they never saw.
 */
export function createPrivacyReviewsService(db: DatabaseHandle, clock: Clock) {
  const versioned = versionedWrites(db, clock);

  return {
    listPrivacyReviews: useCase('processingActivity.read', async ({ actor, authorise }, activityId: string) => {
      authorise();
      const municipalityId = municipalityOf(actor);
      if (!(await activities.findById(db, municipalityId, activityId))) throw notFound('Processing activity');
      return { items: await reviews.listOfActivity(db, municipalityId, activityId) };
    }),

    reviewProcessingActivity: useCase(
      processingActivityActions.review,
      async (
        { actor, authorise },
        activityId: string,
        expectedVersion: ExpectedVersion,
        input: PrivacyReviewCreate,
      ): Promise<PrivacyReview> => {
        const municipalityId = municipalityOf(actor);
        const today = swedishToday(clock.now());
        const reviewedOn = input.reviewedOn ?? today;
        if (reviewedOn > today) throw invalid('reviewedOn', 'A review is dated today or earlier.');
        let review: PrivacyReview | undefined;
        await versioned.update(actor, {
          entity: 'Processing activity',
          expectedVersion,
          load: (transaction) => activities.findById(transaction, municipalityId, activityId),
          // The officer reviews every record of the municipality, whichever department answers for it.
          authorise: (before) => authorise({ departmentId: before.controllerDepartmentId }),
          apply: async (transaction, before, version) => {
            const now = clock.now().toISOString();
            const written = await activities.update(transaction, municipalityId, activityId, version, {
              review_state: input.outcome,
              last_reviewed_on: reviewedOn,
              updated_at: now,
            });
            if (!written) return false;
            review = await reviews.insert(transaction, {
              id: randomUUID(),
              municipality_id: municipalityId,
              activity_id: activityId,
              outcome: input.outcome,
              reviewed_on: reviewedOn,
              remarks: input.remarks ?? null,
              reviewer_person_id: actor.kind === 'person' ? actor.personId : null,
              reviewer_name: actorName(actor),
              activity_version: before.version,
              created_at: now,
            });
            return true;
          },
          audit: (before, after) => ({
            action: 'privacy_review',
            entityType: 'processing_activity',
            entityId: activityId,
            before: { reviewState: before.reviewState, lastReviewedOn: before.lastReviewedOn },
            after: { reviewState: after.reviewState, lastReviewedOn: after.lastReviewedOn, review },
          }),
        });
        return review!;
      },
    ),
  };
}

export type PrivacyReviewsService = ReturnType<typeof createPrivacyReviewsService>;
