import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acknowledgementFactories } from '../../../test/acknowledgement-factories.ts';
import { accessRightFactories } from '../../../test/access-right-factories.ts';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { systemFactories } from '../../../test/system-factories.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';

describe('role templates API', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let other: TestMunicipality;
  let make: ReturnType<typeof factories>;
  let access: ReturnType<typeof accessRightFactories>;
  let care: string;
  let school: string;
  let careHead: TestUser;
  let itUnit: TestUser;
  let levelIds: string[];

  beforeAll(async () => {
    context = await createTestContext();
    make = factories(context);
    const register = systemFactories(context);
    access = accessRightFactories(context);
    const documents = acknowledgementFactories(context);
    tanum = await make.municipality('Tanum');
    other = await make.municipality('Strömstad');
    care = (await make.department(tanum, 'Omsorg')).id;
    school = (await make.department(tanum, 'Skola')).id;
    for (const kind of ['it_policy', 'security_guidelines'] as const)
      await documents.adopt(tanum, (await documents.document(tanum, { kind })).id);
    careHead = await make.user(tanum, 'department_head', care);
    itUnit = await make.user(tanum, 'it_unit');
    const manager = await make.user(tanum, 'employee', care);
    levelIds = [];
    for (const name of ['Procapita', 'Lifecare']) {
      const system = await register.system(tanum, care, { name });
      await register.appoint(tanum, system.id, manager.personId, 'manager');
      levelIds.push((await access.level(manager, system.id, { name: 'Handläggare' })).id);
    }
  });
  afterAll(() => context.close());

  it("shows the department head the gate of their own people before the request, and no one else's", async () => {
    const gateOf = (user: TestUser, personId: string) =>
      send(context, 'GET', `/api/v1/people/${personId}/access-gate`, { headers: user.authorization });
    const starter = await make.person(tanum, care);
    const gate = expectStatus(await gateOf(careHead, starter.id), 200);
    expect(gate).toMatchObject({ firstRight: true, wouldBePending: true });
    expect(
      gate.documents
        .map((document: { documentKind: string; acknowledged: boolean }) => [document.documentKind, document.acknowledged])
        .sort(),
    ).toEqual([
      ['it_policy', false],
      ['security_guidelines', false],
    ]);
    expect(expectStatus(await gateOf(itUnit, starter.id), 200).wouldBePending).toBe(true);
    // Another department's person, an employee, another municipality, a person that does not exist.
    expectProblem(await gateOf(careHead, (await make.person(tanum, school)).id), 403, 'forbidden');
    expectProblem(await gateOf(await make.user(tanum, 'employee', care), starter.id), 403, 'forbidden');
    expectProblem(await gateOf(await make.user(other, 'it_unit'), starter.id), 404, 'not_found');
    expectProblem(await gateOf(careHead, '01900000-0000-7000-8000-000000000000'), 404, 'not_found');
  });

  it('is kept by the IT unit and applied by the head of the person department, every right behind the gate', async () => {
    const body = { name: 'Undersköterska, hemtjänst', departmentId: care, levelIds };
    expectProblem(await send(context, 'POST', '/api/v1/role-templates', { headers: careHead.authorization, body }), 403, 'forbidden');
    expectProblem(
      await send(context, 'POST', '/api/v1/role-templates', { headers: itUnit.authorization, body: { ...body, id: levelIds[0] } }),
      400,
      'validation_failed',
    );
    const template = expectStatus(await send(context, 'POST', '/api/v1/role-templates', { headers: itUnit.authorization, body }), 201);
    expect(template.levels.map((level: { systemName: string }) => level.systemName)).toEqual(['Lifecare', 'Procapita']);
    expect(template.can).toEqual({ update: true, delete: true, apply: true });
    const taken = expectProblem(
      await send(context, 'POST', '/api/v1/role-templates', { headers: itUnit.authorization, body }),
      409,
      'conflict',
    );
    expect(taken.reason).toBe('role_template_name_taken');

    const newcomer = await make.person(tanum, care);
    const applied = expectStatus(
      await send(context, 'POST', `/api/v1/role-templates/${template.id}/apply`, {
        headers: careHead.authorization,
        body: { personId: newcomer.id },
      }),
      201,
    );
    expect(applied.rights).toHaveLength(2);
    expect(applied.rights.every((right: { state: string }) => right.state === 'pending_acknowledgement')).toBe(true);
    expect(applied.gate.wouldBePending).toBe(true);
    // Again: the rights are held already, so nothing new.
    const again = expectStatus(
      await send(context, 'POST', `/api/v1/role-templates/${template.id}/apply`, {
        headers: careHead.authorization,
        body: { personId: newcomer.id },
      }),
      201,
    );
    expect(again).toMatchObject({ rights: [], alreadyHeld: 2 });
    // A template for the whole municipality: the head may apply it (to their people), not change it.
    const everyone = expectStatus(
      await send(context, 'POST', '/api/v1/role-templates', {
        headers: itUnit.authorization,
        body: { name: 'Alla nyanställda', departmentId: null, levelIds },
      }),
      201,
    );
    const seenByHead = expectStatus(
      await send(context, 'GET', `/api/v1/role-templates/${everyone.id}`, { headers: careHead.authorization }),
      200,
    );
    expect(seenByHead.can).toEqual({ update: false, delete: false, apply: true });
    // Another department's person: not this head's to request for.
    const teacher = await make.person(tanum, school);
    expectProblem(
      await send(context, 'POST', `/api/v1/role-templates/${template.id}/apply`, {
        headers: careHead.authorization,
        body: { personId: teacher.id },
      }),
      403,
      'forbidden',
    );
    expectProblem(
      await send(context, 'POST', `/api/v1/role-templates/${template.id}/apply`, {
        headers: other.admin.authorization,
        body: { personId: teacher.id },
      }),
      404,
      'not_found',
    );

    const url = `/api/v1/role-templates/${template.id}`;
    const changed = expectStatus(
      await send(context, 'PATCH', url, { headers: itUnit.authorization, body: { levelIds: [levelIds[0]] }, ifMatch: template.version }),
      200,
    );
    expect(changed.levels).toHaveLength(1);
    expectProblem(
      await send(context, 'PATCH', url, { headers: itUnit.authorization, body: { name: 'X' }, ifMatch: template.version }),
      412,
      'version_mismatch',
    );
    expectProblem(await send(context, 'GET', url, { headers: other.admin.authorization }), 404, 'not_found');
    expectStatus(await send(context, 'DELETE', url, { headers: itUnit.authorization, ifMatch: changed.version }), 204);
  });
});
