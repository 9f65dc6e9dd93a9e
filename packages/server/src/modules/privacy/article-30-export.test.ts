import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { systemFactories } from '../../../test/system-factories.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';
import { article30Headers } from './article-30-export.service.ts';

describe('the article 30 export', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let officer: TestUser;
  let employee: TestUser;

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    tanum = await make.municipality('Tanum');
    const care = (await make.department(tanum, 'Omsorg')).id;
    officer = await make.user(tanum, 'data_protection_officer');
    employee = await make.user(tanum, 'employee', care);
    const system = await systemFactories(context).system(tanum, care, { name: 'Treserva' });
    const created = expectStatus(
      await send(context, 'POST', '/api/v1/processing-activities', {
        headers: tanum.admin.authorization,
        body: {
          name: 'Social dokumentation',
          purpose: '=HYPERLINK("http://x") dokumentation',
          legalBasis: 'legal_obligation',
          legalBasisNote: 'SoL 11 kap. 5 §',
          specialCategoryBasis: 'health_or_social_care',
          criminalData: false,
          dataSubjectCategories: ['Brukare', 'Anhöriga'],
          personalDataCategories: [
            { name: 'Personnummer', special: false },
            { name: 'Hälsa', special: true },
          ],
          recipients: ['IVO'],
          thirdCountryTransfers: [{ country: 'USA', safeguard: 'Standardavtalsklausuler' }],
          retention: 'Gallras 5 år efter sista anteckning',
          retentionPlanReference: 'IHP 4.2',
          technicalMeasures: 'Behörighetsstyrning, loggning',
          controllerDepartmentId: care,
          controllerBoard: 'Omsorgsnämnden',
          systemIds: [system.id],
          processors: [{ name: 'Leverantör AB', agreementSignedOn: '2025-01-10', agreementExpiresOn: null }],
          dpiaNeeded: true,
          dpiaDoneOn: '2025-02-01',
        },
      }),
      201,
    );
    expectStatus(
      await send(context, 'POST', `/api/v1/processing-activities/${created.id}/reviews`, {
        headers: officer.authorization,
        body: { outcome: 'approved', reviewedOn: '2026-11-01' },
        ifMatch: created.version,
      }),
      201,
    );
  });
  afterAll(() => context.close());

  it('is the register as XLSX, read back column by column, cells that look like formulas neutralised', async () => {
    expectProblem(
      await send(context, 'GET', '/api/v1/processing-activities/export', { headers: employee.authorization }),
      403,
      'forbidden',
    );
    const response = await send(context, 'GET', '/api/v1/processing-activities/export', { headers: officer.authorization });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const row = (index: number) => (sheet.getRow(index).values as unknown[]).slice(1).map((value) => String(value ?? ''));
    expect(row(1)).toEqual([...article30Headers.sv]);
    const columns = Object.fromEntries(article30Headers.sv.map((header, index) => [header, row(2)[index]]));
    expect(columns).toEqual({
      Behandling: 'Social dokumentation',
      'Personuppgiftsansvarig (nämnd)': 'Omsorgsnämnden',
      'Ansvarig förvaltning': 'Omsorg',
      Ändamål: `'=HYPERLINK("http://x") dokumentation`,
      'Rättslig grund (art. 6)': 'Rättslig förpliktelse',
      'Grund, lag eller beslut': 'SoL 11 kap. 5 §',
      'Undantag för känsliga uppgifter (art. 9)': 'Hälso- och sjukvård, social omsorg (art. 9.2 h)',
      'Uppgifter om lagöverträdelser (art. 10)': 'Nej',
      'Kategorier av registrerade': 'Brukare; Anhöriga',
      'Kategorier av personuppgifter': 'Personnummer; Hälsa',
      'Känsliga personuppgifter': 'Hälsa',
      Mottagare: 'IVO',
      'Överföring till tredje land (skyddsåtgärd)': 'USA (Standardavtalsklausuler)',
      Lagringstid: 'Gallras 5 år efter sista anteckning',
      Informationshanteringsplan: 'IHP 4.2',
      'Tekniska och organisatoriska säkerhetsåtgärder': 'Behörighetsstyrning, loggning',
      System: 'Treserva',
      'Personuppgiftsbiträden (avtal undertecknat – upphör)': 'Leverantör AB (2025-01-10 – tills vidare)',
      Konsekvensbedömning: 'Behövs, gjord 2025-02-01',
      'Dataskyddsombudets granskning': 'Godkänd 2026-11-01',
    });
    expect(sheet.rowCount).toBe(2);
    // The list's filters apply: nothing is missing a review.
    const filtered = await send(context, 'GET', '/api/v1/processing-activities/export?missingReview=true', {
      headers: officer.authorization,
    });
    const empty = new ExcelJS.Workbook();
    await empty.xlsx.load(filtered.rawPayload as unknown as ArrayBuffer);
    expect(empty.worksheets[0]!.rowCount).toBe(1);
  });
});
