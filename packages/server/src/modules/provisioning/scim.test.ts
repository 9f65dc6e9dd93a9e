import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedTables, stateOfDatabase } from '../../../test/database-state.ts';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality } from '../../../test/test-app.ts';

const core = 'urn:ietf:params:scim:schemas:core:2.0:User';
const enterprise = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const patchOp = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/**
 * SCIM 2.0 provisioning (issue #18, ADR 0038), with requests shaped as Microsoft Entra ID sends
 * them (its provisioning service's documented requests: the userName lookup before a create, a
 * create with the enterprise extension, PATCH with capitalised ops, "False" as a string).
 */
describe('SCIM provisioning', () => {
  let context: TestContext;
  let make: ReturnType<typeof factories>;
  let tanum: TestMunicipality;
  let stromstad: TestMunicipality;
  let token: string;

  /** A request as Entra sends it: Bearer token, application/scim+json. */
  function scim(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, bearer: string | undefined, body?: unknown) {
    return context.app.inject({
      method,
      url,
      headers: {
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/scim+json' }),
      },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
  }

  function expectScimError(response: Awaited<ReturnType<typeof scim>>, status: number, scimType?: string) {
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toContain('application/scim+json');
    const error = response.json();
    expect(error.schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:Error']);
    expect(error.status).toBe(String(status));
    if (scimType) expect(error.scimType).toBe(scimType);
    return error;
  }

  async function newToken(municipality: TestMunicipality) {
    return expectStatus(await send(context, 'POST', '/api/v1/provisioning/token', { headers: municipality.admin.authorization }), 201);
  }

  /** The user Entra creates: its own object id as externalId, the UPN as userName. */
  function entraUser(userName: string, extra: Record<string, unknown> = {}) {
    return {
      schemas: [core, enterprise],
      externalId: randomUUID(),
      userName,
      active: true,
      emails: [{ primary: true, type: 'work', value: userName }],
      meta: { resourceType: 'User' },
      name: { formatted: 'Anna Berg', familyName: 'Berg', givenName: 'Anna' },
      roles: [],
      ...extra,
    };
  }

  beforeAll(async () => {
    context = await createTestContext();
    make = factories(context);
    tanum = await make.municipality('Tanum');
    stromstad = await make.municipality('Strömstad');
    token = (await newToken(tanum)).token;
  });
  afterAll(() => context.close());

  it('gives the administrator a token shown once and stored as a hash; a new one replaces it; revoked, it stops working', async () => {
    const other = await make.municipality('Munkedal');
    const first = await newToken(other);
    expect(first.token).toMatch(/^fvs_/);
    expect(first.tokenPrefix).toBe(first.token.slice(0, 10));
    const status = expectStatus(await send(context, 'GET', '/api/v1/provisioning', { headers: other.admin.authorization }), 200);
    expect(status.token).toMatchObject({ id: first.id, tokenPrefix: first.tokenPrefix });
    expect(JSON.stringify(status)).not.toContain(first.token);
    const stored = await context.database.db
      .selectFrom('provisioning_tokens')
      .select('token_hash')
      .where('id', '=', first.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(first.token);
    expectStatus(await scim('GET', '/scim/v2/Users?count=1', first.token), 200);

    // Rotation: the new token works, the old one no longer does.
    const second = await newToken(other);
    expectScimError(await scim('GET', '/scim/v2/Users', first.token), 401);
    expectStatus(await scim('GET', '/scim/v2/Users?count=1', second.token), 200);

    expectProblem(
      await send(context, 'DELETE', '/api/v1/provisioning/token', { headers: other.admin.authorization }),
      428,
      'precondition_required',
    );
    expectStatus(
      await send(context, 'DELETE', '/api/v1/provisioning/token', { headers: other.admin.authorization, ifMatch: second.version }),
      204,
    );
    expectScimError(await scim('GET', '/scim/v2/Users', second.token), 401);
    const after = expectStatus(await send(context, 'GET', '/api/v1/provisioning', { headers: other.admin.authorization }), 200);
    expect(after.token).toBeNull();
    const events = expectStatus(
      await send(context, 'GET', '/api/v1/audit-events?entityType=provisioning_token', { headers: other.admin.authorization }),
      200,
    );
    expect(events.items.map((event: { action: string }) => event.action).sort()).toEqual(['create', 'create', 'revoke', 'revoke']);

    // Only the administrator manages it.
    const employee = await make.user(other, 'employee');
    expectProblem(await send(context, 'POST', '/api/v1/provisioning/token', { headers: employee.authorization }), 403, 'forbidden');
  });

  it('refuses a request without a live token of the municipality: none, a wrong one, a personal API token', async () => {
    expectScimError(await scim('GET', '/scim/v2/Users', undefined), 401);
    expectScimError(await scim('GET', '/scim/v2/Users', 'fvs_not-a-real-token'), 401);
    expectScimError(await scim('GET', '/scim/v2/Users', tanum.admin.token), 401);
    expectScimError(await scim('POST', '/scim/v2/Users', undefined, entraUser('x@tanum.se')), 401);
  });

  it('answers the userName lookup, creates the user, and finds them by userName, externalId and id', async () => {
    const care = await make.department(tanum, 'Omsorgsförvaltningen');
    // Entra's "test connection" and its lookup before a create: an empty list, not an error.
    const none = expectStatus(
      await scim('GET', `/scim/v2/Users?filter=${encodeURIComponent('userName eq "anna.berg@tanum.se"')}`, token),
      200,
    );
    expect(none).toMatchObject({ totalResults: 0, Resources: [], schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'] });

    const body = entraUser('anna.berg@tanum.se', {
      title: 'Undersköterska',
      [enterprise]: { department: 'omsorgsförvaltningen', employeeNumber: 'T-1001' },
    });
    const response = await scim('POST', '/scim/v2/Users', token, body);
    const created = expectStatus(response, 201);
    expect(response.headers['content-type']).toContain('application/scim+json');
    expect(response.headers.location).toBe(created.meta.location);
    expect(created).toMatchObject({
      userName: 'anna.berg@tanum.se',
      externalId: body.externalId,
      active: true,
      name: { givenName: 'Anna', familyName: 'Berg' },
      title: 'Undersköterska',
      emails: [{ value: 'anna.berg@tanum.se', type: 'work', primary: true }],
      [enterprise]: { department: 'omsorgsförvaltningen', employeeNumber: 'T-1001' },
      meta: { resourceType: 'User' },
    });
    // The person is the register's own, in the department of that name.
    const person = expectStatus(await send(context, 'GET', `/api/v1/people/${created.id}`, { headers: tanum.admin.authorization }), 200);
    expect(person).toMatchObject({
      firstName: 'Anna',
      lastName: 'Berg',
      email: 'anna.berg@tanum.se',
      departmentId: care.id,
      employeeNumber: 'T-1001',
    });

    for (const filter of ['userName eq "ANNA.BERG@tanum.se"', `externalId eq "${body.externalId}"`, `id eq "${created.id}"`]) {
      const found = expectStatus(await scim('GET', `/scim/v2/Users?filter=${encodeURIComponent(filter)}`, token), 200);
      expect(found.totalResults, filter).toBe(1);
      expect(found.Resources[0].id).toBe(created.id);
    }
    expect(expectStatus(await scim('GET', `/scim/v2/Users/${created.id}`, token), 200)).toMatchObject({ id: created.id });
    // The same userName again is a uniqueness error, not a second person.
    expectScimError(await scim('POST', '/scim/v2/Users', token, entraUser('Anna.Berg@tanum.se')), 409, 'uniqueness');
    expectScimError(await scim('GET', `/scim/v2/Users?filter=${encodeURIComponent('displayName sw "A"')}`, token), 400, 'invalidFilter');
    expectScimError(await scim('POST', '/scim/v2/Users', token, { schemas: [core], userName: 'ingen-adress' }), 400, 'invalidValue');

    const audit = expectStatus(
      await send(context, 'GET', `/api/v1/audit-events?entityId=${created.id}`, { headers: tanum.admin.authorization }),
      200,
    );
    expect(audit.items.map((event: { action: string; entityType: string }) => `${event.entityType} ${event.action}`).sort()).toEqual([
      'person create',
      'provisioned_person create',
    ]);
    expect(audit.items[0].actorName).toMatch(/SCIM provisioning \(fvs_/);
  });

  it('links a person the register has already (by their work address) instead of creating them twice', async () => {
    const registered = await make.person(tanum);
    const lookup = expectStatus(
      await scim('GET', `/scim/v2/Users?filter=${encodeURIComponent(`userName eq "${registered.email}"`)}`, token),
      200,
    );
    expect(lookup.totalResults).toBe(1);
    expect(lookup.Resources[0]).toMatchObject({ id: registered.id, userName: registered.email });
    const linked = expectStatus(
      await scim(
        'POST',
        '/scim/v2/Users',
        token,
        entraUser(registered.email, { name: { givenName: 'Per', familyName: registered.lastName } }),
      ),
      201,
    );
    expect(linked.id).toBe(registered.id);
    expect(linked.externalId).toBeDefined();
  });

  it('changes department, names, address and manager by PATCH as Entra sends it, in the register', async () => {
    const schools = await make.department(tanum, 'Barn- och utbildningsförvaltningen');
    const manager = expectStatus(await scim('POST', '/scim/v2/Users', token, entraUser(`chef-${randomUUID().slice(0, 6)}@tanum.se`)), 201);
    const user = expectStatus(await scim('POST', '/scim/v2/Users', token, entraUser(`lärare-${randomUUID().slice(0, 6)}@tanum.se`)), 201);
    const patched = expectStatus(
      await scim('PATCH', `/scim/v2/Users/${user.id}`, token, {
        schemas: [patchOp],
        Operations: [
          { op: 'Add', path: `${enterprise}:department`, value: 'Barn- och utbildningsförvaltningen' },
          { op: 'Replace', path: 'emails[type eq "work"].value', value: 'ny.adress@tanum.se' },
          { op: 'Replace', path: 'name.familyName', value: 'Lind' },
          { op: 'Replace', path: 'title', value: 'Lärare' },
          { op: 'Add', path: `${enterprise}:manager`, value: manager.id },
          // Entra's default mappings send these; Förvalta does not keep them, and says nothing.
          { op: 'Add', path: 'phoneNumbers[type eq "work"].value', value: '0525-180 00' },
          { op: 'Add', path: 'addresses[type eq "work"].locality', value: 'Tanumshede' },
        ],
      }),
      200,
    );
    expect(patched).toMatchObject({
      name: { familyName: 'Lind' },
      title: 'Lärare',
      emails: [{ value: 'ny.adress@tanum.se' }],
      [enterprise]: { department: 'Barn- och utbildningsförvaltningen', manager: { value: manager.id } },
    });
    const person = expectStatus(await send(context, 'GET', `/api/v1/people/${user.id}`, { headers: tanum.admin.authorization }), 200);
    expect(person).toMatchObject({ lastName: 'Lind', email: 'ny.adress@tanum.se', title: 'Lärare', departmentId: schools.id });
    // An operation without a path, as some directories send, and removing the manager.
    expectStatus(
      await scim('PATCH', `/scim/v2/Users/${user.id}`, token, {
        schemas: [patchOp],
        Operations: [
          { op: 'Replace', value: { 'name.givenName': 'Lena', [enterprise]: { employeeNumber: 'T-2002' } } },
          { op: 'Remove', path: `${enterprise}:manager` },
        ],
      }),
      200,
    );
    const after = expectStatus(await scim('GET', `/scim/v2/Users/${user.id}`, token), 200);
    expect(after.name.givenName).toBe('Lena');
    expect(after[enterprise]).toEqual({ department: 'Barn- och utbildningsförvaltningen', employeeNumber: 'T-2002' });
    // A path Förvalta does not know, an unknown operation, a stale If-Match: refused, nothing written.
    const before = await stateOfDatabase(context);
    expectScimError(
      await scim('PATCH', `/scim/v2/Users/${user.id}`, token, {
        schemas: [patchOp],
        Operations: [{ op: 'Replace', path: 'favouriteColour', value: 'blå' }],
      }),
      400,
      'invalidPath',
    );
    expectScimError(
      await scim('PATCH', `/scim/v2/Users/${user.id}`, token, {
        schemas: [patchOp],
        Operations: [{ op: 'Move', path: 'title', value: 'x' }],
      }),
      400,
      'invalidSyntax',
    );
    expectScimError(
      await scim('PATCH', `/scim/v2/Users/${user.id}`, token, {
        schemas: [patchOp],
        Operations: [{ op: 'Replace', path: `${enterprise}:manager`, value: stromstad.admin.personId }],
      }),
      400,
      'invalidValue',
    );
    const stale = await context.app.inject({
      method: 'PATCH',
      url: `/scim/v2/Users/${user.id}`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json', 'if-match': patched.meta.version },
      payload: JSON.stringify({ schemas: [patchOp], Operations: [{ op: 'Replace', path: 'title', value: 'Rektor' }] }),
    });
    expectScimError(stale, 412);
    expect(changedTables(before, await stateOfDatabase(context))).toEqual([]);
  });

  it('deactivates by PATCH active false: the leaver rules run (the login’s tokens end), and active true brings them back', async () => {
    const employee = await make.user(tanum, 'employee');
    expectStatus(await send(context, 'GET', '/api/v1/me', { headers: employee.authorization }), 200);
    const linked = expectStatus(await scim('POST', '/scim/v2/Users', token, entraUser(employee.email)), 201);
    expect(linked.id).toBe(employee.personId);
    // Entra has sent the boolean as the string "False".
    const disabled = expectStatus(
      await scim('PATCH', `/scim/v2/Users/${linked.id}`, token, {
        schemas: [patchOp],
        Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
      }),
      200,
    );
    expect(disabled.active).toBe(false);
    const person = expectStatus(await send(context, 'GET', `/api/v1/people/${linked.id}`, { headers: tanum.admin.authorization }), 200);
    expect(person).toMatchObject({ employmentStatus: 'left', endDate: expect.any(String) });
    expectProblem(await send(context, 'GET', '/api/v1/me', { headers: employee.authorization }), 401, 'unauthenticated');
    const events = expectStatus(
      await send(context, 'GET', `/api/v1/audit-events?entityId=${linked.id}`, { headers: tanum.admin.authorization }),
      200,
    );
    expect(events.items.map((event: { action: string }) => event.action)).toContain('person_left');

    const back = expectStatus(
      await scim('PATCH', `/scim/v2/Users/${linked.id}`, token, {
        schemas: [patchOp],
        Operations: [{ op: 'Replace', path: 'active', value: true }],
      }),
      200,
    );
    expect(back.active).toBe(true);
    const returned = expectStatus(await send(context, 'GET', `/api/v1/people/${linked.id}`, { headers: tanum.admin.authorization }), 200);
    expect(returned).toMatchObject({ employmentStatus: 'active', endDate: null });
  });

  it('replaces a user by PUT, and DELETE marks them left and out of the directory’s sight, deleting nothing', async () => {
    const userName = `vikarie-${randomUUID().slice(0, 6)}@tanum.se`;
    const user = expectStatus(await scim('POST', '/scim/v2/Users', token, entraUser(userName)), 201);
    const replaced = expectStatus(
      await scim(
        'PUT',
        `/scim/v2/Users/${user.id}`,
        token,
        entraUser(userName, { externalId: user.externalId, name: { givenName: 'Karin', familyName: 'Ek' } }),
      ),
      200,
    );
    expect(replaced.name).toMatchObject({ givenName: 'Karin', familyName: 'Ek' });

    expectStatus(await scim('DELETE', `/scim/v2/Users/${user.id}`, token), 204);
    expectScimError(await scim('GET', `/scim/v2/Users/${user.id}`, token), 404);
    const lookup = expectStatus(await scim('GET', `/scim/v2/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`, token), 200);
    expect(lookup.totalResults).toBe(0);
    const person = expectStatus(await send(context, 'GET', `/api/v1/people/${user.id}`, { headers: tanum.admin.authorization }), 200);
    expect(person.employmentStatus).toBe('left');
    // Provisioned again under the same userName, the same person comes back.
    const again = expectStatus(await scim('POST', '/scim/v2/Users', token, entraUser(userName)), 201);
    expect(again).toMatchObject({ id: user.id, active: true });
  });

  it('never finds, changes or deactivates a person of another municipality with that municipality’s token', async () => {
    const theirs = (await newToken(stromstad)).token;
    const ours = expectStatus(await scim('POST', '/scim/v2/Users', token, entraUser(`hemlig-${randomUUID().slice(0, 6)}@tanum.se`)), 201);
    const before = await stateOfDatabase(context);
    const filter = encodeURIComponent(`userName eq "${ours.userName}"`);
    expect(expectStatus(await scim('GET', `/scim/v2/Users?filter=${filter}`, theirs), 200).totalResults).toBe(0);
    expect(
      expectStatus(await scim('GET', `/scim/v2/Users?filter=${encodeURIComponent(`externalId eq "${ours.externalId}"`)}`, theirs), 200)
        .totalResults,
    ).toBe(0);
    const listed = expectStatus(await scim('GET', '/scim/v2/Users?count=200', theirs), 200);
    expect(listed.Resources.map((user: { id: string }) => user.id)).not.toContain(ours.id);
    expectScimError(await scim('GET', `/scim/v2/Users/${ours.id}`, theirs), 404);
    expectScimError(
      await scim('PATCH', `/scim/v2/Users/${ours.id}`, theirs, {
        schemas: [patchOp],
        Operations: [{ op: 'Replace', path: 'active', value: false }],
      }),
      404,
    );
    expectScimError(await scim('PUT', `/scim/v2/Users/${ours.id}`, theirs, entraUser(ours.userName)), 404);
    expectScimError(await scim('DELETE', `/scim/v2/Users/${ours.id}`, theirs), 404);
    // Only the tokens' last use moved (bookkeeping, left out of the comparison).
    expect(changedTables(before, await stateOfDatabase(context))).toEqual([]);
    expect(expectStatus(await scim('GET', `/scim/v2/Users/${ours.id}`, token), 200).active).toBe(true);
  });

  it('pages an unfiltered list with startIndex and count (1-based)', async () => {
    const all = expectStatus(await scim('GET', '/scim/v2/Users?startIndex=1&count=200', token), 200);
    expect(all.totalResults).toBeGreaterThan(3);
    const page = expectStatus(await scim('GET', '/scim/v2/Users?startIndex=2&count=2', token), 200);
    expect(page).toMatchObject({ startIndex: 2, itemsPerPage: 2, totalResults: all.totalResults });
    expect(page.Resources.map((user: { id: string }) => user.id)).toEqual(all.Resources.slice(1, 3).map((user: { id: string }) => user.id));
    expect(expectStatus(await scim('GET', '/scim/v2/Users?count=0', token), 200)).toMatchObject({
      itemsPerPage: 0,
      totalResults: all.totalResults,
    });
  });
});
