/** The reviews module's public entry: periodic reviews of systems (.dependency-cruiser.cjs). */
export { createReviewsService, type ReviewsService } from './reviews.service.ts';
export { registerReviewRoutes } from './reviews.routes.ts';
/** The to-do list's review task of a system's manager (issue #13). */
export { reviewTaskSource } from './review-tasks.ts';
