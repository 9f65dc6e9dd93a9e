import type { ImportProposal, ImportReport } from '@forvalta/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedTables, stateOfDatabase } from '../../../test/database-state.ts';
import { expectProblem, expectStatus } from '../../../test/http.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';
import { verifyAuditChains } from '../../platform/audit-verify.ts';
import { buildCsv, buildWorkbook } from '../../platform/spreadsheets/spreadsheet-fixtures.ts';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('people import API', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let itUnit: TestUser;
  let school: string;
  let social: string;
  let known: { id: string; email: string };

  const post = (user: { authorization: Record<string, string> } | undefined, url: string, file: Buffer, contentType = 'text/csv') =>
    context.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': contentType, ...(user ? user.authorization : {}) },
      payload: file,
    });
  const peopleOf = (municipalityId: string) =>
    context.database.db.selectFrom('people').selectAll().where('municipality_id', '=', municipalityId).orderBy('sort_key').execute();

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    tanum = await make.municipality('Tanum');
    await context.database.db.updateTable('municipalities').set({ name: 'Tanum' }).where('id', '=', tanum.id).execute();
    school = (await make.department(tanum, 'Barn och utbildning')).id;
    social = (await make.department(tanum, 'Socialtjänsten')).id;
    itUnit = await make.user(tanum, 'it_unit');
    known = await make.person(tanum, school);
  });
  afterAll(() => context.close());

  const header = [
    'Anställningsnummer',
    'E-post',
    'Namn',
    'Organisation',
    'Befattning',
    'Anställd från',
    'Anställd till',
    'Personlig brevlåda',
  ];

  it("is the administrator's: 401 without a login, 403 to the IT unit (it may not write people)", async () => {
    const file = buildCsv([header, ['1001', 'ny@tanum.example.se', 'Ny Person', '', '', '', '', '']]);
    expectProblem(await post(undefined, '/api/v1/imports/people/run', file), 401, 'unauthenticated');
    expectProblem(await post(itUnit, '/api/v1/imports/people', file), 403, 'forbidden');
    expectProblem(await post(itUnit, '/api/v1/imports/people/run', file), 403, 'forbidden');
  });

  it('proposes the mapping of an HR export', async () => {
    const proposal = expectStatus(
      await post(
        tanum.admin,
        '/api/v1/imports/people',
        await buildWorkbook([header, ['1', 'a@b.se', 'A B', '', '', '', '', '']]),
        xlsxType,
      ),
      200,
    ) as ImportProposal;
    expect(proposal.mapping).toEqual({
      Anställningsnummer: 'employeeNumber',
      'E-post': 'email',
      Namn: 'fullName',
      Organisation: 'department',
      Befattning: 'title',
      'Anställd från': 'startDate',
      'Anställd till': 'endDate',
      'Personlig brevlåda': 'hasPersonalMailbox',
    });
  });

  it('creates and updates people by employee number or e-mail, leaves unreadable cells out, and changes nothing the second time', async () => {
    const file = buildCsv([
      header,
      [
        '2001',
        'karin.lind@tanum.example.se',
        'Lind, Karin',
        'Kommunkoncern / Tanums kommun / Socialtjänsten',
        'Biståndshandläggare',
        '2024-03-01',
        '',
        'Ja',
      ],
      ['', known.email, '', 'Barn och utbildning', 'Rektor', '45292', '', 'nej'],
      ['2003', 'olle@tanum.example.se', 'Olle Berg', 'Okänd förvaltning', '', 'i våras', '31 december 2026', 'kanske'],
      ['2004', '', '', '', '', '', '', ''],
      ['2005', 'anna@localhost', 'Anna Ek', '', '', '', '', ''],
    ]);
    const before = await stateOfDatabase(context);
    const dry = expectStatus(await post(tanum.admin, '/api/v1/imports/people/run', file), 200) as ImportReport;
    expect(changedTables(before, await stateOfDatabase(context))).toEqual([]);
    expect(dry.summary).toMatchObject({ rows: 5, create: 2, update: 1, refused: 2 });
    expect(dry.rows.find((row) => row.rowNumber === 6)!.problems).toMatchObject([
      { field: 'email', value: 'anna@localhost', reason: 'value_unknown', severity: 'refused' },
    ]);
    const byRow = new Map(dry.rows.map((row) => [row.rowNumber, row]));
    expect(
      byRow
        .get(5)!
        .problems.map((problem) => problem.reason)
        .sort(),
    ).toEqual(['email_missing', 'name_missing']);
    expect(byRow.get(4)!.problems.map((problem) => [problem.field, problem.reason])).toEqual([
      ['department', 'department_not_found'],
      ['hasPersonalMailbox', 'value_unknown'],
      ['startDate', 'date_invalid'],
    ]);
    expect(byRow.get(3)).toMatchObject({ outcome: 'update', recordId: known.id, changedFields: ['title', 'startDate'] });
    expectProblem(await post(tanum.admin, '/api/v1/imports/people/run?mode=apply', file), 400, 'validation_failed');

    const valid = buildCsv([
      header,
      [
        '2001',
        'karin.lind@tanum.example.se',
        'Lind, Karin',
        'Kommunkoncern / Tanums kommun / Socialtjänsten',
        'Biståndshandläggare',
        '2024-03-01',
        '',
        'Ja',
      ],
      ['', known.email, '', 'Barn och utbildning', 'Rektor', '45292', '', 'nej'],
      ['2003', 'olle@tanum.example.se', 'Olle Berg', 'Okänd förvaltning', '', 'i våras', '31 december 2026', 'kanske'],
    ]);
    const applied = expectStatus(await post(tanum.admin, '/api/v1/imports/people/run?mode=apply', valid), 200) as ImportReport;
    expect(applied.summary).toMatchObject({ rows: 3, create: 2, update: 1, refused: 0 });
    const people = await peopleOf(tanum.id);
    expect(people.find((person) => person.email === 'karin.lind@tanum.example.se')).toMatchObject({
      first_name: 'Karin',
      last_name: 'Lind',
      employee_number: '2001',
      department_id: social,
      title: 'Biståndshandläggare',
      start_date: '2024-03-01',
      has_personal_mailbox: 1,
      employment_status: 'active',
    });
    expect(people.find((person) => person.email === 'olle@tanum.example.se')).toMatchObject({
      department_id: null,
      start_date: null,
      end_date: '2026-12-31',
      has_personal_mailbox: 0,
    });
    expect(people.find((person) => person.id === known.id)).toMatchObject({
      title: 'Rektor',
      start_date: '2024-01-01',
      department_id: school,
      version: 2,
    });
    expect((await verifyAuditChains(context.database.db)).problems).toEqual([]);

    const unchangedBefore = await stateOfDatabase(context);
    const again = expectStatus(await post(tanum.admin, '/api/v1/imports/people/run?mode=apply', valid), 200) as ImportReport;
    expect(again.summary).toMatchObject({ rows: 3, create: 0, update: 0, unchanged: 3 });
    expect(changedTables(unchangedBefore, await stateOfDatabase(context))).toEqual([]);

    // The employee number finds Karin after her address changed.
    const moved = buildCsv([
      ['Anställningsnummer', 'E-post'],
      ['2001', 'karin.lind@ny.tanum.example.se'],
    ]);
    const update = expectStatus(await post(tanum.admin, '/api/v1/imports/people/run?mode=apply', moved), 200) as ImportReport;
    expect(update.rows[0]).toMatchObject({ outcome: 'update', changedFields: ['email'] });
  });
});
