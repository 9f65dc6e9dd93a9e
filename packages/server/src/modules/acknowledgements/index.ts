/**
 * The acknowledgements module's public entry (.dependency-cruiser.cjs): requests of document
 * versions, acknowledging them, coverage per department, reminders, and the to-do entries.
 */
export {
  type Acknowledged,
  type AcknowledgedListener,
  createAcknowledgementsService,
  type AcknowledgementsService,
} from './acknowledgements.service.ts';
export { createAcknowledgementCoverageService, type AcknowledgementCoverageService } from './acknowledgement-coverage.service.ts';
export {
  createAcknowledgementRequestsService,
  type AcknowledgementRequestsService,
  type AdoptionRequests,
} from './acknowledgement-requests.service.ts';
export { registerAcknowledgementRoutes } from './acknowledgements.routes.ts';
export { acknowledgementTaskSource } from './acknowledgement-tasks.ts';
/** The one rule for when people are asked again: access rights and own policies follow it too. */
export { acknowledgementRenewal, holdsCurrentAcknowledgement, personRenewal } from './acknowledgement-renewal.ts';
