import { createRequire } from 'node:module';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { systemFactories } from '../../../test/system-factories.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';

const standardFontDataUrl = `${path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

/** The PDF's text read back by pdf.js, every page's runs joined by single spaces. */
async function pdfTextOf(body: Buffer): Promise<string> {
  const document = await getDocument({ data: new Uint8Array(body), disableFontFace: true, standardFontDataUrl }).promise;
  const texts: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await document.destroy();
  return texts.join(' ').replace(/\s+/g, ' ');
}

/** The NIS2 status report (issue #19): its page's JSON, its XLSX and its PDF, and who may read them. */
describe('the NIS2 status report', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let itChief: TestUser;
  let auditor: TestUser;
  let itUnit: TestUser;
  let careHead: TestUser;
  let employee: TestUser;
  let otherChief: TestUser;

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    tanum = await make.municipality('Tanum');
    const other = await make.municipality('Strömstad');
    const care = (await make.department(tanum, 'Omsorg')).id;
    itChief = await make.user(tanum, 'it_chief');
    auditor = await make.user(tanum, 'auditor');
    itUnit = await make.user(tanum, 'it_unit');
    careHead = await make.user(tanum, 'department_head', care);
    employee = await make.user(tanum, 'employee', care);
    otherChief = await make.user(other, 'it_chief');
    const systems = systemFactories(context);
    await systems.system(tanum, care, {
      name: '=Treserva',
      supplier: 'Tieto Evry',
      nis2: true,
      classification: { confidentiality: 3, integrity: 2, availability: 4, traceability: 1, classifiedOn: '2026-10-01' },
      continuity: { criticality: 'high', recoveryTimeObjectiveHours: 8 },
    });
    await systems.system(tanum, care, { name: 'Skolwebben', supplier: 'Webbyrån' });
    // Another municipality's system in scope never shows in Tanum's report.
    const otherCare = (await make.department(other, 'Omsorg')).id;
    await systems.system(other, otherCare, { name: 'Strömstads Procapita', nis2: true });
  });
  afterAll(() => context.close());

  const get = (user: Pick<TestUser, 'authorization'>, url: string) => send(context, 'GET', url, { headers: user.authorization });

  it("gives the Act's measures as met, not met or not checked with their evidence, and the systems flagged nis2", async () => {
    const report = expectStatus(await get(itChief, '/api/v1/compliance/nis2-report'), 200);
    expect(report.municipalityName).toMatch(/^Tanum/);
    expect(report.pack.key).toBe('cybersecurity-act-nis2');
    expect(report.measures.map((measure: { clauseId: string }) => measure.clauseId)).toHaveLength(10);
    const measure = (id: string) => report.measures.find((entry: { clauseId: string }) => entry.clauseId === id);
    expect(measure('NIS2-21-2-H')).toMatchObject({ standing: 'not_checked', evidenceClauseIds: [] });
    expect(measure('NIS2-21-2-A')).toMatchObject({
      evidenceClauseIds: ['ITP-4.2.1-RISK-CURRENT', 'ITP-11-GUIDELINES', 'ITP-13-REVISE'],
      evidencePath: '/compliance/clauses/NIS2-21-2-A?framework=nis2',
    });
    // No security guidelines are adopted: measure (a) is not met.
    expect(measure('NIS2-21-2-A').standing).toBe('not_met');
    const total = report.counts.met + report.counts.notMet + report.counts.notChecked + report.counts.notApplicable;
    expect(total).toBe(10);
    expect(report.counts.notChecked).toBe(2);
    // Only Tanum's system flagged nis2, with its classification, continuity and supplier.
    expect(report.systems).toEqual([
      expect.objectContaining({
        name: '=Treserva',
        ownerDepartmentName: 'Omsorg',
        supplier: 'Tieto Evry',
        classification: { confidentiality: 3, integrity: 2, availability: 4, traceability: 1, classifiedOn: '2026-10-01' },
        criticality: 'high',
        recoveryTimeObjectiveHours: 8,
        lastRestoreTestOn: null,
        // Planned, not in production: continuity is not asked of it yet.
        continuityStatus: 'not_applicable',
        continuityReason: 'not_in_production',
      }),
    ]);
    expect((await get(otherChief, '/api/v1/compliance/nis2-report')).json().systems.map((system: { name: string }) => system.name)).toEqual(
      ['Strömstads Procapita'],
    );
  });

  it('is read by the IT unit, the IT chief, the auditors and the administrator, and by no one else', async () => {
    for (const user of [itChief, itUnit, auditor, tanum.admin]) expectStatus(await get(user, '/api/v1/compliance/nis2-report'), 200);
    for (const user of [careHead, employee]) {
      expectProblem(await get(user, '/api/v1/compliance/nis2-report'), 403, 'forbidden');
      expectProblem(await get(user, '/api/v1/compliance/nis2-report/export'), 403, 'forbidden');
    }
    expectProblem(await send(context, 'GET', '/api/v1/compliance/nis2-report'), 401, 'unauthenticated');
    expectProblem(await get(itChief, '/api/v1/compliance/nis2-report/export?format=docx'), 400, 'validation_failed');
  });

  it('downloads as XLSX: the measures and the systems in scope, each cell neutralised', async () => {
    const response = await get(auditor, '/api/v1/compliance/nis2-report/export');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(String(response.headers['content-disposition'])).toMatch(/nis2-status-\d{4}-\d{2}-\d{2}\.xlsx/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const [measures, systems] = workbook.worksheets;
    expect(measures!.name).toBe('Åtgärder');
    expect(measures!.getRow(1).values).toContain('Läge');
    expect(measures!.rowCount).toBe(11);
    const rowOf = (sheet: ExcelJS.Worksheet, first: string) => {
      for (let index = 2; index <= sheet.rowCount; index += 1) {
        const values = (sheet.getRow(index).values as unknown[]).slice(1).map(String);
        if (values[0] === first) return values;
      }
      return undefined;
    };
    expect(rowOf(measures!, 'NIS2-21-2-H')).toEqual([
      'NIS2-21-2-H',
      '21.2.h',
      'Kryptografi',
      'Ej kontrollerad',
      '0',
      '0',
      '0',
      'inget underlag',
      '/compliance/clauses/NIS2-21-2-H?framework=nis2',
    ]);
    expect(rowOf(measures!, 'NIS2-21-2-B')?.[7]).toBe('egen regel');
    expect(systems!.name).toBe('System i omfattning');
    expect(systems!.rowCount).toBe(2);
    // The system's name began with '=': a formula is neutralised, as in every export.
    expect(rowOf(systems!, "'=Treserva")).toEqual([
      "'=Treserva",
      'Omsorg',
      'Tieto Evry',
      '3 2 4 1',
      '2026-10-01',
      'high',
      '8',
      '',
      'Ej i drift',
    ]);
  });

  it('downloads as PDF with the measures and the systems in scope, in the reader’s language', async () => {
    const response = await get(itUnit, '/api/v1/compliance/nis2-report/export?format=pdf');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = await pdfTextOf(response.rawPayload);
    expect(text).toContain('NIS2-status');
    expect(text).toContain('Kommun: Tanum');
    expect(text).toContain('NIS2-21-2-H (21.2.h) Kryptografi: Ej kontrollerad');
    expect(text).toContain('=Treserva');
    expect(text).toContain('Leverantör: Tieto Evry');
    expect(text).not.toContain('Skolwebben');
    expect(text).toMatch(/Sida 1 av \d/);
  });
});
