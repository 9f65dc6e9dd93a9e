import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectWriteAsCanSays } from '../../../test/abilities.ts';
import { expectStatus, send } from '../../../test/http.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';

/**
 * A department's and a person's `can` say what their writes then allow, for every kind of caller:
 * 2xx when true, 403 when false, a department head of the record's own department included (these
 * writes are the administrator's, with no department scope). The list says the same of each row.
 * The expected flags are spelled out too, so a `can` that is always false and writes that always
 * refuse cannot pass.
 */
describe('a department’s and a person’s can is what their writes allow', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let make: ReturnType<typeof factories>;
  let care: string;
  const callers: Record<string, { user: TestUser; allowed: boolean }> = {};

  beforeAll(async () => {
    context = await createTestContext();
    make = factories(context);
    tanum = await make.municipality('Tanum');
    care = (await make.department(tanum, 'Omsorg')).id;
    callers.administrator = { user: tanum.admin, allowed: true };
    callers.itChief = { user: await make.user(tanum, 'it_chief'), allowed: false };
    callers.itUnit = { user: await make.user(tanum, 'it_unit'), allowed: false };
    callers.headOfCare = { user: await make.user(tanum, 'department_head', care), allowed: false };
    callers.auditor = { user: await make.user(tanum, 'auditor'), allowed: false };
    callers.employee = { user: await make.user(tanum, 'employee', care), allowed: false };
  });
  afterAll(() => context.close());

  for (const name of ['administrator', 'itChief', 'itUnit', 'headOfCare', 'auditor', 'employee']) {
    it(`holds for departments, for the ${name}`, async () => {
      const { user, allowed } = callers[name]!;
      const created = await make.department(tanum, `Enhet ${name}`, care);
      const department = expectStatus(
        await send(context, 'GET', `/api/v1/departments/${created.id}`, { headers: user.authorization }),
        200,
      );
      expect(department.can).toEqual({ update: allowed, delete: allowed });
      const list = expectStatus(
        await send(context, 'GET', `/api/v1/departments?parentId=${care}&limit=200`, { headers: user.authorization }),
        200,
      );
      expect(list.items.find((row: { id: string }) => row.id === created.id).can).toEqual(department.can);

      const updated = await send(context, 'PATCH', `/api/v1/departments/${created.id}`, {
        headers: user.authorization,
        ifMatch: department.version,
        body: { shortName: 'ENH' },
      });
      expectWriteAsCanSays(department.can.update, updated, `${name} update`);
      if (allowed) expect(updated.json().can).toEqual({ update: true, delete: true });
      const version = allowed ? updated.json().version : department.version;
      const deleted = await send(context, 'DELETE', `/api/v1/departments/${created.id}`, { headers: user.authorization, ifMatch: version });
      expectWriteAsCanSays(department.can.delete, deleted, `${name} delete`);
    });

    it(`holds for people, for the ${name}`, async () => {
      const { user, allowed } = callers[name]!;
      // One with a login (a reset link can be sent), one without (they can be invited).
      const withLogin = await make.user(tanum, 'employee', care);
      const withoutLogin = await make.person(tanum, care);
      const signedUp = expectStatus(
        await send(context, 'GET', `/api/v1/people/${withLogin.personId}`, { headers: user.authorization }),
        200,
      );
      // The subject access extract is the data protection officer's alone (subject-access-export.test.ts).
      expect(signedUp.can).toEqual({ update: allowed, manageLogin: allowed, resetPassword: allowed, subjectAccessExport: false });
      const invitable = expectStatus(await send(context, 'GET', `/api/v1/people/${withoutLogin.id}`, { headers: user.authorization }), 200);
      // No login yet: nobody may send a reset link, whatever their role.
      expect(invitable.can).toEqual({ update: allowed, manageLogin: allowed, resetPassword: false, subjectAccessExport: false });
      const list = expectStatus(
        await send(context, 'GET', `/api/v1/people?departmentId=${care}&limit=200`, { headers: user.authorization }),
        200,
      );
      expect(list.items.find((row: { id: string }) => row.id === withLogin.personId).can).toEqual(signedUp.can);
      expect(list.items.find((row: { id: string }) => row.id === withoutLogin.id).can).toEqual(invitable.can);

      const updated = await send(context, 'PATCH', `/api/v1/people/${withLogin.personId}`, {
        headers: user.authorization,
        ifMatch: signedUp.version,
        body: { title: 'Handläggare' },
      });
      expectWriteAsCanSays(signedUp.can.update, updated, `${name} update`);
      if (allowed) expect(updated.json().can).toEqual(signedUp.can);
      const invited = await send(context, 'POST', `/api/v1/people/${withoutLogin.id}/login`, { headers: user.authorization });
      expectWriteAsCanSays(invitable.can.manageLogin, invited, `${name} invite`);
      const reset = await send(context, 'POST', `/api/v1/people/${withLogin.personId}/password-reset-links`, {
        headers: user.authorization,
      });
      expectWriteAsCanSays(signedUp.can.resetPassword, reset, `${name} reset link`);
      const current = allowed ? updated.json().version : signedUp.version;
      const removed = await send(context, 'DELETE', `/api/v1/people/${withLogin.personId}/login`, {
        headers: user.authorization,
        ifMatch: current,
      });
      expectWriteAsCanSays(signedUp.can.manageLogin, removed, `${name} remove login`);
    });
  }

  it('says no reset link for someone who has left, and the link is refused', async () => {
    const leaving = await make.user(tanum, 'employee', care);
    const person = expectStatus(
      await send(context, 'GET', `/api/v1/people/${leaving.personId}`, { headers: tanum.admin.authorization }),
      200,
    );
    const left = expectStatus(
      await send(context, 'PATCH', `/api/v1/people/${leaving.personId}`, {
        headers: tanum.admin.authorization,
        ifMatch: person.version,
        body: { employmentStatus: 'left' },
      }),
      200,
    );
    expect(left.can).toEqual({ update: true, manageLogin: true, resetPassword: false, subjectAccessExport: false });
    const reset = await send(context, 'POST', `/api/v1/people/${leaving.personId}/password-reset-links`, {
      headers: tanum.admin.authorization,
    });
    expect(reset.statusCode).toBe(409);
  });
});
