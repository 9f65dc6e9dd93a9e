/**
 * The entry for bulk loaders (the demo, the workload generator and the server's tests), which
 * write records of processing and mailboxes below the services. Only src/demo, src/generate and
 * packages/server/test may import it (.dependency-cruiser.cjs).
 */
export { processingActivitiesRepository } from './processing-activities.repository.ts';
export { privacyReviewsRepository } from './privacy-reviews.repository.ts';
export { mailboxesRepository } from './mailboxes.repository.ts';
export { contentOf, contentValues, type ActivityContent } from './processing-activity-content.ts';
