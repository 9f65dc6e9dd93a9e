import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { systemFactories } from '../../../test/system-factories.ts';

describe('integrations and the adjacency graph', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let other: TestMunicipality;
  let register: ReturnType<typeof systemFactories>;
  let payroll: { id: string };
  let finance: { id: string };
  let hr: { id: string };
  let manager: TestUser;
  let outsider: TestUser;

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    register = systemFactories(context);
    tanum = await make.municipality('Tanum');
    other = await make.municipality('Munkedal');
    const economy = (await make.department(tanum, 'Ekonomikontoret')).id;
    const personnel = (await make.department(tanum, 'Personalkontoret')).id;
    payroll = await register.system(tanum, personnel, { name: 'Heroma' });
    finance = await register.system(tanum, economy, { name: 'Raindance' });
    hr = await register.system(tanum, personnel, { name: 'Adato' });
    manager = await make.user(tanum, 'employee');
    outsider = await make.user(tanum, 'employee');
    await register.appoint(tanum, payroll.id, manager.personId, 'manager');
  });
  afterAll(() => context.close());

  const create = (body: Record<string, unknown>, headers: Record<string, string>) =>
    send(context, 'POST', '/api/v1/integrations', { headers, body });

  it('lets the manager of either end record an integration, and nobody unrelated', async () => {
    const body = {
      providerSystemId: payroll.id,
      consumerSystemId: finance.id,
      description: 'Lönefil till ekonomi',
      method: 'file',
      frequency: 'monthly',
    };
    expectProblem(await create(body, outsider.authorization), 403, 'forbidden');
    const created = expectStatus(await create(body, manager.authorization), 201);
    expect(created).toMatchObject({
      providerSystemName: 'Heroma',
      consumerSystemName: 'Raindance',
      flow: 'data',
      method: 'file',
      frequency: 'monthly',
      version: 1,
    });
    expectStatus(
      await create(
        { providerSystemId: hr.id, consumerSystemId: payroll.id, method: 'api', frequency: 'daily', flow: 'function' },
        manager.authorization,
      ),
      201,
    );
  });

  it('refuses a self-loop, unknown values and systems of another municipality', async () => {
    expectProblem(
      await create(
        { providerSystemId: payroll.id, consumerSystemId: payroll.id, method: 'api', frequency: 'daily' },
        tanum.admin.authorization,
      ),
      400,
      'validation_failed',
    );
    expectProblem(
      await create(
        { providerSystemId: payroll.id, consumerSystemId: finance.id, method: 'carrier pigeon', frequency: 'daily' },
        tanum.admin.authorization,
      ),
      400,
      'validation_failed',
    );
    const foreignDepartment = await factories(context).department(other, 'Munkedals IT');
    const foreign = await register.system(other, foreignDepartment.id, { name: 'Munkedals system' });
    const problem = expectProblem(
      await create(
        { providerSystemId: payroll.id, consumerSystemId: foreign.id, method: 'api', frequency: 'daily' },
        tanum.admin.authorization,
      ),
      400,
      'validation_failed',
    );
    expect(problem.errors?.[0]?.path).toBe('consumerSystemId');
  });

  it('draws the neighbours of a system', async () => {
    const graph = expectStatus(await send(context, 'GET', `/api/v1/systems/${payroll.id}/graph`, { headers: outsider.authorization }), 200);
    expect(graph.nodes.map((node: { name: string }) => node.name).sort()).toEqual(['Adato', 'Heroma', 'Raindance']);
    expect(graph.nodes.find((node: { central: boolean }) => node.central).id).toBe(payroll.id);
    expect(graph.edges).toHaveLength(2);
    expect(graph.edges).toContainEqual(expect.objectContaining({ source: hr.id, target: payroll.id, method: 'api' }));
    const list = expectStatus(
      await send(context, 'GET', `/api/v1/integrations?systemId=${finance.id}`, { headers: outsider.authorization }),
      200,
    );
    expect(list.total).toBe(1);
  });

  it('updates with If-Match and deletes', async () => {
    const created = expectStatus(
      await create(
        { providerSystemId: finance.id, consumerSystemId: hr.id, method: 'manual', frequency: 'on_demand' },
        tanum.admin.authorization,
      ),
      201,
    );
    const url = `/api/v1/integrations/${created.id}`;
    expectProblem(
      await send(context, 'PATCH', url, { headers: tanum.admin.authorization, body: { providerSystemId: payroll.id }, ifMatch: 1 }),
      400,
      'validation_failed',
    );
    expectStatus(await send(context, 'PATCH', url, { headers: tanum.admin.authorization, body: { method: 'api' }, ifMatch: 1 }), 200);
    expectProblem(
      await send(context, 'PATCH', url, { headers: tanum.admin.authorization, body: { method: 'file' }, ifMatch: 1 }),
      412,
      'version_mismatch',
    );
    expectProblem(await send(context, 'DELETE', url, { headers: outsider.authorization, ifMatch: 2 }), 403, 'forbidden');
    expectStatus(await send(context, 'DELETE', url, { headers: tanum.admin.authorization, ifMatch: 2 }), 204);
    expectProblem(await send(context, 'GET', url, { headers: tanum.admin.authorization }), 404, 'not_found');
  });

  it('names the systems and people in a system’s history, not only their ids', async () => {
    const history = expectStatus(
      await send(context, 'GET', `/api/v1/systems/${payroll.id}/history?limit=100`, { headers: outsider.authorization }),
      200,
    );
    const integrationEvent = history.items.find(
      (event: { entityType: string; after: Record<string, unknown> | null }) =>
        event.entityType === 'integration' && event.after?.consumerSystemId === finance.id,
    );
    expect(integrationEvent).toBeDefined();
    expect(history.names[finance.id]).toBe('Raindance');
    expect(history.names[payroll.id]).toBe('Heroma');
    const appointment = history.items.find((event: { entityType: string }) => event.entityType === 'system_assignment');
    const person = expectStatus(
      await send(context, 'GET', `/api/v1/people/${manager.personId}`, { headers: tanum.admin.authorization }),
      200,
    );
    expect(history.names[appointment.after.personId]).toBe(`${person.firstName} ${person.lastName}`);
    // The audit log names them the same way, and never names another municipality's records.
    const log = expectStatus(
      await send(context, 'GET', `/api/v1/audit-events?entityType=integration&limit=50`, { headers: tanum.admin.authorization }),
      200,
    );
    expect(log.names[finance.id]).toBe('Raindance');
    const foreignLog = expectStatus(
      await send(context, 'GET', '/api/v1/audit-events?limit=200', { headers: other.admin.authorization }),
      200,
    );
    expect(Object.values(foreignLog.names)).not.toContain('Heroma');
  });

  it('serves a repeated graph until anything in the municipality changes, and never to another municipality', async () => {
    const graph = async (systemId: string, user: Pick<TestUser, 'authorization'> = tanum.admin) => {
      context.queries.count = 0;
      const response = await send(context, 'GET', `/api/v1/systems/${systemId}/graph`, { headers: user.authorization });
      return { response, queries: context.queries.count };
    };
    const names = (body: { nodes: Array<{ name: string }> }) => body.nodes.map((node) => node.name).sort();
    const first = await graph(payroll.id);
    const again = await graph(payroll.id);
    expect(expectStatus(again.response, 200)).toEqual(expectStatus(first.response, 200));
    // The authentication query only: neither the system, its integrations nor its neighbours.
    expect(again.queries).toBe(1);
    expect(expectStatus((await graph(payroll.id, outsider)).response, 200)).toEqual(expectStatus(first.response, 200));

    // Another municipality asking for Tanum's system by id gets no graph, cached or not.
    expectProblem((await graph(payroll.id, other.admin)).response, 404, 'not_found');
    expectProblem((await graph('00000000-0000-4000-8000-000000000000')).response, 404, 'not_found');
    // Another municipality's write leaves Tanum's graph in place.
    await register.system(other, (await factories(context).department(other, 'Munkedals kansli')).id, { name: 'Munkedals diarium' });
    expect((await graph(payroll.id)).queries).toBe(1);

    // Renaming a neighbour is a write in the municipality: the next graph is read afresh.
    const neighbour = await register.get(tanum.admin, hr.id);
    expectStatus(
      await send(context, 'PATCH', `/api/v1/systems/${hr.id}`, {
        headers: tanum.admin.authorization,
        body: { name: 'Adato HR' },
        ifMatch: neighbour.version,
      }),
      200,
    );
    const afterWrite = await graph(payroll.id);
    expect(afterWrite.queries).toBe(first.queries);
    expect(names(expectStatus(afterWrite.response, 200))).toEqual(['Adato HR', 'Heroma', 'Raindance']);
  });
});
