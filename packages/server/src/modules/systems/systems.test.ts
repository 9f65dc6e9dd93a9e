import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { projectFactories } from '../../../test/project-factories.ts';
import { systemFactories } from '../../../test/system-factories.ts';

describe('system register API', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let other: TestMunicipality;
  let make: ReturnType<typeof factories>;
  let register: ReturnType<typeof systemFactories>;
  let school: string;
  let care: string;
  let schoolHead: TestUser;
  let manager: TestUser;
  let deputy: TestUser;

  beforeAll(async () => {
    context = await createTestContext();
    make = factories(context);
    register = systemFactories(context);
    tanum = await make.municipality('Tanum');
    other = await make.municipality('Strömstad');
    school = (await make.department(tanum, 'Barn- och utbildning')).id;
    care = (await make.department(tanum, 'Omsorg')).id;
    schoolHead = await make.user(tanum, 'department_head', school);
    manager = await make.user(tanum, 'employee');
    deputy = await make.user(tanum, 'employee');
  });
  afterAll(() => context.close());

  it('answers 401 to every register route without a login', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const [method, url] of [
      ['GET', '/api/v1/systems'],
      ['GET', '/api/v1/systems/export'],
      ['GET', `/api/v1/systems/${id}`],
      ['POST', '/api/v1/systems'],
      ['PATCH', `/api/v1/systems/${id}`],
      ['POST', `/api/v1/systems/${id}/confirm`],
      ['GET', `/api/v1/systems/${id}/assignments`],
      ['POST', `/api/v1/systems/${id}/assignments`],
      ['GET', `/api/v1/systems/${id}/duties`],
      ['GET', '/api/v1/integrations'],
      ['POST', '/api/v1/integrations'],
    ] as const) {
      expectProblem(await send(context, method, url, method === 'GET' ? {} : { body: {} }), 401, 'unauthenticated');
    }
  });

  it('creates a system with its eight duties, costs and classification', async () => {
    const system = await register.system(tanum, school, {
      name: 'Skolplattformen',
      kind: 'shared',
      supplier: 'Tieto',
      usingDepartmentIds: [care],
      yearlyCosts: { licence: 120000, operation: 0 },
      classification: { confidentiality: 3, integrity: 2, availability: 2, traceability: 1, classifiedOn: '2026-10-01' },
      tags: ['skola', 'skola', 'elevdata'],
    });
    expect(system).toMatchObject({
      name: 'Skolplattformen',
      scope: 'administrative',
      lifecycle: 'planned',
      ownerDepartmentName: 'Barn- och utbildning',
      usingDepartmentIds: [care],
      yearlyCosts: { licence: 120000, operation: 0, support: null, other: null },
      classification: { confidentiality: 3, classifiedOn: '2026-10-01' },
      tags: ['skola', 'elevdata'],
      manager: null,
      deputies: [],
      uncovered: true,
    });
    const duties = expectStatus(await send(context, 'GET', `/api/v1/systems/${system.id}/duties`, { headers: manager.authorization }), 200);
    expect(duties.items).toHaveLength(8);
    expect(duties.items.every((duty: { status: string }) => duty.status === 'not_started')).toBe(true);
  });

  it('rejects bad input and mass assignment with 400', async () => {
    const create = (body: Record<string, unknown>) =>
      send(context, 'POST', '/api/v1/systems', {
        headers: tanum.admin.authorization,
        body: { name: 'X', kind: 'department', ownerDepartmentId: school, ...body },
      });
    expectProblem(await create({ kind: 'bespoke' }), 400, 'validation_failed');
    expectProblem(await create({ yearlyCosts: { licence: -5 } }), 400, 'validation_failed');
    expectProblem(
      await create({ classification: { confidentiality: 5, integrity: 0, availability: 0, traceability: 0, classifiedOn: '2026-01-01' } }),
      400,
      'validation_failed',
    );
    expectProblem(await create({ documentationLinks: [{ title: 'Hack', url: 'javascript:alert(1)' }] }), 400, 'validation_failed');
    expectProblem(await create({ ownerDepartmentId: (await make.department(other, 'Främmande')).id }), 400, 'validation_failed');
    for (const smuggled of [
      { lastConfirmedAt: '2026-11-01T00:00:00Z' },
      { manager: null },
      { uncovered: false },
      { version: 3 },
      { municipalityId: other.id },
    ]) {
      expectProblem(await create(smuggled), 400, 'validation_failed');
    }
  });

  it('lets a department head create and edit systems their department owns, and no others', async () => {
    const own = await register.system(tanum, school, { name: 'Elevhälsojournal' }, schoolHead.authorization);
    expectProblem(
      await send(context, 'POST', '/api/v1/systems', {
        headers: schoolHead.authorization,
        body: { name: 'Inte min', kind: 'department', ownerDepartmentId: care },
      }),
      403,
      'forbidden',
    );
    const careSystem = await register.system(tanum, care, { name: 'Treserva' });
    expectProblem(
      await send(context, 'PATCH', `/api/v1/systems/${careSystem.id}`, {
        headers: schoolHead.authorization,
        body: { supplier: 'X' },
        ifMatch: 1,
      }),
      403,
      'forbidden',
    );
    expectStatus(
      await send(context, 'PATCH', `/api/v1/systems/${own.id}`, {
        headers: schoolHead.authorization,
        body: { supplier: 'Sdb' },
        ifMatch: 1,
      }),
      200,
    );
    expectProblem(
      await send(context, 'PATCH', `/api/v1/systems/${own.id}`, {
        headers: schoolHead.authorization,
        body: { supplier: 'Gammal' },
        ifMatch: 1,
      }),
      412,
      'version_mismatch',
    );
    const employee = await make.user(tanum, 'employee');
    expectStatus(await send(context, 'GET', `/api/v1/systems/${careSystem.id}`, { headers: employee.authorization }), 200);
    expectProblem(
      await send(context, 'PATCH', `/api/v1/systems/${careSystem.id}`, {
        headers: employee.authorization,
        body: { supplier: 'X' },
        ifMatch: 1,
      }),
      403,
      'forbidden',
    );
  });

  it('hides another municipality’s systems (404) on every route', async () => {
    const foreignDepartment = await make.department(other, 'Strömstads förvaltning');
    const foreign = await register.system(other, foreignDepartment.id, { name: 'Strömstads system' });
    for (const [method, url, body] of [
      ['GET', `/api/v1/systems/${foreign.id}`, undefined],
      ['PATCH', `/api/v1/systems/${foreign.id}`, { name: 'Kapad' }],
      ['DELETE', `/api/v1/systems/${foreign.id}`, undefined],
      ['POST', `/api/v1/systems/${foreign.id}/confirm`, {}],
      ['GET', `/api/v1/systems/${foreign.id}/assignments`, undefined],
      ['POST', `/api/v1/systems/${foreign.id}/assignments`, { personId: manager.personId, role: 'manager' }],
      ['GET', `/api/v1/systems/${foreign.id}/duties`, undefined],
      ['GET', `/api/v1/systems/${foreign.id}/graph`, undefined],
      ['GET', `/api/v1/systems/${foreign.id}/history`, undefined],
    ] as const) {
      expectProblem(await send(context, method, url, { headers: tanum.admin.authorization, body, ifMatch: 1 }), 404, 'not_found');
    }
    const list = expectStatus(await send(context, 'GET', '/api/v1/systems?limit=200', { headers: tanum.admin.authorization }), 200);
    expect(list.items.map((item: { id: string }) => item.id)).not.toContain(foreign.id);
  });

  it('appoints a manager and a deputy, refuses the manager as deputy, and hands over', async () => {
    const system = await register.system(tanum, school, { name: 'Procapita' });
    await register.appoint(tanum, system.id, manager.personId, 'manager', { allottedHoursPerWeek: 4 });
    const refused = expectProblem(
      await send(context, 'POST', `/api/v1/systems/${system.id}/assignments`, {
        headers: tanum.admin.authorization,
        body: { personId: manager.personId, role: 'deputy' },
      }),
      422,
      'rule_violation',
    );
    expect(refused.requirement).toBe('ITP-4.2-DEPUTY');
    expect(refused.reason).toBe('deputy_is_manager');
    expect(refused.detail).toContain('another person');
    await register.appoint(tanum, system.id, deputy.personId, 'deputy');
    expectProblem(
      await send(context, 'POST', `/api/v1/systems/${system.id}/assignments`, {
        headers: tanum.admin.authorization,
        body: { personId: deputy.personId, role: 'deputy' },
      }),
      409,
      'conflict',
    );
    const covered = await register.get(tanum.admin, system.id);
    expect(covered).toMatchObject({ manager: { personId: manager.personId }, deputies: [{ personId: deputy.personId }], uncovered: false });

    // The deputy takes over as manager: the old manager's and the deputy's own assignments end.
    await register.appoint(tanum, system.id, deputy.personId, 'manager');
    const after = await register.get(tanum.admin, system.id);
    expect(after.manager.personId).toBe(deputy.personId);
    expect(after.deputies).toEqual([]);
    expect(after.uncovered).toBe(true);
    const history = expectStatus(
      await send(context, 'GET', `/api/v1/systems/${system.id}/assignments?includeEnded=true`, { headers: tanum.admin.authorization }),
      200,
    );
    expect(history.items).toHaveLength(3);
    expect(history.items.filter((item: { current: boolean }) => item.current)).toHaveLength(1);
    const events = await context.database.db.selectFrom('domain_events').selectAll().where('municipality_id', '=', tanum.id).execute();
    expect(events.filter((event) => JSON.parse(event.payload_json).systemId === system.id).length).toBeGreaterThanOrEqual(3);
    expect(events.every((event) => event.type === 'system.responsibility_changed')).toBe(true);
  });

  it('never lets a system be in production without a manager', async () => {
    expectProblem(
      await send(context, 'POST', '/api/v1/systems', {
        headers: tanum.admin.authorization,
        body: { name: 'Direkt i drift', kind: 'department', ownerDepartmentId: school, lifecycle: 'in_production' },
      }),
      422,
      'rule_violation',
    );
    const system = await register.system(tanum, school);
    const problem = expectProblem(
      await send(context, 'PATCH', `/api/v1/systems/${system.id}`, {
        headers: tanum.admin.authorization,
        body: { lifecycle: 'in_production' },
        ifMatch: 1,
      }),
      422,
      'rule_violation',
    );
    expect(problem.requirement).toBe('ITP-4.2-MANAGER');
    const assignment = await register.appoint(tanum, system.id, manager.personId, 'manager');
    // With a manager, the operational approval is still missing (ITP-4.2.1-APPROVAL).
    const unapproved = expectProblem(
      await send(context, 'PATCH', `/api/v1/systems/${system.id}`, {
        headers: tanum.admin.authorization,
        body: { lifecycle: 'in_production' },
        ifMatch: 1,
      }),
      422,
      'rule_violation',
    );
    expect(unapproved.requirement).toBe('ITP-4.2.1-APPROVAL');
    await projectFactories(context).approvedProject(tanum, system.id, school, manager.personId, await make.user(tanum, 'it_unit'));
    expectStatus(
      await send(context, 'PATCH', `/api/v1/systems/${system.id}`, {
        headers: tanum.admin.authorization,
        body: { lifecycle: 'in_production' },
        ifMatch: 1,
      }),
      200,
    );
    expectProblem(
      await send(context, 'PATCH', `/api/v1/systems/${system.id}/assignments/${assignment.id}`, {
        headers: tanum.admin.authorization,
        body: { endDate: '2026-11-28' },
        ifMatch: 1,
      }),
      422,
      'rule_violation',
    );
  });

  it('lets a manager edit their system and its duties but not move it to another owner', async () => {
    const system = await register.system(tanum, school, { name: 'Hypernet' });
    await register.appoint(tanum, system.id, manager.personId, 'manager');
    expectStatus(
      await send(context, 'PATCH', `/api/v1/systems/${system.id}`, {
        headers: manager.authorization,
        body: { productVersion: '2026.2' },
        ifMatch: 1,
      }),
      200,
    );
    expectProblem(
      await send(context, 'PATCH', `/api/v1/systems/${system.id}`, {
        headers: manager.authorization,
        body: { ownerDepartmentId: care },
        ifMatch: 2,
      }),
      403,
      'forbidden',
    );
    expectProblem(
      await send(context, 'POST', `/api/v1/systems/${system.id}/assignments`, {
        headers: manager.authorization,
        body: { personId: deputy.personId, role: 'deputy' },
      }),
      403,
      'forbidden',
    );
    const duty = expectStatus(
      await send(context, 'PATCH', `/api/v1/systems/${system.id}/duties/documentation`, {
        headers: manager.authorization,
        body: { status: 'done', evidence: 'https://intranat/hypernet' },
        ifMatch: 1,
      }),
      200,
    );
    expect(duty).toMatchObject({ status: 'done', version: 2, confirmedAt: '2026-11-28T09:00:00.000Z', confirmedByName: 'Test employee' });
    expectProblem(
      await send(context, 'PATCH', `/api/v1/systems/${system.id}/duties/documentation`, {
        headers: manager.authorization,
        body: { status: 'done' },
        ifMatch: 1,
      }),
      412,
      'version_mismatch',
    );
    expectProblem(
      await send(context, 'PATCH', `/api/v1/systems/${system.id}/duties/flying`, {
        headers: manager.authorization,
        body: { status: 'done' },
        ifMatch: 1,
      }),
      400,
      'validation_failed',
    );
    const owner = expectStatus(
      await send(context, 'PATCH', `/api/v1/systems/${system.id}`, {
        headers: tanum.admin.authorization,
        body: { ownerDepartmentId: care },
        ifMatch: 2,
      }),
      200,
    );
    expect(owner.ownerDepartmentName).toBe('Omsorg');
  });

  it('records confirmation only from the manager or a deputy; edits by others do not count', async () => {
    const system = await register.system(tanum, school, { name: 'Bekräftas' });
    await register.appoint(tanum, system.id, manager.personId, 'manager');
    expectProblem(
      await send(context, 'POST', `/api/v1/systems/${system.id}/confirm`, { headers: tanum.admin.authorization, body: {}, ifMatch: 1 }),
      403,
      'forbidden',
    );
    const edited = expectStatus(
      await send(context, 'PATCH', `/api/v1/systems/${system.id}`, {
        headers: tanum.admin.authorization,
        body: { supplier: 'Ny' },
        ifMatch: 1,
      }),
      200,
    );
    expect(edited.lastConfirmedAt).toBeNull();
    expectProblem(
      await send(context, 'POST', `/api/v1/systems/${system.id}/confirm`, { headers: manager.authorization, body: {}, ifMatch: 1 }),
      412,
      'version_mismatch',
    );
    const confirmed = expectStatus(
      await send(context, 'POST', `/api/v1/systems/${system.id}/confirm`, {
        headers: manager.authorization,
        body: { note: 'Allt stämmer' },
        ifMatch: 2,
      }),
      200,
    );
    expect(confirmed).toMatchObject({ lastConfirmedAt: '2026-11-28T09:00:00.000Z', lastConfirmedByName: 'Test employee', version: 3 });
  });

  it('shows a system as uncovered the moment its manager leaves', async () => {
    const leaver = await make.user(tanum, 'employee');
    const system = await register.system(tanum, care, { name: 'Lifecare' });
    await register.appoint(tanum, system.id, leaver.personId, 'manager');
    await register.appoint(tanum, system.id, deputy.personId, 'deputy');
    expect((await register.get(tanum.admin, system.id)).uncovered).toBe(false);
    const uncoveredBefore = expectStatus(
      await send(context, 'GET', `/api/v1/systems?uncovered=true&ownerDepartmentId=${care}&limit=200`, {
        headers: tanum.admin.authorization,
      }),
      200,
    );
    expect(uncoveredBefore.items.map((item: { id: string }) => item.id)).not.toContain(system.id);
    const person = expectStatus(
      await send(context, 'GET', `/api/v1/people/${leaver.personId}`, { headers: tanum.admin.authorization }),
      200,
    );
    expectStatus(
      await send(context, 'PATCH', `/api/v1/people/${leaver.personId}`, {
        headers: tanum.admin.authorization,
        body: { employmentStatus: 'left' },
        ifMatch: person.version,
      }),
      200,
    );
    expect((await register.get(tanum.admin, system.id)).uncovered).toBe(true);
    const uncoveredAfter = expectStatus(
      await send(context, 'GET', `/api/v1/systems?uncovered=true&ownerDepartmentId=${care}&limit=200`, {
        headers: tanum.admin.authorization,
      }),
      200,
    );
    expect(uncoveredAfter.items.map((item: { id: string }) => item.id)).toContain(system.id);
  });

  it('searches, filters, sorts and pages on the server', async () => {
    const fresh = await make.municipality('Filter');
    const department = (await make.department(fresh, 'Kultur')).id;
    const otherDepartment = (await make.department(fresh, 'Teknik')).id;
    const names = ['Öppna data', 'Axiell Quria', 'Ärendehantering', 'Zeta GIS', 'Åtgärdsregister'];
    for (const [index, name] of names.entries()) {
      await register.system(fresh, index % 2 === 0 ? department : otherDepartment, {
        name,
        supplier: index === 1 ? 'Axiell' : 'Leverantör AB',
        kind: index === 4 ? 'shared' : 'department',
        scope: index === 3 ? 'public' : 'administrative',
        tags: index === 2 ? ['diarium'] : [],
      });
    }
    const list = async (query: string) =>
      expectStatus(await send(context, 'GET', `/api/v1/systems?${query}`, { headers: fresh.admin.authorization }), 200);
    expect((await list('limit=10')).items.map((item: { name: string }) => item.name)).toEqual([
      'Axiell Quria',
      'Zeta GIS',
      'Åtgärdsregister',
      'Ärendehantering',
      'Öppna data',
    ]);
    expect((await list(`q=${encodeURIComponent('axiell')}`)).total).toBe(1);
    expect((await list(`q=${encodeURIComponent('ÄRENDE')}`)).total).toBe(1);
    expect((await list('q=diarium')).total).toBe(1);
    expect((await list('tag=diarium')).total).toBe(1);
    expect((await list(`ownerDepartmentId=${department}`)).total).toBe(3);
    expect((await list('kind=shared')).total).toBe(1);
    expect((await list('scope=public')).total).toBe(1);
    expect((await list('lifecycle=planned')).total).toBe(5);
    expect((await list('uncovered=true')).total).toBe(5);
    expect((await list('unconfirmedSince=2026-01-01')).total).toBe(5);
    const first = await list('limit=2&sort=-name');
    expect(first.items.map((item: { name: string }) => item.name)).toEqual(['Öppna data', 'Ärendehantering']);
    const second = await list(`limit=2&sort=-name&cursor=${first.nextCursor}`);
    expect(second.items.map((item: { name: string }) => item.name)).toEqual(['Åtgärdsregister', 'Zeta GIS']);
    expectProblem(
      await send(context, 'GET', '/api/v1/systems?lifecycle=broken', { headers: fresh.admin.authorization }),
      400,
      'validation_failed',
    );
    expectProblem(
      await send(context, 'GET', '/api/v1/systems?sort=password', { headers: fresh.admin.authorization }),
      400,
      'validation_failed',
    );
  });

  it('finds "my systems": where I am manager or deputy', async () => {
    const mine = expectStatus(
      await send(context, 'GET', `/api/v1/systems?stewardPersonId=${deputy.personId}&limit=200`, { headers: deputy.authorization }),
      200,
    );
    expect(mine.total).toBeGreaterThan(0);
    for (const item of mine.items) {
      const assignments = expectStatus(
        await send(context, 'GET', `/api/v1/systems/${item.id}/assignments`, { headers: deputy.authorization }),
        200,
      );
      expect(assignments.items.some((assignment: { personId: string }) => assignment.personId === deputy.personId)).toBe(true);
    }
  });

  it('runs the same number of queries for a page of 2 and a page of 50 (no N+1)', async () => {
    const count = async (limit: number) => {
      context.queries.count = 0;
      expectStatus(await send(context, 'GET', `/api/v1/systems?limit=${limit}`, { headers: tanum.admin.authorization }), 200);
      return context.queries.count;
    };
    expect(await count(50)).toBe(await count(2));
  });

  it('serves a repeated list from the cache until anything in the municipality changes', async () => {
    const url = '/api/v1/systems?sort=name&limit=5';
    const list = async () => {
      context.queries.count = 0;
      const page = expectStatus(await send(context, 'GET', url, { headers: tanum.admin.authorization }), 200);
      return { page, queries: context.queries.count };
    };
    const first = await list();
    const again = await list();
    expect(again.page).toEqual(first.page);
    // The authentication query only: it reads the data version too (the actor query joins the
    // chain head), and the list's own statements are not run again.
    expect(again.queries).toBe(1);
    expect(again.queries).toBeLessThan(first.queries);
    const renamed = first.page.items[0];
    const current = expectStatus(await send(context, 'GET', `/api/v1/systems/${renamed.id}`, { headers: tanum.admin.authorization }), 200);
    expectStatus(
      await send(context, 'PATCH', `/api/v1/systems/${renamed.id}`, {
        headers: tanum.admin.authorization,
        body: { description: 'Ändrad efter cachning' },
        ifMatch: current.version,
      }),
      200,
    );
    const afterWrite = await list();
    expect(afterWrite.queries).toBe(first.queries);
    expect(afterWrite.page.items[0].version).toBe(current.version + 1);
    // Another municipality's write does not touch this municipality's cached page.
    const lysekil = await make.municipality('Lysekil cache');
    await register.system(lysekil, (await make.department(lysekil, 'IT')).id, { name: 'Annat' });
    expect((await list()).queries).toBe(again.queries);
    // A new day re-reads: coverage follows the assignments' dates. (A day later the token's
    // last use is written again too, hence at least, not exactly, the first request's count.)
    context.clock.advanceMinutes(24 * 60);
    expect((await list()).queries).toBeGreaterThanOrEqual(first.queries);
  });

  it('deletes only planned systems, and keeps the history of the others', async () => {
    const planned = await register.system(tanum, school, { name: 'Felregistrerad' });
    expectProblem(
      await send(context, 'DELETE', `/api/v1/systems/${planned.id}`, { headers: schoolHead.authorization, ifMatch: 1 }),
      403,
      'forbidden',
    );
    expectStatus(await send(context, 'DELETE', `/api/v1/systems/${planned.id}`, { headers: tanum.admin.authorization, ifMatch: 1 }), 204);
    const used = await register.system(tanum, school, { name: 'Använt', lifecycle: 'introducing' });
    expectProblem(
      await send(context, 'DELETE', `/api/v1/systems/${used.id}`, { headers: tanum.admin.authorization, ifMatch: 1 }),
      409,
      'conflict',
    );
    const history = expectStatus(
      await send(context, 'GET', `/api/v1/systems/${used.id}/history`, { headers: schoolHead.authorization }),
      200,
    );
    expect(history.items.map((event: { action: string }) => event.action)).toEqual(['create']);
  });
});

describe('READ_CACHE=false', () => {
  let context: TestContext;
  let tanum: TestMunicipality;

  beforeAll(async () => {
    context = await createTestContext({ READ_CACHE: 'false' });
    tanum = await factories(context).municipality('Tanum utan cache');
  });
  afterAll(() => context.close());

  it('reads the register list, the people list and the compliance summary from the database every time', async () => {
    for (const url of ['/api/v1/systems?sort=name&limit=5', '/api/v1/people?limit=5', '/api/v1/compliance']) {
      const queriesOf = async () => {
        context.queries.count = 0;
        expectStatus(await send(context, 'GET', url, { headers: tanum.admin.authorization }), 200);
        return context.queries.count;
      };
      await queriesOf(); // the token's first use is written once; not part of the read
      const first = await queriesOf();
      expect(await queriesOf(), url).toBe(first);
      expect(first, url).toBeGreaterThan(1);
    }
  });
});
