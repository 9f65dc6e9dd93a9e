import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessRightFactories } from '../../../test/access-right-factories.ts';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { systemFactories } from '../../../test/system-factories.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';

describe('recertification API', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let other: TestMunicipality;
  let make: ReturnType<typeof factories>;
  let register: ReturnType<typeof systemFactories>;
  let access: ReturnType<typeof accessRightFactories>;
  let care: string;
  let manager: TestUser;
  let otherManager: TestUser;
  let careHead: TestUser;
  let itUnit: TestUser;
  let employee: TestUser;

  /** A system of the care department with `count` active rights, kept by `steward`. */
  async function systemWithRights(steward: TestUser, count: number) {
    const system = await register.system(tanum, care);
    await register.appoint(tanum, system.id, steward.personId, 'manager');
    const level = await access.level(steward, system.id, { name: 'Handläggare' });
    const rightIds: string[] = [];
    for (let index = 0; index < count; index += 1) {
      const person = await make.person(tanum, care);
      rightIds.push((await access.grant(steward, { personId: person.id, systemId: system.id, levelId: level.id })).right.id);
    }
    return { system, rightIds };
  }

  const start = async (user: Pick<TestUser, 'authorization'>, body: Record<string, unknown>, status = 201) =>
    expectStatus(await send(context, 'POST', '/api/v1/recertifications', { headers: user.authorization, body }), status);
  const accessRightsDuty = async (systemId: string) => {
    const duties = expectStatus(await send(context, 'GET', `/api/v1/systems/${systemId}/duties`, { headers: manager.authorization }), 200);
    return duties.items.find((duty: { duty: string }) => duty.duty === 'access_rights');
  };
  const decide = (user: Pick<TestUser, 'authorization'>, id: string, body: Record<string, unknown>) =>
    send(context, 'POST', `/api/v1/recertifications/${id}/decisions`, { headers: user.authorization, body });

  beforeAll(async () => {
    context = await createTestContext();
    make = factories(context);
    register = systemFactories(context);
    access = accessRightFactories(context);
    tanum = await make.municipality('Tanum');
    other = await make.municipality('Strömstad');
    care = (await make.department(tanum, 'Omsorg')).id;
    manager = await make.user(tanum, 'employee', care);
    otherManager = await make.user(tanum, 'employee', care);
    careHead = await make.user(tanum, 'department_head', care);
    itUnit = await make.user(tanum, 'it_unit');
    employee = await make.user(tanum, 'employee', care);
  });
  afterAll(() => context.close());

  it('answers 401 without a login', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const [method, url] of [
      ['GET', '/api/v1/recertifications'],
      ['POST', '/api/v1/recertifications'],
      ['GET', `/api/v1/recertifications/${id}`],
      ['GET', `/api/v1/recertifications/${id}/items`],
      ['POST', `/api/v1/recertifications/${id}/decisions`],
    ] as const) {
      expectProblem(await send(context, method, url, method === 'GET' ? {} : { body: {} }), 401, 'unauthenticated');
    }
  });

  it("snapshots a system's rights, lets only its stewards decide, checks the confirmed count, and shows progress", async () => {
    const { system, rightIds } = await systemWithRights(manager, 3);
    expectProblem(
      await send(context, 'POST', '/api/v1/recertifications', {
        headers: employee.authorization,
        body: { title: 'Procapita 2026', scope: 'system', systemId: system.id, dueDate: '2026-12-31' },
      }),
      403,
      'forbidden',
    );
    expectProblem(
      await send(context, 'POST', '/api/v1/recertifications', {
        headers: manager.authorization,
        body: { title: 'X', scope: 'system', systemId: system.id, dueDate: '2026-12-31', progress: {} },
      }),
      400,
      'validation_failed',
    );
    // The duty checklist's "administer access rights" (§4.2.3) shows what the register knows: 3 rights, never recertified.
    expect(await accessRightsDuty(system.id)).toMatchObject({ registerEvidence: { openRights: 3, lastRecertifiedOn: null } });
    const campaign = await start(manager, { title: 'Procapita 2026', scope: 'system', systemId: system.id, dueDate: '2026-12-31' });
    expect(campaign).toMatchObject({
      progress: { total: 3, kept: 0, ended: 0, undecided: 3 },
      completed: false,
      systemCount: 1,
      can: { decide: true },
    });

    const items = expectStatus(
      await send(context, 'GET', `/api/v1/recertifications/${campaign.id}/items?decision=undecided`, { headers: manager.authorization }),
      200,
    );
    expect(items.items.map((item: { rightId: string }) => item.rightId).sort()).toEqual([...rightIds].sort());
    expect(items.items.every((item: { canDecide: boolean }) => item.canDecide)).toBe(true);

    // Not the system's steward: the IT unit and the owner's head see it and are refused; another system's manager does not find it.
    for (const user of [itUnit, careHead]) {
      expectProblem(await decide(user, campaign.id, { decision: 'keep', rightIds: [rightIds[0]], expectedCount: 1 }), 403, 'forbidden');
    }
    expectProblem(
      await decide(otherManager, campaign.id, { decision: 'keep', rightIds: [rightIds[0]], expectedCount: 1 }),
      404,
      'not_found',
    );
    const mismatch = expectProblem(
      await decide(manager, campaign.id, { decision: 'keep', allUndecided: {}, expectedCount: 2 }),
      409,
      'conflict',
    );
    expect(mismatch.reason).toBe('decision_count_mismatch');

    const ended = expectStatus(
      await decide(manager, campaign.id, { decision: 'end', rightIds: [rightIds[0]], expectedCount: 1, note: 'Slutat' }),
      200,
    );
    expect(ended).toMatchObject({ decided: 1, ended: 1, campaign: { progress: { ended: 1, undecided: 2 } } });
    expect(await access.right(manager, rightIds[0]!)).toMatchObject({ state: 'ended', endReason: 'recertification' });
    // Decided once: naming it again covers nothing.
    expectProblem(await decide(manager, campaign.id, { decision: 'keep', rightIds: [rightIds[0]], expectedCount: 1 }), 409, 'conflict');

    const kept = expectStatus(
      await decide(manager, campaign.id, { decision: 'keep', allUndecided: { systemId: system.id }, expectedCount: 2 }),
      200,
    );
    expect(kept.campaign).toMatchObject({ completed: true, progress: { total: 3, kept: 2, ended: 1, undecided: 0 } });
    expect((await access.right(manager, rightIds[1]!)).lastRecertifiedOn).toBe('2026-11-28');
    // One right ended by the campaign, two kept: the checklist now names the day they were recertified.
    expect(await accessRightsDuty(system.id)).toMatchObject({ registerEvidence: { openRights: 2, lastRecertifiedOn: '2026-11-28' } });
    const otherDuties = expectStatus(
      await send(context, 'GET', `/api/v1/systems/${system.id}/duties`, { headers: manager.authorization }),
      200,
    );
    expect(otherDuties.items.filter((duty: { registerEvidence: unknown }) => duty.registerEvidence !== null)).toHaveLength(1);
    const actions = (await access.auditEventsOf(rightIds[1]!)).map((event) => event.action);
    expect(actions).toEqual(['grant', 'recertification_keep']);
  });

  it("covers every system a department owns, leaves undecided rights open past the due date, and puts them on the stewards' list", async () => {
    const first = await systemWithRights(manager, 1);
    const second = await systemWithRights(otherManager, 2);
    expectProblem(
      await send(context, 'POST', '/api/v1/recertifications', {
        headers: employee.authorization,
        body: { title: 'Omsorgen', scope: 'department', departmentId: care, dueDate: '2026-12-10' },
      }),
      403,
      'forbidden',
    );
    const campaign = await start(careHead, {
      title: 'Omsorgen hösten 2026',
      scope: 'department',
      departmentId: care,
      dueDate: '2026-12-10',
    });
    expect(campaign.systemCount).toBeGreaterThanOrEqual(2);
    const tasks = expectStatus(
      await send(context, 'GET', '/api/v1/me/tasks?kind=recertify_access', { headers: otherManager.authorization }),
      200,
    );
    expect(tasks.items.map((task: { subjectId: string }) => task.subjectId)).toContain(campaign.id);
    // The other manager decides their own system only.
    expectProblem(
      await decide(otherManager, campaign.id, { decision: 'keep', allUndecided: { systemId: first.system.id }, expectedCount: 1 }),
      403,
      'forbidden',
    );
    expectStatus(
      await decide(otherManager, campaign.id, { decision: 'keep', allUndecided: { systemId: second.system.id }, expectedCount: 2 }),
      200,
    );
    context.clock.advanceMinutes(60 * 24 * 14);
    const late = expectStatus(
      await send(context, 'GET', `/api/v1/recertifications/${campaign.id}`, { headers: careHead.authorization }),
      200,
    );
    expect(late).toMatchObject({ completed: false, overdue: true });
    expect(late.progress.undecided).toBeGreaterThan(0);
    // Another municipality finds nothing; an employee who keeps none of its systems neither.
    expectProblem(
      await send(context, 'GET', `/api/v1/recertifications/${campaign.id}`, { headers: other.admin.authorization }),
      404,
      'not_found',
    );
    expectProblem(
      await send(context, 'GET', `/api/v1/recertifications/${campaign.id}`, { headers: employee.authorization }),
      404,
      'not_found',
    );
    expectProblem(await decide(other.admin, campaign.id, { decision: 'end', allUndecided: {}, expectedCount: 1 }), 404, 'not_found');
  });
});
