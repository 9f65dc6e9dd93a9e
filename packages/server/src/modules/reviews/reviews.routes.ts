import { reviewCreateSchema, reviewListQuerySchema, reviewListSchema, reviewSchema, reviewUpdateSchema } from '@forvalta/contracts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import { registerResourceRoutes } from '../../platform/http/resource-routes.ts';
import type { ReviewsService } from './reviews.service.ts';

/** GET|POST /api/v1/reviews?systemId=…, GET|PATCH /api/v1/reviews/:id. */
export function registerReviewRoutes(app: ApiApp, reviews: ReviewsService): void {
  registerResourceRoutes(app, {
    path: '/api/v1/reviews',
    tag: 'Reviews',
    noun: 'review',
    schemas: {
      listQuery: reviewListQuerySchema,
      list: reviewListSchema,
      item: reviewSchema,
      create: reviewCreateSchema,
      update: reviewUpdateSchema,
    },
    list: reviews.listReviews,
    get: reviews.getReview,
    create: reviews.createReview,
    update: reviews.updateReview,
  });
}
