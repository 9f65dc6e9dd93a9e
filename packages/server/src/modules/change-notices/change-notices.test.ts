import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { systemFactories } from '../../../test/system-factories.ts';

describe('change notices API', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let other: TestMunicipality;
  let make: ReturnType<typeof factories>;
  let register: ReturnType<typeof systemFactories>;
  let care: string;
  let itUnit: TestUser;
  let careHead: TestUser;
  let employee: TestUser;
  let neighbourManager: TestUser;

  beforeAll(async () => {
    context = await createTestContext();
    make = factories(context);
    register = systemFactories(context);
    tanum = await make.municipality('Tanum');
    other = await make.municipality('Strömstad');
    care = (await make.department(tanum, 'Omsorg')).id;
    itUnit = await make.user(tanum, 'it_unit');
    careHead = await make.user(tanum, 'department_head', care);
    employee = await make.user(tanum, 'employee');
    neighbourManager = await make.user(tanum, 'employee');
  });
  afterAll(() => context.close());

  const list = async (query: string, user: { authorization: Record<string, string> } = itUnit) =>
    expectStatus(await send(context, 'GET', `/api/v1/change-notices?${query}`, { headers: user.authorization }), 200);

  it('answers 401 without a login', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const [method, url] of [
      ['GET', '/api/v1/change-notices'],
      ['POST', '/api/v1/change-notices'],
      ['GET', `/api/v1/change-notices/${id}`],
      ['POST', `/api/v1/change-notices/${id}/acknowledge`],
    ] as const) {
      expectProblem(await send(context, method, url, method === 'GET' ? {} : { body: {} }), 401, 'unauthenticated');
    }
  });

  it('creates a notice automatically when a deputy is appointed, tells the adjacent manager, and the IT unit acknowledges it', async () => {
    const system = await register.system(tanum, care, { name: 'Procapita' });
    const neighbour = await register.system(tanum, care, { name: 'Pulsen Combine' });
    await register.appoint(tanum, neighbour.id, neighbourManager.personId, 'manager');
    expectStatus(
      await send(context, 'POST', '/api/v1/integrations', {
        headers: tanum.admin.authorization,
        body: { providerSystemId: system.id, consumerSystemId: neighbour.id, method: 'api', frequency: 'daily' },
      }),
      201,
    );
    const deputy = await make.user(tanum, 'employee');
    await register.appoint(tanum, system.id, deputy.personId, 'deputy');

    const found = await list(`systemId=${system.id}`);
    expect(found.total).toBe(1);
    const notice = found.items[0];
    expect(notice).toMatchObject({
      kind: 'responsibility',
      source: 'automatic',
      status: 'open',
      title: 'Ny ersättare för Procapita: Test employee',
      systems: [{ id: system.id, name: 'Procapita' }],
      recipientPersonIds: [neighbourManager.personId],
      acknowledgeBy: '2026-12-04',
      overdue: false,
    });
    expect(
      (await list(`recipientPersonId=${neighbourManager.personId}`, neighbourManager)).items.map((item: { id: string }) => item.id),
    ).toContain(notice.id);

    const acknowledge = (user: TestUser, ifMatch?: number) =>
      send(context, 'POST', `/api/v1/change-notices/${notice.id}/acknowledge`, {
        headers: user.authorization,
        body: { note: 'Noterat' },
        ifMatch,
      });
    expectProblem(await acknowledge(careHead, 1), 403, 'forbidden');
    expectProblem(await acknowledge(employee, 1), 403, 'forbidden');
    expectProblem(
      await send(context, 'POST', `/api/v1/change-notices/${notice.id}/acknowledge`, {
        headers: tanum.admin.authorization,
        body: {},
        ifMatch: 1,
      }),
      403,
      'forbidden',
    );
    expectProblem(await acknowledge(itUnit), 428, 'precondition_required');
    expectProblem(await acknowledge(itUnit, 2), 412, 'version_mismatch');
    const acknowledged = expectStatus(await acknowledge(itUnit, 1), 200);
    expect(acknowledged).toMatchObject({
      status: 'acknowledged',
      acknowledgedByName: 'Test it_unit',
      acknowledgementNote: 'Noterat',
      acknowledgedAt: '2026-11-28T09:00:00.000Z',
      version: 2,
    });
    expectProblem(await acknowledge(itUnit, 2), 409, 'conflict');
  });

  it('shows one notice in full: the recipients by name with the adjacent systems they manage, and who held the role before and after', async () => {
    const system = await register.system(tanum, care, { name: 'Lifecare' });
    const neighbour = await register.system(tanum, care, { name: 'Visma Personec' });
    const neighbourLead = await make.person(tanum, care);
    await register.appoint(tanum, neighbour.id, neighbourLead.id, 'manager');
    expectStatus(
      await send(context, 'POST', '/api/v1/integrations', {
        headers: tanum.admin.authorization,
        body: { providerSystemId: neighbour.id, consumerSystemId: system.id, method: 'file', frequency: 'daily' },
      }),
      201,
    );
    const first = await make.person(tanum, care);
    const second = await make.person(tanum, care);
    await register.appoint(tanum, system.id, first.id, 'manager', { startDate: '2026-11-01' });
    // The second manager takes over on 1 December: the first one's assignment ends the day before.
    await register.appoint(tanum, system.id, second.id, 'manager', { startDate: '2026-12-01' });

    const notices = (await list(`systemId=${system.id}&limit=10`)).items as Array<{ id: string; title: string }>;
    const handover = notices.find((notice) => notice.title.includes(`${second.firstName} ${second.lastName}`))!;
    const detail = expectStatus(
      await send(context, 'GET', `/api/v1/change-notices/${handover.id}`, { headers: careHead.authorization }),
      200,
    );
    expect(detail).toMatchObject({
      source: 'automatic',
      acknowledgeWithinWorkingDays: 5,
      recipients: [
        {
          personId: neighbourLead.id,
          name: `${neighbourLead.firstName} ${neighbourLead.lastName}`,
          email: neighbourLead.email,
          systems: [{ id: neighbour.id, name: 'Visma Personec' }],
        },
      ],
      responsibilityChange: {
        role: 'manager',
        change: 'appointed',
        effectiveOn: '2026-12-01',
        before: [{ personId: first.id, departmentId: null, name: `${first.firstName} ${first.lastName}` }],
        after: [{ personId: second.id, departmentId: null, name: `${second.firstName} ${second.lastName}` }],
      },
    });

    const school = (await make.department(tanum, 'Skola')).id;
    expectStatus(
      await send(context, 'PATCH', `/api/v1/systems/${system.id}`, {
        headers: tanum.admin.authorization,
        body: { ownerDepartmentId: school },
        ifMatch: (await register.get(tanum.admin, system.id)).version,
      }),
      200,
    );
    const transfer = ((await list(`systemId=${system.id}&limit=10`)).items as Array<{ id: string; title: string }>).find((notice) =>
      notice.title.startsWith('Ny systemägare'),
    )!;
    const transferred = expectStatus(
      await send(context, 'GET', `/api/v1/change-notices/${transfer.id}`, { headers: itUnit.authorization }),
      200,
    );
    expect(transferred.responsibilityChange).toEqual({
      role: 'owner',
      change: 'transferred',
      effectiveOn: '2026-11-28',
      before: [{ personId: null, departmentId: care, name: 'Omsorg' }],
      after: [{ personId: null, departmentId: school, name: 'Skola' }],
    });

    // A notice reported by hand has no change of responsibility to show, and nobody beyond the IT unit without an integration.
    const manual = expectStatus(
      await send(context, 'POST', '/api/v1/change-notices', {
        headers: tanum.admin.authorization,
        body: { kind: 'operation', title: 'Ny version', systemIds: [system.id] },
      }),
      201,
    );
    expect(
      expectStatus(await send(context, 'GET', `/api/v1/change-notices/${manual.id}`, { headers: itUnit.authorization }), 200),
    ).toMatchObject({ recipients: [], responsibilityChange: null });
  });

  it('writes the notice of a responsibility change with the change itself, leaving nothing in the outbox', async () => {
    const fresh = await make.municipality('Ramsö');
    const department = (await make.department(fresh, 'Drift')).id;
    const system = await register.system(fresh, department);
    const person = await make.person(fresh, department);
    await register.appoint(fresh, system.id, person.id, 'manager');
    const events = await context.database.db
      .selectFrom('domain_events')
      .select(['id', 'processed_at'])
      .where('municipality_id', '=', fresh.id)
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]!.processed_at).not.toBeNull();
    // Straight from the database, before anyone reads the queue.
    const notices = await context.database.db
      .selectFrom('change_notices')
      .select(['source', 'source_event_id'])
      .where('municipality_id', '=', fresh.id)
      .execute();
    expect(notices).toEqual([{ source: 'automatic', source_event_id: events[0]!.id }]);
    expect(await context.services.changeNotices.processOutbox(fresh.id)).toBe(0);
  });

  it('processes each event left in the outbox exactly once, even when two runs race', async () => {
    const fresh = await make.municipality('Utkö');
    const department = (await make.department(fresh, 'Teknik')).id;
    const system = await register.system(fresh, department);
    // Events as a register without the notice writer (before 2026-12-01) left them: unprocessed.
    for (let index = 0; index < 6; index += 1) {
      const person = await make.person(fresh, department);
      await context.database.db
        .insertInto('domain_events')
        .values({
          id: randomUUID(),
          municipality_id: fresh.id,
          type: 'system.responsibility_changed',
          payload_json: JSON.stringify({ systemId: system.id, change: index === 0 ? 'manager' : 'deputy', personId: person.id, by: 'Ada' }),
          occurred_at: context.clock.now().toISOString(),
          processed_at: null,
        })
        .execute();
    }
    const pending = await context.database.db
      .selectFrom('domain_events')
      .select('id')
      .where('municipality_id', '=', fresh.id)
      .where('processed_at', 'is', null)
      .execute();
    expect(pending.length).toBe(6);
    const counts = await Promise.all([
      context.services.changeNotices.processOutbox(fresh.id),
      context.services.changeNotices.processOutbox(fresh.id),
      context.services.changeNotices.processOutbox(),
    ]);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(6);
    const notices = await context.database.db
      .selectFrom('change_notices')
      .select(['source_event_id'])
      .where('municipality_id', '=', fresh.id)
      .execute();
    expect(notices.map((notice) => notice.source_event_id).sort()).toEqual(pending.map((event) => event.id).sort());
    expect(await context.services.changeNotices.processOutbox(fresh.id)).toBe(0);
    expect((await list('limit=50', fresh.admin)).total).toBe(6);
  });

  it('lets the owner or a steward report a planned operational change, and marks it overdue after five working days', async () => {
    const system = await register.system(tanum, care, { name: 'Treserva' });
    const neighbour = await register.system(tanum, care);
    await register.appoint(tanum, neighbour.id, neighbourManager.personId, 'manager');
    expectStatus(
      await send(context, 'POST', '/api/v1/integrations', {
        headers: tanum.admin.authorization,
        body: { providerSystemId: neighbour.id, consumerSystemId: system.id, method: 'file', frequency: 'daily' },
      }),
      201,
    );
    const body = {
      kind: 'operation',
      title: 'Byte av databasserver',
      plannedOn: '2026-12-15',
      systemIds: [system.id],
      touchesIntegrations: true,
    };
    expectProblem(await send(context, 'POST', '/api/v1/change-notices', { headers: employee.authorization, body }), 403, 'forbidden');
    expectProblem(
      await send(context, 'POST', '/api/v1/change-notices', { headers: careHead.authorization, body: { ...body, kind: 'upgrade' } }),
      400,
      'validation_failed',
    );
    expectProblem(
      await send(context, 'POST', '/api/v1/change-notices', { headers: careHead.authorization, body: { ...body, systemIds: [] } }),
      400,
      'validation_failed',
    );
    const created = expectStatus(await send(context, 'POST', '/api/v1/change-notices', { headers: careHead.authorization, body }), 201);
    expect(created).toMatchObject({
      source: 'manual',
      status: 'open',
      plannedOn: '2026-12-15',
      recipientPersonIds: [neighbourManager.personId],
      createdByName: 'Test department_head',
    });

    // Friday 4 December is the fifth working day after Saturday 28 November; the Monday after, it is late.
    expect(created.acknowledgeBy).toBe('2026-12-04');
    context.clock.set('2026-12-07T09:00:00.000Z');
    try {
      const overdue = await list('overdue=true&kind=operation');
      expect(overdue.items.map((item: { id: string }) => item.id)).toContain(created.id);
      expect(overdue.items.every((item: { overdue: boolean }) => item.overdue)).toBe(true);
      expect((await list('overdue=false&kind=operation')).items.map((item: { id: string }) => item.id)).not.toContain(created.id);
    } finally {
      context.clock.set('2026-11-28T09:00:00.000Z');
    }
    expect((await list('overdue=true&kind=operation')).items.map((item: { id: string }) => item.id)).not.toContain(created.id);
  });

  it('pages the inbox in its work order: open ones first, oldest first, then the acknowledged, newest first', async () => {
    const sotenas = await make.municipality('Sotenäs');
    const department = (await make.department(sotenas, 'Miljö')).id;
    const system = await register.system(sotenas, department, { name: 'Ecos' });
    const itPerson = await make.user(sotenas, 'it_unit');
    const created: Array<{ id: string; title: string; version: number }> = [];
    for (const number of [1, 2, 3, 4, 5]) {
      context.clock.advanceMinutes(60);
      const notice = expectStatus(
        await send(context, 'POST', '/api/v1/change-notices', {
          headers: sotenas.admin.authorization,
          body: { kind: 'operation', title: `Ändring ${number}`, systemIds: [system.id] },
        }),
        201,
      );
      created.push(notice);
    }
    for (const notice of [created[1]!, created[3]!]) {
      expectStatus(
        await send(context, 'POST', `/api/v1/change-notices/${notice.id}/acknowledge`, {
          headers: itPerson.authorization,
          body: { note: 'Noterat' },
          ifMatch: notice.version,
        }),
        200,
      );
    }
    const titles: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ title: string }>; nextCursor: string | null; total: number } = await list(
        `sort=queue&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        itPerson,
      );
      expect(page.total).toBe(5);
      titles.push(...page.items.map((item) => item.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(titles).toEqual(['Ändring 1', 'Ändring 3', 'Ändring 5', 'Ändring 4', 'Ändring 2']);
    expectProblem(
      await send(context, 'GET', '/api/v1/change-notices?sort=queue&cursor=bm90LWEtbnVtYmVy', { headers: itPerson.authorization }),
      400,
      'validation_failed',
    );
  });

  it('answers 404 for another municipality’s notice', async () => {
    const department = (await make.department(other, 'Omsorg')).id;
    const system = await register.system(other, department);
    const foreign = expectStatus(
      await send(context, 'POST', '/api/v1/change-notices', {
        headers: other.admin.authorization,
        body: { kind: 'operation', title: 'X', systemIds: [system.id] },
      }),
      201,
    );
    expectProblem(await send(context, 'GET', `/api/v1/change-notices/${foreign.id}`, { headers: itUnit.authorization }), 404, 'not_found');
    expectProblem(
      await send(context, 'POST', `/api/v1/change-notices/${foreign.id}/acknowledge`, {
        headers: itUnit.authorization,
        body: {},
        ifMatch: 1,
      }),
      404,
      'not_found',
    );
    expectProblem(
      await send(context, 'POST', '/api/v1/change-notices', {
        headers: tanum.admin.authorization,
        body: { kind: 'operation', title: 'X', systemIds: [system.id] },
      }),
      400,
      'validation_failed',
    );
    expect((await list('limit=200')).items.map((item: { id: string }) => item.id)).not.toContain(foreign.id);
  });
});

describe('change notices in the compliance results', () => {
  it('fails an open notice past its working days under ITP-4.2.2-CHANGE-NOTICE and passes it once acknowledged', async () => {
    const context = await createTestContext();
    try {
      const make = factories(context);
      const municipality = await make.municipality('Regel');
      const department = (await make.department(municipality, 'Teknik')).id;
      const system = await systemFactories(context).system(municipality, department);
      const notice = expectStatus(
        await send(context, 'POST', '/api/v1/change-notices', {
          headers: municipality.admin.authorization,
          body: { kind: 'operation', title: 'Ny brandvägg', systemIds: [system.id] },
        }),
        201,
      );
      context.clock.set('2026-12-10T09:00:00.000Z');
      const results = async () =>
        expectStatus(
          await send(context, 'GET', '/api/v1/compliance/results?rule=ITP-4.2.2-CHANGE-NOTICE&limit=200', {
            headers: municipality.admin.authorization,
          }),
          200,
        );
      expect((await results()).items).toEqual([
        expect.objectContaining({
          subjectType: 'change_notice',
          subjectId: notice.id,
          status: 'fail',
          reason: 'acknowledgement_overdue',
          fixPath: `/change-notices/${notice.id}`,
        }),
      ]);
      const itUnit = await make.user(municipality, 'it_unit');
      expectStatus(
        await send(context, 'POST', `/api/v1/change-notices/${notice.id}/acknowledge`, {
          headers: itUnit.authorization,
          body: {},
          ifMatch: 1,
        }),
        200,
      );
      expect((await results()).items[0]).toMatchObject({ status: 'pass', reason: 'acknowledged' });
    } finally {
      await context.close();
    }
  });
});
