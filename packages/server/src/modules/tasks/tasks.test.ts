import { taskKinds, type Task, type TaskList } from '@forvalta/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectFactories } from '../../../test/project-factories.ts';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { systemFactories } from '../../../test/system-factories.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';

/** The test clock starts on Saturday 2026-11-28: tasks due up to 2026-12-28 show, later ones wait. */
describe('the to-do list (GET /api/v1/me/tasks)', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let other: TestMunicipality;
  let make: ReturnType<typeof factories>;
  let register: ReturnType<typeof systemFactories>;
  let projects: ReturnType<typeof projectFactories>;
  let care: string;
  let school: string;

  beforeAll(async () => {
    context = await createTestContext();
    make = factories(context);
    register = systemFactories(context);
    projects = projectFactories(context);
    tanum = await make.municipality('Tanum');
    other = await make.municipality('Strömstad');
    care = (await make.department(tanum, 'Omsorg')).id;
    school = (await make.department(tanum, 'Skola')).id;
  });
  afterAll(() => context.close());

  const tasksOf = async (user: Pick<TestUser, 'authorization'>, query = ''): Promise<TaskList> =>
    expectStatus(await send(context, 'GET', `/api/v1/me/tasks${query}`, { headers: user.authorization }), 200);
  const kindsAndSubjects = (list: TaskList) => list.items.map((task) => `${task.kind} ${task.subjectId}`);

  async function setColumns(systemId: string, columns: { lifecycle?: string; last_confirmed_at?: string | null }) {
    await context.database.db.updateTable('systems').set(columns).where('id', '=', systemId).execute();
  }

  it('answers 401 without a login, and 400 for a kind or limit it does not know', async () => {
    expectProblem(await send(context, 'GET', '/api/v1/me/tasks'), 401, 'unauthenticated');
    const employee = await make.user(tanum, 'employee');
    expectProblem(
      await send(context, 'GET', '/api/v1/me/tasks?kind=water_plants', { headers: employee.authorization }),
      400,
      'validation_failed',
    );
    expectProblem(await send(context, 'GET', '/api/v1/me/tasks?limit=0', { headers: employee.authorization }), 400, 'validation_failed');
    expectProblem(
      await send(context, 'GET', '/api/v1/me/tasks?cursor=nonsense', { headers: employee.authorization }),
      400,
      'validation_failed',
    );
  });

  it('is empty for an employee the product asks nothing of, with every count at zero', async () => {
    const employee = await make.user(tanum, 'employee');
    expect(await tasksOf(employee)).toEqual({
      items: [],
      total: 0,
      nextCursor: null,
      overdueCount: 0,
      // Every kind counted, also those added since (issues #15 and #16 gave it contract notices and processing reviews).
      counts: Object.fromEntries(taskKinds.map((kind) => [kind, 0])),
    });
  });

  it("asks a system's manager and deputy to confirm its record when it falls due, and nobody else", async () => {
    const manager = await make.user(tanum, 'employee');
    const deputy = await make.user(tanum, 'employee');
    const careHead = await make.user(tanum, 'department_head', care);
    const colleague = await make.user(tanum, 'employee');
    const never = await register.system(tanum, care, { name: 'Aldrig bekräftat' });
    const soon = await register.system(tanum, care, { name: 'Snart dags' });
    const late = await register.system(tanum, school, { name: 'Försenat' });
    const current = await register.system(tanum, care, { name: 'Nyss bekräftat' });
    const retired = await register.system(tanum, care, { name: 'Avvecklat' });
    for (const system of [never, soon, late, current, retired]) await register.appoint(tanum, system.id, manager.personId, 'manager');
    await register.appoint(tanum, soon.id, deputy.personId, 'deputy');
    await setColumns(soon.id, { last_confirmed_at: '2025-12-10T10:00:00.000Z' });
    await setColumns(late.id, { last_confirmed_at: '2025-11-01T10:00:00.000Z' });
    await setColumns(current.id, { last_confirmed_at: '2026-06-01T10:00:00.000Z' });
    await setColumns(retired.id, { lifecycle: 'retired' });
    // Another municipality's manager of its own system.
    const foreignManager = await make.user(other, 'employee');
    const foreignSystem = await register.system(other, (await make.department(other, 'Omsorg')).id, { name: 'Bortasystem' });
    await register.appoint(other, foreignSystem.id, foreignManager.personId, 'manager');

    const managerList = await tasksOf(manager, '?kind=confirm_system_record');
    // Never confirmed is owed since the system exists: it leads; then overdue by date; then due soon.
    expect(managerList.items).toEqual([
      {
        id: `confirm_system_record:${never.id}`,
        kind: 'confirm_system_record',
        title: 'Aldrig bekräftat',
        subjectId: never.id,
        context: null,
        step: null,
        dueDate: null,
        overdue: true,
        link: `/systems/${never.id}`,
      },
      expect.objectContaining({ subjectId: late.id, dueDate: '2026-11-01', overdue: true }),
      expect.objectContaining({ subjectId: soon.id, dueDate: '2026-12-10', overdue: false }),
    ]);
    expect(managerList.counts.confirm_system_record).toBe(3);
    expect(managerList.overdueCount).toBe(2);
    expect(kindsAndSubjects(await tasksOf(deputy))).toEqual([`confirm_system_record ${soon.id}`]);
    // The owning department's head and a colleague are asked nothing; nor is the foreign manager about Tanum's.
    expect((await tasksOf(careHead)).total).toBe(0);
    expect((await tasksOf(colleague)).total).toBe(0);
    expect(kindsAndSubjects(await tasksOf(foreignManager))).toEqual([`confirm_system_record ${foreignSystem.id}`]);

    // Confirming takes the task off the list: the next confirmation is due in twelve months.
    const stored = await register.get(deputy, soon.id);
    expectStatus(
      await send(context, 'POST', `/api/v1/systems/${soon.id}/confirm`, {
        headers: deputy.authorization,
        ifMatch: stored.version,
        body: {},
      }),
      200,
    );
    expect((await tasksOf(deputy)).total).toBe(0);
    expect((await tasksOf(manager)).items.map((task) => task.subjectId)).not.toContain(soon.id);
  });

  it("asks a system's manager, not its deputy, for the review of a system in production as it falls due", async () => {
    const manager = await make.user(tanum, 'employee');
    const deputy = await make.user(tanum, 'employee');
    const careHead = await make.user(tanum, 'department_head', care);
    const unreviewed = await register.system(tanum, care, { name: 'Ogranskat' });
    const planned = await register.system(tanum, care, { name: 'Planerad genomgång' });
    const reviewed = await register.system(tanum, care, { name: 'Granskat i år' });
    const introducing = await register.system(tanum, care, { name: 'Under införande' });
    for (const system of [unreviewed, planned, reviewed, introducing]) {
      await register.appoint(tanum, system.id, manager.personId, 'manager');
      // Confirmed just now, so that only the reviews are asked.
      await setColumns(system.id, { lifecycle: 'in_production', last_confirmed_at: '2026-11-27T10:00:00.000Z' });
    }
    await register.appoint(tanum, unreviewed.id, deputy.personId, 'deputy');
    await setColumns(introducing.id, { lifecycle: 'introducing' });
    const review = expectStatus(
      await send(context, 'POST', '/api/v1/reviews', {
        headers: careHead.authorization,
        body: { systemId: planned.id, plannedOn: '2026-12-15', participants: [] },
      }),
      201,
    );
    expectStatus(
      await send(context, 'POST', '/api/v1/reviews', {
        headers: careHead.authorization,
        body: { systemId: reviewed.id, plannedOn: '2026-03-01', heldOn: '2026-03-01', participants: [] },
      }),
      201,
    );

    expect((await tasksOf(manager, '?kind=review_due')).items).toEqual([
      expect.objectContaining({
        subjectId: unreviewed.id,
        title: 'Ogranskat',
        dueDate: null,
        overdue: true,
        link: `/systems/${unreviewed.id}#reviews`,
      }),
      expect.objectContaining({ subjectId: planned.id, dueDate: '2026-12-15', overdue: false, link: `/reviews/${review.id}` }),
    ]);
    expect((await tasksOf(deputy)).counts.review_due).toBe(0);
    expect((await tasksOf(careHead)).total).toBe(0);

    // A month later the planned review is late.
    context.clock.set('2026-12-20T09:00:00.000Z');
    try {
      const late = (await tasksOf(manager, '?kind=review_due')).items.find((task) => task.subjectId === planned.id);
      expect(late).toMatchObject({ dueDate: '2026-12-15', overdue: true });
    } finally {
      context.clock.set('2026-11-28T09:00:00.000Z');
    }
  });

  it("asks the IT unit's roles to acknowledge each open notice by its deadline, in their municipality only", async () => {
    const itUnit = await make.user(tanum, 'it_unit');
    const itChief = await make.user(tanum, 'it_chief');
    const administrator = await make.user(tanum, 'administrator');
    const careHead = await make.user(tanum, 'department_head', care);
    const foreignItUnit = await make.user(other, 'it_unit');
    const system = await register.system(tanum, care, { name: 'Procapita' });
    const notice = expectStatus(
      await send(context, 'POST', '/api/v1/change-notices', {
        headers: careHead.authorization,
        body: { kind: 'operation', title: 'Ny serverplattform', systemIds: [system.id] },
      }),
      201,
    );
    const expected: Task = {
      id: `acknowledge_change_notice:${notice.id}`,
      kind: 'acknowledge_change_notice',
      title: 'Ny serverplattform',
      subjectId: notice.id,
      context: 'Procapita',
      step: null,
      dueDate: notice.acknowledgeBy,
      overdue: false,
      link: `/change-notices/${notice.id}`,
    };
    for (const user of [itUnit, itChief]) expect((await tasksOf(user, '?kind=acknowledge_change_notice')).items).toContainEqual(expected);
    for (const user of [administrator, careHead, foreignItUnit])
      expect((await tasksOf(user)).items.map((task) => task.subjectId)).not.toContain(notice.id);

    context.clock.set('2026-12-20T09:00:00.000Z');
    try {
      expect((await tasksOf(itUnit, '?kind=acknowledge_change_notice')).items).toContainEqual({ ...expected, overdue: true });
    } finally {
      context.clock.set('2026-11-28T09:00:00.000Z');
    }
    expectStatus(
      await send(context, 'POST', `/api/v1/change-notices/${notice.id}/acknowledge`, {
        headers: itChief.authorization,
        ifMatch: notice.version,
      }),
      200,
    );
    expect((await tasksOf(itUnit)).items.map((task) => task.subjectId)).not.toContain(notice.id);
  });

  it('asks a project lead to submit their project, then the IT unit (not whoever created it) to decide on it', async () => {
    const lead = await make.user(tanum, 'employee');
    const colleague = await make.user(tanum, 'employee');
    const creatingItUnit = await make.user(tanum, 'it_unit');
    const itChief = await make.user(tanum, 'it_chief');
    const otherItUnit = await make.user(tanum, 'it_unit');
    const foreignItChief = await make.user(other, 'it_chief');
    const system = await register.system(tanum, care, { name: 'Hemtjänstsystemet' });
    const draft = await projects.project(tanum, system.id, care, { title: 'Införande av planering', projectLeadPersonId: lead.personId });
    expect((await tasksOf(lead, '?kind=project_gate')).items).toEqual([
      {
        id: `project_gate:${draft.id}`,
        kind: 'project_gate',
        title: 'Införande av planering',
        subjectId: draft.id,
        context: 'Hemtjänstsystemet',
        step: 'submit',
        dueDate: null,
        overdue: false,
        link: `/projects/${draft.id}`,
      },
    ]);
    expect((await tasksOf(colleague)).counts.project_gate).toBe(0);

    // Created by an IT-unit person, submitted: the IT chief decides; the creator may not.
    const ready = await projects.readyProject(
      tanum,
      system.id,
      care,
      lead.personId,
      { title: 'Uppgradering' },
      creatingItUnit.authorization,
    );
    expectStatus(
      await send(context, 'POST', `/api/v1/projects/${ready.id}/submit`, { headers: lead.authorization, ifMatch: ready.version }),
      200,
    );
    const deciding = (user: TestUser) =>
      tasksOf(user, '?kind=project_gate').then((list) => list.items.filter((task) => task.subjectId === ready.id));
    expect(await deciding(itChief)).toEqual([
      expect.objectContaining({ step: 'decide', title: 'Uppgradering', link: `/projects/${ready.id}` }),
    ]);
    expect(await deciding(otherItUnit)).toEqual([expect.objectContaining({ step: 'decide' })]);
    expect(await deciding(creatingItUnit)).toEqual([]);
    expect(await deciding(lead)).toEqual([]);
    expect(await deciding(foreignItChief)).toEqual([]);
    expect(kindsAndSubjects(await tasksOf(lead))).toEqual([`project_gate ${draft.id}`]);
  });

  it('pages the sorted list with a cursor, keeps the counts of the whole list, and filters by kind', async () => {
    const person = await make.user(tanum, 'it_unit');
    const systems = [];
    for (const [name, confirmedAt] of [
      ['Sjätte', null],
      ['Femte', '2025-10-01T10:00:00.000Z'],
      ['Fjärde', '2025-12-01T10:00:00.000Z'],
      ['Tredje', '2025-12-20T10:00:00.000Z'],
    ] as const) {
      const system = await register.system(tanum, school, { name });
      await register.appoint(tanum, system.id, person.personId, 'manager');
      await setColumns(system.id, { last_confirmed_at: confirmedAt });
      systems.push(system);
    }
    await projects.project(tanum, systems[0]!.id, school, { title: 'Utan datum', projectLeadPersonId: person.personId });
    const whole = await tasksOf(person, '?limit=200');
    // Earlier tests left notices and a submitted project for the IT unit: they sort in among these by their own keys.
    const mine = whole.items.filter((task) => task.kind === 'confirm_system_record' || task.step === 'submit');
    expect(mine.map((task) => [task.title, task.dueDate, task.overdue])).toEqual([
      ['Sjätte', null, true],
      ['Femte', '2026-10-01', true],
      ['Fjärde', '2026-12-01', false],
      ['Tredje', '2026-12-20', false],
      ['Utan datum', null, false],
    ]);
    const keys = whole.items.map((task) => `${task.overdue ? 0 : 1}${task.dueDate ?? (task.overdue ? '0000' : '9999')}`);
    expect(keys).toEqual([...keys].sort());

    const paged: Task[] = [];
    let cursor: string | null = null;
    do {
      const page: TaskList = await tasksOf(person, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.total).toBe(whole.total);
      expect(page.counts).toEqual(whole.counts);
      paged.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(whole.items);

    const records = await tasksOf(person, '?kind=confirm_system_record&limit=3');
    expect(records.total).toBe(4);
    expect(records.items.map((task) => task.title)).toEqual(['Sjätte', 'Femte', 'Fjärde']);
    expect(records.nextCursor).not.toBeNull();
    expect(records.counts).toEqual(whole.counts);
  });
});
