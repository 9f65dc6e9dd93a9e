import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acknowledgementFactories } from '../../../test/acknowledgement-factories.ts';
import { accessRightFactories } from '../../../test/access-right-factories.ts';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { systemFactories } from '../../../test/system-factories.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';

describe('access rights API', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let other: TestMunicipality;
  let make: ReturnType<typeof factories>;
  let register: ReturnType<typeof systemFactories>;
  let access: ReturnType<typeof accessRightFactories>;
  let care: string;
  let school: string;
  let manager: TestUser;
  let deputy: TestUser;
  let careHead: TestUser;
  let schoolHead: TestUser;
  let itUnit: TestUser;
  let auditor: TestUser;
  let system: { id: string };
  let reader: { id: string; version: number };
  let administrator: { id: string };

  beforeAll(async () => {
    context = await createTestContext();
    make = factories(context);
    register = systemFactories(context);
    access = accessRightFactories(context);
    const documents = acknowledgementFactories(context);
    tanum = await make.municipality('Tanum');
    other = await make.municipality('Strömstad');
    care = (await make.department(tanum, 'Omsorg')).id;
    school = (await make.department(tanum, 'Skola')).id;
    // The IT policy and the security guidelines, adopted before anyone below is registered.
    for (const kind of ['it_policy', 'security_guidelines'] as const) {
      const document = await documents.document(tanum, { kind, title: kind === 'it_policy' ? 'IT-policy' : 'Riktlinjer för IT-säkerhet' });
      await documents.adopt(tanum, document.id);
    }
    manager = await make.user(tanum, 'employee', care);
    deputy = await make.user(tanum, 'employee', care);
    careHead = await make.user(tanum, 'department_head', care);
    schoolHead = await make.user(tanum, 'department_head', school);
    itUnit = await make.user(tanum, 'it_unit');
    auditor = await make.user(tanum, 'auditor');
    system = await register.system(tanum, care, { name: 'Procapita' });
    await register.appoint(tanum, system.id, manager.personId, 'manager');
    await register.appoint(tanum, system.id, deputy.personId, 'deputy');
    reader = await access.level(manager, system.id, { name: 'Läsare' });
    administrator = await access.level(manager, system.id, { name: 'Administratör', privileged: true });
  });
  afterAll(() => context.close());

  it('answers 401 without a login', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const [method, url] of [
      ['GET', `/api/v1/systems/${id}/access-levels`],
      ['POST', `/api/v1/systems/${id}/access-levels`],
      ['GET', '/api/v1/access-rights'],
      ['POST', '/api/v1/access-rights'],
      ['GET', `/api/v1/access-rights/${id}`],
      ['POST', `/api/v1/access-rights/${id}/end`],
      ['POST', `/api/v1/access-rights/${id}/activate`],
    ] as const) {
      expectProblem(await send(context, method, url, method === 'GET' ? {} : { body: {} }), 401, 'unauthenticated');
    }
  });

  it("keeps a system's levels: its stewards and the IT unit write them, everyone reads them, names are unique", async () => {
    const listed = expectStatus(
      await send(context, 'GET', `/api/v1/systems/${system.id}/access-levels`, { headers: auditor.authorization }),
      200,
    );
    expect(listed.items.map((level: { name: string }) => level.name)).toEqual(['Administratör', 'Läsare']);
    expect(listed.items[0]).toMatchObject({ privileged: true, can: { update: false, delete: false } });
    const employee = await make.user(tanum, 'employee', care);
    const body = { name: 'Handläggare' };
    expectProblem(
      await send(context, 'POST', `/api/v1/systems/${system.id}/access-levels`, { headers: employee.authorization, body }),
      403,
      'forbidden',
    );
    expectProblem(
      await send(context, 'POST', `/api/v1/systems/${system.id}/access-levels`, {
        headers: deputy.authorization,
        body: { ...body, version: 9 },
      }),
      400,
      'validation_failed',
    );
    const created = expectStatus(
      await send(context, 'POST', `/api/v1/systems/${system.id}/access-levels`, { headers: itUnit.authorization, body }),
      201,
    );
    const taken = expectProblem(
      await send(context, 'POST', `/api/v1/systems/${system.id}/access-levels`, {
        headers: deputy.authorization,
        body: { name: 'handläggare' },
      }),
      409,
      'conflict',
    );
    expect(taken.reason).toBe('access_level_name_taken');
    const url = `/api/v1/systems/${system.id}/access-levels/${created.id}`;
    expectProblem(
      await send(context, 'PATCH', url, { headers: deputy.authorization, body: { privileged: true } }),
      428,
      'precondition_required',
    );
    const changed = expectStatus(
      await send(context, 'PATCH', url, { headers: deputy.authorization, body: { privileged: true }, ifMatch: created.version }),
      200,
    );
    expect(changed.privileged).toBe(true);
    expectProblem(
      await send(context, 'PATCH', url, { headers: deputy.authorization, body: { name: 'X' }, ifMatch: created.version }),
      412,
      'version_mismatch',
    );
    expectProblem(await send(context, 'GET', url, { headers: other.admin.authorization }), 404, 'not_found');
    expectStatus(await send(context, 'DELETE', url, { headers: deputy.authorization, ifMatch: changed.version }), 204);
    // A level with rights (ended ones too) stays.
    const person = await make.person(tanum, care);
    await access.acknowledgeAll(person.id);
    const granted = await access.grant(manager, { personId: person.id, systemId: system.id, levelId: reader.id });
    expect(granted.right.state).toBe('active');
    const current = expectStatus(
      await send(context, 'GET', `/api/v1/systems/${system.id}/access-levels/${reader.id}`, { headers: manager.authorization }),
      200,
    );
    expect(current.activeRightCount).toBeGreaterThan(0);
    const inUse = expectProblem(
      await send(context, 'DELETE', `/api/v1/systems/${system.id}/access-levels/${reader.id}`, {
        headers: manager.authorization,
        ifMatch: current.version,
      }),
      409,
      'conflict',
    );
    expect(inUse.reason).toBe('access_level_in_use');
  });

  it("holds a person's first right until they acknowledge the IT policy and the guidelines, and activates it in that transaction", async () => {
    const employee = await make.user(tanum, 'employee', care);
    const gate = expectStatus(
      await send(context, 'GET', `/api/v1/systems/${system.id}/access-gate?personId=${employee.personId}`, {
        headers: manager.authorization,
      }),
      200,
    );
    expect(gate).toMatchObject({ firstRight: true, acknowledged: false, wouldBePending: true });
    expect(gate.documents.map((document: { documentKind: string }) => document.documentKind).sort()).toEqual([
      'it_policy',
      'security_guidelines',
    ]);

    const granted = await access.grant(manager, {
      personId: employee.personId,
      systemId: system.id,
      levelId: reader.id,
      caseReference: 'KS 2026/12',
    });
    expect(granted.right).toMatchObject({
      state: 'pending_acknowledgement',
      activation: null,
      source: 'granted',
      caseReference: 'KS 2026/12',
    });
    expect(granted.gate.wouldBePending).toBe(true);
    // The acknowledgements are on the person's to-do list.
    const tasks = expectStatus(
      await send(context, 'GET', '/api/v1/me/tasks?kind=acknowledge_document', { headers: employee.authorization }),
      200,
    );
    expect(tasks.items).toHaveLength(2);

    const requests = await access.openRequestsOf(employee);
    await access.acknowledge(employee, requests[0]!);
    expect((await access.right(manager, granted.right.id)).state).toBe('pending_acknowledgement');
    await access.acknowledge(employee, requests[1]!);
    const active = await access.right(manager, granted.right.id);
    expect(active).toMatchObject({ state: 'active', activation: 'acknowledged' });
    // The activation and the acknowledgement are one transaction: the same audit sequence run.
    const events = await access.auditEventsOf(granted.right.id);
    expect(events.map((event) => event.action)).toEqual(['grant', 'activate']);

    // A later grant is not gated.
    const second = await access.grant(deputy, { personId: employee.personId, systemId: system.id, levelId: administrator.id });
    expect(second.right).toMatchObject({ state: 'active', activation: 'not_gated' });
    expect(second.gate.firstRight).toBe(false);
  });

  it('never leaves an active right without the acknowledgement, nor a pending one after it, when grant and acknowledgement race', async () => {
    for (let round = 0; round < 4; round += 1) {
      const employee = await make.user(tanum, 'employee', care);
      const [first, last] = await access.openRequestsOf(employee);
      await access.acknowledge(employee, first!);
      // The grant and the acknowledgement that completes the gate, sent together.
      const [grant, acknowledgement] = await Promise.all([
        send(context, 'POST', '/api/v1/access-rights', {
          headers: manager.authorization,
          body: { personId: employee.personId, systemId: system.id, levelId: reader.id },
        }),
        send(context, 'POST', `/api/v1/acknowledgements/${last!.id}/acknowledge`, {
          headers: employee.authorization,
          body: {},
          ifMatch: last!.version,
        }),
      ]);
      expect(grant.statusCode, grant.body).toBe(201);
      expect(acknowledgement.statusCode, acknowledgement.body).toBe(200);
      // Whichever committed first, the right ends active, activated with the acknowledgement.
      const right = await access.right(manager, grant.json().right.id);
      expect(right).toMatchObject({ state: 'active', activation: 'acknowledged' });
      const events = (await access.auditEventsOf(right.id)).map((event) => event.action);
      expect(events[0]).toBe('grant');
      if (grant.json().right.state === 'pending_acknowledgement') expect(events).toEqual(['grant', 'activate']);
      else expect(events).toEqual(['grant']);
    }
  });

  it('asks again after a new version that is not editorial, and keeps the rights already active', async () => {
    const documents = acknowledgementFactories(context);
    const employee = await make.user(tanum, 'employee', care);
    for (const request of await access.openRequestsOf(employee)) await access.acknowledge(employee, request);
    const granted = await access.grant(manager, { personId: employee.personId, systemId: system.id, levelId: reader.id });
    expect(granted.right.state).toBe('active');
    const policy = await context.database.db
      .selectFrom('policy_documents')
      .select('id')
      .where('municipality_id', '=', tanum.id)
      .where('kind', '=', 'it_policy')
      .executeTakeFirstOrThrow();
    await documents.adopt(tanum, policy.id, { editorial: false });
    expect(await access.openRequestsOf(employee)).toHaveLength(1);
    expect((await access.right(manager, granted.right.id)).state).toBe('active');
    // Not a first right any more: a further grant is not held either.
    const gate = expectStatus(
      await send(context, 'GET', `/api/v1/systems/${system.id}/access-gate?personId=${employee.personId}`, {
        headers: manager.authorization,
      }),
      200,
    );
    expect(gate).toMatchObject({ firstRight: false, acknowledged: false, wouldBePending: false });
  });

  it('lets the system manager activate a pending right with a written reason, audited as an exception', async () => {
    const person = await make.person(tanum, school);
    const granted = await access.grant(manager, { personId: person.id, systemId: system.id, levelId: reader.id });
    const url = `/api/v1/access-rights/${granted.right.id}/activate`;
    expectProblem(
      await send(context, 'POST', url, {
        headers: itUnit.authorization,
        body: { exceptionReason: 'Akut' },
        ifMatch: granted.right.version,
      }),
      403,
      'forbidden',
    );
    expectProblem(
      await send(context, 'POST', url, { headers: manager.authorization, body: { exceptionReason: ' ' }, ifMatch: granted.right.version }),
      400,
      'validation_failed',
    );
    const active = expectStatus(
      await send(context, 'POST', url, {
        headers: manager.authorization,
        body: { exceptionReason: 'Vikarie börjar i dag; genomgång av policyn bokad.' },
        ifMatch: granted.right.version,
      }),
      200,
    );
    expect(active).toMatchObject({
      state: 'active',
      activation: 'exception',
      exceptionReason: 'Vikarie börjar i dag; genomgång av policyn bokad.',
    });
    expect(active.exceptionByName).toContain('employee');
    const again = expectProblem(
      await send(context, 'POST', url, { headers: manager.authorization, body: { exceptionReason: 'Igen' }, ifMatch: active.version }),
      409,
      'conflict',
    );
    expect(again.reason).toBe('access_right_not_pending');
    expect((await access.auditEventsOf(granted.right.id)).map((event) => event.action)).toEqual(['grant', 'activate_exception']);
  });

  it('ends a right without deleting it, only by its stewards, at the version the client saw', async () => {
    const person = await make.person(tanum, care);
    await access.acknowledgeAll(person.id);
    const granted = await access.grant(manager, { personId: person.id, systemId: system.id, levelId: reader.id });
    const url = `/api/v1/access-rights/${granted.right.id}/end`;
    expectProblem(
      await send(context, 'POST', url, { headers: careHead.authorization, body: {}, ifMatch: granted.right.version }),
      403,
      'forbidden',
    );
    expectProblem(await send(context, 'POST', url, { headers: other.admin.authorization, body: {}, ifMatch: 1 }), 404, 'not_found');
    expectProblem(await send(context, 'POST', url, { headers: deputy.authorization, body: {} }), 428, 'precondition_required');
    expectProblem(
      await send(context, 'POST', url, { headers: deputy.authorization, body: { state: 'active' }, ifMatch: 1 }),
      400,
      'validation_failed',
    );
    const ended = expectStatus(
      await send(context, 'POST', url, { headers: deputy.authorization, body: { note: 'Byter tjänst' }, ifMatch: granted.right.version }),
      200,
    );
    expect(ended).toMatchObject({
      state: 'ended',
      endReason: 'ended',
      endNote: 'Byter tjänst',
      endDate: '2026-11-28',
      can: { end: false },
    });
    expectProblem(
      await send(context, 'POST', url, { headers: deputy.authorization, body: {}, ifMatch: granted.right.version }),
      412,
      'version_mismatch',
    );
    const twice = expectProblem(
      await send(context, 'POST', url, { headers: deputy.authorization, body: {}, ifMatch: ended.version }),
      409,
      'conflict',
    );
    expect(twice.reason).toBe('access_right_ended');
    // Kept, and granted again as a new right.
    expect((await access.right(manager, granted.right.id)).state).toBe('ended');
    const again = await access.grant(manager, { personId: person.id, systemId: system.id, levelId: reader.id });
    expect(again.right.id).not.toBe(granted.right.id);
    const held = expectProblem(
      await send(context, 'POST', '/api/v1/access-rights', {
        headers: manager.authorization,
        body: { personId: person.id, systemId: system.id, levelId: reader.id },
      }),
      409,
      'conflict',
    );
    expect(held.reason).toBe('access_right_held');
  });

  it('refuses grants by anyone but the stewards, of levels of another system, to leavers, and of unknown fields', async () => {
    const person = await make.person(tanum, care);
    const body = { personId: person.id, systemId: system.id, levelId: reader.id };
    for (const user of [careHead, itUnit, tanum.admin]) {
      expectProblem(await send(context, 'POST', '/api/v1/access-rights', { headers: user.authorization, body }), 403, 'forbidden');
    }
    expectProblem(
      await send(context, 'POST', '/api/v1/access-rights', { headers: manager.authorization, body: { ...body, state: 'active' } }),
      400,
      'validation_failed',
    );
    expectProblem(
      await send(context, 'POST', '/api/v1/access-rights', { headers: manager.authorization, body: { ...body, startDate: '2026-11-01' } }),
      400,
      'validation_failed',
    );
    const elsewhere = await register.system(tanum, care);
    expectProblem(
      await send(context, 'POST', '/api/v1/access-rights', { headers: manager.authorization, body: { ...body, systemId: elsewhere.id } }),
      400,
      'validation_failed',
    );
    const foreignPerson = await make.person(other);
    expectProblem(
      await send(context, 'POST', '/api/v1/access-rights', {
        headers: manager.authorization,
        body: { ...body, personId: foreignPerson.id },
      }),
      400,
      'validation_failed',
    );
    const leaver = await make.person(tanum, care);
    await access.markLeft(tanum, leaver.id);
    const left = expectProblem(
      await send(context, 'POST', '/api/v1/access-rights', { headers: manager.authorization, body: { ...body, personId: leaver.id } }),
      409,
      'conflict',
    );
    expect(left.reason).toBe('person_left');
  });

  it('shows rights to the holder, the stewards, the head of the holder department and the governance roles only', async () => {
    const nurse = await make.user(tanum, 'employee', care);
    const teacher = await make.user(tanum, 'employee', school);
    const nurseRight = (await access.grant(manager, { personId: nurse.personId, systemId: system.id, levelId: reader.id })).right;
    const teacherRight = (await access.grant(manager, { personId: teacher.personId, systemId: system.id, levelId: reader.id })).right;
    const idsSeenBy = async (user: Pick<TestUser, 'authorization'>) =>
      (
        expectStatus(
          await send(context, 'GET', `/api/v1/access-rights?systemId=${system.id}&limit=200`, { headers: user.authorization }),
          200,
        ).items as Array<{ id: string }>
      ).map((right) => right.id);
    expect(await idsSeenBy(nurse)).toEqual([nurseRight.id]);
    expect(await idsSeenBy(careHead)).toContain(nurseRight.id);
    expect(await idsSeenBy(careHead)).not.toContain(teacherRight.id);
    expect(await idsSeenBy(schoolHead)).toContain(teacherRight.id);
    expect(await idsSeenBy(schoolHead)).not.toContain(nurseRight.id);
    for (const user of [manager, auditor, itUnit, tanum.admin])
      expect(await idsSeenBy(user)).toEqual(expect.arrayContaining([nurseRight.id, teacherRight.id]));
    expect(await idsSeenBy(other.admin)).toEqual([]);
    expectProblem(
      await send(context, 'GET', `/api/v1/access-rights/${teacherRight.id}`, { headers: nurse.authorization }),
      404,
      'not_found',
    );
    expectProblem(
      await send(context, 'GET', `/api/v1/access-rights/${teacherRight.id}`, { headers: careHead.authorization }),
      404,
      'not_found',
    );
    expectProblem(
      await send(context, 'GET', `/api/v1/access-rights/${teacherRight.id}`, { headers: other.admin.authorization }),
      404,
      'not_found',
    );
    const own = expectStatus(await send(context, 'GET', `/api/v1/access-rights/${nurseRight.id}`, { headers: nurse.authorization }), 200);
    expect(own.can).toEqual({ end: false, activateException: false });
    const asManager = expectStatus(
      await send(context, 'GET', `/api/v1/access-rights/${nurseRight.id}`, { headers: manager.authorization }),
      200,
    );
    expect(asManager.can).toEqual({ end: true, activateException: true });
    // Filters: the department (with its sub-units), the state, privileged levels.
    const pendingOfCare = expectStatus(
      await send(context, 'GET', `/api/v1/access-rights?departmentId=${care}&state=pending_acknowledgement&privileged=false`, {
        headers: itUnit.authorization,
      }),
      200,
    );
    expect(pendingOfCare.items.map((right: { id: string }) => right.id)).toContain(nurseRight.id);
    expect(
      pendingOfCare.items.every(
        (right: { state: string; personDepartmentId: string }) =>
          right.state === 'pending_acknowledgement' && right.personDepartmentId === care,
      ),
    ).toBe(true);
  });

  it("flags every right of a person who leaves at once, puts them on the stewards' to-do list, and keeps them until ended", async () => {
    const person = await make.person(tanum, care);
    await access.acknowledgeAll(person.id);
    const first = (await access.grant(manager, { personId: person.id, systemId: system.id, levelId: reader.id })).right;
    const second = (await access.grant(manager, { personId: person.id, systemId: system.id, levelId: administrator.id })).right;
    await access.markLeft(tanum, person.id);
    const flagged = expectStatus(
      await send(context, 'GET', `/api/v1/access-rights?personId=${person.id}&flagged=true`, { headers: manager.authorization }),
      200,
    );
    expect(flagged.items.map((right: { id: string }) => right.id).sort()).toEqual([first.id, second.id].sort());
    expect(flagged.items[0]).toMatchObject({ state: 'active', flaggedForRemoval: true, personEmploymentStatus: 'left' });
    const tasks = expectStatus(
      await send(context, 'GET', '/api/v1/me/tasks?kind=end_leaver_access', { headers: deputy.authorization }),
      200,
    );
    expect(tasks.items).toEqual([
      expect.objectContaining({ kind: 'end_leaver_access', subjectId: system.id, link: `/systems/${system.id}#access` }),
    ]);
    const rightNow = await access.right(manager, first.id);
    const ended = expectStatus(
      await send(context, 'POST', `/api/v1/access-rights/${first.id}/end`, {
        headers: manager.authorization,
        body: {},
        ifMatch: rightNow.version,
      }),
      200,
    );
    expect(ended).toMatchObject({ state: 'ended', endReason: 'person_left', flaggedForRemoval: false });
  });
});
