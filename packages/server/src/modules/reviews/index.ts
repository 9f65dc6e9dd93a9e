/** The reviews module's public entry: periodic reviews of systems (.dependency-cruiser.cjs). */
export { createReviewsService, type ReviewsService } from './reviews.service.ts';
export { registerReviewRoutes } from './reviews.routes.ts';
