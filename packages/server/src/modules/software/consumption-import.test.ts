import type { ConsumptionImportReport } from '@forvalta/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedTables, stateOfDatabase } from '../../../test/database-state.ts';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';
import { buildCsv, buildWorkbook } from '../../platform/spreadsheets/spreadsheet-fixtures.ts';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('licence consumption imported from an inventory file (ITP-7-LICENCE)', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let itUnit: TestUser;
  let otherItUnit: TestUser;
  let employee: TestUser;
  let auditor: TestUser;
  const ids: Record<string, string> = {};

  const upload = (user: TestUser, file: Buffer, query: string, contentType = 'text/csv') =>
    context.app.inject({
      method: 'POST',
      url: `/api/v1/licence-consumption/import-file?${query}`,
      headers: { 'content-type': contentType, ...user.authorization },
      payload: file,
    });
  const report = async (response: Awaited<ReturnType<typeof upload>>): Promise<ConsumptionImportReport> => expectStatus(response, 200);
  const positionOf = async (softwareId: string) =>
    expectStatus(await send(context, 'GET', `/api/v1/licence-position?softwareId=${softwareId}`, { headers: auditor.authorization }), 200)
      .items;

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    tanum = await make.municipality('Tanum');
    const other = await make.municipality('Strömstad');
    itUnit = await make.user(tanum, 'it_unit');
    otherItUnit = await make.user(other, 'it_unit');
    employee = await make.user(tanum, 'employee', (await make.department(tanum, 'Omsorg')).id);
    auditor = await make.user(tanum, 'auditor');
    const product = async (user: TestUser, body: Record<string, unknown>) =>
      expectStatus(
        await send(context, 'POST', '/api/v1/software', { headers: user.authorization, body: { origin: 'commercial', ...body } }),
        201,
      ).id as string;
    ids.autocad = await product(itUnit, { product: 'AutoCAD LT', maker: 'Autodesk' });
    ids.visio = await product(itUnit, { product: 'Visio', maker: 'Microsoft' });
    // Two products of one name: the maker tells them apart.
    ids.readerAdobe = await product(itUnit, { product: 'Läsare Pro', maker: 'Adobe' });
    ids.readerFoxit = await product(itUnit, { product: 'Läsare Pro', maker: 'Foxit' });
    // Another municipality's product of the same name is never matched.
    ids.foreignVisio = await product(otherItUnit, { product: 'Visio Plus', maker: 'Microsoft' });
    await send(context, 'POST', '/api/v1/licences', {
      headers: itUnit.authorization,
      body: { softwareId: ids.autocad, metric: 'per_device', quantity: 10, validFrom: '2026-01-01', validUntil: null },
    });
  });
  afterAll(() => context.close());

  it('reads a Windows-1252 CSV of Swedish headers, reports each row dry and changes nothing, then applies all of it', async () => {
    const file = buildCsv(
      [
        ['Produkt ', 'Tillverkare', 'Typ', 'Antal installationer'],
        ['AutoCAD LT', 'Autodesk', 'Installationer', '12'],
        ['Läsare Pro', 'Foxit', 'Installation', '1 250'],
        ['Visio', '', 'Användare', '40'],
      ],
      { encoding: 'windows-1252' },
    );
    const before = await stateOfDatabase(context);
    const dry = await report(await upload(itUnit, file, 'inventory=SCCM&countedOn=2026-11-30'));
    expect(changedTables(before, await stateOfDatabase(context))).toEqual([]);
    expect(dry).toMatchObject({
      mode: 'dry_run',
      applied: false,
      format: 'csv',
      inventory: 'SCCM',
      countedOn: '2026-11-30',
      summary: { rows: 3, add: 3, change: 0, unchanged: 0, refused: 0, removed: 0 },
    });
    expect(dry.rows.map((row) => [row.softwareId, row.kind, row.count])).toEqual([
      [ids.autocad, 'installation', 12],
      [ids.readerFoxit, 'installation', 1250],
      [ids.visio, 'assignment', 40],
    ]);

    const applied = await report(await upload(itUnit, file, 'inventory=SCCM&countedOn=2026-11-30&mode=apply'));
    expect(applied).toMatchObject({ mode: 'apply', applied: true, summary: { add: 3 } });
    expect(await positionOf(ids.autocad!)).toMatchObject([{ kind: 'installation', entitled: 10, consumed: 12, status: 'over_consumed' }]);
    const audit = await context.database.db
      .selectFrom('audit_events')
      .select(['action', 'after_json'])
      .where('entity_type', '=', 'licence_consumption')
      .where('municipality_id', '=', tanum.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(String(audit[0]!.after_json))).toEqual({ inventory: 'SCCM', replaced: 0, recorded: 3, countedOn: '2026-11-30' });
  });

  it('takes an XLSX of the next count: changes, unchanged rows and counts no longer there; the same file again changes nothing', async () => {
    const file = await buildWorkbook(
      [
        ['Product', 'Publisher', 'Installs'],
        ['AutoCAD LT', 'Autodesk', 9],
        ['Läsare Pro', 'Foxit', 1250],
      ],
      { absolutePartNames: true, byteOrderMarks: true, documentProperties: false },
    );
    const dry = await report(await upload(itUnit, file, 'inventory=SCCM&countedOn=2026-12-01', xlsxType));
    expect(dry.summary).toEqual({ rows: 2, add: 0, change: 1, unchanged: 1, refused: 0, removed: 1 });
    expect(dry.rows.find((row) => row.softwareId === ids.autocad)).toMatchObject({ outcome: 'change', previousCount: 12, count: 9 });
    expect(await report(await upload(itUnit, file, 'inventory=SCCM&countedOn=2026-12-01&mode=apply', xlsxType))).toMatchObject({
      applied: true,
    });
    expect(await positionOf(ids.autocad!)).toMatchObject([{ consumed: 9, status: 'covered' }]);
    // Visio's 40 users were removed with the inventory's earlier count.
    expect(await positionOf(ids.visio!)).toEqual([]);

    const before = await stateOfDatabase(context);
    const again = await report(await upload(itUnit, file, 'inventory=SCCM&countedOn=2026-12-01&mode=apply', xlsxType));
    expect(again).toMatchObject({ applied: false, summary: { unchanged: 2, removed: 0 } });
    expect(changedTables(before, await stateOfDatabase(context))).toEqual([]);
  });

  it('refuses the whole file when one row is wrong, and says why for each row', async () => {
    const file = buildCsv([
      ['Produkt', 'Tillverkare', 'Typ', 'Antal'],
      ['AutoCAD LT', 'Autodesk', 'Installationer', '3'],
      ['Läsare Pro', '', 'Installationer', '4'],
      ['Visio Plus', 'Microsoft', 'Installationer', '5'],
      ['Visio', '', 'Licenser', '2,5'],
      ['', '', '', '7'],
      ['AutoCAD LT', 'Autodesk', 'installation', '8'],
    ]);
    const dry = await report(await upload(itUnit, file, 'inventory=Lansweeper'));
    expect(dry.summary).toMatchObject({ rows: 6, refused: 5, add: 1 });
    const reasons = Object.fromEntries(dry.rows.map((row) => [row.rowNumber, row.problems.map((problem) => problem.reason)]));
    expect(reasons).toEqual({
      2: [],
      3: ['product_ambiguous'],
      4: ['product_not_found'],
      5: ['kind_invalid', 'count_invalid'],
      6: ['product_missing'],
      7: ['duplicate_row'],
    });
    const before = await stateOfDatabase(context);
    const refused = expectProblem(await upload(itUnit, file, 'inventory=Lansweeper&mode=apply'), 400, 'validation_failed');
    expect((refused.errors ?? []).map((error: { path: string }) => error.path)).toContain('rows.4.product');
    expect(changedTables(before, await stateOfDatabase(context))).toEqual([]);
  });

  it('answers a file without the needed columns, an unreadable file, and callers without licence.update', async () => {
    const noCount = expectProblem(await upload(itUnit, buildCsv([['Produkt'], ['Visio']]), 'inventory=X'), 400, 'validation_failed');
    expect(noCount.errors).toMatchObject([{ path: 'file.count', code: 'column_missing' }]);
    const broken = expectProblem(
      await upload(itUnit, Buffer.from('PK\u0003\u0004 not a workbook'), 'inventory=X', xlsxType),
      400,
      'validation_failed',
    );
    expect(broken.errors).toMatchObject([{ code: 'file_unreadable' }]);
    expectProblem(
      await upload(
        itUnit,
        buildCsv([
          ['Produkt', 'Antal'],
          ['Visio', '1'],
        ]),
        '',
      ),
      400,
      'validation_failed',
    );
    expectProblem(
      await upload(
        employee,
        buildCsv([
          ['Produkt', 'Antal'],
          ['Visio', '1'],
        ]),
        'inventory=X',
      ),
      403,
      'forbidden',
    );
    expectProblem(
      await upload(
        auditor,
        buildCsv([
          ['Produkt', 'Antal'],
          ['Visio', '1'],
        ]),
        'inventory=X',
      ),
      403,
      'forbidden',
    );
    // Another municipality's IT unit finds none of Tanum's products by name or by id.
    const foreign = await report(
      await upload(
        otherItUnit,
        buildCsv([
          ['softwareId', 'Produkt', 'Antal'],
          [ids.autocad!, '', '1'],
          ['', 'Visio', '1'],
        ]),
        'inventory=X',
      ),
    );
    expect(foreign.rows.map((row) => row.problems[0]?.reason)).toEqual(['product_not_found', 'product_not_found']);
  });
});
