import { roles, type Role } from '@forvalta/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can } from '../src/access/authorise.ts';
import type { Action } from '../src/access/permissions.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from './test-app.ts';
import { send } from './http.ts';
import { systemFactories } from './system-factories.ts';

/**
 * Generated from the route table: every API route × every role, against records of another
 * municipality. Nothing of another municipality may ever be read or changed (zero leaks), and a
 * role the table does not allow is refused.
 */
describe('authorisation matrix', () => {
  let context: TestContext;
  let home: TestMunicipality;
  let foreign: TestMunicipality;
  const users = new Map<Role, TestUser>();
  const foreignIds: Record<string, string> = {};

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    home = await make.municipality('Hemma');
    foreign = await make.municipality('Borta');
    const homeDepartment = await make.department(home, 'Hemmaförvaltningen');
    for (const role of roles) users.set(role, await make.user(home, role, role === 'department_head' ? homeDepartment.id : undefined));
    const foreignDepartment = await make.department(foreign, 'Bortaförvaltningen');
    const foreignPerson = await make.person(foreign, foreignDepartment.id);
    const register = systemFactories(context);
    const foreignSystem = await register.system(foreign, foreignDepartment.id, { name: 'Bortasystemet' });
    const foreignAssignment = await register.appoint(foreign, foreignSystem.id, foreignPerson.id, 'manager');
    foreignIds.id = foreignSystem.id;
    foreignIds.assignmentId = foreignAssignment.id;
    foreignIds.department = foreignDepartment.id;
  }, 120_000);
  afterAll(() => context.close());

  /** Fills path parameters with ids of the other municipality's records (or its department, person…). */
  function foreignUrl(url: string) {
    return url.replace(':assignmentId', foreignIds.assignmentId!).replace(':duty', 'documentation').replace(':id', foreignIds.id!);
  }

  it('never answers 2xx or 500 with another municipality’s record, for any role on any route', async () => {
    const leaks: string[] = [];
    for (const route of context.routes) {
      if (!route.url.includes(':')) continue;
      for (const [role, user] of users) {
        const response = await send(context, route.method as 'GET', foreignUrl(route.url), {
          headers: user.authorization,
          body: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
          ifMatch: 1,
        });
        if (response.statusCode < 300 || response.statusCode >= 500)
          leaks.push(`${route.method} ${route.url} as ${role}: ${response.statusCode}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('refuses every list and read route to roles the permission table does not allow', async () => {
    const mistakes: string[] = [];
    for (const route of context.routes.filter((candidate) => candidate.method === 'GET' && !candidate.url.includes(':'))) {
      if (route.permission === 'public' || route.permission === 'authenticated' || route.permission === 'undeclared') continue;
      for (const [role, user] of users) {
        const allowed = can(
          {
            kind: 'person',
            loginId: '',
            personId: '',
            email: '',
            name: '',
            locale: 'sv',
            municipalityId: home.id,
            authenticatedBy: 'token',
            roles: [{ role, departmentId: null, departmentIds: [] }],
          },
          route.permission as Action,
        );
        const response = await send(context, 'GET', route.url, { headers: user.authorization });
        const refused = response.statusCode === 403;
        if (allowed === refused || response.statusCode >= 500)
          mistakes.push(`GET ${route.url} as ${role}: ${response.statusCode}, table says ${allowed ? 'allowed' : 'refused'}`);
      }
    }
    expect(mistakes).toEqual([]);
  });

  it('answers 401 to every non-public route without credentials', async () => {
    const open: string[] = [];
    for (const route of context.routes.filter((candidate) => candidate.permission !== 'public')) {
      const response = await send(context, route.method as 'GET', foreignUrl(route.url), {
        body: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
      });
      if (response.statusCode !== 401) open.push(`${route.method} ${route.url}: ${response.statusCode}`);
    }
    expect(open).toEqual([]);
  });
});
