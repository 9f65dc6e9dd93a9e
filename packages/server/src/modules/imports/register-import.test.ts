import type { ImportProposal, ImportReport } from '@forvalta/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedTables, stateOfDatabase } from '../../../test/database-state.ts';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';
import { verifyAuditChains } from '../../platform/audit-verify.ts';
import { buildCsv } from '../../platform/spreadsheets/spreadsheet-fixtures.ts';
import { trickyRegisterCsv, trickyRegisterWorkbook, trickyUnknownEmail, type TrickyPeople } from './tricky-register-file.ts';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('register import API', () => {
  let context: TestContext;
  let make: ReturnType<typeof factories>;
  let other: TestMunicipality;
  let itUnit: TestUser;
  let employee: TestUser;

  const post = (user: TestUser | TestMunicipality['admin'] | undefined, url: string, file: Buffer, contentType = 'text/csv') =>
    context.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': contentType, ...(user ? user.authorization : {}) },
      payload: file,
    });
  const systemsOf = (municipalityId: string) =>
    context.database.db
      .selectFrom('systems')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .orderBy('sort_key')
      .orderBy('owner_department_id')
      .execute();

  /** A municipality with the departments the tricky file names (but Kultur och fritid), and its manager and deputy. */
  async function municipalityForTheFile() {
    // Named as the file's path names it ("Tanums kommun"): the parts above the municipality are no departments of it.
    const municipality = await make.municipality('Tanum');
    await context.database.db.updateTable('municipalities').set({ name: 'Tanum' }).where('id', '=', municipality.id).execute();
    const office = await make.department(municipality, 'Kommunstyrelseförvaltningen');
    const school = await make.department(municipality, 'Barn och utbildning');
    const schoolAdministration = await make.department(municipality, 'Administration', school.id);
    const planning = await make.department(municipality, 'Samhällsbyggnad');
    const planningAdministration = await make.department(municipality, 'Administration', planning.id);
    const manager = await make.person(municipality, office.id);
    const deputy = await make.person(municipality, office.id);
    const people: TrickyPeople = { managerEmail: manager.email, deputyEmail: deputy.email };
    return { municipality, office, schoolAdministration, planningAdministration, manager, deputy, people };
  }

  beforeAll(async () => {
    context = await createTestContext();
    make = factories(context);
    other = await make.municipality('Strömstad');
    const tanum = await make.municipality('Tanum');
    itUnit = await make.user(tanum, 'it_unit');
    employee = await make.user(tanum, 'employee');
  });
  afterAll(() => context.close());

  it('answers 401 without a login, 403 to an employee and to the IT unit creating departments, 400 for a file without a name column', async () => {
    const file = buildCsv([
      ['Systemnamn', 'Förvaltning'],
      ['Procapita', 'Okänd'],
    ]);
    expectProblem(await post(undefined, '/api/v1/imports/register', file), 401, 'unauthenticated');
    expectProblem(await post(employee, '/api/v1/imports/register', file), 403, 'forbidden');
    expectProblem(await post(employee, '/api/v1/imports/register/run', file), 403, 'forbidden');
    expectProblem(await post(itUnit, '/api/v1/imports/register/run?createDepartments=true', file), 403, 'forbidden');
    const nameless = expectProblem(
      await post(itUnit, '/api/v1/imports/register/run', buildCsv([['Leverantör'], ['Tieto']])),
      400,
      'validation_failed',
    );
    expect(nameless.errors?.[0]).toMatchObject({ path: 'mapping.name', code: 'column_missing' });
    const wrongField = expectProblem(
      await post(itUnit, `/api/v1/imports/register/run?mapping=${encodeURIComponent(JSON.stringify({ Systemnamn: 'email' }))}`, file),
      400,
      'validation_failed',
    );
    expect(wrongField.errors?.[0]).toMatchObject({ path: 'mapping.Systemnamn', code: 'field_unknown' });
  });

  it('proposes a mapping from Swedish headers with trailing spaces, and leaves a column it does not know unmapped', async () => {
    const { municipality, people } = await municipalityForTheFile();
    const proposal = expectStatus(
      await post(municipality.admin, '/api/v1/imports/register', await trickyRegisterWorkbook(people), xlsxType),
      200,
    ) as ImportProposal;
    expect(proposal).toMatchObject({ kind: 'register', format: 'xlsx', rowCount: 5 });
    expect(proposal.mapping).toEqual({
      Systemnamn: 'name',
      Förvaltning: 'ownerDepartment',
      Systemförvaltare: 'manager',
      Ersättare: 'deputy',
      Leverantör: 'supplier',
      Status: 'lifecycle',
      Beroenden: 'dependencies',
      'Avtalets slutdatum': 'contractEnd',
      Licenskostnad: 'costLicence',
      Personuppgifter: 'processesPersonalData',
      'Intern anteckning': null,
    });
    expect(proposal.columns.every((column) => column.field === null || column.confidence === 'exact')).toBe(true);
    expect(proposal.sample[0]).toContain('Procapita');
  });

  for (const format of ['xlsx', 'csv'] as const)
    it(`imports the tricky file as SharePoint ${format === 'xlsx' ? 'writes the XLSX' : 'users save it as Windows-1252 CSV'}: dry run, apply, and the same file again changes nothing`, async () => {
      const setup = await municipalityForTheFile();
      const { municipality, people } = setup;
      // The file has systems in production: its importer is the administrator who is also the IT unit (ADR 0033).
      await make.grantRole(municipality, municipality.admin.personId, 'it_unit');
      const file = format === 'xlsx' ? await trickyRegisterWorkbook(people) : trickyRegisterCsv(people);
      const type = format === 'xlsx' ? xlsxType : 'text/csv';
      const run = (query = '') => post(municipality.admin, `/api/v1/imports/register/run${query}`, file, type);

      const before = await stateOfDatabase(context);
      const dry = expectStatus(await run(), 200) as ImportReport;
      expect(changedTables(before, await stateOfDatabase(context))).toEqual([]);
      expect(dry.summary).toMatchObject({ rows: 5, create: 4, update: 0, unchanged: 0, refused: 1, integrationsCreated: 2 });
      expect(dry.unknownDepartments).toEqual(['Kommunkoncern / Tanums kommun / Kultur och fritid']);
      expect(dry.unknownEmails).toEqual([trickyUnknownEmail]);
      expect(dry.unresolvedDependencies).toEqual([{ rowNumber: 5, system: 'Okänt system' }]);
      const byRow = new Map(dry.rows.map((row) => [row.rowNumber, row]));
      expect(byRow.get(8)).toMatchObject({
        outcome: 'refused',
        problems: [{ field: 'ownerDepartment', reason: 'department_not_found', severity: 'refused' }],
      });
      expect(byRow.get(2)!.problems).toEqual([
        {
          field: 'contractEnd',
          column: 'Avtalets slutdatum',
          value: 'Löpande – uppsägningstid 3–12 månader',
          reason: 'date_invalid',
          severity: 'skipped',
        },
      ]);
      expect(byRow.get(3)!.problems).toMatchObject([
        { field: 'manager', value: trickyUnknownEmail, reason: 'person_not_found', severity: 'skipped' },
      ]);
      expect(byRow.get(6)!.problems).toMatchObject([{ field: 'costLicence', value: 'tolvtusen', reason: 'number_invalid' }]);

      // A refused row refuses the file: all or nothing.
      const refused = expectProblem(await run('?mode=apply'), 400, 'validation_failed');
      expect(refused.errors).toMatchObject([{ path: 'rows.8.ownerDepartment', code: 'department_not_found' }]);
      expect(changedTables(before, await stateOfDatabase(context))).toEqual([]);

      const applied = expectStatus(await run('?mode=apply&createDepartments=true'), 200) as ImportReport;
      expect(applied.summary).toMatchObject({ rows: 5, create: 5, refused: 0, integrationsCreated: 2, departmentsCreated: 1 });
      const systems = await systemsOf(municipality.id);
      expect(systems.map((system) => [system.name, system.lifecycle, system.supplier])).toEqual([
        ['Bokningssystem', 'in_production', 'Interbook'],
        ['Procapita', 'in_production', 'Tietoevry'],
        ['Stratsys', 'introducing', 'Stratsys AB'],
        // The same name under two organisations: two systems.
        ['Ärendehantering', expect.any(String), 'Formpipe'],
        ['Ärendehantering', expect.any(String), 'Formpipe'],
      ]);
      const procapita = systems.find((system) => system.name === 'Procapita')!;
      const stratsys = systems.find((system) => system.name === 'Stratsys')!;
      expect(procapita).toMatchObject({ owner_department_id: setup.office.id, processes_personal_data: 1, supplier_support_ends_on: null });
      expect(Number(procapita.cost_licence)).toBe(12500);
      expect(stratsys).toMatchObject({ supplier_support_ends_on: '2026-12-31', processes_personal_data: 0 });
      expect(Number(stratsys.cost_licence)).toBe(1234.5);
      const cases = systems.filter((system) => system.name === 'Ärendehantering');
      expect(cases.map((system) => system.owner_department_id).sort()).toEqual(
        [setup.schoolAdministration.id, setup.planningAdministration.id].sort(),
      );
      expect(cases.find((system) => system.owner_department_id === setup.schoolAdministration.id)).toMatchObject({
        lifecycle: 'planned',
        supplier_support_ends_on: '2026-12-31',
        processes_personal_data: 1,
      });

      const api = expectStatus(
        await send(context, 'GET', `/api/v1/systems/${procapita.id}`, { headers: municipality.admin.authorization }),
        200,
      );
      expect(api).toMatchObject({ manager: { personId: setup.manager.id }, deputies: [{ personId: setup.deputy.id }], uncovered: false });
      const integrations = await context.database.db
        .selectFrom('integrations')
        .selectAll()
        .where('municipality_id', '=', municipality.id)
        .execute();
      expect(
        integrations
          .map((integration) => [
            integration.provider_system_id,
            integration.consumer_system_id,
            integration.method,
            integration.description,
          ])
          .sort(),
      ).toEqual(
        [
          [stratsys.id, procapita.id, 'api', 'Ej verksamhetskritiskt'],
          [procapita.id, cases.find((system) => system.owner_department_id === setup.schoolAdministration.id)!.id, 'file', null],
        ].sort(),
      );
      const events = await context.database.db
        .selectFrom('audit_events')
        .select(['entity_type', 'entity_id'])
        .where('municipality_id', '=', municipality.id)
        .where('action', '=', 'import')
        .execute();
      expect(
        events
          .filter((event) => event.entity_type === 'system')
          .map((event) => event.entity_id)
          .sort(),
      ).toEqual(systems.map((system) => system.id).sort());
      expect(events.filter((event) => event.entity_type === 'department')).toHaveLength(1);
      expect((await verifyAuditChains(context.database.db)).problems).toEqual([]);

      const unchangedBefore = await stateOfDatabase(context);
      const again = expectStatus(await run('?mode=apply&createDepartments=true'), 200) as ImportReport;
      expect(again.summary).toMatchObject({
        rows: 5,
        create: 0,
        update: 0,
        unchanged: 5,
        refused: 0,
        integrationsCreated: 0,
        departmentsCreated: 0,
      });
      expect(changedTables(unchangedBefore, await stateOfDatabase(context))).toEqual([]);
    });

  it('updates only the fields that differ, matches by external id, and refuses a move into production (ITP-4.2.1-APPROVAL)', async () => {
    const { municipality, office } = await municipalityForTheFile();
    const headers = ['Externt id', 'Systemnamn', 'Förvaltning', 'Leverantör', 'Status'];
    const first = buildCsv([headers, ['SP-1', 'Visma', 'Kommunstyrelseförvaltningen', 'Visma', 'Planerad']]);
    expectStatus(await post(municipality.admin, '/api/v1/imports/register/run?mode=apply', first), 200);
    const [created] = await systemsOf(municipality.id);
    expect(created).toMatchObject({ external_id: 'SP-1', name: 'Visma', lifecycle: 'planned', version: 1 });

    // Renamed in the source register: the external id finds it; only what differs is written.
    const renamed = buildCsv([headers, ['SP-1', 'Visma Lön', 'Kommunstyrelseförvaltningen', 'Visma', 'Införande']]);
    const update = expectStatus(await post(municipality.admin, '/api/v1/imports/register/run?mode=apply', renamed), 200) as ImportReport;
    expect(update.rows[0]).toMatchObject({ outcome: 'update', recordId: created!.id, changedFields: ['name', 'lifecycle'] });
    const [after] = await systemsOf(municipality.id);
    expect(after).toMatchObject({
      id: created!.id,
      name: 'Visma Lön',
      lifecycle: 'introducing',
      owner_department_id: office.id,
      version: 2,
    });

    const intoProduction = buildCsv([headers, ['SP-1', 'Visma Lön', 'Kommunstyrelseförvaltningen', 'Visma', 'I drift']]);
    const dry = expectStatus(await post(municipality.admin, '/api/v1/imports/register/run', intoProduction), 200) as ImportReport;
    expect(dry.rows[0]).toMatchObject({
      outcome: 'refused',
      problems: [{ field: 'lifecycle', reason: 'production_needs_approval', severity: 'refused', requirement: 'ITP-4.2.1-APPROVAL' }],
    });
    const refused = expectProblem(
      await post(municipality.admin, '/api/v1/imports/register/run?mode=apply', intoProduction),
      400,
      'validation_failed',
    );
    expect(refused.errors?.[0]?.message).toContain('ITP-4.2.1-APPROVAL');
  });

  it("records a new system as in production before Förvalta only for a holder of the IT unit's approval (ITP-4.2.1-APPROVAL, ADR 0033)", async () => {
    const { municipality } = await municipalityForTheFile();
    const approver = await make.user(municipality, 'it_unit');
    const file = buildCsv([
      ['Systemnamn', 'Förvaltning', 'Status'],
      ['Lifecare', 'Kommunstyrelseförvaltningen', 'I drift'],
      ['Planeringsverktyg', 'Kommunstyrelseförvaltningen', 'Planerad'],
    ]);
    // The administrator holds the import but not the approval: the row in production is refused, and the file with it.
    const before = await stateOfDatabase(context);
    const dry = expectStatus(await post(municipality.admin, '/api/v1/imports/register/run', file), 200) as ImportReport;
    expect(dry.rows.map((row) => [row.rowNumber, row.outcome])).toEqual([
      [2, 'refused'],
      [3, 'create'],
    ]);
    expect(dry.rows[0]!.problems).toEqual([
      {
        field: 'lifecycle',
        column: 'Status',
        value: 'I drift',
        reason: 'production_import_needs_approver',
        severity: 'refused',
        requirement: 'ITP-4.2.1-APPROVAL',
      },
    ]);
    const refused = expectProblem(
      await post(municipality.admin, '/api/v1/imports/register/run?mode=apply', file),
      400,
      'validation_failed',
    );
    expect(refused.errors).toMatchObject([{ path: 'rows.2.lifecycle', code: 'production_import_needs_approver' }]);
    expect(changedTables(before, await stateOfDatabase(context))).toEqual([]);

    // The IT unit may approve operation: the system arrives in production, and its audit event says it was so before Förvalta.
    const applied = expectStatus(await post(approver, '/api/v1/imports/register/run?mode=apply', file), 200) as ImportReport;
    expect(applied.summary).toMatchObject({ create: 2, refused: 0 });
    const systems = await systemsOf(municipality.id);
    expect(systems.map((system) => [system.name, system.lifecycle])).toEqual([
      ['Lifecare', 'in_production'],
      ['Planeringsverktyg', 'planned'],
    ]);
    const events = await context.database.db
      .selectFrom('audit_events')
      .select(['entity_id', 'after_json', 'actor_login_id'])
      .where('municipality_id', '=', municipality.id)
      .where('action', '=', 'import')
      .where('entity_type', '=', 'system')
      .execute();
    const marked = new Map(events.map((event) => [event.entity_id, JSON.parse(event.after_json!).inProductionBeforeForvalta]));
    expect(marked.get(systems[0]!.id)).toBe(true);
    expect(marked.get(systems[1]!.id)).toBeUndefined();
    expect(events.every((event) => event.actor_login_id === approver.loginId)).toBe(true);
  });

  it("never finds another municipality's department or person", async () => {
    const { municipality } = await municipalityForTheFile();
    const foreignDepartment = await make.department(other, 'Strömstads socialtjänst');
    const foreignPerson = await make.person(other, foreignDepartment.id);
    const file = buildCsv([
      ['Systemnamn', 'Förvaltning', 'Systemförvaltare'],
      ['Treserva', 'Strömstads socialtjänst', foreignPerson.email],
      ['Lifecare', 'Kommunstyrelseförvaltningen', foreignPerson.email],
    ]);
    const dry = expectStatus(await post(municipality.admin, '/api/v1/imports/register/run', file), 200) as ImportReport;
    expect(dry.rows.map((row) => [row.rowNumber, row.outcome, row.problems.map((problem) => problem.reason)])).toEqual([
      [2, 'refused', ['department_not_found', 'person_not_found']],
      [3, 'create', ['person_not_found']],
    ]);
  });

  it('downloads the dry run as a workbook with what to fix, in Swedish by default and in English', async () => {
    const { municipality, people } = await municipalityForTheFile();
    await make.grantRole(municipality, municipality.admin.personId, 'it_unit');
    const file = trickyRegisterCsv(people);
    const response = await post(municipality.admin, '/api/v1/imports/register/run?format=xlsx', file);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain(xlsxType);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Rad',
      'Namn',
      'Utfall',
      'Kolumn',
      'Värde i filen',
      'Vad som händer',
      'Vad du ska rätta',
    ]);
    expect(sheet.getRow(2).values).toMatchObject([
      undefined,
      8,
      'Bokningssystem',
      'avvisas',
      'Förvaltning',
      'Kommunkoncern / Tanums kommun / Kultur och fritid',
      'raden avvisas',
      'Förvaltningen finns inte: rätta sökvägen eller importera med "skapa förvaltningar".',
    ]);
    const english = await post(municipality.admin, '/api/v1/imports/register/run?format=xlsx&language=en', file);
    const englishBook = new ExcelJS.Workbook();
    await englishBook.xlsx.load(english.rawPayload as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    expect(englishBook.worksheets[0]!.getRow(1).getCell(7).value).toBe('What to fix');
  });

  it('streams the progress of an apply with its report, and refuses before streaming as any request', async () => {
    const { municipality } = await municipalityForTheFile();
    const lines = ['Systemnamn;Förvaltning'];
    for (let index = 0; index < 2500; index += 1) lines.push(`Strömmat ${index};Kommunstyrelseförvaltningen`);
    const file = Buffer.from(`${lines.join('\r\n')}\r\n`);
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/v1/imports/register/run?mode=apply',
      headers: { 'content-type': 'text/csv', accept: 'application/x-ndjson', ...municipality.admin.authorization },
      payload: file,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('application/x-ndjson');
    const messages = response.body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(messages.slice(0, 2)).toEqual([
      { type: 'progress', written: 2000, total: 2500 },
      { type: 'progress', written: 2500, total: 2500 },
    ]);
    expect(messages[2]).toMatchObject({ type: 'report', report: { applied: true, summary: { create: 2500 } } });
    expect(await systemsOf(municipality.id)).toHaveLength(2500);
    const refused = await context.app.inject({
      method: 'POST',
      url: '/api/v1/imports/register/run?mode=apply',
      headers: { 'content-type': 'text/csv', accept: 'application/x-ndjson', ...municipality.admin.authorization },
      payload: buildCsv([
        ['Systemnamn', 'Förvaltning'],
        ['Utan förvaltning', 'Finns inte'],
      ]),
    });
    expectProblem(refused, 400, 'validation_failed');
  });

  it('saves a mapping by name, changes it at its version only, and runs with it', async () => {
    const { municipality } = await municipalityForTheFile();
    const admin = municipality.admin.authorization;
    const body = { kind: 'register', name: 'SharePoint-listan', mapping: { Benämning: 'name', Org: 'ownerDepartment' } };
    const saved = expectStatus(await send(context, 'POST', '/api/v1/import-mappings', { headers: admin, body }), 201);
    expectProblem(await send(context, 'POST', '/api/v1/import-mappings', { headers: admin, body }), 409, 'conflict');
    const listed = expectStatus(await send(context, 'GET', '/api/v1/import-mappings?kind=register', { headers: admin }), 200);
    expect(listed.items.map((item: { name: string }) => item.name)).toEqual(['SharePoint-listan']);
    expectProblem(
      await send(context, 'PATCH', `/api/v1/import-mappings/${saved.id}`, { headers: admin, ifMatch: 7, body: { name: 'x' } }),
      412,
      'version_mismatch',
    );
    const changed = expectStatus(
      await send(context, 'PATCH', `/api/v1/import-mappings/${saved.id}`, {
        headers: admin,
        ifMatch: saved.version,
        body: { mapping: { ...body.mapping, Leverantörsnamn: 'supplier' } },
      }),
      200,
    );
    expect(changed).toMatchObject({ version: 2, name: 'SharePoint-listan' });
    const file = buildCsv([
      ['Benämning', 'Org', 'Leverantörsnamn'],
      ['Tekis', 'Kommunstyrelseförvaltningen', 'Sokigo'],
    ]);
    const dry = expectStatus(
      await post(municipality.admin, `/api/v1/imports/register/run?mappingId=${saved.id}`, file),
      200,
    ) as ImportReport;
    expect(dry).toMatchObject({
      summary: { create: 1 },
      mapping: { Benämning: 'name', Org: 'ownerDepartment', Leverantörsnamn: 'supplier' },
    });
    // Another municipality's administrator does not find it.
    expectProblem(
      await send(context, 'GET', `/api/v1/import-mappings/${saved.id}`, { headers: other.admin.authorization }),
      404,
      'not_found',
    );
    expectProblem(await post(other.admin, `/api/v1/imports/register/run?mappingId=${saved.id}`, file), 404, 'not_found');
  });
});
