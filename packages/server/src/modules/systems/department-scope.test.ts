import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { projectFactories } from '../../../test/project-factories.ts';
import { systemFactories } from '../../../test/system-factories.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';

/**
 * Issue #12, finding 9: a department head moved their own system to another department and
 * opened an upgrade project for a system the IT unit owns. Both ends of a move, and the system of
 * a project, must lie in the caller's scope.
 */
describe('department scope on both ends of a move and for a project’s system', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let care: string;
  let careUnit: string;
  let itDepartment: string;
  let careHead: TestUser;
  let itUnit: TestUser;
  let register: ReturnType<typeof systemFactories>;
  let projects: ReturnType<typeof projectFactories>;

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    register = systemFactories(context);
    projects = projectFactories(context);
    tanum = await make.municipality('Tanum');
    care = (await make.department(tanum, 'Omsorg')).id;
    careUnit = (await make.department(tanum, 'Hemtjänst', care)).id;
    itDepartment = (await make.department(tanum, 'IT-enheten')).id;
    careHead = await make.user(tanum, 'department_head', care);
    itUnit = await make.user(tanum, 'it_unit');
  });
  afterAll(() => context.close());

  it('refuses a department head who moves their own system to a department they do not head (403), and changes nothing', async () => {
    const system = await register.system(tanum, care);
    expectProblem(
      await send(context, 'PATCH', `/api/v1/systems/${system.id}`, {
        headers: careHead.authorization,
        ifMatch: system.version,
        body: { ownerDepartmentId: itDepartment },
      }),
      403,
      'forbidden',
    );
    const after = await register.get(tanum.admin, system.id);
    expect(after).toMatchObject({ ownerDepartmentId: care, version: system.version });
    // Within their own subtree the move is theirs to make.
    const moved = expectStatus(
      await send(context, 'PATCH', `/api/v1/systems/${system.id}`, {
        headers: careHead.authorization,
        ifMatch: system.version,
        body: { ownerDepartmentId: careUnit },
      }),
      200,
    );
    expect(moved.ownerDepartmentId).toBe(careUnit);
    // The IT unit is not department-scoped: it may move a system anywhere.
    expectStatus(
      await send(context, 'PATCH', `/api/v1/systems/${system.id}`, {
        headers: itUnit.authorization,
        ifMatch: moved.version,
        body: { ownerDepartmentId: itDepartment },
      }),
      200,
    );
  });

  it('refuses a department head a project, for their own department, on a system the IT unit owns (403), and creates nothing', async () => {
    const itSystem = await register.system(tanum, itDepartment, { name: 'Active Directory' });
    const before = expectStatus(await send(context, 'GET', '/api/v1/projects?limit=100', { headers: tanum.admin.authorization }), 200);
    expectProblem(
      await send(context, 'POST', '/api/v1/projects', {
        headers: careHead.authorization,
        body: { kind: 'upgrade', title: 'Uppgradering av AD', systemId: itSystem.id, departmentId: care },
      }),
      403,
      'forbidden',
    );
    const after = expectStatus(await send(context, 'GET', '/api/v1/projects?limit=100', { headers: tanum.admin.authorization }), 200);
    expect(after.total).toBe(before.total);
    // Their own department's system: allowed; the IT unit may open one for any system.
    const careSystem = await register.system(tanum, careUnit);
    await projects.project(tanum, careSystem.id, care, { kind: 'upgrade' }, careHead.authorization);
    await projects.project(tanum, itSystem.id, care, { kind: 'upgrade' }, itUnit.authorization);
  });
});
