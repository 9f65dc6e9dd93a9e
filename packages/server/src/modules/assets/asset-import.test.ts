import type { AssetImportReport } from '@forvalta/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedTables, stateOfDatabase } from '../../../test/database-state.ts';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';
import { verifyAuditChains } from '../../platform/audit-verify.ts';
import { buildCsv, buildWorkbook } from '../../platform/spreadsheets/spreadsheet-fixtures.ts';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('asset import API', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let other: TestMunicipality;
  let itUnit: TestUser;
  let employee: TestUser;
  let modelId: string;
  let foreignModelId: string;
  let school: string;
  let anna: { id: string; email: string };

  const upload = (user: TestUser | undefined, file: Buffer, query = '', contentType = 'text/csv') =>
    context.app.inject({
      method: 'POST',
      url: `/api/v1/assets/import${query}`,
      headers: { 'content-type': contentType, ...(user ? user.authorization : {}) },
      payload: file,
    });
  const assetsOf = (municipalityId: string) =>
    context.database.db.selectFrom('assets').selectAll().where('municipality_id', '=', municipalityId).orderBy('sort_key').execute();

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    tanum = await make.municipality('Tanum');
    other = await make.municipality('Strömstad');
    school = (await make.department(tanum, 'Barn och utbildning')).id;
    await make.department(tanum, 'Samhällsbyggnad');
    itUnit = await make.user(tanum, 'it_unit');
    employee = await make.user(tanum, 'employee', school);
    anna = await make.person(tanum, school);
    const model = { kind: 'laptop', maker: 'Lenovo', model: 'ThinkPad T14' };
    modelId = expectStatus(await send(context, 'POST', '/api/v1/asset-models', { headers: itUnit.authorization, body: model }), 201).id;
    const otherIt = await make.user(other, 'it_unit');
    foreignModelId = expectStatus(
      await send(context, 'POST', '/api/v1/asset-models', { headers: otherIt.authorization, body: { ...model, kind: 'pc' } }),
      201,
    ).id;
  });
  afterAll(() => context.close());

  const header = [
    'serial',
    'inventoryNumber',
    'kind',
    'model',
    'nonStandardDescription',
    'network',
    'department',
    'personEmail',
    'purchaseCost',
  ];

  it('answers 401 without a login, 403 to an employee, 400 for a file without a key column', async () => {
    const file = buildCsv([header, ['SN-1', 'TAN-1', 'laptop', 'Lenovo ThinkPad T14', '', 'school', '', '', '']]);
    expectProblem(await upload(undefined, file), 401, 'unauthenticated');
    expectProblem(await upload(employee, file), 403, 'forbidden');
    const keyless = expectProblem(await upload(itUnit, buildCsv([['kind'], ['pc']])), 400, 'validation_failed');
    expect(keyless.errors?.[0]).toMatchObject({ path: 'file.serial', code: 'column_missing' });
  });

  it('reports a dry run per row, applies all in one go with audit, and changes nothing on the same file again', async () => {
    const file = buildCsv([
      header,
      ['SN-100', 'TAN-100', 'laptop', 'Lenovo ThinkPad T14', '', 'school', 'Barn och utbildning', anna.email, '12 345,50'],
      ['SN-101', '', 'printer', '', 'Brother HL-L2350', 'town_hall', 'Samhällsbyggnad', '', ''],
      ['', 'TAN-102', 'network', '', 'Cisco Catalyst 9200', 'town_hall', '', '', ''],
    ]);
    const before = await stateOfDatabase(context);
    const dry = expectStatus(await upload(itUnit, file), 200) as AssetImportReport;
    expect(dry).toMatchObject({ mode: 'dry_run', applied: false, format: 'csv', ignoredColumns: [] });
    expect(dry.summary).toEqual({ rows: 3, create: 3, update: 0, unchanged: 0, refused: 0 });
    expect(changedTables(before, await stateOfDatabase(context))).toEqual([]);

    const applied = expectStatus(await upload(itUnit, file, '?mode=apply'), 200) as AssetImportReport;
    expect(applied).toMatchObject({ mode: 'apply', applied: true });
    expect(applied.rows.every((row) => row.assetId !== null)).toBe(true);
    const stored = await assetsOf(tanum.id);
    expect(stored.map((asset) => [asset.serial, asset.inventory_number, asset.kind, asset.network, asset.ever_on_town_hall])).toEqual([
      ['SN-101', null, 'printer', 'town_hall', 1],
      ['SN-100', 'TAN-100', 'laptop', 'school', 0],
      [null, 'TAN-102', 'network', 'town_hall', 1],
    ]);
    const laptop = stored.find((asset) => asset.serial === 'SN-100')!;
    expect(laptop).toMatchObject({
      model_id: modelId,
      department_id: school,
      person_id: anna.id,
      owner_kind: 'it_unit',
      lifecycle: 'in_use',
    });
    expect(Number(laptop.purchase_cost)).toBe(12345.5);
    const asset = expectStatus(await send(context, 'GET', `/api/v1/assets/${laptop.id}`, { headers: itUnit.authorization }), 200);
    expect(asset).toMatchObject({ label: 'TAN-100', modelName: 'Lenovo ThinkPad T14', network: 'school' });
    const periods = expectStatus(
      await send(context, 'GET', `/api/v1/assets/${laptop.id}/network-periods`, { headers: itUnit.authorization }),
      200,
    );
    expect(periods.items).toMatchObject([{ network: 'school', endedOn: null }]);
    const events = await context.database.db
      .selectFrom('audit_events')
      .select(['entity_id'])
      .where('entity_type', '=', 'asset')
      .where('action', '=', 'import')
      .execute();
    expect(events.map((event) => event.entity_id).sort()).toEqual(stored.map((row) => row.id).sort());
    expect((await verifyAuditChains(context.database.db)).problems).toEqual([]);

    const unchangedBefore = await stateOfDatabase(context);
    const again = expectStatus(await upload(itUnit, file, '?mode=apply'), 200) as AssetImportReport;
    expect(again.summary).toEqual({ rows: 3, create: 0, update: 0, unchanged: 3, refused: 0 });
    // The audit chain head is locked and rewritten with the same values; no table's content changes.
    expect(changedTables(unchangedBefore, await stateOfDatabase(context))).toEqual([]);
  });

  it('updates what a file changes and keeps the network history', async () => {
    const file = buildCsv([
      ['Serienummer', 'Nät', 'Plats'],
      ['SN-100', 'town_hall', 'Kommunhuset plan 2'],
    ]);
    const dry = expectStatus(await upload(itUnit, file), 200) as AssetImportReport;
    expect(dry.rows[0]).toMatchObject({ outcome: 'update', changedFields: ['network', 'location'] });
    expectStatus(await upload(itUnit, file, '?mode=apply'), 200);
    const [laptop] = (await assetsOf(tanum.id)).filter((asset) => asset.serial === 'SN-100');
    expect(laptop).toMatchObject({ network: 'town_hall', ever_on_town_hall: 1, location: 'Kommunhuset plan 2', version: 2 });
    const periods = expectStatus(
      await send(context, 'GET', `/api/v1/assets/${laptop!.id}/network-periods`, { headers: itUnit.authorization }),
      200,
    );
    expect(periods.items.map((period: { network: string }) => period.network)).toEqual(['town_hall', 'school']);
  });

  it('refuses the whole file for one invalid row and stores nothing; a town-hall asset keeps its owner (ITP-6-SCHOOL-NET)', async () => {
    const file = buildCsv([
      ['serial', 'kind', 'nonStandardDescription', 'ownerKind', 'ownerDepartment', 'ownerReason', 'purchaseDate', 'modelId'],
      ['SN-200', 'pc', 'Elevdator', '', '', '', '2026-01-15', ''],
      ['SN-100', '', '', 'department', 'Barn och utbildning', 'Köpt av skolan', '', ''],
      ['SN-201', 'pc', '', '', '', '', '2026-02-30', foreignModelId],
      ['SN-200', 'telescope', 'Dubblett', '', '', '', '', ''],
    ]);
    const before = await stateOfDatabase(context);
    const dry = expectStatus(await upload(itUnit, file), 200) as AssetImportReport;
    expect(dry.summary).toMatchObject({ rows: 4, create: 1, refused: 3 });
    const reasons = Object.fromEntries(dry.rows.map((row) => [row.rowNumber, row.problems.map((problem) => problem.reason)]));
    expect(reasons).toEqual({
      2: [],
      3: ['owner_town_hall'],
      4: ['model_not_found', 'date_invalid'],
      5: ['value_invalid', 'duplicate_row'],
    });
    expect(dry.rows.find((row) => row.rowNumber === 3)?.problems[0]).toMatchObject({
      requirement: 'ITP-6-SCHOOL-NET',
      column: 'ownerKind',
    });
    const refused = expectProblem(await upload(itUnit, file, '?mode=apply'), 400, 'validation_failed');
    expect(refused.errors).toContainEqual(expect.objectContaining({ path: 'rows.3.ownerKind', code: 'owner_town_hall' }));
    expect(changedTables(before, await stateOfDatabase(context))).toEqual([]);
  });

  it('reads Windows-1252 CSV with commas and Swedish headers, XLSX written by exceljs, and a SharePoint export', async () => {
    const csv = buildCsv(
      [
        ['Inventarienummer', 'Typ', 'Beskrivning', 'Förvaltning', 'Plats', 'Inköpsdatum'],
        ['TAN-300', 'phone', 'Växeltelefon', 'Samhällsbyggnad', 'Tanumshede, Öster', '2025-11-03'],
      ],
      { encoding: 'windows-1252', separator: ',' },
    );
    const report = expectStatus(await upload(itUnit, csv, '?mode=apply'), 200) as AssetImportReport;
    expect(report.summary.create).toBe(1);
    const [phone] = (await assetsOf(tanum.id)).filter((asset) => asset.inventory_number === 'TAN-300');
    expect(phone).toMatchObject({ non_standard_description: 'Växeltelefon', location: 'Tanumshede, Öster', purchase_date: '2025-11-03' });

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Inventarier');
    sheet.addRow(['serial', 'kind', 'model', 'warrantyEnd', 'purchaseCost', 'lifecycle']);
    sheet.addRow(['SN-400', 'laptop', 'Lenovo ThinkPad T14', new Date(Date.UTC(2029, 5, 30)), 11999, 'ordered']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const fromExcel = expectStatus(await upload(itUnit, xlsx, '?mode=apply', xlsxType), 200) as AssetImportReport;
    expect(fromExcel).toMatchObject({ format: 'xlsx', summary: { create: 1 } });
    const [ordered] = (await assetsOf(tanum.id)).filter((asset) => asset.serial === 'SN-400');
    expect(ordered).toMatchObject({ model_id: modelId, warranty_end: '2029-06-30', lifecycle: 'ordered' });
    expect(Number(ordered!.purchase_cost)).toBe(11999);
    expectStatus(await upload(itUnit, xlsx, '?mode=apply', xlsxType), 200);
    expect((await assetsOf(tanum.id)).filter((asset) => asset.serial === 'SN-400')).toHaveLength(1);

    const sharePoint = await buildWorkbook(
      [
        ['Serienummer', 'Typ', 'Beskrivning', 'Nät'],
        ['SN-500', 'server', 'Dell PowerEdge R650', 'town_hall'],
      ],
      { absolutePartNames: true, byteOrderMarks: true, documentProperties: false, sharedStrings: false, namespacePrefix: true },
    );
    const fromLists = expectStatus(await upload(itUnit, sharePoint, '', xlsxType), 200) as AssetImportReport;
    expect(fromLists.summary).toMatchObject({ rows: 1, create: 1, refused: 0 });
  });

  it('understands the Swedish words an inventory writes for kind, network, lifecycle and owner, and refuses an unknown word by its cell', async () => {
    const file = buildCsv(
      [
        ['Serienummer', 'Typ', 'Modell', 'Nät', 'Status', 'Ägartyp'],
        ['SN-600', 'Bärbar dator', 'Lenovo ThinkPad T14', 'Skolnätet', 'I drift', 'IT-enheten'],
        ['SN-601', 'LAPTOP', 'Lenovo ThinkPad T14', 'Kommunhusets nät', 'På reparation', ''],
      ],
      { encoding: 'windows-1252' },
    );
    const report = expectStatus(await upload(itUnit, file, '?mode=apply'), 200) as AssetImportReport;
    expect(report.summary).toMatchObject({ create: 2, refused: 0 });
    const imported = (await assetsOf(tanum.id)).filter((asset) => asset.serial === 'SN-600' || asset.serial === 'SN-601');
    expect(imported.map(({ serial, kind, network, lifecycle, owner_kind }) => ({ serial, kind, network, lifecycle, owner_kind }))).toEqual([
      { serial: 'SN-600', kind: 'laptop', network: 'school', lifecycle: 'in_use', owner_kind: 'it_unit' },
      { serial: 'SN-601', kind: 'laptop', network: 'town_hall', lifecycle: 'in_repair', owner_kind: 'it_unit' },
    ]);

    const unknown = buildCsv([
      ['Serienummer', 'Typ', 'Beskrivning', 'Nät'],
      ['SN-602', 'Surfplatta', 'iPad', 'Skolnätet'],
    ]);
    const dryRun = expectStatus(await upload(itUnit, unknown), 200) as AssetImportReport;
    expect(dryRun.rows[0]).toMatchObject({ outcome: 'refused', problems: [{ field: 'kind', column: 'Typ', reason: 'value_invalid' }] });
  });

  it('finds nothing of another municipality: its keys create new assets here, its model is not found', async () => {
    const file = buildCsv([
      ['serial', 'kind', 'modelId'],
      ['SN-100', 'pc', foreignModelId],
    ]);
    const report = expectStatus(await upload(itUnit, file), 200) as AssetImportReport;
    expect(report.rows[0]?.outcome).toBe('refused');
    expect(report.rows[0]?.problems.map((problem) => problem.reason)).toEqual(['model_not_found']);
    expect(await assetsOf(other.id)).toEqual([]);
  });
  it('finds an asset by either key and refuses a row whose serial and inventory number name two assets', async () => {
    // SN-100 carries TAN-100; SN-101 has no inventory number; TAN-102 has no serial (the dry run test above).
    const file = buildCsv([
      ['serial', 'inventoryNumber'],
      ['SN-100', 'TAN-100'],
      ['SN-101', 'TAN-102'],
      ['', 'TAN-102'],
    ]);
    const report = expectStatus(await upload(itUnit, file), 200) as AssetImportReport;
    const outcomes = Object.fromEntries(
      report.rows.map((row) => [row.rowNumber, [row.outcome, row.problems.map((problem) => problem.reason)]]),
    );
    expect(outcomes).toEqual({
      2: ['unchanged', []],
      3: ['refused', ['keys_disagree']],
      4: ['refused', ['duplicate_row']],
    });
  });
});
