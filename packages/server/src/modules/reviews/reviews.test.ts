import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { systemFactories } from '../../../test/system-factories.ts';

describe('reviews API', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let other: TestMunicipality;
  let make: ReturnType<typeof factories>;
  let register: ReturnType<typeof systemFactories>;
  let care: string;
  let careHead: TestUser;
  let schoolHead: TestUser;
  let manager: TestUser;
  let employee: TestUser;

  beforeAll(async () => {
    context = await createTestContext();
    make = factories(context);
    register = systemFactories(context);
    tanum = await make.municipality('Tanum');
    other = await make.municipality('Strömstad');
    care = (await make.department(tanum, 'Omsorg')).id;
    const school = (await make.department(tanum, 'Skola')).id;
    careHead = await make.user(tanum, 'department_head', care);
    schoolHead = await make.user(tanum, 'department_head', school);
    manager = await make.user(tanum, 'employee');
    employee = await make.user(tanum, 'employee');
  });
  afterAll(() => context.close());

  it('answers 401 without a login', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const [method, url] of [
      ['GET', '/api/v1/reviews'],
      ['POST', '/api/v1/reviews'],
      ['GET', `/api/v1/reviews/${id}`],
      ['PATCH', `/api/v1/reviews/${id}`],
    ] as const) {
      expectProblem(await send(context, method, url, method === 'GET' ? {} : { body: {} }), 401, 'unauthenticated');
    }
  });

  it('plans a review with the adjacent systems preselected, and records it as held', async () => {
    const system = await register.system(tanum, care, { name: 'Procapita' });
    const neighbour = await register.system(tanum, care, { name: 'Combine' });
    await register.appoint(tanum, system.id, manager.personId, 'manager');
    expectStatus(
      await send(context, 'POST', '/api/v1/integrations', {
        headers: tanum.admin.authorization,
        body: { providerSystemId: neighbour.id, consumerSystemId: system.id, method: 'api', frequency: 'daily' },
      }),
      201,
    );
    const body = {
      systemId: system.id,
      plannedOn: '2026-11-20',
      participants: [
        { personId: manager.personId, name: 'Systemansvarig' },
        { name: 'Petra Lind', itUnit: true },
      ],
    };
    expectProblem(await send(context, 'POST', '/api/v1/reviews', { headers: employee.authorization, body }), 403, 'forbidden');
    expectProblem(await send(context, 'POST', '/api/v1/reviews', { headers: schoolHead.authorization, body }), 403, 'forbidden');
    expectProblem(
      await send(context, 'POST', '/api/v1/reviews', { headers: careHead.authorization, body: { ...body, plannedOn: 'snart' } }),
      400,
      'validation_failed',
    );
    const planned = expectStatus(await send(context, 'POST', '/api/v1/reviews', { headers: careHead.authorization, body }), 201);
    expect(planned).toMatchObject({
      status: 'planned',
      overdue: true,
      systemName: 'Procapita',
      participants: [
        { personId: manager.personId, itUnit: false },
        { personId: null, name: 'Petra Lind', itUnit: true },
      ],
      adjacentSystems: [{ systemId: neighbour.id, systemName: 'Combine', considered: false, note: null }],
      evaluations: { use: null, coordination: null, efficiency: null },
    });
    const url = `/api/v1/reviews/${planned.id}`;
    const record = {
      heldOn: '2026-11-25',
      adjacentSystems: [{ systemId: neighbour.id, considered: true, note: 'Gemensam brukarlista' }],
      evaluations: { use: 'Används fullt ut', coordination: 'Kan samordnas med Combine', efficiency: 'Mobil dokumentation sparar tid' },
      findings: 'Behörigheter behöver ses över',
      actions: [{ description: 'Omprövning av behörigheter', ownerPersonId: manager.personId, dueDate: '2027-02-01' }],
      nextReviewOn: '2027-11-25',
    };
    expectProblem(await send(context, 'PATCH', url, { headers: manager.authorization, body: record }), 428, 'precondition_required');
    expectProblem(await send(context, 'PATCH', url, { headers: manager.authorization, body: record, ifMatch: 9 }), 412, 'version_mismatch');
    expectProblem(await send(context, 'PATCH', url, { headers: employee.authorization, body: record, ifMatch: 1 }), 403, 'forbidden');
    expectProblem(
      await send(context, 'PATCH', url, { headers: manager.authorization, body: { ...record, heldOn: '2027-01-01' }, ifMatch: 1 }),
      400,
      'validation_failed',
    );
    // The system's manager records the review they held.
    const held = expectStatus(await send(context, 'PATCH', url, { headers: manager.authorization, body: record, ifMatch: 1 }), 200);
    expect(held).toMatchObject({
      status: 'held',
      heldOn: '2026-11-25',
      overdue: false,
      version: 2,
      adjacentSystems: [{ considered: true, note: 'Gemensam brukarlista' }],
      actions: [{ status: 'planned' }],
    });
    expectProblem(
      await send(context, 'PATCH', url, { headers: manager.authorization, body: { heldOn: null }, ifMatch: 2 }),
      409,
      'conflict',
    );

    const list = async (query: string) =>
      expectStatus(await send(context, 'GET', `/api/v1/reviews?${query}`, { headers: employee.authorization }), 200);
    expect((await list(`systemId=${system.id}`)).items.map((item: { id: string }) => item.id)).toEqual([planned.id]);
    expect((await list(`systemId=${system.id}&status=planned`)).total).toBe(0);
    expect((await list(`ownerDepartmentId=${care}&overdue=false`)).total).toBe(1);
  });

  it('records a review already held in one step, names the owners of its actions, and lists the planned ones due by a date', async () => {
    const system = await register.system(tanum, care, { name: 'Viva' });
    const neighbour = await register.system(tanum, care, { name: 'Nationella tjänsteplattformen' });
    expectStatus(
      await send(context, 'POST', '/api/v1/integrations', {
        headers: tanum.admin.authorization,
        body: { providerSystemId: system.id, consumerSystemId: neighbour.id, method: 'api', frequency: 'realtime' },
      }),
      201,
    );
    const held = {
      systemId: system.id,
      plannedOn: '2026-11-10',
      heldOn: '2026-11-12',
      participants: [{ name: 'Petra Lind', itUnit: true }],
      evaluations: { use: 'Används av alla enheter', coordination: 'Ingen dubblering', efficiency: 'E-tjänst sparar tid' },
      findings: 'Utbildning behövs',
      actions: [{ description: 'Utbilda nya användare', ownerPersonId: manager.personId, dueDate: '2027-01-15' }],
      nextReviewOn: '2027-11-12',
    };
    expectProblem(
      await send(context, 'POST', '/api/v1/reviews', { headers: careHead.authorization, body: { ...held, heldOn: '2026-12-24' } }),
      400,
      'validation_failed',
    );
    const recorded = expectStatus(await send(context, 'POST', '/api/v1/reviews', { headers: careHead.authorization, body: held }), 201);
    expect(recorded).toMatchObject({
      status: 'held',
      heldOn: '2026-11-12',
      overdue: false,
      findings: 'Utbildning behövs',
      nextReviewOn: '2027-11-12',
      evaluations: held.evaluations,
      // Preselected from the integration graph, since none were given.
      adjacentSystems: [{ systemId: neighbour.id, systemName: 'Nationella tjänsteplattformen', considered: false }],
      actions: [
        {
          description: 'Utbilda nya användare',
          ownerPersonId: manager.personId,
          ownerName: 'Test employee',
          dueDate: '2027-01-15',
          status: 'planned',
        },
      ],
    });
    const audit = await context.database.db.selectFrom('audit_events').select('action').where('entity_id', '=', recorded.id).execute();
    expect(audit.map((event) => event.action)).toEqual(['create']);

    const soon = expectStatus(
      await send(context, 'POST', '/api/v1/reviews', {
        headers: careHead.authorization,
        body: { systemId: system.id, plannedOn: '2026-12-10' },
      }),
      201,
    );
    const later = expectStatus(
      await send(context, 'POST', '/api/v1/reviews', {
        headers: careHead.authorization,
        body: { systemId: system.id, plannedOn: '2027-03-01' },
      }),
      201,
    );
    const due = expectStatus(
      await send(context, 'GET', `/api/v1/reviews?systemId=${system.id}&plannedOnOrBefore=2026-12-28&overdue=false`, {
        headers: employee.authorization,
      }),
      200,
    );
    expect(due.items.map((item: { id: string }) => item.id)).toEqual([soon.id]);
    expect(due.items.map((item: { id: string }) => item.id)).not.toContain(later.id);
    expectProblem(
      await send(context, 'GET', '/api/v1/reviews?plannedOnOrBefore=snart', { headers: employee.authorization }),
      400,
      'validation_failed',
    );

    // The planning order over pages: planned first, the earliest first; then held, the latest first.
    const olderHeld = expectStatus(
      await send(context, 'POST', '/api/v1/reviews', {
        headers: careHead.authorization,
        body: { ...held, plannedOn: '2025-11-01', heldOn: '2025-11-03', nextReviewOn: '2026-11-03' },
      }),
      201,
    );
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ id: string }>; nextCursor: string | null } = expectStatus(
        await send(context, 'GET', `/api/v1/reviews?systemId=${system.id}&sort=queue&limit=1${cursor ? `&cursor=${cursor}` : ''}`, {
          headers: employee.authorization,
        }),
        200,
      );
      ids.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids).toEqual([soon.id, later.id, recorded.id, olderHeld.id]);
  });

  it('answers 404 for another municipality’s review', async () => {
    const department = (await make.department(other, 'Omsorg')).id;
    const system = await register.system(other, department);
    const foreign = expectStatus(
      await send(context, 'POST', '/api/v1/reviews', {
        headers: other.admin.authorization,
        body: { systemId: system.id, plannedOn: '2026-12-01' },
      }),
      201,
    );
    expectProblem(await send(context, 'GET', `/api/v1/reviews/${foreign.id}`, { headers: tanum.admin.authorization }), 404, 'not_found');
    expectProblem(
      await send(context, 'PATCH', `/api/v1/reviews/${foreign.id}`, {
        headers: tanum.admin.authorization,
        body: { findings: 'x' },
        ifMatch: 1,
      }),
      404,
      'not_found',
    );
    expectProblem(
      await send(context, 'POST', '/api/v1/reviews', {
        headers: tanum.admin.authorization,
        body: { systemId: system.id, plannedOn: '2026-12-01' },
      }),
      400,
      'validation_failed',
    );
  });
});
