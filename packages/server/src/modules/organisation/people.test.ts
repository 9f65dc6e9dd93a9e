import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, factories, testPassword, type TestContext, type TestMunicipality } from '../../../test/test-app.ts';
import { expectProblem, expectStatus, loginWithSession, send } from '../../../test/http.ts';

describe('people API', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let other: TestMunicipality;
  let make: ReturnType<typeof factories>;
  let departmentId: string;

  beforeAll(async () => {
    context = await createTestContext();
    make = factories(context);
    tanum = await make.municipality('Tanum');
    other = await make.municipality('Sotenäs');
    departmentId = (await make.department(tanum, 'Äldreomsorgen')).id;
  });
  afterAll(() => context.close());

  const create = (body: unknown, headers: Record<string, string> = tanum.admin.authorization) =>
    send(context, 'POST', '/api/v1/people', { headers, body });

  it('answers 401 without a login', async () => {
    expectProblem(await send(context, 'GET', '/api/v1/people'), 401, 'unauthenticated');
    expectProblem(await create({ firstName: 'A', lastName: 'B', email: 'a@b.se' }, {}), 401, 'unauthenticated');
  });

  it('creates a person with a normalised e-mail and audits it', async () => {
    const person = expectStatus(
      await create({
        firstName: 'Åsa',
        lastName: 'Öberg',
        email: 'Asa.Oberg@Tanum.SE',
        departmentId,
        title: 'Undersköterska',
        startDate: '2019-08-01',
      }),
      201,
    );
    expect(person).toMatchObject({
      email: 'asa.oberg@tanum.se',
      employmentStatus: 'active',
      hasLogin: false,
      departmentId,
      startDate: '2019-08-01',
      endDate: null,
    });
  });

  it('rejects bad input and mass assignment with 400', async () => {
    const base = { firstName: 'Nils', lastName: 'Holm', email: 'nils.holm@tanum.se' };
    expectProblem(await create({ ...base, email: 'not-an-address' }), 400, 'validation_failed');
    expectProblem(await create({ ...base, startDate: '2026-13-45' }), 400, 'validation_failed');
    expectProblem(await create({ ...base, firstName: '' }), 400, 'validation_failed');
    for (const smuggled of [
      { loginId: tanum.admin.loginId },
      { hasLogin: true },
      { municipalityId: other.id },
      { role: 'administrator' },
      { employmentStatus: 'left' },
    ]) {
      expectProblem(await create({ ...base, ...smuggled }), 400, 'validation_failed');
    }
    expectProblem(await create({ ...base, departmentId: '00000000-0000-4000-8000-000000000000' }), 400, 'validation_failed');
  });

  it('refuses a second person with the same e-mail in the municipality (409) but allows it in another', async () => {
    const body = { firstName: 'Eva', lastName: 'Lund', email: 'eva.lund@kommun.se' };
    expectStatus(await create(body), 201);
    // The reason lets the web say it in the user's language; the detail is English.
    expect(expectProblem(await create(body), 409, 'conflict').reason).toBe('email_taken');
    expectStatus(await create(body, other.admin.authorization), 201);
  });

  it('keeps an employee number unique per municipality where given, and lets a person change or clear theirs', async () => {
    const first = expectStatus(
      await create({ firstName: 'Ida', lastName: 'Berg', email: 'ida.berg@tanum.se', employeeNumber: ' 40017 ' }),
      201,
    );
    expect(first).toMatchObject({ employeeNumber: '40017' });
    // Many people have none: no number is not a duplicate.
    expect(expectStatus(await create({ firstName: 'Ola', lastName: 'Berg', email: 'ola.berg@tanum.se' }), 201)).toMatchObject({
      employeeNumber: null,
    });
    expectStatus(await create({ firstName: 'Per', lastName: 'Berg', email: 'per.berg@tanum.se', employeeNumber: '' }), 201);
    const taken = expectProblem(
      await create({ firstName: 'Lo', lastName: 'Berg', email: 'lo.berg@tanum.se', employeeNumber: '40017' }),
      409,
      'conflict',
    );
    expect(taken.reason).toBe('employee_number_taken');
    expectStatus(
      await create({ firstName: 'Lo', lastName: 'Berg', email: 'lo.berg@sotenas.se', employeeNumber: '40017' }, other.admin.authorization),
      201,
    );
    const changed = expectStatus(
      await send(context, 'PATCH', `/api/v1/people/${first.id}`, {
        headers: tanum.admin.authorization,
        body: { employeeNumber: '40018' },
        ifMatch: 1,
      }),
      200,
    );
    expect(changed).toMatchObject({ employeeNumber: '40018', version: 2 });
    const renamed = expectStatus(
      await send(context, 'PATCH', `/api/v1/people/${first.id}`, {
        headers: tanum.admin.authorization,
        body: { title: 'Sjuksköterska' },
        ifMatch: 2,
      }),
      200,
    );
    expect(renamed).toMatchObject({ employeeNumber: '40018' });
    const cleared = expectStatus(
      await send(context, 'PATCH', `/api/v1/people/${first.id}`, {
        headers: tanum.admin.authorization,
        body: { employeeNumber: null },
        ifMatch: 3,
      }),
      200,
    );
    expect(cleared).toMatchObject({ employeeNumber: null });
    expectProblem(
      await create({ firstName: 'X', lastName: 'Y', email: 'x.y@tanum.se', employeeNumber: 'x'.repeat(41) }),
      400,
      'validation_failed',
    );
  });

  it('searches names case-insensitively, also with å, ä and ö, and filters by department and status', async () => {
    const search = expectStatus(
      await send(context, 'GET', `/api/v1/people?q=${encodeURIComponent('ÖBERG')}`, { headers: tanum.admin.authorization }),
      200,
    );
    expect(search.items.map((person: { lastName: string }) => person.lastName)).toEqual(['Öberg']);
    const byDepartment = expectStatus(
      await send(context, 'GET', `/api/v1/people?departmentId=${departmentId}`, { headers: tanum.admin.authorization }),
      200,
    );
    expect(byDepartment.total).toBe(1);
    const wildcard = expectStatus(
      await send(context, 'GET', `/api/v1/people?q=${encodeURIComponent('%')}`, { headers: tanum.admin.authorization }),
      200,
    );
    expect(wildcard.total).toBe(0);
  });

  it('marks a person who leaves, keeps the record, and ends their access', async () => {
    const user = await make.user(tanum, 'it_unit');
    const session = await loginWithSession(context, user.email, testPassword);
    expectStatus(await send(context, 'GET', '/api/v1/me', { headers: session.cookieHeader }), 200);

    const left = expectStatus(
      await send(context, 'PATCH', `/api/v1/people/${user.personId}`, {
        headers: tanum.admin.authorization,
        body: { employmentStatus: 'left' },
        // Version 2: registered, then linked to the login by the operator.
        ifMatch: 2,
      }),
      200,
    );
    expect(left).toMatchObject({ employmentStatus: 'left', endDate: '2026-11-28', version: 3 });
    expectProblem(await send(context, 'GET', '/api/v1/me', { headers: session.cookieHeader }), 401, 'unauthenticated');
    expectProblem(await send(context, 'GET', '/api/v1/me', { headers: user.authorization }), 401, 'unauthenticated');
    const stillListed = expectStatus(
      await send(context, 'GET', '/api/v1/people?employmentStatus=left', { headers: tanum.admin.authorization }),
      200,
    );
    expect(stillListed.items.map((person: { id: string }) => person.id)).toContain(user.personId);
    expectProblem(
      await send(context, 'DELETE', `/api/v1/people/${user.personId}`, { headers: tanum.admin.authorization, ifMatch: 3 }),
      404,
      'not_found',
    );
    const events = expectStatus(
      await send(context, 'GET', `/api/v1/audit-events?entityId=${user.personId}`, { headers: tanum.admin.authorization }),
      200,
    );
    expect(events.items[0]).toMatchObject({ action: 'person_left' });
    expect(events.items[0].before.employmentStatus).toBe('active');
    expect(events.items[0].after.employmentStatus).toBe('left');
  });

  it('lets only administrators write, and hides other municipalities (404)', async () => {
    const head = await make.user(tanum, 'department_head', departmentId);
    expectProblem(await create({ firstName: 'X', lastName: 'Y', email: 'x.y@tanum.se' }, head.authorization), 403, 'forbidden');
    const foreign = expectStatus(
      await create({ firstName: 'Främ', lastName: 'Ling', email: 'fram@sotenas.se' }, other.admin.authorization),
      201,
    );
    expectProblem(await send(context, 'GET', `/api/v1/people/${foreign.id}`, { headers: tanum.admin.authorization }), 404, 'not_found');
    expectProblem(
      await send(context, 'PATCH', `/api/v1/people/${foreign.id}`, {
        headers: tanum.admin.authorization,
        body: { email: 'kapad@tanum.se' },
        ifMatch: 1,
      }),
      404,
      'not_found',
    );
    expectProblem(
      await send(context, 'PATCH', `/api/v1/people/${foreign.id}`, {
        headers: tanum.admin.authorization,
        body: { title: 'X' },
        ifMatch: 99,
      }),
      404,
      'not_found',
    );
  });

  it('stores markup as text and returns it as JSON, never as HTML', async () => {
    const payload = '<img src=x onerror=alert(1)>';
    const response = await create({ firstName: payload, lastName: 'Test', email: 'xss@tanum.se' });
    expect(response.headers['content-type']).toContain('application/json');
    expect(expectStatus(response, 201).firstName).toBe(payload);
  });

  it('runs the same number of queries for a page of 5 and a page of 100 (no N+1)', async () => {
    for (let index = 0; index < 20; index += 1) await make.person(tanum, departmentId);
    const count = async (limit: number) => {
      context.queries.count = 0;
      expectStatus(await send(context, 'GET', `/api/v1/people?limit=${limit}`, { headers: tanum.admin.authorization }), 200);
      return context.queries.count;
    };
    expect(await count(100)).toBe(await count(5));
  });

  it('serves a repeated list from the cache until anything in the municipality changes, and never another municipality’s', async () => {
    const url = '/api/v1/people?sort=name&limit=5';
    const list = async (headers = tanum.admin.authorization) => {
      context.queries.count = 0;
      const page = expectStatus(await send(context, 'GET', url, { headers }), 200);
      return { page, queries: context.queries.count };
    };
    const first = await list();
    const again = await list();
    expect(again.page).toEqual(first.page);
    // The authentication query only (it reads the data version too).
    expect(again.queries).toBe(1);
    // The same query in another municipality is its own entry: none of Tanum's people.
    const foreign = await list(other.admin.authorization);
    const tanumIds = new Set(first.page.items.map((person: { id: string }) => person.id));
    expect(foreign.page.items.length).toBeGreaterThan(0);
    expect(foreign.page.items.some((person: { id: string }) => tanumIds.has(person.id))).toBe(false);
    expect(foreign.page.total).not.toBe(first.page.total);

    const renamed = first.page.items[0];
    expectStatus(
      await send(context, 'PATCH', `/api/v1/people/${renamed.id}`, {
        headers: tanum.admin.authorization,
        body: { title: 'Ändrad efter cachning' },
        ifMatch: renamed.version,
      }),
      200,
    );
    const afterWrite = await list();
    expect(afterWrite.queries).toBe(first.queries);
    expect(afterWrite.page.items[0]).toMatchObject({ id: renamed.id, title: 'Ändrad efter cachning', version: renamed.version + 1 });
    // Another municipality's write does not touch this municipality's cached page.
    await make.person(other);
    expect((await list()).queries).toBe(1);
  });
});
