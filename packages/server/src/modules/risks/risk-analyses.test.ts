import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { riskScenario } from '../../../test/project-factories.ts';
import { systemFactories } from '../../../test/system-factories.ts';

describe('risk analyses API', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let other: TestMunicipality;
  let make: ReturnType<typeof factories>;
  let register: ReturnType<typeof systemFactories>;
  let care: string;
  let manager: TestUser;
  let employee: TestUser;
  let schoolHead: TestUser;
  let itChief: TestUser;

  const body = (overrides: Record<string, unknown> = {}) => ({
    scope: 'Hela systemet',
    analysedOn: '2026-11-01',
    participants: ['Systemansvarig', 'IT-enheten'],
    scenarios: [riskScenario],
    ...overrides,
  });

  beforeAll(async () => {
    context = await createTestContext();
    make = factories(context);
    register = systemFactories(context);
    tanum = await make.municipality('Tanum');
    other = await make.municipality('Strömstad');
    care = (await make.department(tanum, 'Omsorg')).id;
    const school = (await make.department(tanum, 'Skola')).id;
    manager = await make.user(tanum, 'employee');
    employee = await make.user(tanum, 'employee');
    schoolHead = await make.user(tanum, 'department_head', school);
    itChief = await make.user(tanum, 'it_chief');
  });
  afterAll(() => context.close());

  it('answers 401 without a login', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const [method, url] of [
      ['GET', `/api/v1/systems/${id}/risk-analyses`],
      ['POST', `/api/v1/systems/${id}/risk-analyses`],
      ['GET', `/api/v1/systems/${id}/risk-analyses/${id}`],
      ['POST', `/api/v1/systems/${id}/risk-analyses/${id}/revisions`],
      ['GET', '/api/v1/risk-matrix'],
      ['PUT', '/api/v1/risk-matrix'],
    ] as const) {
      expectProblem(await send(context, method, url, method === 'GET' ? {} : { body: {} }), 401, 'unauthenticated');
    }
  });

  it('lets the system manager record an analysis with the classification and matrix copied in; others may not', async () => {
    const system = await register.system(tanum, care, {
      classification: { confidentiality: 3, integrity: 2, availability: 2, traceability: 1, classifiedOn: '2026-10-01' },
    });
    await register.appoint(tanum, system.id, manager.personId, 'manager');
    const url = `/api/v1/systems/${system.id}/risk-analyses`;
    expectProblem(await send(context, 'POST', url, { headers: employee.authorization, body: body() }), 403, 'forbidden');
    expectProblem(await send(context, 'POST', url, { headers: schoolHead.authorization, body: body() }), 403, 'forbidden');
    expectProblem(await send(context, 'GET', url, { headers: employee.authorization }), 403, 'forbidden');
    expectProblem(
      await send(context, 'POST', url, { headers: manager.authorization, body: body({ scenarios: [{ ...riskScenario, likelihood: 5 }] }) }),
      400,
      'validation_failed',
    );
    expectProblem(
      await send(context, 'POST', url, {
        headers: manager.authorization,
        body: body({ scenarios: [{ ...riskScenario, adjacentSystemIds: ['00000000-0000-4000-8000-000000000000'] }] }),
      }),
      400,
      'validation_failed',
    );
    const created = expectStatus(await send(context, 'POST', url, { headers: manager.authorization, body: body() }), 201);
    expect(created).toMatchObject({
      revision: 1,
      previousId: null,
      superseded: false,
      classification: { confidentiality: 3, classifiedOn: '2026-10-01' },
      matrix: { likelihoodLabels: ['Osannolik', 'Möjlig', 'Sannolik', 'Mycket sannolik'] },
      scenarios: [{ riskLevel: 8, residualRiskLevel: 4, measures: [{ status: 'planned', ownerPersonId: null }], acceptance: null }],
    });
    expectStatus(await send(context, 'GET', `${url}/${created.id}`, { headers: itChief.authorization }), 200);
    // A planned system with a risk analysis has history: it is retired, not deleted.
    expectProblem(
      await send(context, 'DELETE', `/api/v1/systems/${system.id}`, { headers: tanum.admin.authorization, ifMatch: 1 }),
      409,
      'conflict',
    );
  });

  it('revises as a new version, keeps the old one, and keeps each analysis’s own matrix', async () => {
    const system = await register.system(tanum, care);
    const url = `/api/v1/systems/${system.id}/risk-analyses`;
    const first = expectStatus(await send(context, 'POST', url, { headers: tanum.admin.authorization, body: body() }), 201);
    const matrix = expectStatus(await send(context, 'GET', '/api/v1/risk-matrix', { headers: employee.authorization }), 200);
    const labels = { likelihoodLabels: ['L1', 'L2', 'L3', 'L4'], consequenceLabels: ['K1', 'K2', 'K3', 'K4'] };
    expectProblem(
      await send(context, 'PUT', '/api/v1/risk-matrix', { headers: employee.authorization, body: labels, ifMatch: matrix.version }),
      403,
      'forbidden',
    );
    expectProblem(
      await send(context, 'PUT', '/api/v1/risk-matrix', { headers: itChief.authorization, body: labels, ifMatch: matrix.version + 1 }),
      412,
      'version_mismatch',
    );
    expectStatus(
      await send(context, 'PUT', '/api/v1/risk-matrix', { headers: itChief.authorization, body: labels, ifMatch: matrix.version }),
      200,
    );

    expectProblem(
      await send(context, 'POST', `${url}/${first.id}/revisions`, { headers: tanum.admin.authorization, body: body() }),
      428,
      'precondition_required',
    );
    const second = expectStatus(
      await send(context, 'POST', `${url}/${first.id}/revisions`, {
        headers: tanum.admin.authorization,
        body: body({ analysedOn: '2026-11-27' }),
        ifMatch: 1,
      }),
      201,
    );
    expect(second).toMatchObject({ revision: 2, previousId: first.id, superseded: false, matrix: labels });
    expectProblem(
      await send(context, 'POST', `${url}/${first.id}/revisions`, { headers: tanum.admin.authorization, body: body(), ifMatch: 1 }),
      412,
      'version_mismatch',
    );
    expectProblem(
      await send(context, 'POST', `${url}/${first.id}/revisions`, { headers: tanum.admin.authorization, body: body(), ifMatch: 2 }),
      409,
      'conflict',
    );
    const list = expectStatus(await send(context, 'GET', url, { headers: tanum.admin.authorization }), 200);
    expect(list.items.map((item: { id: string; superseded: boolean }) => [item.id, item.superseded])).toEqual([
      [second.id, false],
      [first.id, true],
    ]);
    const old = expectStatus(await send(context, 'GET', `${url}/${first.id}`, { headers: tanum.admin.authorization }), 200);
    expect(old).toMatchObject({
      revision: 1,
      superseded: true,
      matrix: { likelihoodLabels: ['Osannolik', 'Möjlig', 'Sannolik', 'Mycket sannolik'] },
      scenarios: first.scenarios,
    });
  });

  it('keeps the risk owner, each measure’s owner, due date and status, adjacent systems and acceptance, with names, across revisions', async () => {
    const system = await register.system(tanum, care);
    const neighbour = await register.system(tanum, care, { name: `Grannsystem ${Math.random().toString(36).slice(2, 8)}` });
    const owner = await make.person(tanum, care);
    const foreign = await make.person(other);
    const url = `/api/v1/systems/${system.id}/risk-analyses`;
    const scenario = {
      ...riskScenario,
      adjacentSystemIds: [neighbour.id],
      riskOwnerPersonId: owner.id,
      treatment: 'accept',
      measures: [
        { description: 'Loggranskning varje månad', ownerPersonId: manager.personId, dueDate: '2027-02-01', status: 'in_progress' },
      ],
      acceptance: { byName: 'Kommundirektören', reason: 'Kostnaden står inte i proportion till risken', until: '2027-12-31' },
    };
    const refused = (body: unknown) => send(context, 'POST', url, { headers: tanum.admin.authorization, body });
    expect(
      JSON.stringify(
        expectProblem(await refused(body({ scenarios: [{ ...scenario, riskOwnerPersonId: foreign.id }] })), 400, 'validation_failed'),
      ),
    ).toContain('scenarios.0.riskOwnerPersonId');
    expect(
      JSON.stringify(
        expectProblem(
          await refused(body({ scenarios: [{ ...scenario, measures: [{ ...scenario.measures[0], ownerPersonId: foreign.id }] }] })),
          400,
          'validation_failed',
        ),
      ),
    ).toContain('scenarios.0.measures.0.ownerPersonId');
    expect(
      JSON.stringify(
        expectProblem(await refused(body({ scenarios: [{ ...scenario, adjacentSystemIds: [system.id] }] })), 400, 'validation_failed'),
      ),
    ).toContain('scenarios.0.adjacentSystemIds.0');
    expectProblem(
      await refused(body({ scenarios: [{ ...scenario, measures: [{ description: 'X', status: 'forgotten' }] }] })),
      400,
      'validation_failed',
    );

    const first = expectStatus(await refused(body({ scenarios: [scenario] })), 201);
    expect(first.scenarios[0]).toMatchObject({
      adjacentSystemIds: [neighbour.id],
      adjacentSystems: [{ id: neighbour.id, name: neighbour.name }],
      riskOwnerPersonId: owner.id,
      riskOwnerName: `${owner.firstName} ${owner.lastName}`,
      measures: [
        {
          description: 'Loggranskning varje månad',
          ownerPersonId: manager.personId,
          ownerName: 'Test employee',
          dueDate: '2027-02-01',
          status: 'in_progress',
        },
      ],
      acceptance: { byName: 'Kommundirektören', until: '2027-12-31' },
    });

    const revisedScenario = {
      ...scenario,
      riskOwnerPersonId: manager.personId,
      residualLikelihood: 1,
      residualConsequence: 2,
      measures: [{ ...scenario.measures[0], status: 'done' }],
    };
    const second = expectStatus(
      await send(context, 'POST', `${url}/${first.id}/revisions`, {
        headers: tanum.admin.authorization,
        ifMatch: first.version,
        body: body({ scenarios: [revisedScenario] }),
      }),
      201,
    );
    expect(second.scenarios[0]).toMatchObject({
      riskOwnerName: 'Test employee',
      residualRiskLevel: 2,
      measures: [{ status: 'done', ownerName: 'Test employee' }],
    });
    const old = expectStatus(await send(context, 'GET', `${url}/${first.id}`, { headers: tanum.admin.authorization }), 200);
    expect(old).toMatchObject({ superseded: true, scenarios: [{ riskOwnerPersonId: owner.id, measures: [{ status: 'in_progress' }] }] });
  });

  it('answers 404 for another municipality’s system or analysis', async () => {
    const foreignDepartment = (await make.department(other, 'Omsorg')).id;
    const foreignSystem = await register.system(other, foreignDepartment);
    const foreign = expectStatus(
      await send(context, 'POST', `/api/v1/systems/${foreignSystem.id}/risk-analyses`, {
        headers: other.admin.authorization,
        body: body(),
      }),
      201,
    );
    const own = await register.system(tanum, care);
    for (const [method, url] of [
      ['GET', `/api/v1/systems/${foreignSystem.id}/risk-analyses`],
      ['POST', `/api/v1/systems/${foreignSystem.id}/risk-analyses`],
      ['GET', `/api/v1/systems/${foreignSystem.id}/risk-analyses/${foreign.id}`],
      ['GET', `/api/v1/systems/${own.id}/risk-analyses/${foreign.id}`],
      ['POST', `/api/v1/systems/${own.id}/risk-analyses/${foreign.id}/revisions`],
    ] as const) {
      expectProblem(
        await send(context, method, url, { headers: tanum.admin.authorization, body: method === 'POST' ? body() : undefined, ifMatch: 1 }),
        404,
        'not_found',
      );
    }
  });

  it('shows a confidential analysis’s content to the stewards and the confidential.read roles only; the owning head sees it withheld and may not revise it', async () => {
    const careHead = await make.user(tanum, 'department_head', care);
    const officer = await make.user(tanum, 'data_protection_officer');
    const system = await register.system(tanum, care);
    await register.appoint(tanum, system.id, manager.personId, 'manager');
    const url = `/api/v1/systems/${system.id}/risk-analyses`;
    const marked = expectStatus(
      await send(context, 'POST', url, {
        headers: manager.authorization,
        body: body({ scope: 'Brandvägg och VPN', confidentialOslParagraph: '18 kap. 8 § OSL' }),
      }),
      201,
    );
    expect(marked).toMatchObject({ confidentialOslParagraph: '18 kap. 8 § OSL', contentWithheld: false, scope: 'Brandvägg och VPN' });
    for (const reader of [manager, itChief, officer, tanum.admin]) {
      const read = expectStatus(await send(context, 'GET', `${url}/${marked.id}`, { headers: reader.authorization }), 200);
      expect(read).toMatchObject({ contentWithheld: false, scope: 'Brandvägg och VPN', scenarios: [{ threat: riskScenario.threat }] });
    }
    const withheld = expectStatus(await send(context, 'GET', `${url}/${marked.id}`, { headers: careHead.authorization }), 200);
    expect(withheld).toMatchObject({
      id: marked.id,
      revision: 1,
      analysedOn: '2026-11-01',
      confidentialOslParagraph: '18 kap. 8 § OSL',
      contentWithheld: true,
      scope: '',
      participants: [],
      classification: null,
      scenarios: [],
    });
    expect(JSON.stringify(withheld)).not.toContain(riskScenario.threat);
    const listed = expectStatus(await send(context, 'GET', url, { headers: careHead.authorization }), 200);
    expect(listed.items).toMatchObject([{ id: marked.id, contentWithheld: true, scenarios: [] }]);
    expectProblem(
      await send(context, 'POST', `${url}/${marked.id}/revisions`, {
        headers: careHead.authorization,
        body: body(),
        ifMatch: marked.version,
      }),
      403,
      'forbidden',
    );
    // An analysis that is not marked is the head's to read in full, as before.
    const open = expectStatus(await send(context, 'POST', url, { headers: manager.authorization, body: body() }), 201);
    expect(expectStatus(await send(context, 'GET', `${url}/${open.id}`, { headers: careHead.authorization }), 200)).toMatchObject({
      confidentialOslParagraph: null,
      contentWithheld: false,
      scenarios: [{ threat: riskScenario.threat }],
    });
  });
});
