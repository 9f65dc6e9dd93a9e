import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { systemFactories } from '../../../test/system-factories.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';

describe('courses and training sessions API', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let other: TestMunicipality;
  let care: string;
  let school: string;
  let itUnit: TestUser;
  let itChief: TestUser;
  let secretariat: TestUser;
  let careHead: TestUser;
  let schoolHead: TestUser;
  let employee: TestUser;
  let treserva: { id: string };

  const post = async (user: TestUser | TestMunicipality['admin'], url: string, body: unknown) =>
    send(context, 'POST', url, { headers: user.authorization, body });

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    tanum = await make.municipality('Tanum');
    other = await make.municipality('Strömstad');
    care = (await make.department(tanum, 'Omsorg')).id;
    school = (await make.department(tanum, 'Barn- och utbildning')).id;
    itUnit = await make.user(tanum, 'it_unit');
    itChief = await make.user(tanum, 'it_chief');
    secretariat = await make.user(tanum, 'secretariat');
    careHead = await make.user(tanum, 'department_head', care);
    schoolHead = await make.user(tanum, 'department_head', school);
    employee = await make.user(tanum, 'employee', care);
    treserva = await systemFactories(context).system(tanum, care, { name: 'Treserva' });
  });
  afterAll(() => context.close());

  it('answers 401 without a login', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const [method, url] of [
      ['GET', '/api/v1/courses'],
      ['POST', '/api/v1/courses'],
      ['GET', `/api/v1/courses/${id}`],
      ['PATCH', `/api/v1/courses/${id}`],
      ['DELETE', `/api/v1/courses/${id}`],
      ['GET', '/api/v1/training-sessions'],
      ['POST', '/api/v1/training-sessions'],
      ['GET', `/api/v1/training-sessions/${id}`],
      ['PATCH', `/api/v1/training-sessions/${id}`],
      ['DELETE', `/api/v1/training-sessions/${id}`],
    ] as const) {
      expectProblem(await send(context, method, url, method === 'GET' || method === 'DELETE' ? {} : { body: {} }), 401, 'unauthenticated');
    }
  });

  it('lets the IT unit manage IT-security courses, the secretariat data-protection ones, and nobody else', async () => {
    const security = { title: 'IT-säkerhet och grundläggande nätverkskunskap', topic: 'it_security_and_networks' };
    expectProblem(await post(secretariat, '/api/v1/courses', security), 403, 'forbidden');
    expectProblem(await post(careHead, '/api/v1/courses', security), 403, 'forbidden');
    expectProblem(await post(employee, '/api/v1/courses', security), 403, 'forbidden');
    // Mass assignment: the municipality, the version or the session count are never the caller's to set.
    expectProblem(await post(itUnit, '/api/v1/courses', { ...security, municipalityId: other.id }), 400, 'validation_failed');
    expectProblem(await post(itUnit, '/api/v1/courses', { ...security, version: 7 }), 400, 'validation_failed');
    expectProblem(await post(itUnit, '/api/v1/courses', { ...security, systemId: treserva.id }), 400, 'validation_failed');
    const course = expectStatus(await post(itUnit, '/api/v1/courses', security), 201);
    // The pack's interval and the IT unit are the defaults of an IT-security course.
    expect(course).toMatchObject({
      topic: 'it_security_and_networks',
      responsibleRole: 'it_unit',
      recurrenceMonths: 36,
      mandatory: true,
      sessionCount: 0,
      can: { update: true, delete: true, planSession: true },
    });
    expectStatus(await post(itChief, '/api/v1/courses', { ...security, title: 'Nätverk för IT-samordnare', recurrenceMonths: 24 }), 201);

    const privacy = { title: 'Dataskydd och offentlighet', topic: 'data_protection_and_public_access', recurrenceMonths: null };
    expectProblem(await post(itUnit, '/api/v1/courses', privacy), 403, 'forbidden');
    const privacyCourse = expectStatus(await post(secretariat, '/api/v1/courses', privacy), 201);
    expect(privacyCourse).toMatchObject({ responsibleRole: 'secretariat', recurrenceMonths: null, mandatory: false });

    // What each may do with the other's course, as the record says and the write answers.
    const asIt = expectStatus(await send(context, 'GET', `/api/v1/courses/${privacyCourse.id}`, { headers: itUnit.authorization }), 200);
    expect(asIt.can).toEqual({ update: false, delete: false, planSession: false });
    expectProblem(
      await send(context, 'PATCH', `/api/v1/courses/${privacyCourse.id}`, {
        headers: itUnit.authorization,
        ifMatch: 1,
        body: { title: 'X' },
      }),
      403,
      'forbidden',
    );
  });

  it("lets a department head manage their system's training only", async () => {
    const body = { title: 'Treserva för nya användare', topic: 'system', systemId: treserva.id, audienceDepartmentIds: [care, school] };
    expectProblem(await post(schoolHead, '/api/v1/courses', body), 403, 'forbidden');
    expectProblem(await post(itUnit, '/api/v1/courses', body), 403, 'forbidden');
    expectProblem(await post(careHead, '/api/v1/courses', { ...body, systemId: undefined }), 400, 'validation_failed');
    const foreignSystem = await systemFactories(context).system(other, (await factories(context).department(other)).id);
    expectProblem(await post(careHead, '/api/v1/courses', { ...body, systemId: foreignSystem.id }), 400, 'validation_failed');
    const course = expectStatus(await post(careHead, '/api/v1/courses', body), 201);
    expect(course).toMatchObject({
      systemId: treserva.id,
      systemName: 'Treserva',
      responsibleDepartmentId: care,
      responsibleDepartmentName: 'Omsorg',
      recurrenceMonths: null,
      audienceDepartmentIds: [care, school].sort(),
    });
    const url = `/api/v1/courses/${course.id}`;
    expectProblem(
      await send(context, 'PATCH', url, { headers: careHead.authorization, body: { title: 'Ny' } }),
      428,
      'precondition_required',
    );
    expectProblem(
      await send(context, 'PATCH', url, { headers: careHead.authorization, body: { title: 'Ny' }, ifMatch: 5 }),
      412,
      'version_mismatch',
    );
    expectProblem(
      await send(context, 'PATCH', url, { headers: schoolHead.authorization, body: { title: 'Ny' }, ifMatch: 1 }),
      403,
      'forbidden',
    );
    expectProblem(
      await send(context, 'PATCH', url, { headers: careHead.authorization, body: { topic: 'other' }, ifMatch: 1 }),
      400,
      'validation_failed',
    );
    const renamed = expectStatus(
      await send(context, 'PATCH', url, {
        headers: careHead.authorization,
        body: { title: 'Treserva grundkurs', recurrenceMonths: 12 },
        ifMatch: 1,
      }),
      200,
    );
    expect(renamed).toMatchObject({ title: 'Treserva grundkurs', recurrenceMonths: 12, version: 2 });
    // Another municipality's course is never found.
    const stranger = other.admin;
    expectProblem(await send(context, 'GET', url, { headers: stranger.authorization }), 404, 'not_found');
    expectProblem(
      await send(context, 'PATCH', url, { headers: stranger.authorization, body: { title: 'X' }, ifMatch: 2 }),
      404,
      'not_found',
    );
    expectProblem(await send(context, 'DELETE', url, { headers: stranger.authorization, ifMatch: 2 }), 404, 'not_found');

    const listed = expectStatus(
      await send(context, 'GET', `/api/v1/courses?topic=system&responsibleDepartmentId=${care}`, { headers: employee.authorization }),
      200,
    );
    expect(listed.items.map((item: { id: string }) => item.id)).toEqual([course.id]);
    expect(listed.items[0].can).toEqual({ update: false, delete: false, planSession: false });
  });

  it('plans sessions of a course, keeps their day on attendance when moved, and deletes only what has no history', async () => {
    const course = expectStatus(
      await post(careHead, '/api/v1/courses', { title: 'Treserva för chefer', topic: 'system', systemId: treserva.id }),
      201,
    );
    const session = {
      courseId: course.id,
      startsAt: '2026-12-10T08:00:00.000Z',
      endsAt: '2026-12-10T11:00:00.000Z',
      place: 'Kommunhuset, sal 2',
      trainerPersonId: employee.personId,
      capacity: 12,
    };
    expectProblem(await post(schoolHead, '/api/v1/training-sessions', session), 403, 'forbidden');
    expectProblem(
      await post(careHead, '/api/v1/training-sessions', { ...session, endsAt: '2026-12-10T07:00:00.000Z' }),
      400,
      'validation_failed',
    );
    expectProblem(
      await post(careHead, '/api/v1/training-sessions', { ...session, trainerPersonId: other.admin.personId }),
      400,
      'validation_failed',
    );
    expectProblem(await post(careHead, '/api/v1/training-sessions', { ...session, registeredCount: 0 }), 400, 'validation_failed');
    const created = expectStatus(await post(careHead, '/api/v1/training-sessions', session), 201);
    expect(created).toMatchObject({
      courseTitle: 'Treserva för chefer',
      topic: 'system',
      systemId: treserva.id,
      systemName: 'Treserva',
      trainerName: 'Test employee',
      capacity: 12,
      registeredCount: 0,
      can: { update: true, delete: true, register: true, readAttendance: true, recordAttendance: false },
    });
    const asTrainer = expectStatus(
      await send(context, 'GET', `/api/v1/training-sessions/${created.id}`, { headers: employee.authorization }),
      200,
    );
    // The trainer reads the list and takes attendance from the session's day; they do not plan it.
    expect(asTrainer.can).toEqual({ update: false, delete: false, register: false, readAttendance: true, recordAttendance: false });
    expectProblem(
      await send(context, 'GET', `/api/v1/training-sessions/${created.id}`, { headers: other.admin.authorization }),
      404,
      'not_found',
    );

    const url = `/api/v1/training-sessions/${created.id}`;
    expectProblem(
      await send(context, 'PATCH', url, { headers: careHead.authorization, body: { capacity: 20 }, ifMatch: 4 }),
      412,
      'version_mismatch',
    );
    const moved = expectStatus(
      await send(context, 'PATCH', url, {
        headers: careHead.authorization,
        body: { startsAt: '2026-11-20T08:00:00.000Z', endsAt: '2026-11-20T11:00:00.000Z' },
        ifMatch: 1,
      }),
      200,
    );
    expect(moved).toMatchObject({ version: 2, startsAt: '2026-11-20T08:00:00.000Z', can: { recordAttendance: false } });

    const list = async (query: string) =>
      expectStatus(await send(context, 'GET', `/api/v1/training-sessions?${query}`, { headers: employee.authorization }), 200);
    expect((await list(`courseId=${course.id}`)).total).toBe(1);
    expect((await list(`courseId=${course.id}&upcoming=true`)).total).toBe(0);
    expect((await list(`courseId=${course.id}&from=2026-11-20&to=2026-11-20`)).total).toBe(1);
    expect((await list(`courseId=${course.id}&from=2026-11-21`)).total).toBe(0);
    expect((await list(`trainerPersonId=${employee.personId}`)).items.map((item: { id: string }) => item.id)).toEqual([created.id]);
    expectProblem(
      await send(context, 'GET', '/api/v1/training-sessions?from=igår', { headers: employee.authorization }),
      400,
      'validation_failed',
    );

    // A course with a session stays; so does a session whose attendance has been recorded.
    expectProblem(
      await send(context, 'DELETE', `/api/v1/courses/${course.id}`, { headers: careHead.authorization, ifMatch: 1 }),
      409,
      'conflict',
    );
    const [registration] = expectStatus(await post(careHead, `${url}/attendances`, { personIds: [careHead.personId] }), 201).items;
    expectStatus(
      await send(context, 'PATCH', `/api/v1/training-attendances/${registration.id}`, {
        headers: employee.authorization,
        body: { status: 'attended' },
        ifMatch: 1,
      }),
      200,
    );
    const conflictProblem = expectProblem(
      await send(context, 'DELETE', url, { headers: careHead.authorization, ifMatch: 2 }),
      409,
      'conflict',
    );
    expect(conflictProblem.reason).toBe('session_has_attendance');

    const empty = expectStatus(await post(careHead, '/api/v1/training-sessions', { ...session, capacity: null }), 201);
    expectProblem(
      await send(context, 'DELETE', `/api/v1/training-sessions/${empty.id}`, { headers: schoolHead.authorization, ifMatch: 1 }),
      403,
      'forbidden',
    );
    expectStatus(
      await send(context, 'DELETE', `/api/v1/training-sessions/${empty.id}`, { headers: careHead.authorization, ifMatch: 1 }),
      204,
    );
    const unused = expectStatus(await post(careHead, '/api/v1/courses', { title: 'Oanvänd', topic: 'system', systemId: treserva.id }), 201);
    expectStatus(await send(context, 'DELETE', `/api/v1/courses/${unused.id}`, { headers: careHead.authorization, ifMatch: 1 }), 204);
    const audit = await context.database.db
      .selectFrom('audit_events')
      .select(['action', 'entity_type'])
      .where('entity_id', 'in', [created.id, unused.id])
      .orderBy('sequence')
      .execute();
    expect(audit.map((event) => `${event.entity_type} ${event.action}`)).toEqual([
      'training_session create',
      'training_session update',
      'training_session register',
      'training_course create',
      'training_course delete',
    ]);
  });
});
