import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessRightFactories } from '../../../test/access-right-factories.ts';
import { acknowledgementFactories } from '../../../test/acknowledgement-factories.ts';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { systemFactories } from '../../../test/system-factories.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';
import { subjectAccessSheets } from './subject-access-export.service.ts';

/** POST /api/v1/people/{id}/subject-access-export: the DPO's extract of everything about one person (GDPR art. 15). */
describe('the subject access extract', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let strömstad: TestMunicipality;
  let officer: TestUser;
  let subject: TestUser;
  let employee: TestUser;
  let systemName: string;
  let systemId: string;
  let careId: string;
  const address = (personId: string) => `/api/v1/people/${personId}/subject-access-export`;

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    tanum = await make.municipality('Tanum');
    strömstad = await make.municipality('Strömstad');
    const care = (await make.department(tanum, 'Omsorg')).id;
    careId = care;
    officer = await make.user(tanum, 'data_protection_officer');
    subject = await make.user(tanum, 'it_unit', care);
    employee = await make.user(tanum, 'employee', care);
    const admin = { headers: tanum.admin.authorization };
    // A title that a spreadsheet would run as a formula, and a change the audit log records about them.
    const person = expectStatus(await send(context, 'GET', `/api/v1/people/${subject.personId}`, admin), 200);
    expectStatus(
      await send(context, 'PATCH', `/api/v1/people/${subject.personId}`, {
        ...admin,
        body: { title: '=HYPERLINK("http://x")', employeeNumber: 'A-1001' },
        ifMatch: person.version,
      }),
      200,
    );
    // A document everyone is asked to read: an acknowledgement request of the subject's.
    const documents = acknowledgementFactories(context);
    const rules = await documents.document(tanum, { title: 'E-postregler', requiresAcknowledgement: true });
    await documents.adopt(tanum, rules.id);
    const register = systemFactories(context);
    const system = await register.system(tanum, care, { name: 'Treserva' });
    systemName = system.name;
    systemId = system.id;
    await register.appoint(tanum, system.id, subject.personId, 'manager');
    // The subject grants a right as the system's manager (an event they take) and holds one of their own.
    const access = accessRightFactories(context);
    const level = await access.level(subject, system.id, { name: 'Läsare' });
    await access.grant(subject, { personId: employee.personId, systemId: system.id, levelId: level.id });
    const deputy = await make.user(tanum, 'employee', care);
    await register.appoint(tanum, system.id, deputy.personId, 'deputy');
    await access.grant(deputy, { personId: subject.personId, systemId: system.id, levelId: level.id });
    expectStatus(
      await send(context, 'POST', '/api/v1/mailboxes', {
        ...admin,
        body: { address: 'it@tanum.se', departmentId: care, purpose: 'IT-frågor', responsiblePersonId: subject.personId },
      }),
      201,
    );
    const course = expectStatus(
      await send(context, 'POST', '/api/v1/courses', { ...admin, body: { title: 'IT-säkerhet', topic: 'it_security_and_networks' } }),
      201,
    );
    const session = expectStatus(
      await send(context, 'POST', '/api/v1/training-sessions', {
        ...admin,
        body: { courseId: course.id, startsAt: '2026-11-20T08:00:00Z', endsAt: '2026-11-20T10:00:00Z' },
      }),
      201,
    );
    expectStatus(
      await send(context, 'POST', `/api/v1/training-sessions/${session.id}/attendances`, {
        ...admin,
        body: { personIds: [subject.personId] },
      }),
      201,
    );
  });
  afterAll(() => context.close());

  /** What they took part in: a project they created and are the IT contact of, risks and measures, a session they taught, change notices. */
  async function involveSubject() {
    const admin = { headers: tanum.admin.authorization };
    const care = careId;
    expectStatus(
      await send(context, 'POST', '/api/v1/projects', {
        headers: subject.authorization,
        body: { kind: 'upgrade', title: 'Treserva 7', systemId, departmentId: care, itContactPersonId: subject.personId },
      }),
      201,
    );
    expectStatus(
      await send(context, 'POST', `/api/v1/systems/${systemId}/risk-analyses`, {
        ...admin,
        body: {
          scope: 'Driften',
          analysedOn: '2026-10-01',
          participants: ['IT-enheten'],
          scenarios: [
            {
              threat: 'Avbrott hos leverantören',
              likelihood: 2,
              consequence: 3,
              treatment: 'reduce',
              riskOwnerPersonId: subject.personId,
              measures: [
                { description: 'Reservrutin på papper', status: 'planned', ownerPersonId: subject.personId, dueDate: '2027-03-31' },
              ],
            },
            { threat: 'Någon annans risk', likelihood: 1, consequence: 1, treatment: 'accept' },
          ],
          confidentialOslParagraph: '18 kap. 8 § OSL',
        },
      }),
      201,
    );
    const course = expectStatus(
      await send(context, 'POST', '/api/v1/courses', { ...admin, body: { title: 'Säker inloggning', topic: 'it_security_and_networks' } }),
      201,
    );
    expectStatus(
      await send(context, 'POST', '/api/v1/training-sessions', {
        ...admin,
        body: {
          courseId: course.id,
          startsAt: '2026-12-01T08:00:00Z',
          endsAt: '2026-12-01T09:00:00Z',
          place: 'Kommunhuset',
          trainerPersonId: subject.personId,
        },
      }),
      201,
    );
    // A change to a system that feeds theirs is sent to them, the adjacent system's manager.
    const feeder = await systemFactories(context).system(tanum, care, { name: 'Lifecare' });
    expectStatus(
      await send(context, 'POST', '/api/v1/integrations', {
        ...admin,
        body: { providerSystemId: feeder.id, consumerSystemId: systemId, method: 'api', frequency: 'daily' },
      }),
      201,
    );
    const notice = (headers: Record<string, string>, title: string, system: string) =>
      send(context, 'POST', '/api/v1/change-notices', {
        headers,
        body: { kind: 'operation', title, systemIds: [system], touchesIntegrations: true },
      });
    expectStatus(await notice(subject.authorization, 'Ny server för Treserva', systemId), 201);
    expectStatus(await notice(tanum.admin.authorization, 'Lifecare stängs av i helgen', feeder.id), 201);
  }

  async function workbookOf(response: { rawPayload: Buffer }) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    return workbook;
  }
  const rowsOf = (sheet: ExcelJS.Worksheet) =>
    sheet.getSheetValues().flatMap((values) => (Array.isArray(values) ? [values.slice(1).map((value) => String(value ?? ''))] : []));

  it('is the data protection officer’s alone, and another municipality’s person is not found', async () => {
    expectProblem(await send(context, 'POST', address(subject.personId), { body: {} }), 401, 'unauthenticated');
    expectProblem(await send(context, 'POST', address(subject.personId), { headers: employee.authorization, body: {} }), 403, 'forbidden');
    // The administrator appoints the DPO but does not take the extract in their stead (ADR 0029).
    expectProblem(
      await send(context, 'POST', address(subject.personId), { headers: tanum.admin.authorization, body: {} }),
      403,
      'forbidden',
    );
    const foreignOfficer = await factories(context).user(strömstad, 'data_protection_officer');
    expectProblem(
      await send(context, 'POST', address(subject.personId), { headers: foreignOfficer.authorization, body: {} }),
      404,
      'not_found',
    );
    expectProblem(
      await send(context, 'POST', address(subject.personId), { headers: officer.authorization, body: { extra: 1 } }),
      400,
      'validation_failed',
    );
    // The person record says who may take it.
    const asOfficer = expectStatus(
      await send(context, 'GET', `/api/v1/people/${subject.personId}`, { headers: officer.authorization }),
      200,
    );
    const asAdmin = expectStatus(
      await send(context, 'GET', `/api/v1/people/${subject.personId}`, { headers: tanum.admin.authorization }),
      200,
    );
    expect([asOfficer.can.subjectAccessExport, asAdmin.can.subjectAccessExport]).toEqual([true, false]);
  });

  it('holds every kind of data on a sheet of its own, in Swedish, cells neutralised, no secret, and is audited', async () => {
    const response = await send(context, 'POST', address(subject.personId), {
      headers: officer.authorization,
      body: { caseReference: 'KS 2026/77' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain('registerutdrag-');
    const workbook = await workbookOf(response);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(subjectAccessSheets.map((sheet) => sheet.title.sv));
    const sheet = (title: string) => rowsOf(workbook.getWorksheet(title)!);

    const person = Object.fromEntries(sheet('Person').slice(1));
    expect(person).toMatchObject({
      Id: subject.personId,
      'E-postadress': subject.email,
      Anställningsnummer: 'A-1001',
      Befattning: `'=HYPERLINK("http://x")`,
      Förvaltning: 'Omsorg',
      Anställning: 'active',
      'Personlig e-postlåda': 'Nej',
    });
    expect(sheet('Inloggning')).toEqual([
      ['Typ', 'E-postadress', 'Språk', 'Skapad', 'Avslutad'],
      ['login', subject.email, 'sv', expect.any(String), ''],
    ]);
    expect(
      sheet('Roller')
        .slice(1)
        .map((row) => row[0]),
    ).toEqual(['it_unit']);
    expect(sheet('Systemansvar').slice(1)).toEqual([[systemName, 'manager', expect.any(String), '', '']]);
    expect(
      sheet('Behörigheter')
        .slice(1)
        .map((row) => [row[0], row[1]]),
    ).toEqual([[systemName, 'Läsare']]);
    expect(sheet('Funktionsbrevlådor').slice(1)).toEqual([['it@tanum.se', 'IT-frågor', 'responsible']]);
    expect(
      sheet('Utbildningar')
        .slice(1)
        .map((row) => row[0]),
    ).toEqual(['IT-säkerhet']);
    expect(
      sheet('Bekräftelser')
        .slice(1)
        .map((row) => [row[0], row[1], row[2]]),
    ).toEqual([['E-postregler', '1', 'requested']]);

    // The log: events about them carry their content; events they took name only the record.
    const events = sheet('Händelselogg').slice(1);
    const aboutThem = events.filter((row) => row[1] === 'subject');
    const theirs = events.filter((row) => row[1] === 'actor');
    expect(aboutThem.some((row) => row[3] === 'update' && row[7]!.includes('A-1001'))).toBe(true);
    expect(theirs.some((row) => row[3] === 'grant' && row[4] === 'access_right')).toBe(true);
    expect(theirs.every((row) => row[6] === '' && row[7] === '')).toBe(true);

    // No secret of any kind: not the password hash, not a token.
    const everything = workbook.worksheets.flatMap(rowsOf).flat().join('\n');
    expect(everything).not.toMatch(/argon2|fvt_/);
    expect(everything).not.toContain(subject.token);

    const audit = expectStatus(
      await send(context, 'GET', `/api/v1/audit-events?action=subject_access_exported&entityId=${subject.personId}`, {
        headers: tanum.admin.authorization,
      }),
      200,
    );
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({
      actorName: expect.any(String),
      entityType: 'person',
      after: { caseReference: 'KS 2026/77', rows: { logins: 1, roles: 1, systems: 1, mailboxes: 1, accessRights: 1, training: 1 } },
    });
  });

  it('holds what they took part in: projects, risks and measures they own, training they taught, change notices', async () => {
    await involveSubject();
    const response = await send(context, 'POST', address(subject.personId), { headers: officer.authorization, body: {} });
    expect(response.statusCode).toBe(200);
    const workbook = await workbookOf(response);
    const sheet = (title: string) => rowsOf(workbook.getWorksheet(title)!).slice(1);
    expect(sheet('Projekt').map((row) => [row[0], row[1], row[2], row[4]])).toEqual(
      expect.arrayContaining([
        ['Treserva 7', 'upgrade', systemName, 'created'],
        ['Treserva 7', 'upgrade', systemName, 'it_contact'],
      ]),
    );
    // Their own risk and measure only, not the scenario another owns; the analysis's secrecy mark goes along.
    expect(sheet('Risker och åtgärder').map((row) => [row[0], row[4], row[5], row[6], row[7], row[8], row[9]])).toEqual([
      [systemName, 'risk_owner', 'Avbrott hos leverantören', '', '', '', '18 kap. 8 § OSL'],
      [systemName, 'measure_owner', 'Avbrott hos leverantören', 'Reservrutin på papper', 'planned', '2027-03-31', '18 kap. 8 § OSL'],
    ]);
    expect(sheet('Utbildningar som lärare').map((row) => [row[0], row[3]])).toEqual([['Säker inloggning', 'Kommunhuset']]);
    const notices = sheet('Ändringsanmälningar').map((row) => [row[0], row[4]]);
    expect(notices).toEqual(expect.arrayContaining([['Ny server för Treserva', 'author']]));
    // The administrator's notice reached them as a recipient; it is not theirs as author.
    expect(notices).toEqual(expect.arrayContaining([['Lifecare stängs av i helgen', 'recipient']]));
    expect(notices).not.toContainEqual(['Lifecare stängs av i helgen', 'author']);

    const audit = expectStatus(
      await send(context, 'GET', `/api/v1/audit-events?action=subject_access_exported&entityId=${subject.personId}`, {
        headers: tanum.admin.authorization,
      }),
      200,
    );
    expect(audit.items.map((item: { after: { rows: object } }) => item.after.rows)).toContainEqual(
      expect.objectContaining({ projects: 2, riskOwnerships: 2, trainingTaught: 1 }),
    );
  });

  it('is in English for an English-speaking officer', async () => {
    await context.database.db.updateTable('logins').set({ locale: 'en' }).where('id', '=', officer.loginId).execute();
    try {
      const response = await send(context, 'POST', address(subject.personId), { headers: officer.authorization, body: {} });
      expect(response.statusCode).toBe(200);
      const workbook = await workbookOf(response);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(subjectAccessSheets.map((sheet) => sheet.title.en));
      expect(rowsOf(workbook.getWorksheet('Person')!)[0]).toEqual(['Field', 'Value']);
      expect(Object.fromEntries(rowsOf(workbook.getWorksheet('Person')!).slice(1))).toMatchObject({ 'Personal mailbox': 'No' });
    } finally {
      await context.database.db.updateTable('logins').set({ locale: 'sv' }).where('id', '=', officer.loginId).execute();
    }
  });
});
