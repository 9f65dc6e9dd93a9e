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

  it('refuses a tenant administrator who tries to take an unused municipality code, which stays free for its own administrator', async () => {
    // The attack: Tanum's administrator claims Sotenäs's kommunkod over HTTP.
    expectProblem(
      await send(context, 'POST', '/api/v1/municipalities', {
        headers: tanum.admin.authorization,
        body: { code: '1427', name: 'Sotenäs kommun' },
      }),
      404,
      'not_found',
    );
    const list = expectStatus(await send(context, 'GET', '/api/v1/municipalities', { headers: tanum.admin.authorization }), 200);
    expect(list.items.map((item: { code: string }) => item.code)).toEqual([tanum.code]);
    expect((await send(context, 'GET', '/public/v1/systems?municipality=1427')).statusCode).toBe(404);

    // The operator sets Sotenäs up later: it is new, with its own administrator only.
    const sotenas = await context.services.municipalities.initialiseMunicipality(systemActor('test'), {
      code: '1427',
      name: 'Sotenäs kommun',
      adminEmail: `it-chef-${Date.now()}@sotenas.se`,
      adminPassword: 'A-long-test-password-1',
    });
    expect(sotenas).toMatchObject({ existed: false, existingAdministrators: [] });
  });

  it('makes init refuse a code that exists, and name its administrators when told to add one', async () => {
    const newcomer = `newcomer-${Date.now()}@example.se`;
    const refusal = context.services.municipalities.initialiseMunicipality(systemActor('test'), {
      code: other.code,
      name: 'Someone else',
      adminEmail: newcomer,
    });
    await expect(refusal).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining(other.admin.email) });
    // Nothing was written: the newcomer has no login, the municipality kept its name.
    expect(await context.database.db.selectFrom('logins').select('id').where('email', '=', newcomer).executeTakeFirst()).toBeUndefined();

    const added = await context.services.municipalities.initialiseMunicipality(systemActor('test'), {
      code: other.code,
      name: 'Someone else',
      adminEmail: newcomer,
      addAdministrator: true,
    });
    expect(added).toMatchObject({ existed: true, existingAdministrators: [other.admin.email] });
    expect(added.municipality.name).not.toBe('Someone else');
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

  it('does not link people of other municipalities to a login that init creates for their e-mail', async () => {
    const email = `linked-${Date.now()}@example.se`;
    const person = expectStatus(
      await send(context, 'POST', '/api/v1/people', {
        headers: other.admin.authorization,
        body: { firstName: 'Lin', lastName: 'Kad', email },
      }),
      201,
    );
    const listed = () => send(context, 'GET', `/api/v1/people?q=Kad&limit=50`, { headers: other.admin.authorization });
    expect(expectStatus(await listed(), 200).items.find((item: { id: string }) => item.id === person.id)).toMatchObject({
      hasLogin: false,
    });

    // Another municipality is set up with the same e-mail as its administrator: the login is created now.
    await context.services.municipalities.initialiseMunicipality(systemActor('test'), {
      code: '1430',
      name: 'Munkedals kommun',
      adminEmail: email,
      adminPassword: 'A-long-test-password-1',
    });

    // Orust's person stays without a login until they accept an invitation there (issue #12, finding 2).
    expect(expectStatus(await listed(), 200).items.find((item: { id: string }) => item.id === person.id)).toMatchObject({
      hasLogin: false,
    });
    const events = expectStatus(
      await send(context, 'GET', `/api/v1/audit-events?entityType=person&entityId=${person.id}`, { headers: other.admin.authorization }),
      200,
    );
    expect(events.items.map((event: { action: string }) => event.action)).toEqual(['create']);
  });
});
