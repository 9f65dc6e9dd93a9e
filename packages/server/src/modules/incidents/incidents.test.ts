import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { riskScenario } from '../../../test/project-factories.ts';
import { systemFactories } from '../../../test/system-factories.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';

type Caller = Pick<TestUser, 'authorization'>;

describe('incidents API (the Cybersecurity Act, issue #19)', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let other: TestMunicipality;
  let care: string;
  let school: string;
  let itUnit: TestUser;
  let itChief: TestUser;
  let careHead: TestUser;
  let schoolHead: TestUser;
  let auditor: TestUser;
  let employee: TestUser;
  let steward: TestUser;
  let otherChief: TestUser;
  let careSystem: { id: string };
  let schoolSystem: { id: string };
  let incidentId: string;

  const call = (caller: Caller, method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown, ifMatch?: number) =>
    send(context, method, url, { headers: caller.authorization, ...(body !== undefined ? { body } : {}), ...(ifMatch ? { ifMatch } : {}) });
  const tasksOf = async (caller: Caller) =>
    expectStatus(await call(caller, 'GET', '/api/v1/me/tasks?kind=report_incident'), 200).items as Array<{
      subjectId: string;
      dueDate: string;
    }>;

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    tanum = await make.municipality('Tanum');
    other = await make.municipality('Strömstad');
    care = (await make.department(tanum, 'Omsorg')).id;
    school = (await make.department(tanum, 'Skola')).id;
    itUnit = await make.user(tanum, 'it_unit');
    itChief = await make.user(tanum, 'it_chief');
    careHead = await make.user(tanum, 'department_head', care);
    schoolHead = await make.user(tanum, 'department_head', school);
    auditor = await make.user(tanum, 'auditor');
    employee = await make.user(tanum, 'employee', care);
    steward = await make.user(tanum, 'employee', school);
    otherChief = await make.user(other, 'it_chief');
    careSystem = await systemFactories(context).system(tanum, care, { name: 'Treserva', nis2: true });
    schoolSystem = await systemFactories(context).system(tanum, school, { name: 'Skolplattformen' });
    await systemFactories(context).appoint(tanum, careSystem.id, steward.personId, 'deputy');
  });
  afterAll(() => context.close());

  it('is recorded by the IT unit and its chief, with its three clocks running from the detection', async () => {
    context.clock.set('2026-11-28T09:00:00.000Z');
    const body = {
      title: 'Utpressningsvirus i omsorgens system',
      description: 'Krypterade filer på applikationsservern.',
      detectedAt: '2026-11-28T07:30:00+01:00',
      systemIds: [careSystem.id],
      significant: true,
    };
    for (const refused of [careHead, auditor, employee])
      expectProblem(await call(refused, 'POST', '/api/v1/incidents', body), 403, 'forbidden');
    expectProblem(await call(itUnit, 'POST', '/api/v1/incidents', { ...body, severity: 'high' }), 400, 'validation_failed');
    expectProblem(
      await call(itUnit, 'POST', '/api/v1/incidents', { ...body, detectedAt: '2026-11-29T07:30:00Z' }),
      400,
      'validation_failed',
    );
    expectProblem(await call(otherChief, 'POST', '/api/v1/incidents', { ...body, systemIds: [careSystem.id] }), 400, 'validation_failed');
    const created = expectStatus(await call(itUnit, 'POST', '/api/v1/incidents', body), 201);
    expect(created).toMatchObject({
      detectedAt: '2026-11-28T06:30:00.000Z',
      status: 'open',
      significant: true,
      systems: [{ id: careSystem.id, name: 'Treserva', ownerDepartmentId: care, ownerDepartmentName: 'Omsorg', nis2: true }],
      deadlines: [
        { kind: 'early_warning', dueAt: '2026-11-29T06:30:00.000Z', basis: 'detection', state: 'open', sentAt: null },
        { kind: 'notification', dueAt: '2026-12-01T06:30:00.000Z', basis: 'detection', state: 'open', sentAt: null },
        // Until the notification is sent, one month from its deadline.
        { kind: 'final_report', dueAt: '2027-01-01T06:30:00.000Z', basis: 'notification_deadline', state: 'open' },
      ],
      reports: [],
      contentWithheld: false,
      can: { update: true, recordReport: true },
    });
    incidentId = created.id;
    expectProblem(await call(otherChief, 'GET', `/api/v1/incidents/${incidentId}`), 404, 'not_found');
  });

  it('is read by the owning department head, the systems stewards and the auditors, and by nobody else', async () => {
    const url = `/api/v1/incidents/${incidentId}`;
    for (const reader of [itChief, careHead, steward, auditor]) {
      const incident = expectStatus(await call(reader, 'GET', url), 200);
      expect(incident.can.update).toBe(reader === itChief);
    }
    expectProblem(await call(schoolHead, 'GET', url), 403, 'forbidden');
    expectProblem(await call(employee, 'GET', url), 403, 'forbidden');
    expectProblem(await call(employee, 'GET', '/api/v1/incidents'), 403, 'forbidden');
    const ids = async (caller: Caller) =>
      (expectStatus(await call(caller, 'GET', '/api/v1/incidents'), 200).items as Array<{ id: string }>).map((item) => item.id);
    expect(await ids(careHead)).toEqual([incidentId]);
    expect(await ids(steward)).toEqual([incidentId]);
    expect(await ids(schoolHead)).toEqual([]);
    expect(await ids(auditor)).toEqual([incidentId]);
  });

  it('asks the IT chief and the owning department head for the next report, until the reports are sent', async () => {
    context.clock.set('2026-11-28T12:00:00.000Z');
    expect(await tasksOf(itChief)).toEqual([expect.objectContaining({ subjectId: incidentId, dueDate: '2026-11-29' })]);
    expect(await tasksOf(careHead)).toEqual([expect.objectContaining({ subjectId: incidentId, dueDate: '2026-11-29' })]);
    expect(await tasksOf(schoolHead)).toEqual([]);
    expect(await tasksOf(itUnit)).toEqual([]);
  });

  it('records each report as sent, once, in order, at its version; the clocks say met or late', async () => {
    const url = `/api/v1/incidents/${incidentId}`;
    let incident = expectStatus(await call(itChief, 'GET', url), 200);
    // Past the 24 hours, the early warning is overdue.
    context.clock.set('2026-11-29T08:00:00.000Z');
    incident = expectStatus(await call(itChief, 'GET', url), 200);
    expect(incident.deadlines[0].state).toBe('overdue');
    const early = { kind: 'early_warning', sentAt: '2026-11-29T07:45:00.000Z', content: 'Misstänkt antagonistiskt angrepp.' };
    expectProblem(await call(careHead, 'POST', `${url}/reports`, early, incident.version), 403, 'forbidden');
    expectProblem(await call(itChief, 'POST', `${url}/reports`, early, incident.version + 1), 412, 'version_mismatch');
    expectProblem(
      await call(itChief, 'POST', `${url}/reports`, { ...early, sentAt: '2026-11-29T09:00:00.000Z' }, incident.version),
      400,
      'validation_failed',
    );
    const final = { kind: 'final_report', sentAt: '2026-11-29T07:50:00.000Z', content: 'Slutrapport.' };
    expect(expectProblem(await call(itChief, 'POST', `${url}/reports`, final, incident.version), 409, 'conflict').reason).toBe(
      'incident_notification_first',
    );
    incident = expectStatus(await call(itChief, 'POST', `${url}/reports`, early, incident.version), 201);
    expect(incident.deadlines[0]).toMatchObject({ state: 'late', sentAt: early.sentAt });
    expect(incident.reports).toEqual([expect.objectContaining({ kind: 'early_warning', content: early.content, sentAt: early.sentAt })]);
    expect(expectProblem(await call(itUnit, 'POST', `${url}/reports`, early, incident.version), 409, 'conflict').reason).toBe(
      'incident_report_recorded',
    );
    // Closing before the three reports are sent is refused.
    expect(expectProblem(await call(itUnit, 'PATCH', url, { status: 'closed' }, incident.version), 409, 'conflict').reason).toBe(
      'incident_reports_outstanding',
    );
    incident = expectStatus(
      await call(
        itUnit,
        'POST',
        `${url}/reports`,
        { kind: 'notification', sentAt: '2026-11-29T07:55:00.000Z', content: 'Anmälan.' },
        incident.version,
      ),
      201,
    );
    expect(incident.deadlines[1].state).toBe('met');
    // Sent, the notification starts the final report's month.
    expect(incident.deadlines[2]).toMatchObject({ dueAt: '2026-12-29T07:55:00.000Z', basis: 'notification_sent', state: 'open' });
    expect(await tasksOf(itChief)).toEqual([expect.objectContaining({ dueDate: '2026-12-29' })]);
    incident = expectStatus(
      await call(itUnit, 'POST', `${url}/reports`, { ...final, sentAt: '2026-11-29T08:00:00.000Z' }, incident.version),
      201,
    );
    expect(incident.deadlines.map((deadline: { state: string }) => deadline.state)).toEqual(['late', 'met', 'met']);
    expect(incident.can.recordReport).toBe(false);
    expect(await tasksOf(itChief)).toEqual([]);
    incident = expectStatus(
      await call(itUnit, 'PATCH', url, { status: 'closed', lessons: 'Säkerhetskopior offline.' }, incident.version),
      200,
    );
    expect(incident).toMatchObject({ status: 'closed', closedAt: '2026-11-29T08:00:00.000Z', lessons: 'Säkerhetskopior offline.' });
  });

  it('owes no report for an incident that is not significant', async () => {
    const minor = expectStatus(
      await call(itUnit, 'POST', '/api/v1/incidents', {
        title: 'Nätfiske',
        detectedAt: '2026-11-29T06:00:00.000Z',
        systemIds: [schoolSystem.id],
        significant: false,
      }),
      201,
    );
    expect(minor.deadlines.map((deadline: { state: string }) => deadline.state)).toEqual(['not_required', 'not_required', 'not_required']);
    expect(minor.can.recordReport).toBe(false);
    const refused = expectProblem(
      await call(
        itUnit,
        'POST',
        `/api/v1/incidents/${minor.id}/reports`,
        { kind: 'early_warning', sentAt: '2026-11-29T07:00:00.000Z', content: 'x' },
        minor.version,
      ),
      409,
      'conflict',
    );
    expect(refused.reason).toBe('incident_not_significant');
    expect(await tasksOf(schoolHead)).toEqual([]);
    const closed = expectStatus(await call(itUnit, 'PATCH', `/api/v1/incidents/${minor.id}`, { status: 'closed' }, minor.version), 200);
    expect(closed.status).toBe('closed');
    const significantOnly = expectStatus(await call(auditor, 'GET', '/api/v1/incidents?significant=false'), 200);
    expect(significantOnly.items.map((item: { id: string }) => item.id)).toEqual([minor.id]);
  });

  it("links follow-up actions to the affected system's risk analysis", async () => {
    const analysis = expectStatus(
      await call(itUnit, 'POST', `/api/v1/systems/${careSystem.id}/risk-analyses`, {
        scope: 'Hela systemet',
        analysedOn: '2026-11-20',
        participants: ['IT-enheten'],
        scenarios: [riskScenario],
      }),
      201,
    );
    const body = {
      title: 'Överbelastningsattack',
      detectedAt: '2026-11-29T07:00:00.000Z',
      systemIds: [careSystem.id],
      significant: true,
      followUpActions: [{ description: 'Lägg till scenariot överbelastning', systemId: careSystem.id }],
    };
    expectProblem(
      await call(itUnit, 'POST', '/api/v1/incidents', { ...body, followUpActions: [{ description: 'x', systemId: schoolSystem.id }] }),
      400,
      'validation_failed',
    );
    const created = expectStatus(await call(itUnit, 'POST', '/api/v1/incidents', body), 201);
    expect(created.followUpActions).toEqual([
      {
        description: 'Lägg till scenariot överbelastning',
        systemId: careSystem.id,
        riskAnalysisId: analysis.id,
        dueDate: null,
        done: false,
      },
    ]);
  });

  it('withholds a confidential incident’s content from a reader who may not see it (ADR 0030)', async () => {
    const created = expectStatus(
      await call(itChief, 'POST', '/api/v1/incidents', {
        title: 'Intrång i brandväggen',
        description: 'Brandväggens regel 14 öppnade port 3389.',
        detectedAt: '2026-11-29T07:00:00.000Z',
        systemIds: [careSystem.id],
        significant: false,
        lessons: 'Stäng fjärrskrivbord mot internet.',
        confidentialOslParagraph: '18 kap. 8 § OSL',
      }),
      201,
    );
    const url = `/api/v1/incidents/${created.id}`;
    expect(expectStatus(await call(careHead, 'GET', url), 200)).toMatchObject({
      title: 'Intrång i brandväggen',
      confidentialOslParagraph: '18 kap. 8 § OSL',
      description: null,
      lessons: null,
      contentWithheld: true,
    });
    for (const reader of [steward, auditor, itUnit])
      expect(expectStatus(await call(reader, 'GET', url), 200)).toMatchObject({
        description: 'Brandväggens regel 14 öppnade port 3389.',
        contentWithheld: false,
      });
  });
});
