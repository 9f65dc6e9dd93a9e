/**
 * The policy authoring module's public entry (issue #21, ADR 0039): a municipality's own policy
 * pack, from its document or another pack's file to a draft, a preview and an adopted version.
 */
export { createPolicyAuthoringService, publishAdoptedDraft, type PolicyAuthoringService } from './policy-authoring.service.ts';
export { registerPolicyAuthoringRoutes } from './policy-authoring.routes.ts';
