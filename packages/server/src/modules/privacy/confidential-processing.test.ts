import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';

/** A record of processing marked confidential under OSL (ADR 0030): content withheld, out of the export unless asked, audited. */
describe('confidential records of processing', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let officer: TestUser;
  let employee: TestUser;
  let head: TestUser;
  let marked: { id: string; version: number };

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    tanum = await make.municipality('Tanum');
    const itDepartment = (await make.department(tanum, 'IT')).id;
    officer = await make.user(tanum, 'data_protection_officer');
    employee = await make.user(tanum, 'employee', itDepartment);
    head = await make.user(tanum, 'department_head', itDepartment);
    marked = expectStatus(
      await send(context, 'POST', '/api/v1/processing-activities', {
        headers: tanum.admin.authorization,
        body: {
          name: 'Loggning i brandväggen',
          purpose: 'Upptäcka intrång',
          legalBasis: 'public_interest',
          technicalMeasures: 'Brandväggskluster i serverhall B',
          processors: [{ name: 'Säkerhetsbolaget AB', agreementSignedOn: '2025-01-10' }],
          controllerDepartmentId: itDepartment,
          confidentialOslParagraph: '18 kap. 8 § OSL',
        },
      }),
      201,
    );
    expectStatus(
      await send(context, 'POST', '/api/v1/processing-activities', {
        headers: tanum.admin.authorization,
        body: { name: 'Personalregister', purpose: 'Lön', controllerDepartmentId: itDepartment },
      }),
      201,
    );
  });
  afterAll(() => context.close());

  const xlsxNames = async (body: Buffer) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    return sheet.getColumn(1).values.slice(2).map(String);
  };

  it('shows its content to the data protection officer, and only that it exists to others, whose content filters do not find it', async () => {
    const full = expectStatus(
      await send(context, 'GET', `/api/v1/processing-activities/${marked.id}`, { headers: officer.authorization }),
      200,
    );
    expect(full).toMatchObject({
      confidentialOslParagraph: '18 kap. 8 § OSL',
      contentWithheld: false,
      technicalMeasures: 'Brandväggskluster i serverhall B',
      processors: [{ name: 'Säkerhetsbolaget AB' }],
    });
    for (const reader of [employee, head]) {
      const withheld = expectStatus(
        await send(context, 'GET', `/api/v1/processing-activities/${marked.id}`, { headers: reader.authorization }),
        200,
      );
      expect(withheld).toMatchObject({
        name: 'Loggning i brandväggen',
        legalBasis: 'public_interest',
        confidentialOslParagraph: '18 kap. 8 § OSL',
        contentWithheld: true,
        purpose: '',
        technicalMeasures: null,
        processors: [],
      });
      expect(JSON.stringify(withheld)).not.toContain('serverhall');
    }
    const listed = expectStatus(await send(context, 'GET', '/api/v1/processing-activities', { headers: employee.authorization }), 200);
    expect(listed.items.map((item: { name: string }) => item.name)).toContain('Loggning i brandväggen');
    const searched = (user: TestUser) =>
      send(context, 'GET', `/api/v1/processing-activities?q=${encodeURIComponent('Loggning')}`, { headers: user.authorization });
    expect(expectStatus(await searched(employee), 200).items).toEqual([]);
    expect(expectStatus(await searched(officer), 200).items.map((item: { id: string }) => item.id)).toEqual([marked.id]);
    // The department head drafts their department's records, but not one they may not read.
    expectProblem(
      await send(context, 'PATCH', `/api/v1/processing-activities/${marked.id}`, {
        headers: head.authorization,
        body: { retention: '1 år' },
        ifMatch: marked.version,
      }),
      403,
      'forbidden',
    );
  });

  it("offers neither the change of a record its reader may not see nor the register's confidential export to those who may not take it", async () => {
    const forHead = expectStatus(
      await send(context, 'GET', `/api/v1/processing-activities/${marked.id}`, { headers: head.authorization }),
      200,
    );
    expect(forHead.can).toMatchObject({ update: false, delete: false });
    const forAdmin = expectStatus(
      await send(context, 'GET', `/api/v1/processing-activities/${marked.id}`, { headers: tanum.admin.authorization }),
      200,
    );
    expect(forAdmin.can).toMatchObject({ update: true, delete: true });
    const listFor = async (user: TestUser) =>
      expectStatus(await send(context, 'GET', '/api/v1/processing-activities', { headers: user.authorization }), 200).can;
    expect(await listFor(officer)).toEqual({ exportConfidential: true });
    expect(await listFor(employee)).toEqual({ exportConfidential: false });
    expect(await listFor(head)).toEqual({ exportConfidential: false });
  });

  it('is left out of the export; the export that includes it marks it, names itself so and is audited', async () => {
    const plain = await send(context, 'GET', '/api/v1/processing-activities/export', { headers: officer.authorization });
    expect(plain.statusCode).toBe(200);
    expect(await xlsxNames(plain.rawPayload)).toEqual(['Personalregister']);

    expectProblem(
      await send(context, 'POST', '/api/v1/processing-activities/export', { headers: employee.authorization, body: { reason: 'x' } }),
      403,
      'forbidden',
    );
    expectProblem(
      await send(context, 'POST', '/api/v1/processing-activities/export', { headers: officer.authorization, body: {} }),
      400,
      'validation_failed',
    );
    const included = await send(context, 'POST', '/api/v1/processing-activities/export', {
      headers: officer.authorization,
      body: { reason: 'Begäran från IMY, dnr 2026-1234' },
    });
    expect(included.statusCode).toBe(200);
    expect(included.headers['content-disposition']).toContain('-sekretess.xlsx');
    expect(await xlsxNames(included.rawPayload)).toEqual(['[SEKRETESS: 18 kap. 8 § OSL] Loggning i brandväggen', 'Personalregister']);
    const events = expectStatus(
      await send(context, 'GET', '/api/v1/audit-events?action=confidential_exported', { headers: tanum.admin.authorization }),
      200,
    );
    expect(events.items).toHaveLength(1);
    expect(events.items[0].after).toMatchObject({ reason: 'Begäran från IMY, dnr 2026-1234', records: 2, confidentialRecords: 1 });
  });
});
