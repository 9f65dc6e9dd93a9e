import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stateOfDatabase, changedTables } from '../../../test/database-state.ts';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';

describe('attendance, training history and due courses API', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let other: TestMunicipality;
  let care: string;
  let school: string;
  let itUnit: TestUser;
  let trainer: TestUser;
  let otherTrainer: TestUser;
  let careHead: TestUser;
  let schoolHead: TestUser;
  let auditor: TestUser;
  let anna: TestUser;
  let bertil: TestUser;
  let cecilia: TestUser;
  let securityCourse: { id: string };

  const as = (user: { authorization: Record<string, string> }) => ({ headers: user.authorization });
  async function session(body: Record<string, unknown>) {
    return expectStatus(
      await send(context, 'POST', '/api/v1/training-sessions', {
        ...as(itUnit),
        body: { courseId: securityCourse.id, trainerPersonId: trainer.personId, ...body },
      }),
      201,
    );
  }
  const register = (user: { authorization: Record<string, string> }, sessionId: string, personIds: string[]) =>
    send(context, 'POST', `/api/v1/training-sessions/${sessionId}/attendances`, { ...as(user), body: { personIds } });

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    tanum = await make.municipality('Tanum');
    other = await make.municipality('Strömstad');
    care = (await make.department(tanum, 'Omsorg')).id;
    school = (await make.department(tanum, 'Barn- och utbildning')).id;
    itUnit = await make.user(tanum, 'it_unit');
    trainer = await make.user(tanum, 'employee', care);
    otherTrainer = await make.user(tanum, 'employee', school);
    careHead = await make.user(tanum, 'department_head', care);
    schoolHead = await make.user(tanum, 'department_head', school);
    auditor = await make.user(tanum, 'auditor');
    anna = await make.user(tanum, 'employee', care);
    bertil = await make.user(tanum, 'employee', care);
    cecilia = await make.user(tanum, 'employee', school);
    securityCourse = expectStatus(
      await send(context, 'POST', '/api/v1/courses', {
        ...as(itUnit),
        body: { title: 'IT-säkerhet och grundläggande nätverkskunskap', topic: 'it_security_and_networks', recurrenceMonths: 24 },
      }),
      201,
    );
  });
  afterAll(() => context.close());

  it('answers 401 without a login', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const [method, url] of [
      ['GET', `/api/v1/training-sessions/${id}/attendances`],
      ['POST', `/api/v1/training-sessions/${id}/attendances`],
      ['PATCH', `/api/v1/training-attendances/${id}`],
      ['DELETE', `/api/v1/training-attendances/${id}`],
      ['GET', `/api/v1/people/${id}/training`],
      ['GET', `/api/v1/people/${id}/training/due`],
      ['GET', '/api/v1/training-coverage'],
    ] as const) {
      expectProblem(await send(context, method, url, method === 'GET' || method === 'DELETE' ? {} : { body: {} }), 401, 'unauthenticated');
    }
  });

  it('registers within the capacity only, all or nothing, and a withdrawn registration frees its place', async () => {
    const full = await session({ startsAt: '2026-12-03T08:00:00Z', endsAt: '2026-12-03T10:00:00Z', capacity: 2 });
    expectProblem(await register(anna, full.id, [anna.personId]), 403, 'forbidden');
    expectProblem(await register(careHead, full.id, [anna.personId]), 403, 'forbidden');
    expectProblem(await register(itUnit, full.id, [other.admin.personId]), 400, 'validation_failed');
    expectProblem(
      await send(context, 'POST', `/api/v1/training-sessions/${full.id}/attendances`, {
        ...as(itUnit),
        body: { personIds: [anna.personId], status: 'attended' },
      }),
      400,
      'validation_failed',
    );
    const before = await stateOfDatabase(context);
    const tooMany = expectProblem(await register(itUnit, full.id, [anna.personId, bertil.personId, cecilia.personId]), 409, 'conflict');
    expect(tooMany.reason).toBe('session_full');
    expect(changedTables(before, await stateOfDatabase(context))).toEqual([]);

    const registered = expectStatus(await register(itUnit, full.id, [anna.personId, bertil.personId]), 201);
    expect(registered.items.map((item: { personId: string; status: string }) => [item.personId, item.status]).sort()).toEqual(
      [
        [anna.personId, 'registered'],
        [bertil.personId, 'registered'],
      ].sort(),
    );
    // Registering someone already there again changes nothing; one more does not fit.
    expectStatus(await register(itUnit, full.id, [anna.personId]), 201);
    expect((await register(itUnit, full.id, [cecilia.personId])).json().reason).toBe('session_full');
    const annaRow = registered.items.find((item: { personId: string }) => item.personId === anna.personId);
    expect(annaRow.can).toEqual({ record: false, remove: true });
    const url = `/api/v1/training-attendances/${annaRow.id}`;
    expectProblem(await send(context, 'DELETE', url, { ...as(anna), ifMatch: 1 }), 403, 'forbidden');
    expectProblem(await send(context, 'DELETE', url, { ...as(itUnit), ifMatch: 3 }), 412, 'version_mismatch');
    expectStatus(await send(context, 'DELETE', url, { ...as(itUnit), ifMatch: 1 }), 204);
    expectStatus(await register(itUnit, full.id, [cecilia.personId]), 201);
    const reread = expectStatus(await send(context, 'GET', `/api/v1/training-sessions/${full.id}`, as(itUnit)), 200);
    expect(reread.registeredCount).toBe(2);
  });

  it("lets a session's trainer take its attendance, and nobody else's trainer", async () => {
    const held = await session({ startsAt: '2026-11-28T07:00:00Z', endsAt: '2026-11-28T09:00:00Z', place: 'Tanumshede, sal 1' });
    const elsewhere = await session({
      startsAt: '2026-11-28T07:00:00Z',
      endsAt: '2026-11-28T09:00:00Z',
      trainerPersonId: otherTrainer.personId,
    });
    const ahead = await session({ startsAt: '2026-12-20T08:00:00Z', endsAt: '2026-12-20T10:00:00Z' });
    const { items } = expectStatus(await register(itUnit, held.id, [anna.personId, bertil.personId, cecilia.personId]), 201);
    const [upcoming] = expectStatus(await register(itUnit, ahead.id, [anna.personId]), 201).items;
    expectStatus(await register(itUnit, elsewhere.id, [bertil.personId]), 201);
    const annaRow = items.find((item: { personId: string }) => item.personId === anna.personId);
    const url = `/api/v1/training-attendances/${annaRow.id}`;
    const tap = (user: TestUser, status: string, ifMatch: number | null = 1) =>
      send(context, 'PATCH', url, { ...as(user), body: { status }, ...(ifMatch === null ? {} : { ifMatch }) });

    // The attendance list: the trainer and organisers read it; the trainer searches it.
    const list = expectStatus(await send(context, 'GET', `/api/v1/training-sessions/${held.id}/attendances?q=test`, as(trainer)), 200);
    expect(list.total).toBe(3);
    expect(list.items[0].can).toEqual({ record: true, remove: false });
    expectProblem(await send(context, 'GET', `/api/v1/training-sessions/${held.id}/attendances`, as(anna)), 403, 'forbidden');
    expectProblem(await send(context, 'GET', `/api/v1/training-sessions/${held.id}/attendances`, as(otherTrainer)), 403, 'forbidden');
    expectStatus(await send(context, 'GET', `/api/v1/training-sessions/${held.id}/attendances`, as(auditor)), 200);
    expectProblem(await send(context, 'GET', `/api/v1/training-sessions/${held.id}/attendances`, as(other.admin)), 404, 'not_found');

    expectProblem(await tap(otherTrainer, 'attended'), 403, 'forbidden');
    expectProblem(await tap(anna, 'attended'), 403, 'forbidden');
    expectProblem(await tap(itUnit, 'attended'), 403, 'forbidden');
    expectProblem(await tap(trainer, 'attended', null), 428, 'precondition_required');
    expectProblem(await tap(trainer, 'attended', 2), 412, 'version_mismatch');
    expectProblem(
      await send(context, 'PATCH', url, { ...as(trainer), body: { status: 'attended', personId: cecilia.personId }, ifMatch: 1 }),
      400,
      'validation_failed',
    );
    expectProblem(await send(context, 'PATCH', url, { ...as(other.admin), body: { status: 'attended' }, ifMatch: 1 }), 404, 'not_found');
    const attended = expectStatus(await tap(trainer, 'attended'), 200);
    expect(attended).toMatchObject({
      status: 'attended',
      recordedByName: 'Test employee',
      version: 2,
      can: { record: true, remove: false },
    });
    expect(attended.recordedAt).not.toBeNull();
    // Recorded attendance is history: it is not withdrawn as a registration.
    expect((await send(context, 'DELETE', url, { ...as(itUnit), ifMatch: 2 })).json().reason).toBe('attendance_recorded');
    const bertilRow = items.find((item: { personId: string }) => item.personId === bertil.personId);
    expectStatus(
      await send(context, 'PATCH', `/api/v1/training-attendances/${bertilRow.id}`, {
        ...as(tanum.admin),
        body: { status: 'absent' },
        ifMatch: 1,
      }),
      200,
    );
    // A session ahead: nobody has attended it yet.
    const early = expectProblem(
      await send(context, 'PATCH', `/api/v1/training-attendances/${upcoming.id}`, {
        ...as(trainer),
        body: { status: 'attended' },
        ifMatch: 1,
      }),
      409,
      'conflict',
    );
    expect(early.reason).toBe('session_not_started');
  });

  it('shows a person their own history, their department head theirs, the auditor everyone, and nobody else', async () => {
    const history = (user: { authorization: Record<string, string> }, personId: string, query = '') =>
      send(context, 'GET', `/api/v1/people/${personId}/training${query}`, as(user));
    const own = expectStatus(await history(anna, anna.personId), 200);
    expect(own.items.map((item: { status: string; courseTitle: string }) => item.status)).toEqual(['registered', 'attended']);
    expect(own.items[1]).toMatchObject({
      courseTitle: 'IT-säkerhet och grundläggande nätverkskunskap',
      topic: 'it_security_and_networks',
      departmentName: 'Omsorg',
    });
    expect(expectStatus(await history(anna, anna.personId, '?status=attended'), 200).total).toBe(1);
    const paged = expectStatus(await history(anna, anna.personId, '?limit=1'), 200);
    expect(paged.nextCursor).not.toBeNull();
    expect(expectStatus(await history(anna, anna.personId, `?limit=1&cursor=${paged.nextCursor}`), 200).items[0].status).toBe('attended');
    expectProblem(await history(anna, bertil.personId), 403, 'forbidden');
    expectProblem(await history(trainer, anna.personId), 403, 'forbidden');
    expectStatus(await history(careHead, anna.personId), 200);
    expectProblem(await history(schoolHead, anna.personId), 403, 'forbidden');
    expectStatus(await history(auditor, anna.personId), 200);
    expectStatus(await history(tanum.admin, anna.personId), 200);
    expectProblem(await history(other.admin, anna.personId), 404, 'not_found');
    expectProblem(await history(anna, other.admin.personId), 404, 'not_found');
  });

  it('finds the courses due: a mandatory one never attended, and a recurring one come round', async () => {
    const due = async (personId: string) =>
      expectStatus(await send(context, 'GET', `/api/v1/people/${personId}/training/due`, as(auditor)), 200).items;
    // Anna attended IT security this year: nothing due. Bertil was absent: it is due, with the session he is registered to.
    expect(await due(anna.personId)).toEqual([]);
    const bertils = await due(bertil.personId);
    expect(bertils).toEqual([
      expect.objectContaining({ courseId: securityCourse.id, reason: 'never_attended', lastAttendedOn: null, dueOn: null }),
    ]);
    expect(bertils[0].nextSession).toMatchObject({ registered: true });
    // David, new in the school, is registered nowhere: the next session open is offered.
    const david = await factories(context).user(tanum, 'employee', school);
    const davids = await due(david.personId);
    expect(davids.map((course: { courseId: string }) => course.courseId)).toEqual([securityCourse.id]);
    expect(davids[0].nextSession).toMatchObject({ registered: false });
    expectProblem(await send(context, 'GET', `/api/v1/people/${bertil.personId}/training/due`, as(anna)), 403, 'forbidden');
    expectStatus(await send(context, 'GET', `/api/v1/people/${bertil.personId}/training/due`, as(bertil)), 200);

    // A data-protection course that recurs every 12 months, attended by Cecilia two years ago, is due again since then.
    const secretariat = await factories(context).user(tanum, 'secretariat');
    const privacy = expectStatus(
      await send(context, 'POST', '/api/v1/courses', {
        ...as(secretariat),
        body: {
          title: 'Dataskydd och offentlighet',
          topic: 'data_protection_and_public_access',
          recurrenceMonths: 12,
          audienceDepartmentIds: [school],
        },
      }),
      201,
    );
    const old = expectStatus(
      await send(context, 'POST', '/api/v1/training-sessions', {
        ...as(secretariat),
        body: {
          courseId: privacy.id,
          startsAt: '2024-10-01T08:00:00Z',
          endsAt: '2024-10-01T10:00:00Z',
          trainerPersonId: secretariat.personId,
        },
      }),
      201,
    );
    const [row] = expectStatus(await register(secretariat, old.id, [cecilia.personId]), 201).items;
    expectStatus(
      await send(context, 'PATCH', `/api/v1/training-attendances/${row.id}`, {
        ...as(secretariat),
        body: { status: 'attended' },
        ifMatch: 1,
      }),
      200,
    );
    expect(
      (await due(cecilia.personId)).map((course: { courseId: string; reason: string; dueOn: string | null }) => [
        course.courseId,
        course.reason,
        course.dueOn,
      ]),
    ).toEqual(
      expect.arrayContaining([
        [privacy.id, 'recurrence', '2025-10-01'],
        [securityCourse.id, 'never_attended', null],
      ]),
    );

    // The to-do list carries them: the session ahead Anna is registered to, and Bertil's course to attend.
    const tasks = async (user: TestUser) =>
      expectStatus(await send(context, 'GET', '/api/v1/me/tasks?kind=attend_training', as(user)), 200).items;
    expect((await tasks(anna)).map((task: { kind: string; link: string }) => task.link)).toEqual([
      expect.stringMatching(/^\/training\/sessions\//),
    ]);
    expect(await tasks(david)).toEqual([
      expect.objectContaining({
        kind: 'attend_training',
        subjectId: securityCourse.id,
        overdue: true,
        link: `/training/courses/${securityCourse.id}`,
      }),
    ]);
    expect((await tasks(bertil)).every((task: { link: string }) => task.link.startsWith('/training/sessions/'))).toBe(true);
  });

  it('counts the share trained per department within the interval', async () => {
    const coverage = expectStatus(await send(context, 'GET', '/api/v1/training-coverage?topic=it_security_and_networks', as(anna)), 200);
    // The pack's interval for IT security (36 months) unless asked.
    expect(coverage.withinMonths).toBe(36);
    const careRow = coverage.departments.find((row: { departmentId: string }) => row.departmentId === care);
    expect(careRow).toMatchObject({ departmentName: 'Omsorg', trained: 1 });
    expect(careRow.people).toBeGreaterThanOrEqual(4);
    const byCourse = expectStatus(
      await send(context, 'GET', `/api/v1/training-coverage?courseId=${securityCourse.id}&withinMonths=1`, as(anna)),
      200,
    );
    expect(byCourse.withinMonths).toBe(1);
    expect(byCourse.trained).toBe(1);
    expectProblem(await send(context, 'GET', '/api/v1/training-coverage?withinMonths=0', as(anna)), 400, 'validation_failed');
    expectProblem(
      await send(context, 'GET', `/api/v1/training-coverage?courseId=${securityCourse.id}`, as(other.admin)),
      400,
      'validation_failed',
    );
  });
});
