import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, expectStatus, send, type TestResponse } from '../../../test/http.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';

/**
 * Issue #12, finding 6 (the rest): auditors search the log by record, person, action and period,
 * export it as CSV or XLSX with the chain's verification, failed logins are in it, and a failed
 * nightly verification is there for the web's banner to show.
 */
describe('audit log search and export', () => {
  let context: TestContext;
  let make: ReturnType<typeof factories>;
  let sotenas: TestMunicipality;
  let other: TestMunicipality;
  let auditor: TestUser;
  let employee: TestUser;
  let departmentId: string;
  let foreignDepartmentId: string;
  let periodStart: string;

  const attempt = (email: string, password: string) =>
    context.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '203.0.113.40', payload: { email, password } });
  const search = async (query: string, user: Pick<TestUser, 'authorization'> = auditor) =>
    expectStatus(
      await send(context, 'GET', `/api/v1/audit-events?${query.includes('limit=') ? '' : 'limit=100&'}${query}`, {
        headers: user.authorization,
      }),
      200,
    ) as {
      items: Array<{
        id: string;
        action: string;
        entityType: string;
        entityId: string | null;
        actorLoginId: string | null;
        occurredAt: string;
      }>;
      total: number;
      nextCursor: string | null;
    };
  const exportLog = (body: Record<string, unknown>, user: Pick<TestUser, 'authorization'> = auditor) =>
    send(context, 'POST', '/api/v1/audit-events/export', { headers: user.authorization, body });
  const csvLines = (response: TestResponse) =>
    response.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split(/\r?\n/);

  beforeAll(async () => {
    context = await createTestContext();
    make = factories(context);
    sotenas = await make.municipality('Sotenäs');
    other = await make.municipality('Lysekil');
    auditor = await make.user(sotenas, 'auditor');
    employee = await make.user(sotenas, 'employee');
    context.clock.advanceMinutes(60);
    periodStart = context.clock.now().toISOString();
    departmentId = (await make.department(sotenas, 'Socialförvaltningen')).id;
    foreignDepartmentId = (await make.department(other, 'Lysekils förvaltning')).id;
    expectStatus(
      await send(context, 'PATCH', `/api/v1/departments/${departmentId}`, {
        headers: sotenas.admin.authorization,
        body: { name: 'Omsorgsförvaltningen' },
        ifMatch: 1,
      }),
      200,
    );
    // Six wrong passwords from one address: five failures, then the address is held back.
    for (let index = 0; index < 6; index += 1) await attempt(employee.email, 'fel lösenord');
    context.clock.advanceMinutes(60);
  });
  afterAll(() => context.close());

  it('narrows by record, person, action and period, never showing another municipality', async () => {
    const byRecord = await search(`entityType=department&entityId=${departmentId}`);
    expect(byRecord.items.map((event) => event.action)).toEqual(['update', 'create']);
    expect(byRecord.items.every((event) => event.entityId === departmentId)).toBe(true);

    const byPerson = await search(`actorLoginId=${sotenas.admin.loginId}&action=update`);
    expect(byPerson.items.length).toBeGreaterThan(0);
    expect(byPerson.items.every((event) => event.actorLoginId === sotenas.admin.loginId && event.action === 'update')).toBe(true);

    const failed = await search('action=login_failed');
    expect(failed.total).toBe(5);
    expect(failed.items.every((event) => event.action === 'login_failed' && event.entityId === employee.loginId)).toBe(true);
    const throttled = await search('action=login_throttled');
    expect(throttled.items.map((event) => event.entityId)).toEqual([employee.loginId]);

    const period = await search(`from=${encodeURIComponent(periodStart)}&to=${encodeURIComponent(context.clock.now().toISOString())}`);
    expect(period.items.every((event) => event.occurredAt >= periodStart)).toBe(true);
    expect(period.items.map((event) => event.action).sort()).toEqual(
      ['create', 'update', ...Array(5).fill('login_failed'), 'login_throttled'].sort(),
    );
    const before = await search(`to=${encodeURIComponent(periodStart)}`);
    expect(before.items.some((event) => event.entityId === departmentId)).toBe(false);

    // Lysekil's department and its events are not Sotenäs's, whatever the filter names.
    expect((await search(`entityId=${foreignDepartmentId}`)).total).toBe(0);
    expect((await search(`actorLoginId=${other.admin.loginId}`)).total).toBe(0);
    const everything = await search('');
    expect(everything.items.some((event) => event.entityId === foreignDepartmentId)).toBe(false);

    expectProblem(
      await send(context, 'GET', '/api/v1/audit-events?action=made_up', { headers: auditor.authorization }),
      400,
      'validation_failed',
    );
  });

  it('pages the filtered log on the server with a keyset cursor', async () => {
    const first = await search('action=login_failed&limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.total).toBe(5);
    const second = await search(`action=login_failed&limit=2&cursor=${first.nextCursor}`);
    const third = await search(`action=login_failed&limit=2&cursor=${second.nextCursor}`);
    expect(third.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items, ...third.items].map((event) => event.id);
    expect(new Set(ids).size).toBe(5);
  });

  it('exports the filtered log as CSV with the verification first, and records the export', async () => {
    expectProblem(await exportLog({ format: 'csv' }, employee), 403, 'forbidden');
    expectProblem(await send(context, 'POST', '/api/v1/audit-events/export', { body: { format: 'csv' } }), 401, 'unauthenticated');
    expectProblem(await exportLog({ format: 'pdf' }), 400, 'validation_failed');

    const response = await exportLog({ format: 'csv', action: 'login_failed' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="handelselogg-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(response.body.startsWith('\uFEFF')).toBe(true);
    const lines = csvLines(response);
    expect(lines[0]).toBe(`Händelselogg;Sotenäs ${sotenas.code} (${sotenas.code})`);
    expect(lines).toContain('Kedjans kontroll;Obruten');
    expect(lines.find((line) => line.startsWith('Nyckel-id;'))).toMatch(/^Nyckel-id;\S+$/);
    expect(lines).toContain('Urval;action=login_failed');
    const header = lines.indexOf('Nr;Tid (svensk tid);Tid (UTC);Utförd av;Inloggning;Händelse;Posttyp;Post-id;Före;Efter;Händelse-id');
    expect(header).toBeGreaterThan(0);
    const rows = lines.slice(header + 1);
    expect(rows).toHaveLength(5);
    expect(rows.every((row) => row.split(';')[5] === 'login_failed')).toBe(true);
    expect(rows.some((row) => row.includes('Lysekil'))).toBe(false);

    const exported = await search('action=audit_exported');
    expect(exported.items[0]).toMatchObject({ entityType: 'audit_log', entityId: sotenas.id, actorLoginId: auditor.loginId });
    // Lysekil sees no export of Sotenäs's log.
    expect((await search('action=audit_exported', other.admin)).total).toBe(0);
  });

  it('exports XLSX that reads back: the events on the first sheet, the verification on the second', async () => {
    const response = await exportLog({ format: 'xlsx', entityType: 'department', entityId: departmentId });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const events = workbook.getWorksheet('Händelselogg')!;
    const rows = (events.getSheetValues().filter(Boolean) as unknown[][]).map((row) => row.slice(1));
    expect(rows[0]).toEqual([
      'Nr',
      'Tid (svensk tid)',
      'Tid (UTC)',
      'Utförd av',
      'Inloggning',
      'Händelse',
      'Posttyp',
      'Post-id',
      'Före',
      'Efter',
      'Händelse-id',
    ]);
    expect(rows.slice(1).map((row) => [row[5], row[6], row[7]])).toEqual([
      ['create', 'department', departmentId],
      ['update', 'department', departmentId],
    ]);
    expect(JSON.parse(String(rows[2]![9]))).toMatchObject({ name: 'Omsorgsförvaltningen' });
    const verification = workbook.getWorksheet('Kontroll av kedjan')!;
    const pairs = Object.fromEntries((verification.getSheetValues().filter(Boolean) as unknown[][]).map((row) => [row[1], row[2]]));
    expect(pairs).toMatchObject({
      'Kedjans kontroll': 'Obruten',
      'Problem i kedjan': '0',
      Urval: `entityType=department, entityId=${departmentId}`,
    });
    expect(Number(pairs['Kontrollerade händelser'])).toBeGreaterThan(10);
    expect(pairs['Nyckel-id']).toEqual(expect.any(String));
  });

  it('says broken in the export and in the latest nightly result once the chain was tampered with', async () => {
    const latest = async (municipality: TestMunicipality) =>
      expectStatus(
        await send(context, 'GET', '/api/v1/audit-events/verification/latest', { headers: municipality.admin.authorization }),
        200,
      );
    expect(await latest(sotenas)).toEqual({ latest: null });
    await context.jobRunner!.runDue();
    expect((await latest(sotenas)).latest).toMatchObject({ intact: true, problems: 0 });

    // Someone with the database rewrites what a failed login says.
    const victim = (await search('action=login_failed')).items[0]!;
    await context.database.db.updateTable('audit_events').set({ action: 'login' }).where('id', '=', victim.id).execute();

    const csv = await exportLog({ format: 'csv' });
    expect(csvLines(csv)).toContain('Kedjans kontroll;Bruten');
    expect(csvLines(csv)).toContain('Problem i kedjan;1');
    const xlsx = await exportLog({ format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Kontroll av kedjan')!.getRow(3).values).toEqual([undefined, 'Kedjans kontroll', 'Bruten']);

    // The nightly job is due again the next day; its result is what the banner reads.
    context.clock.advanceMinutes(24 * 60);
    const runs = await context.jobRunner!.runDue();
    expect(runs.find((run) => run.name === 'audit-chain-verification')).toMatchObject({ outcome: 'failed' });
    expect((await latest(sotenas)).latest).toMatchObject({ intact: false, problems: 1 });
    expect(
      expectStatus(await send(context, 'GET', '/api/v1/audit-events/verification/latest', { headers: auditor.authorization }), 200).latest,
    ).toMatchObject({ intact: false });
    // Lysekil's chain is intact: its people are not told Sotenäs's is broken.
    expect((await latest(other)).latest).toMatchObject({ intact: true, problems: 0 });
    expectProblem(
      await send(context, 'GET', '/api/v1/audit-events/verification/latest', { headers: employee.authorization }),
      403,
      'forbidden',
    );
  });
});
