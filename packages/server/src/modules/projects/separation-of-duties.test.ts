import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { projectFactories } from '../../../test/project-factories.ts';
import { systemFactories } from '../../../test/system-factories.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';

/**
 * Issue #12, finding 10: the approval looked only at the current lead and department heads, so an
 * IT-unit member could create a project, name someone else lead, submit and approve it, and a lead
 * could hand the lead role away before approving. Whoever created, led or submitted it at any point
 * cannot decide on it (ITP-4.2.1-APPROVAL).
 */
describe('separation of duties at the operational approval', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let care: string;
  let itMember: TestUser;
  let otherItMember: TestUser;
  let employee: TestUser;
  let register: ReturnType<typeof systemFactories>;
  let projects: ReturnType<typeof projectFactories>;

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    register = systemFactories(context);
    projects = projectFactories(context);
    tanum = await make.municipality('Tanum');
    care = (await make.department(tanum, 'Omsorg')).id;
    itMember = await make.user(tanum, 'it_unit');
    otherItMember = await make.user(tanum, 'it_unit');
    employee = await make.user(tanum, 'employee');
  });
  afterAll(() => context.close());

  const decide = (user: TestUser, projectId: string, version: number, action: 'approve' | 'reject') =>
    send(context, 'POST', `/api/v1/projects/${projectId}/${action}`, {
      headers: user.authorization,
      ifMatch: version,
      body:
        action === 'approve' ? { scope: 'Hela verksamheten', caseReference: 'KS 2026/1' } : { reason: 'Nej', caseReference: 'KS 2026/1' },
    });

  const submit = async (user: Pick<TestUser, 'authorization'>, projectId: string, version: number) =>
    expectStatus(
      await send(context, 'POST', `/api/v1/projects/${projectId}/submit`, { headers: user.authorization, ifMatch: version }),
      200,
    );

  const expectUndecided = async (projectId: string, version: number) => {
    const after = expectStatus(await send(context, 'GET', `/api/v1/projects/${projectId}`, { headers: tanum.admin.authorization }), 200);
    expect(after).toMatchObject({ state: 'submitted', version, approvals: [] });
  };

  it('refuses an IT-unit member who created the project, named another lead and submitted it (403), and records no decision', async () => {
    const system = await register.system(tanum, care);
    const ready = await projects.readyProject(tanum, system.id, care, employee.personId, {}, itMember.authorization);
    const submitted = await submit(itMember, ready.id, ready.version);
    for (const action of ['approve', 'reject'] as const) {
      expectProblem(await decide(itMember, ready.id, submitted.version, action), 403, 'forbidden');
    }
    await expectUndecided(ready.id, submitted.version);
    // A colleague who had no part in it may decide.
    expectStatus(await decide(otherItMember, ready.id, submitted.version, 'approve'), 200);
  });

  it('refuses whoever only created the project, and whoever only submitted it', async () => {
    const system = await register.system(tanum, care);
    const createdByIt = await projects.readyProject(tanum, system.id, care, employee.personId, {}, itMember.authorization);
    const submittedByAdmin = await submit(tanum.admin, createdByIt.id, createdByIt.version);
    expectProblem(await decide(itMember, createdByIt.id, submittedByAdmin.version, 'approve'), 403, 'forbidden');
    await expectUndecided(createdByIt.id, submittedByAdmin.version);

    const secondSystem = await register.system(tanum, care);
    const createdByAdmin = await projects.readyProject(tanum, secondSystem.id, care, employee.personId);
    const submittedByIt = await submit(itMember, createdByAdmin.id, createdByAdmin.version);
    expectProblem(await decide(itMember, createdByAdmin.id, submittedByIt.version, 'approve'), 403, 'forbidden');
    await expectUndecided(createdByAdmin.id, submittedByIt.version);
  });

  it('refuses a lead who handed the lead role away before approving', async () => {
    const system = await register.system(tanum, care);
    const ready = await projects.readyProject(tanum, system.id, care, itMember.personId);
    const handedOver = expectStatus(
      await send(context, 'PATCH', `/api/v1/projects/${ready.id}`, {
        headers: tanum.admin.authorization,
        ifMatch: ready.version,
        body: { projectLeadPersonId: employee.personId },
      }),
      200,
    );
    expect(handedOver.projectLeadPersonId).toBe(employee.personId);
    const submitted = await submit(tanum.admin, ready.id, handedOver.version);
    expectProblem(await decide(itMember, ready.id, submitted.version, 'approve'), 403, 'forbidden');
    await expectUndecided(ready.id, submitted.version);
    expectStatus(await decide(otherItMember, ready.id, submitted.version, 'approve'), 200);
  });
});
