import { randomUUID } from 'node:crypto';
import { scoped, unscoped, versioned, type RouteCase } from './route-case.ts';

const riskScenario = { threat: 'Obehörig åtkomst', likelihood: 2, consequence: 3, treatment: 'reduce' };
const labels = ['Låg', 'Måttlig', 'Hög', 'Mycket hög'];

function riskAnalysisBody() {
  return { scope: 'Inloggning', analysedOn: '2026-11-26', participants: ['Systemägare'], scenarios: [riskScenario] };
}

/** The system register, its integrations and risk analyses (§4.2). */
export const registerCases: Record<string, RouteCase> = {
  // The register
  'GET /api/v1/systems/:id': { ...unscoped, allowed: 200, prepare: async (r, p) => ({ url: `/api/v1/systems/${(await r.system(p)).id}` }) },
  'GET /api/v1/systems/:id/assignments': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/systems/${(await r.system(p)).id}/assignments` }),
  },
  'GET /api/v1/systems/:id/classifications': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/systems/${(await r.system(p)).id}/classifications` }),
  },
  'GET /api/v1/systems/:id/duties': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/systems/${(await r.system(p)).id}/duties` }),
  },
  'GET /api/v1/systems/:id/graph': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/systems/${(await r.system(p)).id}/graph` }),
  },
  'GET /api/v1/systems/:id/history': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/systems/${(await r.system(p)).id}/history` }),
  },
  'POST /api/v1/systems': {
    bodyReferences: 'department',
    ...scoped,
    allowed: 201,
    prepare: async (_r, p) => ({
      url: '/api/v1/systems',
      body: { name: `Nytt system ${randomUUID().slice(0, 6)}`, kind: 'department', ownerDepartmentId: p.departmentId },
    }),
  },
  'PATCH /api/v1/systems/:id': {
    ...scoped,
    allowed: 200,
    prepare: async (r, p) => versioned('/api/v1/systems', await r.system(p), { description: 'Uppdaterad beskrivning' }),
  },
  'DELETE /api/v1/systems/:id': { ...scoped, allowed: 204, prepare: async (r, p) => versioned('/api/v1/systems', await r.system(p)) },
  'POST /api/v1/systems/:id/assignments': {
    ...scoped,
    allowed: 201,
    prepare: async (r, p) => ({
      url: `/api/v1/systems/${(await r.system(p)).id}/assignments`,
      body: { personId: (await r.person(p)).id, role: 'deputy' },
    }),
  },
  'PATCH /api/v1/systems/:id/assignments/:assignmentId': {
    ...scoped,
    allowed: 200,
    prepare: async (r, p) => {
      const assignment = await r.assignment(p);
      return {
        url: `/api/v1/systems/${assignment.systemId}/assignments/${assignment.id}`,
        body: { allottedHoursPerWeek: 4 },
        version: assignment.version,
      };
    },
  },
  // Only the system's own manager or deputy vouches for its record; no role does (ITP-4.2-REGISTER).
  'POST /api/v1/systems/:id/confirm': {
    ...scoped,
    allowed: 200,
    prepare: async (r, p) => {
      const system = await r.system(p);
      return { url: `/api/v1/systems/${system.id}/confirm`, body: {}, version: system.version };
    },
  },
  'PATCH /api/v1/systems/:id/duties/:duty': {
    ...scoped,
    allowed: 200,
    prepare: async (r, p) => ({
      url: `/api/v1/systems/${(await r.system(p)).id}/duties/documentation`,
      body: { status: 'in_progress' },
      version: 1,
    }),
  },
  'GET /api/v1/integrations/:id': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/integrations/${(await r.integration(p)).id}` }),
  },
  'POST /api/v1/integrations': {
    bodyReferences: 'other records',
    ...scoped,
    allowed: 201,
    prepare: async (r, p) => ({
      url: '/api/v1/integrations',
      body: { providerSystemId: (await r.system(p)).id, consumerSystemId: (await r.system(p)).id, method: 'file', frequency: 'weekly' },
    }),
  },
  'PATCH /api/v1/integrations/:id': {
    ...scoped,
    allowed: 200,
    prepare: async (r, p) => versioned('/api/v1/integrations', await r.integration(p), { frequency: 'hourly' }),
  },
  'DELETE /api/v1/integrations/:id': {
    ...scoped,
    allowed: 204,
    prepare: async (r, p) => versioned('/api/v1/integrations', await r.integration(p)),
  },
  // Risk
  // Risk analyses name vulnerabilities: a department head reads those of their own department's systems.
  'GET /api/v1/systems/:id/risk-analyses': {
    ...scoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/systems/${(await r.system(p)).id}/risk-analyses` }),
  },
  'GET /api/v1/systems/:id/risk-analyses/:analysisId': {
    ...scoped,
    allowed: 200,
    prepare: async (r, p) => {
      const analysis = await r.riskAnalysis(p);
      return { url: `/api/v1/systems/${analysis.systemId}/risk-analyses/${analysis.id}` };
    },
  },
  'POST /api/v1/systems/:id/risk-analyses': {
    ...scoped,
    allowed: 201,
    prepare: async (r, p) => ({ url: `/api/v1/systems/${(await r.system(p)).id}/risk-analyses`, body: riskAnalysisBody() }),
  },
  'POST /api/v1/systems/:id/risk-analyses/:analysisId/revisions': {
    ...scoped,
    allowed: 201,
    prepare: async (r, p) => {
      const analysis = await r.riskAnalysis(p);
      return {
        url: `/api/v1/systems/${analysis.systemId}/risk-analyses/${analysis.id}/revisions`,
        body: riskAnalysisBody(),
        version: analysis.version,
      };
    },
  },
  'PUT /api/v1/risk-matrix': {
    ...unscoped,
    foreign: false,
    allowed: 200,
    prepare: async (r, p) => ({
      url: '/api/v1/risk-matrix',
      body: { likelihoodLabels: labels, consequenceLabels: labels },
      version: await r.settingVersion(p, '/api/v1/risk-matrix'),
    }),
  },
};
