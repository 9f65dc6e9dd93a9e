import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, factories, type TestContext, type TestMunicipality } from '../../../test/test-app.ts';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { systemFactories } from '../../../test/system-factories.ts';

describe('export and the public register', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let register: ReturnType<typeof systemFactories>;
  let managerName: string;

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    register = systemFactories(context);
    tanum = await make.municipality('Tanum');
    const department = (await make.department(tanum, 'Kommunkansliet')).id;
    const system = await register.system(tanum, department, {
      name: 'Public 360',
      supplier: 'Tieto',
      purpose: 'Diarium och ärendehantering',
      lifecycle: 'introducing',
    });
    await register.system(tanum, department, { name: '=HYPERLINK("http://evil","klicka")', supplier: '@SUM(1+1)', purpose: '-2+3' });
    await register.system(tanum, department, { name: 'Gammalt', lifecycle: 'retired' });
    const manager = await make.user(tanum, 'employee');
    await register.appoint(tanum, system.id, manager.personId, 'manager');
    managerName = 'Test employee';
    // Off by default (public-register-opt-in.test.ts); this file reads a register published with every lifecycle.
    expectStatus(
      await send(context, 'PUT', '/api/v1/public-register-settings', {
        headers: tanum.admin.authorization,
        body: {
          enabled: true,
          fields: ['purpose', 'ownerDepartment', 'kind', 'lifecycle', 'supplier'],
          lifecycles: ['planned', 'introducing', 'in_production', 'retiring'],
        },
        ifMatch: 1,
      }),
      200,
    );
  });
  afterAll(() => context.close());

  it('exports the filtered view as CSV, with formulas neutralised', async () => {
    const response = await send(context, 'GET', '/api/v1/systems/export?format=csv&lifecycle=planned', {
      headers: tanum.admin.authorization,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="systemregister-2026-11-28\.csv"/);
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toContain('Namn;Typ;Omfattning;Livscykel;Systemägare');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`'=HYPERLINK`);
    expect(lines[1]).toContain(`'@SUM(1+1)`);
    expect(lines[1]).not.toMatch(/;=/);
  });

  it('exports XLSX that reads back with the same rows', async () => {
    const response = await context.app.inject({
      method: 'GET',
      url: '/api/v1/systems/export?format=xlsx',
      headers: tanum.admin.authorization,
    });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Systemregister')!;
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows).toHaveLength(4);
    const names = rows.slice(1).map((row) => row[1]);
    expect(names).toContain('Public 360');
    expect(names).toContain(`'=HYPERLINK("http://evil","klicka")`);
    const public360 = rows.find((row) => row[1] === 'Public 360')!;
    expect(public360).toContain(managerName);
    expect(public360).toContain('Under införande');
  });

  it('publishes the register without login, with only the chosen fields and never staff names', async () => {
    const published = expectStatus(await send(context, 'GET', `/public/v1/systems?municipality=${tanum.code}`), 200);
    expect(published.municipality.code).toBe(tanum.code);
    expect(published.total).toBe(2);
    const item = published.items.find((system: { name: string }) => system.name === 'Public 360');
    expect(item).toEqual({
      id: expect.any(String),
      name: 'Public 360',
      purpose: 'Diarium och ärendehantering',
      ownerDepartment: 'Kommunkansliet',
      kind: 'department',
      lifecycle: 'introducing',
      supplier: 'Tieto',
    });
    expect(JSON.stringify(published)).not.toContain(managerName);
    const municipalities = expectStatus(await send(context, 'GET', '/public/v1/municipalities'), 200);
    expect(municipalities.items.map((item: { code: string }) => item.code)).toContain(tanum.code);
    expectProblem(await send(context, 'GET', '/public/v1/systems?municipality=9999'), 404, 'not_found');
    expectProblem(await send(context, 'GET', '/public/v1/systems?municipality=abc'), 400, 'validation_failed');
  });

  it('lets the administrator choose the published fields, or close the register', async () => {
    const employee = await factories(context).user(tanum, 'employee');
    const settings = expectStatus(await send(context, 'GET', '/api/v1/public-register-settings', { headers: employee.authorization }), 200);
    expect(settings).toMatchObject({ enabled: true, version: 2 });
    expectProblem(
      await send(context, 'PUT', '/api/v1/public-register-settings', {
        headers: employee.authorization,
        body: { enabled: false, fields: [] },
        ifMatch: 2,
      }),
      403,
      'forbidden',
    );
    expectProblem(
      await send(context, 'PUT', '/api/v1/public-register-settings', {
        headers: tanum.admin.authorization,
        body: { enabled: true, fields: ['manager'] },
        ifMatch: 2,
      }),
      400,
      'validation_failed',
    );
    expectStatus(
      await send(context, 'PUT', '/api/v1/public-register-settings', {
        headers: tanum.admin.authorization,
        body: { enabled: true, fields: ['supplier', 'product'] },
        ifMatch: 2,
      }),
      200,
    );
    expectProblem(
      await send(context, 'PUT', '/api/v1/public-register-settings', {
        headers: tanum.admin.authorization,
        body: { enabled: false, fields: [] },
        ifMatch: 2,
      }),
      412,
      'version_mismatch',
    );
    const narrowed = expectStatus(await send(context, 'GET', `/public/v1/systems?municipality=${tanum.code}&q=public`), 200);
    expect(narrowed.items).toEqual([{ id: expect.any(String), name: 'Public 360', supplier: 'Tieto', product: null }]);
    expectStatus(
      await send(context, 'PUT', '/api/v1/public-register-settings', {
        headers: tanum.admin.authorization,
        body: { enabled: false, fields: [] },
        ifMatch: 3,
      }),
      200,
    );
    expectProblem(await send(context, 'GET', `/public/v1/systems?municipality=${tanum.code}`), 404, 'not_found');
  });
});
