import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { completeBudget, projectFactories } from '../../../test/project-factories.ts';
import { systemFactories } from '../../../test/system-factories.ts';

describe('introduction and upgrade projects API', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let other: TestMunicipality;
  let make: ReturnType<typeof factories>;
  let register: ReturnType<typeof systemFactories>;
  let projects: ReturnType<typeof projectFactories>;
  let care: string;
  let school: string;
  let careHead: TestUser;
  let schoolHead: TestUser;
  let itUnit: TestUser;
  let itChief: TestUser;
  let lead: TestUser;
  let employee: TestUser;

  beforeAll(async () => {
    context = await createTestContext();
    make = factories(context);
    register = systemFactories(context);
    projects = projectFactories(context);
    tanum = await make.municipality('Tanum');
    other = await make.municipality('Strömstad');
    care = (await make.department(tanum, 'Omsorg')).id;
    school = (await make.department(tanum, 'Skola')).id;
    careHead = await make.user(tanum, 'department_head', care);
    schoolHead = await make.user(tanum, 'department_head', school);
    itUnit = await make.user(tanum, 'it_unit');
    itChief = await make.user(tanum, 'it_chief');
    lead = await make.user(tanum, 'employee');
    employee = await make.user(tanum, 'employee');
  });
  afterAll(() => context.close());

  const post = (url: string, headers: Record<string, string>, ifMatch?: number, body?: unknown) =>
    send(context, 'POST', url, { headers, ifMatch, body });

  it('answers 401 to every project route without a login', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const [method, url] of [
      ['GET', '/api/v1/projects'],
      ['POST', '/api/v1/projects'],
      ['GET', `/api/v1/projects/${id}`],
      ['PATCH', `/api/v1/projects/${id}`],
      ['PUT', `/api/v1/projects/${id}/budget`],
      ['GET', `/api/v1/projects/${id}/budget/revisions`],
      ['PUT', `/api/v1/projects/${id}/compliance-analysis`],
      ['GET', `/api/v1/projects/${id}/checkpoints`],
      ['POST', `/api/v1/projects/${id}/checkpoints`],
      ...['start', 'submit', 'approve', 'reject', 'reopen', 'close'].map((action) => ['POST', `/api/v1/projects/${id}/${action}`] as const),
    ] as const) {
      expectProblem(await send(context, method, url, method === 'GET' ? {} : { body: {} }), 401, 'unauthenticated');
    }
  });

  it('lets a department head initiate a project for their department only, and rejects bad input', async () => {
    const system = await register.system(tanum, care, { name: 'Lifecare' });
    const created = await projects.project(tanum, system.id, care, { title: 'Införande av Lifecare' }, careHead.authorization);
    expect(created).toMatchObject({
      state: 'draft',
      kind: 'introduction',
      systemName: 'Lifecare',
      departmentName: 'Omsorg',
      budget: null,
      availableActions: ['start'],
    });
    expect(created.submitGaps.length).toBeGreaterThan(5);
    expectProblem(
      await post('/api/v1/projects', schoolHead.authorization, undefined, {
        kind: 'introduction',
        title: 'X',
        systemId: system.id,
        departmentId: care,
      }),
      403,
      'forbidden',
    );
    expectProblem(
      await post('/api/v1/projects', employee.authorization, undefined, {
        kind: 'introduction',
        title: 'X',
        systemId: system.id,
        departmentId: care,
      }),
      403,
      'forbidden',
    );
    expectProblem(
      await post('/api/v1/projects', careHead.authorization, undefined, {
        kind: 'replacement',
        title: 'X',
        systemId: system.id,
        departmentId: care,
      }),
      400,
      'validation_failed',
    );
    expectProblem(
      await post('/api/v1/projects', careHead.authorization, undefined, {
        kind: 'upgrade',
        title: 'X',
        systemId: system.id,
        departmentId: care,
        state: 'approved',
      }),
      400,
      'validation_failed',
    );
    const foreignDepartment = (await make.department(other, 'Annan')).id;
    expectProblem(
      await post('/api/v1/projects', tanum.admin.authorization, undefined, {
        kind: 'upgrade',
        title: 'X',
        systemId: system.id,
        departmentId: foreignDepartment,
      }),
      400,
      'validation_failed',
    );
    // The head of another department may read it but not change it.
    expectStatus(await send(context, 'GET', `/api/v1/projects/${created.id}`, { headers: schoolHead.authorization }), 200);
    expectProblem(
      await send(context, 'PATCH', `/api/v1/projects/${created.id}`, {
        headers: schoolHead.authorization,
        body: { description: 'x' },
        ifMatch: 1,
      }),
      403,
      'forbidden',
    );
    expectProblem(
      await send(context, 'PATCH', `/api/v1/projects/${created.id}`, { headers: careHead.authorization, body: { description: 'x' } }),
      428,
      'precondition_required',
    );
    expectProblem(
      await send(context, 'PATCH', `/api/v1/projects/${created.id}`, {
        headers: careHead.authorization,
        body: { description: 'x' },
        ifMatch: 7,
      }),
      412,
      'version_mismatch',
    );
    const updated = expectStatus(
      await send(context, 'PATCH', `/api/v1/projects/${created.id}`, {
        headers: careHead.authorization,
        body: { description: 'Ny beskrivning', projectLeadPersonId: lead.personId },
        ifMatch: 1,
      }),
      200,
    );
    expect(updated).toMatchObject({ version: 2, description: 'Ny beskrivning', projectLeadName: 'Test employee' });
    // The project lead prepares their own project.
    expectStatus(await post(`/api/v1/projects/${created.id}/start`, lead.authorization, 2), 200);
  });

  it('refuses a submission with every missing piece and its clause', async () => {
    const system = await register.system(tanum, care);
    const created = await projects.project(tanum, system.id, care, { description: 'Beskrivning' });
    const started = expectStatus(await post(`/api/v1/projects/${created.id}/start`, tanum.admin.authorization, 1), 200);
    const budget = completeBudget();
    budget.categories.network = { oneOff: null, yearly: 0 } as never;
    const withBudget = expectStatus(
      await send(context, 'PUT', `/api/v1/projects/${created.id}/budget`, {
        headers: tanum.admin.authorization,
        ifMatch: started.version,
        body: budget,
      }),
      200,
    );
    const refused = expectProblem(
      await post(`/api/v1/projects/${created.id}/submit`, tanum.admin.authorization, withBudget.version),
      422,
      'rule_violation',
    );
    expect(refused.requirement).toBe('ITP-4.2.1-INITIATE');
    const pieces = refused.errors!.map((error) => `${(error as { code?: string }).code} ${error.path}`);
    expect(pieces).toEqual(
      expect.arrayContaining([
        'ITP-4.2.1-INITIATE specification',
        'ITP-4.2.1-INITIATE timeline',
        'ITP-4.2.1-INITIATE projectLeadPersonId',
        'ITP-5-NEW-SYSTEM trainingPlan',
        'ITP-4.2.1-TRAIN-ADMINS trainingPlan.entries',
        'ITP-4.2.1-BUDGET budget.categories.network.oneOff',
        'ITP-4.2.1-COMPLIANCE complianceAnalysis.items.clause:ITP-4.2-DEPUTY',
        'ITP-4.2.1-RISK riskAnalysis',
      ]),
    );
    expect(pieces).not.toContain('ITP-4.2.1-INITIATE description');
    const after = expectStatus(await send(context, 'GET', `/api/v1/projects/${created.id}`, { headers: tanum.admin.authorization }), 200);
    expect(after).toMatchObject({ state: 'in_preparation', version: withBudget.version });
    expect(after.submitGaps).toEqual(refused.errors);
  });

  it('keeps every budget revision, with totals by the server', async () => {
    const system = await register.system(tanum, care);
    const created = await projects.project(tanum, system.id, care);
    const first = expectStatus(
      await send(context, 'PUT', `/api/v1/projects/${created.id}/budget`, {
        headers: tanum.admin.authorization,
        ifMatch: 1,
        body: completeBudget(1000),
      }),
      200,
    );
    expect(first.budget).toMatchObject({ revision: 1, complete: true, missing: [], totals: { project: { oneOff: 8000, yearly: 2000 } } });
    expectProblem(
      await send(context, 'PUT', `/api/v1/projects/${created.id}/budget`, {
        headers: tanum.admin.authorization,
        ifMatch: 1,
        body: completeBudget(5),
      }),
      412,
      'version_mismatch',
    );
    expectProblem(
      await send(context, 'PUT', `/api/v1/projects/${created.id}/budget`, {
        headers: tanum.admin.authorization,
        ifMatch: 2,
        body: { ...completeBudget(), categories: { training: { oneOff: 1, yearly: 1 } } },
      }),
      400,
      'validation_failed',
    );
    const second = expectStatus(
      await send(context, 'PUT', `/api/v1/projects/${created.id}/budget`, {
        headers: tanum.admin.authorization,
        ifMatch: 2,
        body: completeBudget(2000),
      }),
      200,
    );
    expect(second.budget).toMatchObject({ revision: 2, totals: { project: { oneOff: 16000, yearly: 4000 } } });
    const revisions = expectStatus(
      await send(context, 'GET', `/api/v1/projects/${created.id}/budget/revisions`, { headers: employee.authorization }),
      200,
    );
    expect(
      revisions.items.map((item: { revision: number; totals: { project: { oneOff: number } } }) => [
        item.revision,
        item.totals.project.oneOff,
      ]),
    ).toEqual([
      [2, 16000],
      [1, 8000],
    ]);
  });

  it('names people in the training plan, with their names shown, and keeps links to http(s) addresses', async () => {
    const system = await register.system(tanum, care);
    const created = await projects.project(tanum, system.id, care);
    const technician = await make.person(tanum, care);
    const foreign = await make.person(other);
    const url = `/api/v1/projects/${created.id}`;
    const patch = (body: unknown, ifMatch: number) => send(context, 'PATCH', url, { headers: tanum.admin.authorization, ifMatch, body });
    const entries = [
      { audience: 'it_unit', personId: technician.id, description: 'Drift och behörigheter' },
      { audience: 'person', personId: lead.personId, description: 'Projektledning i systemet', byDate: '2027-01-15' },
    ];

    const unnamed = expectProblem(
      await patch({ trainingPlan: { text: null, entries: [{ audience: 'person', description: 'Vem?' }] } }, 1),
      400,
      'validation_failed',
    );
    expect(JSON.stringify(unnamed)).toContain('trainingPlan.entries.0.personId');
    const outside = expectProblem(
      await patch({ trainingPlan: { text: null, entries: [{ audience: 'person', personId: foreign.id, description: 'Fel kommun' }] } }, 1),
      400,
      'validation_failed',
    );
    expect(JSON.stringify(outside)).toContain('trainingPlan.entries.0.personId');
    expectProblem(await patch({ links: [{ title: 'Avtal', url: 'ftp://example.se/avtal.pdf' }] }, 1), 400, 'validation_failed');
    expectProblem(await patch({ links: [{ title: 'Avtal', url: 'javascript:alert(1)' }] }, 1), 400, 'validation_failed');

    const saved = expectStatus(
      await patch(
        { trainingPlan: { text: null, entries }, links: [{ title: 'Upphandlingsunderlag', url: 'https://example.se/upphandling' }] },
        1,
      ),
      200,
    );
    expect(saved.trainingPlan.entries).toEqual([
      {
        audience: 'it_unit',
        personId: technician.id,
        personName: `${technician.firstName} ${technician.lastName}`,
        description: 'Drift och behörigheter',
        byDate: null,
      },
      {
        audience: 'person',
        personId: lead.personId,
        personName: 'Test employee',
        description: 'Projektledning i systemet',
        byDate: '2027-01-15',
      },
    ]);
    expect(saved.links).toEqual([{ title: 'Upphandlingsunderlag', url: 'https://example.se/upphandling' }]);
    // A named IT technician counts as the IT unit's training (ITP-4.2.1-TRAIN-ADMINS); the system managers are still missing.
    expect(saved.submitGaps.filter((gap: { code: string }) => gap.code === 'ITP-4.2.1-TRAIN-ADMINS')).toHaveLength(1);
    const read = expectStatus(await send(context, 'GET', url, { headers: employee.authorization }), 200);
    expect(read.trainingPlan).toEqual(saved.trainingPlan);

    const removed = expectStatus(await patch({ links: [] }, saved.version), 200);
    expect(removed.links).toEqual([]);
    expect(removed.trainingPlan.entries).toHaveLength(2);
  });

  it('includes the sections of the security guidelines’ adopted version in the compliance analysis', async () => {
    // The sections are the guidelines document's (modules/documents): its owner drafts and adopts them.
    // Every municipality has the document from its creation, waiting for its first version.
    const [guidelines] = expectStatus(
      await send(context, 'GET', '/api/v1/documents?kind=security_guidelines', { headers: tanum.admin.authorization }),
      200,
    ).items;
    const versions = `/api/v1/documents/${guidelines.id}/versions`;
    const draft = expectStatus(
      await post(versions, tanum.admin.authorization, undefined, { sections: [{ code: '4.2', title: 'Behörighetsstyrning' }] }),
      201,
    );
    const [section] = draft.sections;
    const system0 = await register.system(tanum, care);
    const before = await projects.project(tanum, system0.id, care);
    // A draft's sections are not yet the guidelines: nothing to judge until adopted.
    expect(before.complianceAnalysis.items.some((candidate: { key: string }) => candidate.key === `guideline:${section.id}`)).toBe(false);
    const submitted = expectStatus(await post(`${versions}/${draft.id}/submit`, tanum.admin.authorization, draft.version, {}), 200);
    expectStatus(
      await post(`${versions}/${draft.id}/adopt`, tanum.admin.authorization, submitted.version, {
        adoptedBy: 'IT-chefen',
        decisionDate: '2026-11-20',
      }),
      200,
    );
    const system = await register.system(tanum, care);
    const created = await projects.project(tanum, system.id, care);
    const item = created.complianceAnalysis.items.find((candidate: { key: string }) => candidate.key === `guideline:${section.id}`);
    expect(item).toMatchObject({ source: 'security_guidelines', reference: '4.2', judgement: null });
    const judged = expectStatus(
      await send(context, 'PUT', `/api/v1/projects/${created.id}/compliance-analysis`, {
        headers: tanum.admin.authorization,
        ifMatch: 1,
        body: { items: [{ key: item.key, judgement: 'partly', motivation: 'MFA saknas' }] },
      }),
      200,
    );
    expect(judged.complianceAnalysis.items.find((candidate: { key: string }) => candidate.key === item.key)).toMatchObject({
      judgement: 'partly',
      motivation: 'MFA saknas',
    });
    expectProblem(
      await send(context, 'PUT', `/api/v1/projects/${created.id}/compliance-analysis`, {
        headers: tanum.admin.authorization,
        ifMatch: 2,
        body: { items: [{ key: 'clause:NOPE', judgement: 'meets' }] },
      }),
      400,
      'validation_failed',
    );
  });

  it('lets only the IT unit or IT chief approve, never the lead or a head of the department', async () => {
    const system = await register.system(tanum, care);
    await register.appoint(tanum, system.id, lead.personId, 'manager');
    const ready = await projects.readyProject(tanum, system.id, care, itChief.personId);
    expect(ready.submitGaps).toEqual([]);
    const submitted = expectStatus(await post(`/api/v1/projects/${ready.id}/submit`, careHead.authorization, ready.version), 200);
    expect(submitted).toMatchObject({ state: 'submitted', availableActions: ['approve', 'reject'] });
    expectProblem(
      await send(context, 'PATCH', `/api/v1/projects/${ready.id}`, {
        headers: careHead.authorization,
        body: { description: 'x' },
        ifMatch: submitted.version,
      }),
      409,
      'conflict',
    );
    const decision = { scope: 'Hemtjänsten', caseReference: 'KS 2026/77' };
    expectProblem(
      await post(`/api/v1/projects/${ready.id}/approve`, careHead.authorization, submitted.version, decision),
      403,
      'forbidden',
    );
    expectProblem(
      await post(`/api/v1/projects/${ready.id}/approve`, tanum.admin.authorization, submitted.version, decision),
      403,
      'forbidden',
    );
    expectProblem(
      await post(`/api/v1/projects/${ready.id}/approve`, employee.authorization, submitted.version, decision),
      403,
      'forbidden',
    );
    // The IT chief leads this project: their own approval would be no approval.
    expect(
      expectProblem(
        await post(`/api/v1/projects/${ready.id}/approve`, itChief.authorization, submitted.version, decision),
        403,
        'forbidden',
      ).detail,
    ).toContain('project lead');
    // An IT unit member who also heads the project's department is not independent either.
    const itAndHead = await make.user(tanum, 'it_unit');
    expectStatus(
      await post('/api/v1/role-assignments', tanum.admin.authorization, undefined, {
        personId: itAndHead.personId,
        role: 'department_head',
        departmentId: care,
      }),
      201,
    );
    expect(
      expectProblem(
        await post(`/api/v1/projects/${ready.id}/reject`, itAndHead.authorization, submitted.version, { reason: 'x' }),
        403,
        'forbidden',
      ).detail,
    ).toContain('department head');
    expectProblem(
      await post(`/api/v1/projects/${ready.id}/approve`, itUnit.authorization, submitted.version, {
        ...decision,
        decision: 'approved_with_conditions',
      }),
      400,
      'validation_failed',
    );
    expectProblem(
      await post(`/api/v1/projects/${ready.id}/approve`, itUnit.authorization, submitted.version - 1, decision),
      412,
      'version_mismatch',
    );
    expectProblem(
      await post(`/api/v1/projects/${ready.id}/approve`, itUnit.authorization, undefined, decision),
      428,
      'precondition_required',
    );

    // Rejected, reworked, submitted again, approved with conditions, closed.
    const rejected = expectStatus(
      await post(`/api/v1/projects/${ready.id}/reject`, itUnit.authorization, submitted.version, {
        reason: 'Backup saknas',
        caseReference: 'KS 2026/77',
      }),
      200,
    );
    expect(rejected).toMatchObject({
      state: 'rejected',
      approvedAt: null,
      approvals: [{ decision: 'rejected', reason: 'Backup saknas', approverName: 'Test it_unit' }],
    });
    const systemBefore = await register.get(tanum.admin, system.id);
    expectProblem(
      await send(context, 'PATCH', `/api/v1/systems/${system.id}`, {
        headers: tanum.admin.authorization,
        body: { lifecycle: 'in_production' },
        ifMatch: systemBefore.version,
      }),
      422,
      'rule_violation',
    );
    context.clock.advanceMinutes(60);
    const reopened = expectStatus(await post(`/api/v1/projects/${ready.id}/reopen`, careHead.authorization, rejected.version), 200);
    const resubmitted = expectStatus(await post(`/api/v1/projects/${ready.id}/submit`, careHead.authorization, reopened.version), 200);
    const approved = expectStatus(
      await post(`/api/v1/projects/${ready.id}/approve`, itUnit.authorization, resubmitted.version, {
        ...decision,
        decision: 'approved_with_conditions',
        approvedVersion: '8.2',
        conditions: [{ text: 'Backup testad', deadline: '2027-03-01' }],
      }),
      200,
    );
    expect(approved.approvals[0]).toMatchObject({
      decision: 'approved_with_conditions',
      approvedVersion: '8.2',
      scope: 'Hemtjänsten',
      caseReference: 'KS 2026/77',
      decidedOn: '2026-11-28',
      approverPersonId: itUnit.personId,
      conditions: [{ text: 'Backup testad', deadline: '2027-03-01' }],
    });
    expect(approved.approvals).toHaveLength(2);
    expectProblem(await post(`/api/v1/projects/${ready.id}/start`, careHead.authorization, approved.version), 409, 'conflict');
    const closed = expectStatus(await post(`/api/v1/projects/${ready.id}/close`, careHead.authorization, approved.version), 200);
    expect(closed).toMatchObject({ state: 'closed', availableActions: [] });
    // Approved, then closed: the system may now go into production.
    expectStatus(
      await send(context, 'PATCH', `/api/v1/systems/${system.id}`, {
        headers: tanum.admin.authorization,
        body: { lifecycle: 'in_production' },
        ifMatch: systemBefore.version,
      }),
      200,
    );
  });

  it('records checkpoints with the IT unit', async () => {
    const system = await register.system(tanum, care);
    const created = await projects.project(tanum, system.id, care);
    expectProblem(
      await post(`/api/v1/projects/${created.id}/checkpoints`, employee.authorization, undefined, {
        heldOn: '2026-11-20',
        participants: ['A'],
      }),
      403,
      'forbidden',
    );
    expectProblem(
      await post(`/api/v1/projects/${created.id}/checkpoints`, careHead.authorization, undefined, {
        heldOn: '2026-11-20',
        participants: [],
      }),
      400,
      'validation_failed',
    );
    const checkpoint = expectStatus(
      await post(`/api/v1/projects/${created.id}/checkpoints`, careHead.authorization, undefined, {
        heldOn: '2026-11-20',
        participants: ['Petra Lind (IT-enheten)'],
        notes: 'Serverbehov',
      }),
      201,
    );
    const list = expectStatus(
      await send(context, 'GET', `/api/v1/projects/${created.id}/checkpoints`, { headers: employee.authorization }),
      200,
    );
    expect(list.items).toEqual([checkpoint]);
  });

  it('answers 404 for another municipality’s project on every route', async () => {
    const foreignDepartment = (await make.department(other, 'Omsorg')).id;
    const foreignSystem = await register.system(other, foreignDepartment);
    const foreign = await projects.project(other, foreignSystem.id, foreignDepartment);
    for (const [method, url, body] of [
      ['GET', `/api/v1/projects/${foreign.id}`, undefined],
      ['PATCH', `/api/v1/projects/${foreign.id}`, { title: 'x' }],
      ['PUT', `/api/v1/projects/${foreign.id}/budget`, completeBudget()],
      ['GET', `/api/v1/projects/${foreign.id}/budget/revisions`, undefined],
      ['PUT', `/api/v1/projects/${foreign.id}/compliance-analysis`, { items: [{ key: 'clause:ITP-1-SCOPE', judgement: 'meets' }] }],
      ['GET', `/api/v1/projects/${foreign.id}/checkpoints`, undefined],
      ['POST', `/api/v1/projects/${foreign.id}/checkpoints`, { heldOn: '2026-11-20', participants: ['A'] }],
      ['POST', `/api/v1/projects/${foreign.id}/start`, {}],
      ['POST', `/api/v1/projects/${foreign.id}/approve`, { scope: 'x' }],
      ['POST', `/api/v1/projects/${foreign.id}/reject`, { reason: 'x' }],
    ] as const) {
      expectProblem(
        await send(context, method, url, {
          headers:
            method === 'GET'
              ? tanum.admin.authorization
              : method === 'POST' && url.endsWith('approve')
                ? itUnit.authorization
                : tanum.admin.authorization,
          body,
          ifMatch: 1,
        }),
        404,
        'not_found',
      );
    }
    expectProblem(
      await post('/api/v1/projects', tanum.admin.authorization, undefined, {
        kind: 'upgrade',
        title: 'X',
        systemId: foreignSystem.id,
        departmentId: care,
      }),
      400,
      'validation_failed',
    );
  });

  it('lists the portfolio with filters, paging and budget totals', async () => {
    const fresh = await make.municipality('Portfölj');
    const department = (await make.department(fresh, 'Kultur')).id;
    const system = await register.system(fresh, department);
    const a = await projects.project(fresh, system.id, department, { title: 'Bibliotekssystem', kind: 'upgrade' });
    await projects.project(fresh, system.id, department, { title: 'Arkiv' });
    await send(context, 'PUT', `/api/v1/projects/${a.id}/budget`, {
      headers: fresh.admin.authorization,
      ifMatch: 1,
      body: completeBudget(1000),
    });
    const list = async (query: string) =>
      expectStatus(await send(context, 'GET', `/api/v1/projects?${query}`, { headers: fresh.admin.authorization }), 200);
    const all = await list('limit=1');
    expect(all).toMatchObject({ total: 2, budgetTotals: { oneOff: 8000, yearly: 2000 } });
    expect(all.items.map((item: { title: string }) => item.title)).toEqual(['Arkiv']);
    expect((await list(`limit=1&cursor=${all.nextCursor}`)).items[0]).toMatchObject({
      title: 'Bibliotekssystem',
      budgetTotals: { oneOff: 8000 },
      budgetComplete: true,
    });
    expect((await list('kind=upgrade')).total).toBe(1);
    expect((await list('state=draft')).total).toBe(2);
    expect((await list('state=approved')).total).toBe(0);
    expect((await list(`systemId=${system.id}&departmentId=${department}&q=arkiv`)).total).toBe(1);
    expectProblem(
      await send(context, 'GET', '/api/v1/projects?state=done', { headers: fresh.admin.authorization }),
      400,
      'validation_failed',
    );
  });
});
