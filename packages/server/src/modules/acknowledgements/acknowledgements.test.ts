import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../access/actor.ts';
import { acknowledgementFactories } from '../../../test/acknowledgement-factories.ts';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';

type Row = { id: string; personId: string; state: string; version: number; versionId: string; dueDate: string; method: string | null };

describe('acknowledgements API', () => {
  let context: TestContext;
  let make: ReturnType<typeof factories>;
  let documents: ReturnType<typeof acknowledgementFactories>;
  let tanum: TestMunicipality;
  let other: TestMunicipality;
  let school: string;
  let preschool: string;
  let care: string;
  let schoolHead: TestUser;
  let careHead: TestUser;
  let teacher: TestUser;
  let nurse: TestUser;
  let itChief: TestUser;

  const list = async (user: TestUser, query: string) =>
    expectStatus(await send(context, 'GET', `/api/v1/acknowledgements?limit=200&${query}`, { headers: user.authorization }), 200) as {
      items: Row[];
      total: number;
    };
  const requestOf = async (user: TestUser, versionId: string) =>
    (await list(user, `versionId=${versionId}&personId=${user.personId}`)).items[0]!;

  beforeAll(async () => {
    context = await createTestContext();
    make = factories(context);
    documents = acknowledgementFactories(context);
    tanum = await make.municipality('Tanum');
    other = await make.municipality('Strömstad');
    school = (await make.department(tanum, 'Barn- och utbildning')).id;
    preschool = (await make.department(tanum, 'Förskolan', school)).id;
    care = (await make.department(tanum, 'Vård och omsorg')).id;
    schoolHead = await make.user(tanum, 'department_head', school);
    careHead = await make.user(tanum, 'department_head', care);
    teacher = await make.user(tanum, 'employee', preschool);
    nurse = await make.user(tanum, 'employee', care);
    itChief = await make.user(tanum, 'it_chief');
  }, 60_000);
  afterAll(() => context.close());

  it('answers 401 without a login', async () => {
    const id = randomUUID();
    for (const [method, url] of [
      ['GET', '/api/v1/acknowledgements'],
      ['GET', `/api/v1/acknowledgements/${id}`],
      ['GET', '/api/v1/acknowledgements/coverage'],
      ['GET', `/api/v1/acknowledgements/coverage/${id}`],
      ['GET', `/api/v1/acknowledgements/preview/${id}`],
      ['POST', `/api/v1/acknowledgements/${id}/acknowledge`],
      ['POST', `/api/v1/acknowledgements/${id}/paper-record`],
      ['POST', '/api/v1/acknowledgements/reminders'],
    ] as const) {
      expectProblem(await send(context, method, url, method === 'GET' ? {} : { body: {} }), 401, 'unauthenticated');
    }
  });

  it('asks every active employee of the audience in a fixed number of statements, whatever their number, with one audit event', async () => {
    const ward = (await make.department(tanum, `Avdelning ${randomUUID().slice(0, 4)}`)).id;
    const ward2 = (await make.department(tanum, 'Underavdelning', ward)).id;
    const admin = (await context.services.auth.resolveApiToken(tanum.admin.token))!;
    const person = (departmentId: string, extra: { startDate?: string } = {}) =>
      context.services.people.createPerson(admin, {
        firstName: 'Anna',
        lastName: `Andersson ${randomUUID().slice(0, 6)}`,
        email: `anna-${randomUUID().slice(0, 8)}@example.se`,
        departmentId,
        ...extra,
      });
    const active = [await person(ward), await person(ward2), await person(ward, { startDate: '2026-11-01' })];
    await person(ward, { startDate: '2027-01-01' });
    const leaver = await person(ward);
    await context.services.people.updatePerson(admin, leaver.id, leaver.version, { employmentStatus: 'left' });
    await person(care);

    const statementsFor = async (audience: string[]) => {
      const document = await documents.document(tanum, { audienceDepartmentIds: audience });
      const before = context.queries.count;
      const adopted = await documents.adopt(tanum, document.id);
      return { statements: context.queries.count - before, ...adopted, documentId: document.id };
    };
    const small = await statementsFor([ward]);
    expect(small.requests).toMatchObject({ renewal: 'ask_everyone', asked: 3, withdrawn: 0, dueDate: '2026-12-11' });
    const asked = await list(tanum.admin, `versionId=${small.versionId}`);
    expect(asked.items.map((row) => row.personId).sort()).toEqual(active.map((row) => row.id).sort());
    expect(asked.items.every((row) => row.state === 'requested' && row.dueDate === '2026-12-11')).toBe(true);
    // More departments and many more people: the same statements.
    const everyone = await statementsFor([ward, school, care]);
    expect(everyone.requests.asked).toBeGreaterThan(small.requests.asked * 2);
    expect(everyone.statements).toBe(small.statements);

    const events = await context.database.db
      .selectFrom('audit_events')
      .select(['action', 'after_json'])
      .where('entity_id', '=', small.versionId)
      .execute();
    expect(events.map((event) => event.action)).toEqual(['acknowledgements_requested']);
    expect(JSON.parse(events[0]!.after_json!)).toMatchObject({ asked: 3, reason: 'version_adopted', renewal: 'ask_everyone' });
  });

  it('asks the audience when a version is adopted through the documents API, in the adoption’s transaction', async () => {
    const created = expectStatus(
      await send(context, 'POST', '/api/v1/documents', {
        headers: tanum.admin.authorization,
        body: { kind: 'email_rules', title: 'Regler för e-post', requiresAcknowledgement: true, audienceDepartmentIds: [care] },
      }),
      201,
    );
    const versions = `/api/v1/documents/${created.id}/versions`;
    const draft = expectStatus(
      await send(context, 'POST', versions, { headers: tanum.admin.authorization, body: { text: 'Reglerna.' } }),
      201,
    );
    const step = async (version: { id: string; version: number }, action: string, body: unknown) =>
      expectStatus(
        await send(context, 'POST', `${versions}/${version.id}/${action}`, {
          headers: tanum.admin.authorization,
          body,
          ifMatch: version.version,
        }),
        200,
      );
    const preview = expectStatus(
      await send(context, 'GET', `/api/v1/acknowledgements/preview/${draft.id}`, { headers: tanum.admin.authorization }),
      200,
    );
    expect(preview).toMatchObject({ renewal: 'ask_everyone', carriedOver: 0 });
    const submitted = await step(draft, 'submit', {});
    await step(submitted, 'adopt', { adoptedBy: 'KS', decisionDate: '2026-11-27' });
    expect((await list(tanum.admin, `versionId=${draft.id}`)).total).toBe(preview.toBeAsked);
    expect(await requestOf(nurse, draft.id)).toMatchObject({
      state: 'requested',
      versionState: 'adopted',
      documentTitle: 'Regler för e-post',
    });
  });

  it('lets an employee acknowledge their own request only, at its version', async () => {
    const document = await documents.document(tanum, { title: 'Regler för e-post' });
    const { versionId } = await documents.adopt(tanum, document.id);
    const own = await requestOf(teacher, versionId);
    expect(own).toMatchObject({ state: 'requested', can: { acknowledge: true, recordFromPaper: false, remind: false } });
    const nursesRequest = await requestOf(nurse, versionId);
    const url = (id: string) => `/api/v1/acknowledgements/${id}/acknowledge`;

    // Another employee's request is not found; their department head finds it but may not confirm it for them.
    expectProblem(await send(context, 'POST', url(nursesRequest.id), { headers: teacher.authorization, ifMatch: 1 }), 404, 'not_found');
    expectProblem(
      await send(context, 'GET', `/api/v1/acknowledgements/${nursesRequest.id}`, { headers: teacher.authorization }),
      404,
      'not_found',
    );
    expectProblem(await send(context, 'POST', url(nursesRequest.id), { headers: careHead.authorization, ifMatch: 1 }), 403, 'forbidden');
    // Another municipality finds nothing.
    expectProblem(await send(context, 'POST', url(own.id), { headers: other.admin.authorization, ifMatch: 1 }), 404, 'not_found');
    // If-Match, unknown fields (mass assignment: someone else's person, a method, a version).
    expectProblem(await send(context, 'POST', url(own.id), { headers: teacher.authorization }), 428, 'precondition_required');
    expectProblem(await send(context, 'POST', url(own.id), { headers: teacher.authorization, ifMatch: 7 }), 412, 'version_mismatch');
    expectProblem(
      await send(context, 'POST', url(own.id), {
        headers: teacher.authorization,
        ifMatch: own.version,
        body: { personId: nurse.personId, method: 'paper', state: 'acknowledged' },
      }),
      400,
      'validation_failed',
    );
    const acknowledged = expectStatus(
      await send(context, 'POST', url(own.id), { headers: teacher.authorization, ifMatch: own.version }),
      200,
    );
    expect(acknowledged).toMatchObject({
      state: 'acknowledged',
      method: 'in_app',
      recordedByPersonId: null,
      acknowledgedAt: '2026-11-28T09:00:00.000Z',
      version: own.version + 1,
      can: { acknowledge: false },
    });
    const again = expectProblem(
      await send(context, 'POST', url(own.id), { headers: teacher.authorization, ifMatch: acknowledged.version }),
      409,
      'conflict',
    );
    expect(again.reason).toBe('acknowledgement_already_given');
  });

  it('lets a department head record a signed paper only for the people of their own department', async () => {
    const document = await documents.document(tanum);
    const { versionId } = await documents.adopt(tanum, document.id);
    const teachers = await requestOf(teacher, versionId);
    const nurses = await requestOf(nurse, versionId);
    const url = (id: string) => `/api/v1/acknowledgements/${id}/paper-record`;
    const body = { signedOn: '2026-11-28', note: 'Pärm 3, BoU' };
    // Outside their subtree the request is not even found; the IT chief finds it but records no papers.
    expectProblem(await send(context, 'POST', url(nurses.id), { headers: schoolHead.authorization, body, ifMatch: 1 }), 404, 'not_found');
    expectProblem(await send(context, 'POST', url(nurses.id), { headers: itChief.authorization, body, ifMatch: 1 }), 403, 'forbidden');
    expectProblem(await send(context, 'POST', url(teachers.id), { headers: teacher.authorization, body, ifMatch: 1 }), 403, 'forbidden');
    expectProblem(
      await send(context, 'POST', url(teachers.id), { headers: schoolHead.authorization, body: { signedOn: '2026-12-24' }, ifMatch: 1 }),
      400,
      'validation_failed',
    );
    expectProblem(
      await send(context, 'POST', url(teachers.id), {
        headers: schoolHead.authorization,
        body: { ...body, recordedByPersonId: itChief.personId },
        ifMatch: 1,
      }),
      400,
      'validation_failed',
    );
    const seen = expectStatus(
      await send(context, 'GET', `/api/v1/acknowledgements/${teachers.id}`, { headers: schoolHead.authorization }),
      200,
    );
    expect(seen.can).toEqual({ acknowledge: false, recordFromPaper: true, remind: true });
    const recorded = expectStatus(
      await send(context, 'POST', url(teachers.id), { headers: schoolHead.authorization, body, ifMatch: 1 }),
      200,
    );
    expect(recorded).toMatchObject({
      state: 'acknowledged',
      method: 'paper',
      recordedByPersonId: schoolHead.personId,
      note: 'Pärm 3, BoU',
    });
    const event = await context.database.db
      .selectFrom('audit_events')
      .select(['action', 'after_json'])
      .where('entity_id', '=', teachers.id)
      .executeTakeFirstOrThrow();
    expect(event.action).toBe('acknowledge');
    expect(JSON.parse(event.after_json!)).toMatchObject({ method: 'paper', recordedByPersonId: schoolHead.personId });
  });

  it('lets a session’s trainer record acknowledgements given at the session, and nobody else', async () => {
    const document = await documents.document(tanum, { audienceDepartmentIds: [care] });
    const { versionId } = await documents.adopt(tanum, document.id);
    const nurses = await requestOf(nurse, versionId);
    const trainer = await make.user(tanum, 'employee');
    const course = expectStatus(
      await send(context, 'POST', '/api/v1/courses', {
        headers: tanum.admin.authorization,
        body: { title: 'IT-säkerhet för alla', topic: 'it_security_and_networks' },
      }),
      201,
    );
    const session = expectStatus(
      await send(context, 'POST', '/api/v1/training-sessions', {
        headers: tanum.admin.authorization,
        body: { courseId: course.id, startsAt: '2026-11-28T08:00:00Z', endsAt: '2026-11-28T10:00:00Z', trainerPersonId: trainer.personId },
      }),
      201,
    );
    const url = `/api/v1/acknowledgements/${nurses.id}/session-record`;
    const body = { trainingSessionId: session.id };
    // Not their session: the IT chief finds the request but is refused; another employee does not find it.
    expectProblem(await send(context, 'POST', url, { headers: itChief.authorization, body, ifMatch: 1 }), 403, 'forbidden');
    expectProblem(await send(context, 'POST', url, { headers: teacher.authorization, body, ifMatch: 1 }), 404, 'not_found');
    expectProblem(
      await send(context, 'POST', url, { headers: trainer.authorization, body: { trainingSessionId: randomUUID() }, ifMatch: 1 }),
      404,
      'not_found',
    );
    // The record says the nurse was there: refused until the trainer marks them attended, not merely registered.
    const notThere = expectProblem(await send(context, 'POST', url, { headers: trainer.authorization, body, ifMatch: 1 }), 409, 'conflict');
    expect(notThere.reason).toBe('session_not_attended');
    const [registered] = expectStatus(
      await send(context, 'POST', `/api/v1/training-sessions/${session.id}/attendances`, {
        headers: tanum.admin.authorization,
        body: { personIds: [nurse.personId] },
      }),
      201,
    ).items;
    expect(
      expectProblem(await send(context, 'POST', url, { headers: trainer.authorization, body, ifMatch: 1 }), 409, 'conflict').reason,
    ).toBe('session_not_attended');
    const absent = expectStatus(
      await send(context, 'PATCH', `/api/v1/training-attendances/${registered.id}`, {
        headers: trainer.authorization,
        body: { status: 'absent' },
        ifMatch: registered.version,
      }),
      200,
    );
    expect(
      expectProblem(await send(context, 'POST', url, { headers: trainer.authorization, body, ifMatch: 1 }), 409, 'conflict').reason,
    ).toBe('session_not_attended');
    expect(await requestOf(nurse, versionId)).toMatchObject({ state: 'requested' });
    expectStatus(
      await send(context, 'PATCH', `/api/v1/training-attendances/${registered.id}`, {
        headers: trainer.authorization,
        body: { status: 'attended' },
        ifMatch: absent.version,
      }),
      200,
    );
    const recorded = expectStatus(await send(context, 'POST', url, { headers: trainer.authorization, body, ifMatch: 1 }), 200);
    expect(recorded).toMatchObject({
      state: 'acknowledged',
      method: 'training_session',
      trainingSessionId: session.id,
      recordedByPersonId: trainer.personId,
    });
  });

  it('refuses to acknowledge a superseded version: its open request is withdrawn and the new version asks again', async () => {
    const document = await documents.document(tanum, { audienceDepartmentIds: [school] });
    const first = await documents.adopt(tanum, document.id);
    const old = await requestOf(teacher, first.versionId);
    const second = await documents.adopt(tanum, document.id);
    // The teacher's and their head's open requests (the school's two people).
    expect(second.requests).toMatchObject({ renewal: 'ask_again', asked: 2, withdrawn: 2 });
    const stale = expectProblem(
      await send(context, 'POST', `/api/v1/acknowledgements/${old.id}/acknowledge`, { headers: teacher.authorization, ifMatch: '*' }),
      409,
      'conflict',
    );
    expect(stale.reason).toBe('document_version_superseded');
    expect(await requestOf(teacher, second.versionId)).toMatchObject({ state: 'requested', can: { acknowledge: true } });
    // A draft has no requests to acknowledge; a withdrawn request is not listed.
    expect((await list(teacher, `documentId=${document.id}`)).items.map((row) => row.versionId)).toEqual([second.versionId]);
  });

  it('carries acknowledgements over an editorial version: nobody who acknowledged is asked again', async () => {
    const document = await documents.document(tanum, { audienceDepartmentIds: [school] });
    const first = await documents.adopt(tanum, document.id);
    const teachers = await requestOf(teacher, first.versionId);
    expectStatus(
      await send(context, 'POST', `/api/v1/acknowledgements/${teachers.id}/acknowledge`, { headers: teacher.authorization, ifMatch: '*' }),
      200,
    );
    const heads = await requestOf(schoolHead, first.versionId);
    const editorial = await documents.draftVersion(tanum, document.id, { editorial: true });
    const preview = expectStatus(
      await send(context, 'GET', `/api/v1/acknowledgements/preview/${editorial}`, { headers: tanum.admin.authorization }),
      200,
    );
    expect(preview).toMatchObject({ renewal: 'carry_over', inAudience: 2, carriedOver: 1, openCarriedOver: 1, toBeAsked: 0 });
    const asIfNot = expectStatus(
      await send(context, 'GET', `/api/v1/acknowledgements/preview/${editorial}?editorial=false`, { headers: tanum.admin.authorization }),
      200,
    );
    expect(asIfNot).toMatchObject({ renewal: 'ask_again', toBeAsked: 2, carriedOver: 0 });
    expectProblem(
      await send(context, 'GET', `/api/v1/acknowledgements/preview/${editorial}`, { headers: teacher.authorization }),
      403,
      'forbidden',
    );
    expectProblem(
      await send(context, 'GET', `/api/v1/acknowledgements/preview/${editorial}`, { headers: other.admin.authorization }),
      404,
      'not_found',
    );

    const adopted = await documents.adopt(tanum, document.id, { versionId: editorial });
    expect(adopted.requests).toMatchObject({ renewal: 'carry_over', asked: 0, carriedOver: 1, openCarriedOver: 1, withdrawn: 1 });
    expect(await requestOf(teacher, editorial)).toMatchObject({
      state: 'acknowledged',
      method: 'in_app',
      carriedOverFromVersionId: first.versionId,
      acknowledgedAt: '2026-11-28T09:00:00.000Z',
    });
    expect(await requestOf(schoolHead, editorial)).toMatchObject({ state: 'requested', dueDate: heads.dueDate });
  });

  it('asks a new employee on their start date (the daily job, idempotent) and one registered as started at once', async () => {
    const document = await documents.document(tanum, { audienceDepartmentIds: [care] });
    const { versionId } = await documents.adopt(tanum, document.id);
    const register = async (startDate: string) =>
      expectStatus(
        await send(context, 'POST', '/api/v1/people', {
          headers: tanum.admin.authorization,
          body: { firstName: 'Nils', lastName: 'Ny', email: `ny-${randomUUID().slice(0, 8)}@example.se`, departmentId: care, startDate },
        }),
        201,
      );
    const today = await register('2026-11-28');
    const monday = await register('2026-11-30');
    const asked = async (personId: string) => (await list(tanum.admin, `versionId=${versionId}&personId=${personId}`)).total;
    expect(await asked(today.id)).toBe(1);
    expect(await asked(monday.id)).toBe(0);
    const job = systemActor('acknowledgements-for-new-employees', tanum.id);
    const run = (day: string) => context.services.acknowledgementRequests.requestForNewEmployees(job, tanum.id, day);
    expect(await run('2026-11-29')).toBe(0);
    expect(await asked(monday.id)).toBe(0);
    // Monday: asked to read every current document of their audience (this one among them), once.
    expect(await run('2026-11-30')).toBeGreaterThanOrEqual(1);
    expect(await run('2026-11-30')).toBe(0);
    expect(await asked(monday.id)).toBe(1);
  });

  it('shows coverage per department: the head their own subtree, the governance roles all, employees nothing', async () => {
    const document = await documents.document(tanum, { title: 'IT-säkerhetsriktlinjer', audienceDepartmentIds: [school, care] });
    const { versionId } = await documents.adopt(tanum, document.id);
    expectStatus(
      await send(context, 'POST', `/api/v1/acknowledgements/${(await requestOf(teacher, versionId)).id}/acknowledge`, {
        headers: teacher.authorization,
        ifMatch: '*',
      }),
      200,
    );
    const url = `/api/v1/acknowledgements/coverage/${document.id}`;
    const all = expectStatus(await send(context, 'GET', url, { headers: itChief.authorization }), 200);
    const row = (coverage: typeof all, id: string) =>
      coverage.departments.find((candidate: { departmentId: string }) => candidate.departmentId === id);
    expect(row(all, preschool).own).toMatchObject({ acknowledged: 1 });
    expect(row(all, school).subtree.activeEmployees).toBe(row(all, school).own.activeEmployees + row(all, preschool).own.activeEmployees);
    expect(row(all, care)).toBeDefined();
    const heads = expectStatus(await send(context, 'GET', url, { headers: schoolHead.authorization }), 200);
    expect(heads.departments.map((candidate: { departmentId: string }) => candidate.departmentId).sort()).toEqual(
      [school, preschool].sort(),
    );
    expect(heads.total.acknowledged).toBe(1);
    expectProblem(await send(context, 'GET', url, { headers: teacher.authorization }), 403, 'forbidden');
    expectProblem(await send(context, 'GET', url, { headers: other.admin.authorization }), 404, 'not_found');
    const summary = expectStatus(
      await send(context, 'GET', '/api/v1/acknowledgements/coverage', { headers: schoolHead.authorization }),
      200,
    );
    expect(summary.items.find((item: { documentId: string }) => item.documentId === document.id).total.acknowledged).toBe(1);

    // The person's list filters: a department's people, overdue once the due date has passed.
    expect((await list(schoolHead, `versionId=${versionId}&departmentId=${school}&state=acknowledged`)).total).toBe(1);
    expect((await list(schoolHead, `versionId=${versionId}&state=overdue`)).total).toBe(0);
    context.clock.set('2026-12-20T09:00:00.000Z');
    try {
      const overdue = await list(schoolHead, `versionId=${versionId}&state=overdue`);
      expect(overdue.total).toBe(row(heads, school).subtree.activeEmployees - 1);
      // The head sees only their own people, never the care department's.
      expect((await list(schoolHead, `versionId=${versionId}&departmentId=${care}`)).total).toBe(0);
    } finally {
      context.clock.set('2026-11-28T09:00:00.000Z');
    }
  });

  it('records reminders on the open requests of a department or a person, within the reminder’s reach', async () => {
    const document = await documents.document(tanum, { audienceDepartmentIds: [school, care] });
    const { versionId } = await documents.adopt(tanum, document.id);
    const remind = (user: TestUser, body: object) =>
      send(context, 'POST', '/api/v1/acknowledgements/reminders', { headers: user.authorization, body });
    expectProblem(await remind(schoolHead, { documentId: document.id, departmentId: care }), 403, 'forbidden');
    expectProblem(await remind(schoolHead, { documentId: document.id }), 403, 'forbidden');
    expectProblem(await remind(teacher, { documentId: document.id, personId: teacher.personId }), 403, 'forbidden');
    expectProblem(
      await remind(schoolHead, { documentId: document.id, departmentId: school, personId: teacher.personId }),
      400,
      'validation_failed',
    );
    expectProblem(await remind(tanum.admin, { documentId: randomUUID() }), 400, 'validation_failed');
    const reminded = expectStatus(await remind(schoolHead, { documentId: document.id, departmentId: school }), 200);
    expect(reminded).toMatchObject({ versionId, reminded: 2 });
    expect(await requestOf(teacher, versionId)).toMatchObject({ reminderCount: 1, lastRemindedAt: '2026-11-28T09:00:00.000Z' });
    expect(await requestOf(nurse, versionId)).toMatchObject({ reminderCount: 0 });
    expect(expectStatus(await remind(itChief, { documentId: document.id, personId: nurse.personId }), 200).reminded).toBe(1);
    const open = (await list(tanum.admin, `versionId=${versionId}&state=requested`)).total;
    expect(expectStatus(await remind(tanum.admin, { documentId: document.id }), 200).reminded).toBe(open);
  });

  it('puts open requests on the person’s to-do list, linked to the reading view', async () => {
    const document = await documents.document(tanum, { title: 'Internetanvändning', audienceDepartmentIds: [care] });
    const { versionId } = await documents.adopt(tanum, document.id);
    const tasks = expectStatus(
      await send(context, 'GET', '/api/v1/me/tasks?kind=acknowledge_document&limit=200', { headers: nurse.authorization }),
      200,
    );
    expect(tasks.items.find((task: { subjectId: string }) => task.subjectId === versionId)).toMatchObject({
      id: `acknowledge_document:${versionId}`,
      title: 'Internetanvändning',
      dueDate: '2026-12-11',
      overdue: false,
      link: `/documents/${document.id}/versions/${versionId}`,
    });
    const teachers = expectStatus(
      await send(context, 'GET', '/api/v1/me/tasks?kind=acknowledge_document&limit=200', { headers: teacher.authorization }),
      200,
    );
    expect(teachers.items.some((task: { subjectId: string }) => task.subjectId === versionId)).toBe(false);
  });
});
