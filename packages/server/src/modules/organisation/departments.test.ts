import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChains } from '../../platform/audit-verify.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality } from '../../../test/test-app.ts';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';

/**
 * The model HTTP test for a module: 401, 400, 403, 404 across municipalities, 200/201 on the
 * right path, 412 on a stale If-Match. Every later module's tests follow this shape.
 */
describe('departments API', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let other: TestMunicipality;
  let make: ReturnType<typeof factories>;

  beforeAll(async () => {
    context = await createTestContext();
    make = factories(context);
    tanum = await make.municipality('Tanum');
    other = await make.municipality('Strömstad');
  });
  afterAll(() => context.close());

  const create = (body: unknown, headers = tanum.admin.authorization) => send(context, 'POST', '/api/v1/departments', { headers, body });

  it('answers 401 to every route without a login', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    expectProblem(await send(context, 'GET', '/api/v1/departments'), 401, 'unauthenticated');
    expectProblem(await send(context, 'GET', `/api/v1/departments/${id}`), 401, 'unauthenticated');
    expectProblem(await send(context, 'POST', '/api/v1/departments', { body: { name: 'X' } }), 401, 'unauthenticated');
    expectProblem(await send(context, 'PATCH', `/api/v1/departments/${id}`, { body: {}, ifMatch: 1 }), 401, 'unauthenticated');
    expectProblem(await send(context, 'DELETE', `/api/v1/departments/${id}`, { ifMatch: 1 }), 401, 'unauthenticated');
    expectProblem(
      await send(context, 'GET', '/api/v1/departments', { headers: { authorization: 'Bearer fvt_not-a-token' } }),
      401,
      'unauthenticated',
    );
  });

  it('creates a department with 201, an ETag and an audit event', async () => {
    const response = await create({ name: 'Kultur och fritid', shortName: 'KoF' });
    const department = expectStatus(response, 201);
    expect(response.headers.etag).toBe('"1"');
    expect(department).toMatchObject({
      name: 'Kultur och fritid',
      shortName: 'KoF',
      parentId: null,
      isItUnit: false,
      version: 1,
      peopleCount: 0,
    });

    const events = expectStatus(
      await send(context, 'GET', `/api/v1/audit-events?entityId=${department.id}`, { headers: tanum.admin.authorization }),
      200,
    );
    expect(events.items).toHaveLength(1);
    expect(events.items[0]).toMatchObject({ action: 'create', entityType: 'department', before: null });
    expect(events.items[0].after.name).toBe('Kultur och fritid');
  });

  it('rejects bad input with 400 and names each bad field', async () => {
    const empty = expectProblem(await create({ name: '   ' }), 400, 'validation_failed');
    expect(empty.errors?.map((error) => error.path)).toContain('body.name');
    expectProblem(await create({ name: 'x'.repeat(161) }), 400, 'validation_failed');
    expectProblem(await create({ name: 42 }), 400, 'validation_failed');
    expectProblem(await create({ name: 'X', parentId: 'not-a-uuid' }), 400, 'validation_failed');
    expectProblem(await create({ name: 'X', parentId: '00000000-0000-4000-8000-000000000000' }), 400, 'validation_failed');
    expectProblem(
      await send(context, 'GET', '/api/v1/departments/not-a-uuid', { headers: tanum.admin.authorization }),
      400,
      'validation_failed',
    );
    expectProblem(
      await send(context, 'GET', '/api/v1/departments?limit=100000', { headers: tanum.admin.authorization }),
      400,
      'validation_failed',
    );
    expectProblem(
      await send(context, 'GET', '/api/v1/departments?cursor=garbage', { headers: tanum.admin.authorization }),
      400,
      'validation_failed',
    );
  });

  it('refuses mass assignment: no body may set its id, municipality or version', async () => {
    for (const field of [
      { id: '00000000-0000-4000-8000-000000000001' },
      { municipalityId: other.id },
      { version: 7 },
      { peopleCount: 3 },
    ]) {
      const problem = expectProblem(await create({ name: 'Smuggel', ...field }), 400, 'validation_failed');
      expect(JSON.stringify(problem.errors)).toContain(Object.keys(field)[0]);
    }
  });

  it('answers 403 to roles that may read but not write', async () => {
    const employee = await make.user(tanum, 'employee');
    const auditor = await make.user(tanum, 'auditor');
    const department = expectStatus(await create({ name: 'Räddningstjänsten' }), 201);
    expectStatus(await send(context, 'GET', `/api/v1/departments/${department.id}`, { headers: employee.authorization }), 200);
    expectProblem(await create({ name: 'Ny' }, employee.authorization), 403, 'forbidden');
    expectProblem(
      await send(context, 'PATCH', `/api/v1/departments/${department.id}`, {
        headers: auditor.authorization,
        body: { name: 'Y' },
        ifMatch: 1,
      }),
      403,
      'forbidden',
    );
    expectProblem(
      await send(context, 'DELETE', `/api/v1/departments/${department.id}`, { headers: auditor.authorization, ifMatch: 1 }),
      403,
      'forbidden',
    );
  });

  it('answers 404 for a department of another municipality, whatever the method', async () => {
    const foreign = expectStatus(await create({ name: 'Strömstads IT' }, other.admin.authorization), 201);
    expectProblem(
      await send(context, 'GET', `/api/v1/departments/${foreign.id}`, { headers: tanum.admin.authorization }),
      404,
      'not_found',
    );
    expectProblem(
      await send(context, 'PATCH', `/api/v1/departments/${foreign.id}`, {
        headers: tanum.admin.authorization,
        body: { name: 'Kapad' },
        ifMatch: 1,
      }),
      404,
      'not_found',
    );
    expectProblem(
      await send(context, 'DELETE', `/api/v1/departments/${foreign.id}`, { headers: tanum.admin.authorization, ifMatch: 1 }),
      404,
      'not_found',
    );
    expectProblem(await create({ name: 'Under annan kommun', parentId: foreign.id }), 400, 'validation_failed');
    const list = expectStatus(await send(context, 'GET', '/api/v1/departments?limit=200', { headers: tanum.admin.authorization }), 200);
    expect(list.items.map((item: { id: string }) => item.id)).not.toContain(foreign.id);
    const unchanged = expectStatus(
      await send(context, 'GET', `/api/v1/departments/${foreign.id}`, { headers: other.admin.authorization }),
      200,
    );
    expect(unchanged.name).toBe('Strömstads IT');
  });

  it('updates with If-Match, answers 412 to a stale version and 428 without one', async () => {
    const department = expectStatus(await create({ name: 'Samhällsbyggnad' }), 201);
    const url = `/api/v1/departments/${department.id}`;
    expectProblem(
      await send(context, 'PATCH', url, { headers: tanum.admin.authorization, body: { name: 'Utan version' } }),
      428,
      'precondition_required',
    );
    const updated = await send(context, 'PATCH', url, {
      headers: tanum.admin.authorization,
      body: { name: 'Samhällsbyggnadsförvaltningen' },
      ifMatch: 1,
    });
    expect(expectStatus(updated, 200)).toMatchObject({ name: 'Samhällsbyggnadsförvaltningen', version: 2 });
    expect(updated.headers.etag).toBe('"2"');
    expectProblem(
      await send(context, 'PATCH', url, { headers: tanum.admin.authorization, body: { name: 'Gammal' }, ifMatch: 1 }),
      412,
      'version_mismatch',
    );
    const current = expectStatus(await send(context, 'GET', url, { headers: tanum.admin.authorization }), 200);
    expect(current.name).toBe('Samhällsbyggnadsförvaltningen');
  });

  it('lets exactly one of two concurrent writers with the same version win', async () => {
    const department = expectStatus(await create({ name: 'Tävling' }), 201);
    const url = `/api/v1/departments/${department.id}`;
    const responses = await Promise.all(
      ['Först', 'Andra'].map((name) => send(context, 'PATCH', url, { headers: tanum.admin.authorization, body: { name }, ifMatch: 1 })),
    );
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 412]);
  });

  it('keeps the tree a tree and allows one IT unit', async () => {
    const parent = expectStatus(await create({ name: 'Kommunstyrelseförvaltningen' }), 201);
    const child = expectStatus(await create({ name: 'Ekonomikontoret', parentId: parent.id }), 201);
    const problem = expectProblem(
      await send(context, 'PATCH', `/api/v1/departments/${parent.id}`, {
        headers: tanum.admin.authorization,
        body: { parentId: child.id },
        ifMatch: 1,
      }),
      400,
      'validation_failed',
    );
    expect(problem.errors?.[0]?.path).toBe('parentId');
    expectStatus(await create({ name: 'IT-enheten', parentId: child.id, isItUnit: true }), 201);
    expectProblem(await create({ name: 'Andra IT-enheten', isItUnit: true }), 409, 'conflict');
    const itUnits = expectStatus(
      await send(context, 'GET', '/api/v1/departments?isItUnit=true', { headers: tanum.admin.authorization }),
      200,
    );
    expect(itUnits.items.map((item: { name: string }) => item.name)).toEqual(['IT-enheten']);
  });

  it('refuses to delete a department in use and deletes an unused one', async () => {
    const used = expectStatus(await create({ name: 'Används' }), 201);
    await make.person(tanum, used.id);
    expectProblem(
      await send(context, 'DELETE', `/api/v1/departments/${used.id}`, { headers: tanum.admin.authorization, ifMatch: 1 }),
      409,
      'conflict',
    );
    const unused = expectStatus(await create({ name: 'Tillfällig' }), 201);
    expectProblem(
      await send(context, 'DELETE', `/api/v1/departments/${unused.id}`, { headers: tanum.admin.authorization, ifMatch: 2 }),
      412,
      'version_mismatch',
    );
    expectStatus(
      await send(context, 'DELETE', `/api/v1/departments/${unused.id}`, { headers: tanum.admin.authorization, ifMatch: 1 }),
      204,
    );
    expectProblem(await send(context, 'GET', `/api/v1/departments/${unused.id}`, { headers: tanum.admin.authorization }), 404, 'not_found');
    const events = expectStatus(
      await send(context, 'GET', `/api/v1/audit-events?entityId=${unused.id}`, { headers: tanum.admin.authorization }),
      200,
    );
    expect(events.items.map((event: { action: string }) => event.action)).toEqual(['delete', 'create']);
  });

  it('pages with a cursor in Swedish order (å, ä, ö after z)', async () => {
    const fresh = await make.municipality('Sortering');
    for (const name of ['Ödeshög', 'Alingsås', 'Åre', 'Ängelholm', 'Zeta', 'Borås']) {
      expectStatus(await create({ name }, fresh.admin.authorization), 201);
    }
    const names: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `/api/v1/departments?limit=4${cursor ? `&cursor=${cursor}` : ''}`;
      const page = expectStatus(await send(context, 'GET', query, { headers: fresh.admin.authorization }), 200);
      expect(page.total).toBe(6);
      names.push(...page.items.map((item: { name: string }) => item.name));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(2);
    expect(names).toEqual(['Alingsås', 'Borås', 'Zeta', 'Åre', 'Ängelholm', 'Ödeshög']);
    const descending = expectStatus(
      await send(context, 'GET', '/api/v1/departments?sort=-name&limit=2', { headers: fresh.admin.authorization }),
      200,
    );
    expect(descending.items.map((item: { name: string }) => item.name)).toEqual(['Ödeshög', 'Ängelholm']);
    const search = expectStatus(
      await send(context, 'GET', `/api/v1/departments?q=${encodeURIComponent('bor')}`, { headers: fresh.admin.authorization }),
      200,
    );
    expect(search.items.map((item: { name: string }) => item.name)).toEqual(['Borås']);
  });

  it('leaves the audit chain intact after all of the above', async () => {
    const verification = await verifyAuditChains(context.database.db);
    expect(verification.problems).toEqual([]);
    expect(verification.events).toBeGreaterThan(20);
  });
});
