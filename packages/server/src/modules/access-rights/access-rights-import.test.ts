import { randomUUID } from 'node:crypto';
import type { AccessRightImportReport } from '@forvalta/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedTables, stateOfDatabase } from '../../../test/database-state.ts';
import { expectProblem, expectStatus } from '../../../test/http.ts';
import { systemFactories } from '../../../test/system-factories.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';
import { verifyAuditChains } from '../../platform/audit-verify.ts';
import { buildCsv, buildWorkbook } from '../../platform/spreadsheets/spreadsheet-fixtures.ts';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('access rights import API', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let other: TestMunicipality;
  let make: ReturnType<typeof factories>;
  let register: ReturnType<typeof systemFactories>;
  let care: string;
  let treserva: { id: string };
  let procapita: { id: string };
  let foreign: { id: string };
  let manager: TestUser;
  let itUnit: TestUser;
  let employee: TestUser;
  let careHead: TestUser;
  let anna: { id: string; email: string };
  let bo: { id: string; email: string };
  let cecilia: { id: string; email: string };

  async function level(municipalityId: string, systemId: string, name: string) {
    const now = context.clock.now().toISOString();
    const id = randomUUID();
    await context.database.db
      .insertInto('access_levels')
      .values({
        id,
        municipality_id: municipalityId,
        system_id: systemId,
        name,
        sort_key: name.toLowerCase(),
        description: null,
        privileged: 0,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
    return id;
  }

  const upload = (user: TestUser | undefined, file: Buffer, query = '', contentType = 'text/csv') =>
    context.app.inject({
      method: 'POST',
      url: `/api/v1/access-rights/import${query}`,
      headers: { 'content-type': contentType, ...(user ? user.authorization : {}) },
      payload: file,
    });
  const rightsOf = (personId: string) =>
    context.database.db.selectFrom('access_rights').selectAll().where('person_id', '=', personId).orderBy('created_at').execute();

  beforeAll(async () => {
    context = await createTestContext();
    make = factories(context);
    register = systemFactories(context);
    tanum = await make.municipality('Tanum');
    other = await make.municipality('Strömstad');
    care = (await make.department(tanum, 'Omsorg')).id;
    treserva = await register.system(tanum, care, { name: 'Treserva' });
    procapita = await register.system(tanum, care, { name: 'Procapita' });
    foreign = await register.system(other, (await make.department(other, 'Vård')).id, { name: 'Treserva' });
    await level(tanum.id, treserva.id, 'Handläggare');
    await level(tanum.id, treserva.id, 'Läsare');
    await level(tanum.id, procapita.id, 'Läsare');
    await level(other.id, foreign.id, 'Handläggare');
    manager = await make.user(tanum, 'employee');
    await register.appoint(tanum, treserva.id, manager.personId, 'manager');
    itUnit = await make.user(tanum, 'it_unit');
    employee = await make.user(tanum, 'employee');
    careHead = await make.user(tanum, 'department_head', care);
    anna = await make.person(tanum, care);
    bo = await make.person(tanum, care);
    cecilia = await make.person(tanum, care);
  });
  afterAll(() => context.close());

  const header = ['E-post ', 'System', 'Behörighet', 'Startdatum', 'Slutdatum'];

  it('answers 401 without a login, 403 to those who may import into no system, 400 for a file it cannot read', async () => {
    const file = buildCsv([header, [anna.email, 'Treserva', 'Läsare', '', '']]);
    expectProblem(await upload(undefined, file), 401, 'unauthenticated');
    expectProblem(await upload(employee, file), 403, 'forbidden');
    expectProblem(await upload(careHead, file), 403, 'forbidden');
    const noLevel = expectProblem(
      await upload(
        itUnit,
        buildCsv([
          ['email', 'system'],
          [anna.email, 'Treserva'],
        ]),
      ),
      400,
      'validation_failed',
    );
    expect(noLevel.errors).toEqual([{ path: 'file.level', message: 'No column for level.', code: 'column_missing' }]);
    expectProblem(await upload(itUnit, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0])), 400, 'validation_failed');
    expectProblem(await upload(itUnit, file, '?mode=apply&owner=me'), 400, 'validation_failed');
  });

  it('dry-runs a Windows-1252 CSV with Swedish headers: per row what would happen and why, and changes nothing', async () => {
    const file = buildCsv(
      [
        header,
        [`${anna.email.toUpperCase()} `, 'treserva ', 'Handläggare', '2026-01-05', ''],
        [bo.email, 'Procapita', 'Läsare', '', ''],
        ['okand@example.se', 'Treserva', 'Läsare', '', ''],
        [bo.email, 'Treserva', 'Admin', '', ''],
        [cecilia.email, 'Combine', 'Läsare', '', ''],
        [cecilia.email, foreign.id, 'Handläggare', '', ''],
        [cecilia.email, 'Treserva', 'Läsare', '5 januari', '2026-13-01'],
        [anna.email, 'Treserva', 'Handläggare', '', ''],
        [cecilia.email, 'Procapita', 'Läsare', '2026-03-01', '2026-02-01'],
      ],
      { encoding: 'windows-1252' },
    );
    const before = await stateOfDatabase(context);
    const report: AccessRightImportReport = expectStatus(await upload(itUnit, file, '', 'application/vnd.ms-excel'), 200);
    expect(changedTables(before, await stateOfDatabase(context))).toEqual([]);
    expect(report).toMatchObject({ mode: 'dry_run', applied: false, format: 'csv', ignoredColumns: [] });
    expect(report.columns.map((column) => `${column.field}:${column.column}`)).toEqual([
      'email:E-post',
      'system:System',
      'level:Behörighet',
      'startDate:Startdatum',
      'endDate:Slutdatum',
    ]);
    expect(report.summary).toEqual({ rows: 9, create: 2, end: 0, unchanged: 0, refused: 7 });
    const byRow = new Map(report.rows.map((row) => [row.rowNumber, row]));
    expect(byRow.get(2)).toMatchObject({
      outcome: 'create',
      personId: anna.id,
      systemId: treserva.id,
      levelName: 'Handläggare',
      startDate: '2026-01-05',
    });
    expect(byRow.get(3)).toMatchObject({ outcome: 'create', systemId: procapita.id, startDate: '2026-11-28', notes: [] });
    const notes = (rowNumber: number) => byRow.get(rowNumber)?.notes.map((note) => `${note.column ?? '-'} ${note.reason}`);
    expect(notes(4)).toEqual(['E-post person_not_found']);
    expect(notes(5)).toEqual(['Behörighet level_not_found']);
    expect(notes(6)).toEqual(['System system_not_found']);
    // Another municipality's system, named by its id, is not found either.
    expect(notes(7)).toEqual(['System system_not_found']);
    expect(notes(8)).toEqual(['Startdatum date_invalid', 'Slutdatum date_invalid']);
    expect(byRow.get(9)?.notes).toEqual([{ field: null, column: null, reason: 'duplicate_row', otherRowNumber: 2 }]);
    expect(notes(10)).toEqual(['Slutdatum end_before_start']);
    // The refused rows are listed first.
    expect(report.rows.slice(0, 7).every((row) => row.outcome === 'refused')).toBe(true);
  });

  it('refuses a whole file for one bad row, and then applies a SharePoint workbook all at once, one audit event per right', async () => {
    const rows = [
      ['email', 'system', 'level', 'startDate', 'endDate'],
      [anna.email, 'Treserva', 'Handläggare', new Date(Date.UTC(2026, 0, 5)), null],
      [bo.email, 'Procapita', 'Läsare', null, null],
      [cecilia.email, 'Treserva', 'Lasare', null, null],
    ];
    const bad = await buildWorkbook(rows, {
      absolutePartNames: true,
      byteOrderMarks: true,
      documentProperties: false,
      namespacePrefix: true,
    });
    const before = await stateOfDatabase(context);
    const refused = expectProblem(await upload(itUnit, bad, '?mode=apply', xlsxType), 400, 'validation_failed');
    expect(refused.errors).toEqual([{ path: 'rows.4.level', message: 'Row 4: level_not_found', code: 'level_not_found' }]);
    expect(changedTables(before, await stateOfDatabase(context))).toEqual([]);

    rows[3]![2] = 'Läsare';
    const good = await buildWorkbook(rows, {
      absolutePartNames: true,
      byteOrderMarks: true,
      documentProperties: false,
      namespacePrefix: true,
      worksheetPartName: 'R1.xml',
    });
    const eventsBefore = await context.database.db
      .selectFrom('audit_events')
      .select(({ fn }) => fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    const applied: AccessRightImportReport = expectStatus(
      await upload(itUnit, good, '?mode=apply&source=imported_directory', xlsxType),
      200,
    );
    expect(applied).toMatchObject({ mode: 'apply', applied: true, format: 'xlsx', summary: { rows: 3, create: 3, refused: 0 } });
    const [annaRight] = await rightsOf(anna.id);
    expect(annaRight).toMatchObject({
      system_id: treserva.id,
      state: 'active',
      source: 'imported_directory',
      activation: 'imported',
      start_date: '2026-01-05',
      granted_by_name: expect.stringContaining('Test it_unit'),
      version: 1,
    });
    expect(applied.rows.find((row) => row.rowNumber === 2)?.rightId).toBe(annaRight!.id);
    const events = await context.database.db
      .selectFrom('audit_events')
      .select(['entity_id', 'action'])
      .where('entity_type', '=', 'access_right')
      .where('municipality_id', '=', tanum.id)
      .execute();
    expect(events.filter((event) => event.action === 'import')).toHaveLength(3);
    const eventsAfter = await context.database.db
      .selectFrom('audit_events')
      .select(({ fn }) => fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(Number(eventsAfter.count) - Number(eventsBefore.count)).toBe(3);
    expect((await verifyAuditChains(context.database.db)).problems).toEqual([]);

    // The same file again changes nothing.
    const unchangedBefore = await stateOfDatabase(context);
    const again: AccessRightImportReport = expectStatus(await upload(itUnit, good, '?mode=apply', xlsxType), 200);
    expect(again.summary).toEqual({ rows: 3, create: 0, end: 0, unchanged: 3, refused: 0 });
    expect(again.rows.every((row) => row.notes[0]?.reason === 'already_held')).toBe(true);
    expect(changedTables(unchangedBefore, await stateOfDatabase(context))).toEqual([]);
  });

  it('ends a right whose end date has come, and leaves an ended one ended', async () => {
    const file = buildCsv([
      ['email', 'system', 'level', 'endDate'],
      [bo.email, 'Procapita', 'Läsare', '2026-11-27'],
    ]);
    const dryRun: AccessRightImportReport = expectStatus(await upload(itUnit, file), 200);
    expect(dryRun.rows[0]).toMatchObject({ outcome: 'end', endDate: '2026-11-27' });
    expectStatus(await upload(itUnit, file, '?mode=apply'), 200);
    const [right] = await rightsOf(bo.id);
    expect(right).toMatchObject({ state: 'ended', end_reason: 'imported', end_date: '2026-11-27', version: 2 });
    const again: AccessRightImportReport = expectStatus(await upload(itUnit, file, '?mode=apply'), 200);
    expect(again.rows[0]).toMatchObject({ outcome: 'unchanged', notes: [{ reason: 'already_ended' }] });
    expect((await verifyAuditChains(context.database.db)).problems).toEqual([]);
  });

  it("lets a system's manager import into their system only, row by row", async () => {
    const file = buildCsv([
      ['email', 'system', 'level'],
      [cecilia.email, 'Treserva', 'Handläggare'],
      [cecilia.email, 'Procapita', 'Läsare'],
    ]);
    const report: AccessRightImportReport = expectStatus(await upload(manager, file), 200);
    expect(report.rows.map((row) => `${row.rowNumber} ${row.outcome} ${row.notes.map((note) => note.reason).join()}`)).toEqual([
      '3 refused not_permitted',
      '2 create ',
    ]);
    expectProblem(await upload(manager, file, '?mode=apply'), 400, 'validation_failed');
    const own = buildCsv([
      ['email', 'system', 'level'],
      [cecilia.email, 'Treserva', 'Handläggare'],
    ]);
    expect((expectStatus(await upload(manager, own, '?mode=apply'), 200) as AccessRightImportReport).summary.create).toBe(1);
    // Procapita alone: nothing the manager may import into.
    expectProblem(
      await upload(
        manager,
        buildCsv([
          ['email', 'system', 'level'],
          [cecilia.email, 'Procapita', 'Läsare'],
        ]),
      ),
      403,
      'forbidden',
    );
  });

  it('refuses to record a new right for someone who has left', async () => {
    const leaver = await make.person(tanum, care);
    await context.database.db.updateTable('people').set({ employment_status: 'left' }).where('id', '=', leaver.id).execute();
    const report: AccessRightImportReport = expectStatus(
      await upload(
        itUnit,
        buildCsv([
          ['email', 'system', 'level'],
          [leaver.email, 'Treserva', 'Läsare'],
        ]),
      ),
      200,
    );
    expect(report.rows[0]).toMatchObject({ outcome: 'refused', notes: [{ field: 'email', reason: 'person_left' }] });
  });

  it('matches a person by employee number as well as by e-mail, refuses keys that disagree, and a second run changes nothing', async () => {
    const dag = await make.person(tanum, care);
    const eva = await make.person(tanum, care);
    const numbered = [
      [dag.id, 'A-1001'],
      [eva.id, 'A-1002'],
    ];
    for (const [id, number] of numbered)
      await context.database.db.updateTable('people').set({ employee_number: number }).where('id', '=', id!).execute();
    const file = buildCsv([
      ['Anställningsnummer', 'E-post', 'System', 'Behörighet'],
      ['A-1001', '', 'Treserva', 'Läsare'],
      ['A-1002', eva.email, 'Procapita', 'Läsare'],
      ['A-1001', eva.email, 'Treserva', 'Handläggare'],
      ['A-9999', '', 'Treserva', 'Läsare'],
      ['', '', 'Treserva', 'Läsare'],
    ]);
    const dryRun: AccessRightImportReport = expectStatus(await upload(itUnit, file), 200);
    expect(dryRun.columns.map((column) => column.field)).toEqual(['employeeNumber', 'email', 'system', 'level']);
    const byRow = new Map(dryRun.rows.map((row) => [row.rowNumber, row]));
    expect(byRow.get(2)).toMatchObject({ outcome: 'create', personId: dag.id, employeeNumber: 'A-1001', email: '' });
    expect(byRow.get(3)).toMatchObject({ outcome: 'create', personId: eva.id });
    const notes = (rowNumber: number) => byRow.get(rowNumber)?.notes.map((note) => `${note.column ?? '-'} ${note.reason}`);
    expect(byRow.get(4)).toMatchObject({ outcome: 'refused', personId: null });
    expect(notes(4)).toEqual(['Anställningsnummer person_keys_disagree']);
    expect(notes(5)).toEqual(['Anställningsnummer person_not_found']);
    expect(notes(6)).toEqual(['E-post value_missing']);

    // Without the refused rows the file applies; run again, it finds both rights held.
    const good = buildCsv([
      ['employee number', 'system', 'level'],
      ['A-1001', 'Treserva', 'Läsare'],
      ['A-1002', 'Procapita', 'Läsare'],
    ]);
    const applied: AccessRightImportReport = expectStatus(await upload(itUnit, good, '?mode=apply'), 200);
    expect(applied.summary).toEqual({ rows: 2, create: 2, end: 0, unchanged: 0, refused: 0 });
    expect((await rightsOf(dag.id)).map((right) => right.state)).toEqual(['active']);
    const before = await stateOfDatabase(context);
    const again: AccessRightImportReport = expectStatus(await upload(itUnit, good, '?mode=apply'), 200);
    expect(again.summary).toEqual({ rows: 2, create: 0, end: 0, unchanged: 2, refused: 0 });
    expect(changedTables(before, await stateOfDatabase(context))).toEqual([]);
    // A file without either key column is refused as a whole.
    const keyless = expectProblem(
      await upload(
        itUnit,
        buildCsv([
          ['system', 'level'],
          ['Treserva', 'Läsare'],
        ]),
      ),
      400,
      'validation_failed',
    );
    expect(keyless.errors).toEqual([{ path: 'file.email', message: 'No column for email or employeeNumber.', code: 'column_missing' }]);
  });
});
