/** The routes of policy pack authoring (issue #21), spread into the route map (routes.ts) the web client is typed from. */
import type { RouteContract } from './routes.ts';
import {
  policyPackDiffQuerySchema,
  policyPackDiffSchema,
  policyPackDraftAdoptSchema,
  policyPackDraftListSchema,
  policyPackDraftSchema,
  policyPackDraftUpdateSchema,
  policyPackFileSchema,
  policyPackPreviewSchema,
  policyRuleListSchema,
  policyDocumentProposalQuerySchema,
  policyDocumentProposalSchema,
} from './policy-authoring.ts';

export const policyAuthoringRoutes = {
  'GET /api/v1/policy-rules': { status: 200, response: policyRuleListSchema },
  'GET /api/v1/policy-packs/:id/export': { status: 200, response: policyPackFileSchema },
  // The document itself is the raw body (its Content-Type application/pdf, the DOCX type or text/plain).
  'POST /api/v1/policy-packs/proposals': { query: policyDocumentProposalQuerySchema, status: 200, response: policyDocumentProposalSchema },
  'POST /api/v1/policy-packs/import': { body: policyPackFileSchema, status: 201, response: policyPackDraftSchema },
  'GET /api/v1/policy-pack-drafts': { status: 200, response: policyPackDraftListSchema },
  'GET /api/v1/policy-pack-drafts/:id': { status: 200, response: policyPackDraftSchema },
  'PUT /api/v1/policy-pack-drafts/:id': { body: policyPackDraftUpdateSchema, status: 200, response: policyPackDraftSchema },
  'POST /api/v1/policy-pack-drafts/:id/preview': { status: 200, response: policyPackPreviewSchema },
  'GET /api/v1/policy-pack-drafts/:id/diff': { query: policyPackDiffQuerySchema, status: 200, response: policyPackDiffSchema },
  'POST /api/v1/policy-pack-drafts/:id/adopt': { body: policyPackDraftAdoptSchema, status: 200, response: policyPackDraftSchema },
} as const satisfies Record<string, RouteContract>;
