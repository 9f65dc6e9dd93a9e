import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../access/actor.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality } from '../../../test/test-app.ts';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';

describe('municipalities API', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let other: TestMunicipality;
  let make: ReturnType<typeof factories>;

  beforeAll(async () => {
    context = await createTestContext();
    make = factories(context);
    tanum = await make.municipality('Tanum');
    other = await make.municipality('Orust');
  });
  afterAll(() => context.close());

  it('lists only the municipalities the login works in', async () => {
    expectProblem(await send(context, 'GET', '/api/v1/municipalities'), 401, 'unauthenticated');
    const list = expectStatus(await send(context, 'GET', '/api/v1/municipalities', { headers: tanum.admin.authorization }), 200);
    expect(list.items.map((item: { id: string }) => item.id)).toEqual([tanum.id]);
    expectProblem(
      await send(context, 'GET', `/api/v1/municipalities/${other.id}`, { headers: tanum.admin.authorization }),
      404,
      'not_found',
    );
  });

  it('lets an administrator create a municipality and become its administrator', async () => {
    expectProblem(
      await send(context, 'POST', '/api/v1/municipalities', { headers: tanum.admin.authorization, body: { code: '14', name: 'Kort' } }),
      400,
      'validation_failed',
    );
    const created = expectStatus(
      await send(context, 'POST', '/api/v1/municipalities', {
        headers: tanum.admin.authorization,
        body: { code: '1427', name: 'Sotenäs kommun' },
      }),
      201,
    );
    expectProblem(
      await send(context, 'POST', '/api/v1/municipalities', { headers: tanum.admin.authorization, body: { code: '1427', name: 'Igen' } }),
      409,
      'conflict',
    );
    const list = expectStatus(await send(context, 'GET', '/api/v1/municipalities', { headers: tanum.admin.authorization }), 200);
    expect(list.items.map((item: { code: string }) => item.code).sort()).toEqual(['1427', tanum.code].sort());
    expect(created.name).toBe('Sotenäs kommun');
    const employee = await make.user(tanum, 'employee');
    expectProblem(
      await send(context, 'POST', '/api/v1/municipalities', { headers: employee.authorization, body: { code: '1486', name: 'Strömstad' } }),
      403,
      'forbidden',
    );
  });

  it('renames the current municipality with If-Match, and no other', async () => {
    const url = `/api/v1/municipalities/${tanum.id}`;
    expectProblem(
      await send(context, 'PATCH', url, { headers: tanum.admin.authorization, body: { name: 'Tanums kommun', code: '9999' }, ifMatch: 1 }),
      400,
      'validation_failed',
    );
    expect(
      expectStatus(
        await send(context, 'PATCH', url, { headers: tanum.admin.authorization, body: { name: 'Tanums kommun' }, ifMatch: 1 }),
        200,
      ),
    ).toMatchObject({ name: 'Tanums kommun', version: 2, code: tanum.code });
    expectProblem(
      await send(context, 'PATCH', url, { headers: tanum.admin.authorization, body: { name: 'Gammal' }, ifMatch: 1 }),
      412,
      'version_mismatch',
    );
    expectProblem(
      await send(context, 'PATCH', `/api/v1/municipalities/${other.id}`, {
        headers: tanum.admin.authorization,
        body: { name: 'Kapad' },
        ifMatch: 1,
      }),
      404,
      'not_found',
    );
    const itChief = await make.user(tanum, 'it_chief');
    expectProblem(await send(context, 'PATCH', url, { headers: itChief.authorization, body: { name: 'X' }, ifMatch: 2 }), 403, 'forbidden');
  });

  it('audits linking people of other municipalities to a new login, so their cached lists show it at once', async () => {
    const email = `linked-${Date.now()}@example.se`;
    const person = expectStatus(
      await send(context, 'POST', '/api/v1/people', {
        headers: other.admin.authorization,
        body: { firstName: 'Lin', lastName: 'Kad', email },
      }),
      201,
    );
    const listed = () => send(context, 'GET', `/api/v1/people?q=Kad&limit=50`, { headers: other.admin.authorization });
    const before = expectStatus(await listed(), 200);
    expect(before.items.find((item: { id: string }) => item.id === person.id)).toMatchObject({ hasLogin: false });

    // Another municipality is set up with the same e-mail as its administrator: the login is created now.
    await context.services.municipalities.initialiseMunicipality(systemActor('test'), {
      code: '1430',
      name: 'Munkedals kommun',
      adminEmail: email,
      adminPassword: 'A-long-test-password-1',
    });

    const after = expectStatus(await listed(), 200);
    expect(after.items.find((item: { id: string }) => item.id === person.id)).toMatchObject({ hasLogin: true });
    const events = expectStatus(
      await send(context, 'GET', `/api/v1/audit-events?entityType=person&entityId=${person.id}`, { headers: other.admin.authorization }),
      200,
    );
    expect(events.items.map((event: { action: string }) => event.action)).toEqual(expect.arrayContaining(['create', 'update']));
  });
});
