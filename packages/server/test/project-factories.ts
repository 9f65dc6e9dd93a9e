import { budgetCategories, sharedResources, type ProjectCreate } from '@forvalta/contracts';
import type { TestContext, TestMunicipality, TestUser } from './test-app.ts';
import { expectStatus, send } from './http.ts';

type Headers = Record<string, string>;

/** A budget with every amount stated (zeros included), as ITP-4.2.1-BUDGET asks. */
export function completeBudget(amount = 10_000) {
  return {
    categories: Object.fromEntries(
      budgetCategories.map((category) => [category, { oneOff: amount, yearly: category === 'software' ? 2 * amount : 0 }]),
    ),
    sharedReinforcements: Object.fromEntries(sharedResources.map((resource) => [resource, { oneOff: 0, yearly: 0 }])),
    note: 'Offert 2026-10',
  };
}

export const riskScenario = {
  threat: 'Obehörig åtkomst till personuppgifter',
  vulnerability: 'Delade konton',
  consequenceDescription: 'Integritetsintrång för brukare; anmälan till IMY.',
  likelihood: 2,
  consequence: 4,
  treatment: 'reduce',
  measures: [{ description: 'Personliga konton med MFA', status: 'planned' }],
  residualLikelihood: 1,
  residualConsequence: 4,
};

/** Introduction projects through the API, as a department and the IT unit would build them. */
export function projectFactories(context: TestContext) {
  return {
    async project(
      municipality: TestMunicipality,
      systemId: string,
      departmentId: string,
      overrides: Partial<ProjectCreate> = {},
      headers: Headers = municipality.admin.authorization,
    ) {
      const body = {
        kind: 'introduction',
        title: `Införande ${Math.random().toString(36).slice(2, 8)}`,
        systemId,
        departmentId,
        ...overrides,
      };
      return expectStatus(await send(context, 'POST', '/api/v1/projects', { headers, body }), 201);
    },

    async riskAnalysis(
      municipality: TestMunicipality,
      systemId: string,
      scenarios: unknown[] = [riskScenario],
      headers: Headers = municipality.admin.authorization,
    ) {
      return expectStatus(
        await send(context, 'POST', `/api/v1/systems/${systemId}/risk-analyses`, {
          headers,
          body: { scope: 'Hela systemet', analysedOn: '2026-11-20', participants: ['Systemägare', 'IT-enheten'], scenarios },
        }),
        201,
      );
    },

    /** A project with everything the submit gate asks for, started (in preparation). */
    async readyProject(
      municipality: TestMunicipality,
      systemId: string,
      departmentId: string,
      leadPersonId: string,
      overrides: Partial<ProjectCreate> = {},
      headers: Headers = municipality.admin.authorization,
    ) {
      const created = await this.project(
        municipality,
        systemId,
        departmentId,
        {
          description: 'Nytt verksamhetssystem för hemtjänsten.',
          specification: 'Kravspecifikation v1.2',
          projectLeadPersonId: leadPersonId,
          trainingPlan: {
            text: 'Utbildning före driftstart.',
            entries: [
              { audience: 'system_managers', description: 'Administratörsutbildning hos leverantören', byDate: '2027-01-15' },
              { audience: 'it_unit', description: 'Drift och backup', byDate: '2027-01-20' },
              { audience: 'users', description: 'Användarutbildning' },
            ],
          },
          timeline: [{ title: 'Driftstart', date: '2027-02-01' }],
          ...overrides,
        },
        headers,
      );
      let project = expectStatus(
        await send(context, 'POST', `/api/v1/projects/${created.id}/start`, { headers, ifMatch: created.version }),
        200,
      );
      project = expectStatus(
        await send(context, 'PUT', `/api/v1/projects/${created.id}/budget`, { headers, ifMatch: project.version, body: completeBudget() }),
        200,
      );
      const items = project.complianceAnalysis.items.map((item: { key: string }) => ({ key: item.key, judgement: 'meets' }));
      project = expectStatus(
        await send(context, 'PUT', `/api/v1/projects/${created.id}/compliance-analysis`, {
          headers,
          ifMatch: project.version,
          body: { items },
        }),
        200,
      );
      await this.riskAnalysis(municipality, systemId);
      return expectStatus(await send(context, 'GET', `/api/v1/projects/${created.id}`, { headers }), 200);
    },

    /** Ready, submitted and approved by `approver` (IT unit or IT chief). */
    async approvedProject(
      municipality: TestMunicipality,
      systemId: string,
      departmentId: string,
      leadPersonId: string,
      approver: TestUser,
    ) {
      const ready = await this.readyProject(municipality, systemId, departmentId, leadPersonId);
      const submitted = expectStatus(
        await send(context, 'POST', `/api/v1/projects/${ready.id}/submit`, {
          headers: municipality.admin.authorization,
          ifMatch: ready.version,
        }),
        200,
      );
      return expectStatus(
        await send(context, 'POST', `/api/v1/projects/${ready.id}/approve`, {
          headers: approver.authorization,
          ifMatch: submitted.version,
          body: { scope: 'Hela verksamheten', caseReference: 'KS 2026/123' },
        }),
        200,
      );
    },
  };
}
