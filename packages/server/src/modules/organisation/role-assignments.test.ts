import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, factories, type TestContext, type TestMunicipality } from '../../../test/test-app.ts';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';

describe('role assignments API', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let other: TestMunicipality;
  let make: ReturnType<typeof factories>;
  let schoolId: string;
  let careId: string;

  beforeAll(async () => {
    context = await createTestContext();
    make = factories(context);
    tanum = await make.municipality('Tanum');
    other = await make.municipality('Lysekil');
    schoolId = (await make.department(tanum, 'Barn- och utbildningsförvaltningen')).id;
    careId = (await make.department(tanum, 'Sektor omsorg')).id;
  });
  afterAll(() => context.close());

  const assign = (body: unknown, headers = tanum.admin.authorization) =>
    send(context, 'POST', '/api/v1/role-assignments', { headers, body });

  it('answers 401 without a login and 403 to everyone but administrators, IT chiefs and auditors when reading', async () => {
    expectProblem(await send(context, 'GET', '/api/v1/role-assignments'), 401, 'unauthenticated');
    const employee = await make.user(tanum, 'employee');
    expectProblem(await send(context, 'GET', '/api/v1/role-assignments', { headers: employee.authorization }), 403, 'forbidden');
    const auditor = await make.user(tanum, 'auditor');
    expectStatus(await send(context, 'GET', '/api/v1/role-assignments', { headers: auditor.authorization }), 200);
    expectProblem(await assign({ personId: employee.personId, role: 'administrator' }, employee.authorization), 403, 'forbidden');
    expectProblem(await assign({ personId: employee.personId, role: 'administrator' }, auditor.authorization), 403, 'forbidden');
  });

  it('gives a role that takes effect at once', async () => {
    const person = await make.user(tanum, 'employee');
    expectProblem(
      await send(context, 'POST', '/api/v1/departments', { headers: person.authorization, body: { name: 'Före' } }),
      403,
      'forbidden',
    );
    const assignment = expectStatus(await assign({ personId: person.personId, role: 'administrator' }), 201);
    expect(assignment).toMatchObject({ role: 'administrator', departmentId: null, personName: 'Test employee' });
    expectStatus(await send(context, 'POST', '/api/v1/departments', { headers: person.authorization, body: { name: 'Efter' } }), 201);
    const listed = expectStatus(
      await send(context, 'GET', `/api/v1/role-assignments?personId=${person.personId}`, { headers: tanum.admin.authorization }),
      200,
    );
    expect(listed.items.map((item: { role: string }) => item.role).sort()).toEqual(['administrator', 'employee']);
  });

  it('scopes department heads to a department and refuses a department on municipality-wide roles', async () => {
    const person = await make.person(tanum, schoolId);
    expectProblem(await assign({ personId: person.id, role: 'department_head' }), 400, 'validation_failed');
    expectProblem(await assign({ personId: person.id, role: 'auditor', departmentId: schoolId }), 400, 'validation_failed');
    const head = expectStatus(await assign({ personId: person.id, role: 'department_head', departmentId: schoolId }), 201);
    expectProblem(await assign({ personId: person.id, role: 'department_head', departmentId: schoolId }), 409, 'conflict');
    const moved = expectStatus(
      await send(context, 'PATCH', `/api/v1/role-assignments/${head.id}`, {
        headers: tanum.admin.authorization,
        body: { departmentId: careId },
        ifMatch: 1,
      }),
      200,
    );
    expect(moved).toMatchObject({ departmentId: careId, version: 2 });
    expectProblem(
      await send(context, 'PATCH', `/api/v1/role-assignments/${head.id}`, {
        headers: tanum.admin.authorization,
        body: { departmentId: schoolId },
        ifMatch: 1,
      }),
      412,
      'version_mismatch',
    );
    expectProblem(
      await send(context, 'PATCH', `/api/v1/role-assignments/${head.id}`, {
        headers: tanum.admin.authorization,
        body: { departmentId: null },
        ifMatch: 2,
      }),
      400,
      'validation_failed',
    );
  });

  it('refuses people and departments of another municipality, and people who have left', async () => {
    const foreigner = await make.person(other);
    expectProblem(await assign({ personId: foreigner.id, role: 'administrator' }), 400, 'validation_failed');
    const foreignDepartment = await make.department(other, 'Lysekils skola');
    const local = await make.person(tanum);
    expectProblem(
      await assign({ personId: local.id, role: 'department_head', departmentId: foreignDepartment.id }),
      400,
      'validation_failed',
    );
    const leaver = await make.person(tanum);
    expectStatus(
      await send(context, 'PATCH', `/api/v1/people/${leaver.id}`, {
        headers: tanum.admin.authorization,
        body: { employmentStatus: 'left' },
        ifMatch: 1,
      }),
      200,
    );
    expectProblem(await assign({ personId: leaver.id, role: 'it_unit' }), 422, 'rule_violation');
    const foreignAssignment = expectStatus(await assign({ personId: foreigner.id, role: 'auditor' }, other.admin.authorization), 201);
    expectProblem(
      await send(context, 'GET', `/api/v1/role-assignments/${foreignAssignment.id}`, { headers: tanum.admin.authorization }),
      404,
      'not_found',
    );
    expectProblem(
      await send(context, 'DELETE', `/api/v1/role-assignments/${foreignAssignment.id}`, { headers: tanum.admin.authorization, ifMatch: 1 }),
      404,
      'not_found',
    );
  });

  it('refuses an unknown role and extra fields', async () => {
    const person = await make.person(tanum);
    expectProblem(await assign({ personId: person.id, role: 'superuser' }), 400, 'validation_failed');
    expectProblem(await assign({ personId: person.id, role: 'auditor', municipalityId: other.id }), 400, 'validation_failed');
  });

  it('removes a role, but never the last administrator', async () => {
    const fresh = await make.municipality('Ensam');
    const list = expectStatus(
      await send(context, 'GET', '/api/v1/role-assignments?role=administrator', { headers: fresh.admin.authorization }),
      200,
    );
    expect(list.total).toBe(1);
    const only = list.items[0];
    expectProblem(
      await send(context, 'DELETE', `/api/v1/role-assignments/${only.id}`, { headers: fresh.admin.authorization, ifMatch: only.version }),
      409,
      'conflict',
    );

    const person = await make.person(tanum);
    const role = expectStatus(await assign({ personId: person.id, role: 'secretariat' }), 201);
    expectStatus(
      await send(context, 'DELETE', `/api/v1/role-assignments/${role.id}`, { headers: tanum.admin.authorization, ifMatch: 1 }),
      204,
    );
    const events = expectStatus(
      await send(context, 'GET', `/api/v1/audit-events?entityId=${role.id}`, { headers: tanum.admin.authorization }),
      200,
    );
    expect(events.items.map((event: { action: string }) => event.action)).toEqual(['delete', 'create']);
  });
});
