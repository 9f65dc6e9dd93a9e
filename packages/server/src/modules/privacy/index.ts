/**
 * The privacy module's public entry (.dependency-cruiser.cjs): records of processing (GDPR art. 30)
 * with the data protection officer's reviews, and functional mailboxes (issue #16; §8).
 */
export { createMailboxesService, type MailboxesService } from './mailboxes.service.ts';
export { createPrivacyReviewsService, type PrivacyReviewsService } from './privacy-reviews.service.ts';
export { createProcessingActivitiesService, type ProcessingActivitiesService } from './processing-activities.service.ts';
export { registerPrivacyRoutes, type PrivacyRouteServices } from './privacy.routes.ts';
export { privacyReviewTaskSource } from './privacy-tasks.ts';
export { createArticle30Export, type Article30Export } from './article-30-export.service.ts';
export {
  createPseudonymisationService,
  pseudonymiseAfterYearsKey,
  type PseudonymisationPlan,
  type PseudonymisationService,
} from './pseudonymisation.service.ts';
export { pseudonymisationHolds, type PseudonymisationHold } from './pseudonymisation.repository.ts';
export { createSubjectAccessExport, type SubjectAccessExportService } from './subject-access-export.service.ts';
