import { roles, type Permission, type Role } from '@forvalta/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/access/actor.ts';
import { can } from '../src/access/authorise.ts';
import { notAboutRecords, routeCases, type Request, type RouteCase } from './authorisation-matrix/route-cases.ts';
import { recordFactories, type Place, type Records } from './authorisation-matrix/records.ts';
import { changedTables, stateOfDatabase } from './database-state.ts';
import { send } from './http.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from './test-app.ts';

type Target = 'another municipality' | 'another department';

/**
 * The authorisation matrix (issue #12): every API route about records, for every role, against a
 * real record of the right kind in another municipality and in another department of the caller's
 * own, with a body valid for the route. Each cell's status is asserted: another municipality's
 * record is never found (404) by a role that holds the permission and refused (403, or 404) to
 * one that does not; in another department the permission table decides, with the department
 * head's grant judged by the record's department where the service says so. Refused cells change
 * nothing in the database (every table compared); allowed cells act on fresh records of their own.
 */
describe('authorisation matrix', () => {
  let context: TestContext;
  let records: Records;
  let home: TestMunicipality;
  const users = new Map<Role, TestUser>();
  const places = {} as Record<Target, Place>;
  let headDepartmentId: string;

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    records = recordFactories(context);
    home = await make.municipality('Hemma');
    const foreign = await make.municipality('Borta');
    headDepartmentId = (await make.department(home, 'Huvudmannens förvaltning')).id;
    const otherDepartment = await make.department(home, 'Grannförvaltningen');
    const foreignDepartment = await make.department(foreign, 'Bortaförvaltningen');
    for (const role of roles) {
      const user = await make.user(home, role, role === 'department_head' ? headDepartmentId : undefined);
      // A token that may create tokens, so that POST /api-tokens is judged by the role alone.
      const { token } = await records.tokenFor({ municipality: home, departmentId: headDepartmentId }, user.loginId, {
        canCreateTokens: true,
      });
      users.set(role, { ...user, token, authorization: { authorization: `Bearer ${token}` } });
    }
    places['another municipality'] = { municipality: foreign, departmentId: foreignDepartment.id };
    places['another department'] = { municipality: home, departmentId: otherDepartment.id };
  }, 120_000);
  afterAll(() => context.close());

  /** The role's grants as the service sees them (the department head's on their own department). */
  function actorWith(role: Role): Actor {
    const departmentId = role === 'department_head' ? headDepartmentId : null;
    return {
      kind: 'person',
      loginId: '',
      personId: '',
      email: '',
      name: '',
      locale: 'sv',
      municipalityId: home.id,
      authenticatedBy: 'token',
      roles: [{ role, departmentId, departmentIds: departmentId ? [departmentId] : [] }],
    };
  }

  /** The statuses a cell may answer: exactly one, but for a role without the permission on a foreign id. */
  function expectedStatuses(routeCase: RouteCase, permission: Permission, role: Role, target: Target): number[] {
    const holds = can(actorWith(role), permission);
    const scopedOut = role === 'department_head' && routeCase.bodyReferences === 'department';
    if (target === 'another municipality') {
      // Named in the body, another municipality's record is input that does not exist here.
      if (routeCase.bodyReferences) return holds ? [scopedOut ? 403 : 400] : [400, 403];
      return holds ? [404] : [403, 404];
    }
    if (routeCase.readableBy && !routeCase.readableBy.includes(role)) return [404];
    const granting = routeCase.grantingRoles ? { grantingRoles: routeCase.grantingRoles } : {};
    const subject =
      routeCase.scope === 'department'
        ? { departmentId: places[target].departmentId, ...granting }
        : routeCase.grantingRoles
          ? granting
          : undefined;
    if (routeCase.foundWith && !can(actorWith(role), routeCase.foundWith, { departmentId: places[target].departmentId })) return [404];
    if (!holds) return [403];
    if (routeCase.ownOnly) return [routeCase.foundWith ? 403 : 404];
    if (routeCase.onlyRoles && !routeCase.onlyRoles.includes(role)) return [403];
    return can(actorWith(role), permission, subject) ? [routeCase.allowed] : [403];
  }

  const methodOf = (key: string) => key.split(' ')[0] as 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

  async function sendAs(user: TestUser, key: string, request: Request) {
    return send(context, methodOf(key), request.url, {
      headers: { ...user.authorization, ...(request.contentType ? { 'content-type': request.contentType } : {}) },
      body: request.body,
      ...(request.version === undefined ? {} : { ifMatch: request.version }),
    });
  }

  it('has a case for every route (or says which test covers it)', () => {
    const keys = context.routes
      .filter((route) => route.url.startsWith('/api/') || route.url.startsWith('/public/'))
      .filter((route) => route.url.includes(':') || route.method !== 'GET')
      .map((route) => `${route.method} ${route.url}`);
    expect(keys.filter((key) => !(key in routeCases) && !(key in notAboutRecords))).toEqual([]);
    expect(Object.keys(routeCases).filter((key) => !keys.includes(key))).toEqual([]);
  });

  for (const [key, routeCase] of Object.entries(routeCases)) {
    it(`${key}: every role, on a record of another municipality and of another department`, async () => {
      const route = context.routes.find((candidate) => `${candidate.method} ${candidate.url}` === key);
      expect(route, key).toBeDefined();
      const permission = route!.permission as Permission;
      const wrong: string[] = [];
      const targets: Target[] = routeCase.foreign === false ? ['another department'] : ['another municipality', 'another department'];
      for (const target of targets) {
        const allowedRoles = roles.filter((role) => expectedStatuses(routeCase, permission, role, target).includes(routeCase.allowed));
        // The refused cells share one set of records; none of them may change anything.
        const shared = await routeCase.prepare(records, places[target]);
        const before = await stateOfDatabase(context);
        for (const role of roles.filter((candidate) => !allowedRoles.includes(candidate))) {
          const response = await sendAs(users.get(role)!, key, shared);
          const expected = expectedStatuses(routeCase, permission, role, target);
          if (!expected.includes(response.statusCode))
            wrong.push(`${role} on ${target}: ${response.statusCode} (expected ${expected.join(' or ')}) ${response.body.slice(0, 160)}`);
        }
        const after = await stateOfDatabase(context);
        const changed = changedTables(before, after);
        if (changed.length > 0) wrong.push(`refused requests on ${target} changed ${changed.join(', ')}`);
        // Each allowed cell acts on records of its own.
        for (const role of allowedRoles) {
          const response = await sendAs(users.get(role)!, key, await routeCase.prepare(records, places[target]));
          if (response.statusCode !== routeCase.allowed)
            wrong.push(`${role} on ${target}: ${response.statusCode} (expected ${routeCase.allowed}) ${response.body.slice(0, 160)}`);
        }
      }
      expect(wrong).toEqual([]);
    }, 120_000);
  }

  it('refuses every list and read route to roles the permission table does not allow', async () => {
    const mistakes: string[] = [];
    // SCIM (ADR 0038) takes no person's credentials at all: a person's API token is 401 there, and
    // another municipality's provisioning token finds nothing (modules/provisioning/scim.test.ts).
    const readRoutes = context.routes.filter(
      (candidate) => candidate.method === 'GET' && !candidate.url.includes(':') && !candidate.url.startsWith('/scim/'),
    );
    for (const route of readRoutes) {
      if (route.permission === 'public' || route.permission === 'authenticated' || route.permission === 'undeclared') continue;
      for (const [role, user] of users) {
        const allowed = can(actorWith(role), route.permission as Permission);
        const response = await send(context, 'GET', route.url, { headers: user.authorization });
        if (response.statusCode !== (allowed ? 200 : 403))
          mistakes.push(`GET ${route.url} as ${role}: ${response.statusCode}, table says ${allowed ? 'allowed' : 'refused'}`);
      }
    }
    expect(mistakes).toEqual([]);
  });

  it('answers 401 to every non-public route without credentials', async () => {
    const open: string[] = [];
    for (const route of context.routes.filter((candidate) => candidate.permission !== 'public')) {
      const url = route.url.replaceAll(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000');
      const response = await send(context, route.method as 'GET', url, {
        body: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
      });
      if (response.statusCode !== 401) open.push(`${route.method} ${route.url}: ${response.statusCode}`);
    }
    expect(open).toEqual([]);
  });
});
