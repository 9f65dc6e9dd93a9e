import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { systemFactories } from '../../../test/system-factories.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';
import { article30Headers } from './article-30-export.service.ts';
import { embeddedFonts as article30Fonts, pdfText } from '../../platform/pdf-document.ts';
import { article30Pdf } from './article-30-pdf.ts';

// pdf.js reads the standard fonts' metrics from its own package (for the PDF's default font; the text is in the embedded DejaVu Sans).
const standardFontDataUrl = `${path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

/** The PDF read back by pdf.js: each page's size and its text, runs joined by single spaces. */
async function readPdf(body: Buffer) {
  const document = await getDocument({ data: new Uint8Array(body), disableFontFace: true, standardFontDataUrl }).promise;
  const pages: Array<{ width: number; height: number; text: string }> = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    const text = content.items
      .map((item) => ('str' in item ? item.str : ''))
      .join(' ')
      .replace(/\s+/g, ' ');
    const [, , width, height] = page.view;
    pages.push({ width: width!, height: height!, text });
  }
  await document.destroy();
  return pages;
}

describe('the article 30 register as PDF', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let officer: TestUser;
  let employee: TestUser;

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    tanum = await make.municipality('Tanum');
    const care = (await make.department(tanum, 'Äldreomsorgen')).id;
    officer = await make.user(tanum, 'data_protection_officer');
    employee = await make.user(tanum, 'employee', care);
    const system = await systemFactories(context).system(tanum, care, { name: 'Procapita Vård och omsorg' });
    const created = expectStatus(
      await send(context, 'POST', '/api/v1/processing-activities', {
        headers: tanum.admin.authorization,
        body: {
          name: 'Social dokumentation i äldreomsorgen',
          purpose: 'Dokumentation av beslut och insatser → uppföljning',
          legalBasis: 'legal_obligation',
          legalBasisNote: 'SoL 11 kap. 5 §',
          specialCategoryBasis: 'health_or_social_care',
          criminalData: false,
          dataSubjectCategories: ['Brukare', 'Anhöriga'],
          personalDataCategories: [
            { name: 'Personnummer', special: false },
            { name: 'Hälsa', special: true },
          ],
          // A Sámi name, as the register of a municipality in Sápmi holds them (ADR 0031).
          recipients: ['IVO', 'Áilu Čoarvi, Ŋ ŧ đ č š ž á'],
          thirdCountryTransfers: [{ country: 'USA', safeguard: 'Standardavtalsklausuler' }],
          retention: 'Gallras fem år efter sista anteckning',
          retentionPlanReference: 'IHP 4.2',
          technicalMeasures: 'Behörighetsstyrning, loggning',
          controllerDepartmentId: care,
          controllerBoard: 'Omsorgsnämnden',
          systemIds: [system.id],
          processors: [{ name: 'Łódź Leverantör AB', agreementSignedOn: '2025-01-10', agreementExpiresOn: null }],
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

  it('is landscape A4 with the title, municipality, date and DPO, then the record with the article 30(1) fields in order', async () => {
    expectProblem(
      await send(context, 'GET', '/api/v1/processing-activities/export?format=pdf', { headers: employee.authorization }),
      403,
      'forbidden',
    );
    const response = await send(context, 'GET', '/api/v1/processing-activities/export?format=pdf', { headers: officer.authorization });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain('registerforteckning-2026-11-28.pdf');
    const pages = await readPdf(response.rawPayload);
    expect(pages[0]).toMatchObject({ width: expect.closeTo(841.89, 1), height: expect.closeTo(595.28, 1) });
    const text = pages.map((page) => page.text).join(' ');
    expect(text).toContain('Registerförteckning');
    expect(text).toContain('artikel 30.1 i dataskyddsförordningen');
    expect(text).toContain(`Personuppgiftsansvarig Tanum ${tanum.code}`);
    expect(text).toContain('Upprättad 2026-11-28');
    expect(text).toMatch(/Dataskyddsombud Test data_protection_officer \(data_protection_officer-[0-9a-f]+@example\.se\)/);
    expect(text).toContain('Antal behandlingar 1');
    expect(text).toContain('Sida 1 av 1');

    // The record's fields, label then value, in the order of the article (and of the XLSX columns).
    const expected: Array<[string, string]> = [
      ['Personuppgiftsansvarig (nämnd)', 'Omsorgsnämnden'],
      ['Ansvarig förvaltning', 'Äldreomsorgen'],
      // The embedded font shows what WinAnsi could not: an arrow, a Polish Ł, Sámi letters.
      ['Ändamål', 'Dokumentation av beslut och insatser → uppföljning'],
      ['Rättslig grund (art. 6)', 'Rättslig förpliktelse'],
      ['Grund, lag eller beslut', 'SoL 11 kap. 5 §'],
      ['Undantag för känsliga uppgifter (art. 9)', 'Hälso- och sjukvård, social omsorg (art. 9.2 h)'],
      ['Uppgifter om lagöverträdelser (art. 10)', 'Nej'],
      ['Kategorier av registrerade', 'Brukare; Anhöriga'],
      ['Kategorier av personuppgifter', 'Personnummer; Hälsa'],
      ['Känsliga personuppgifter', 'Hälsa'],
      ['Mottagare', 'IVO; Áilu Čoarvi, Ŋ ŧ đ č š ž á'],
      ['Överföring till tredje land (skyddsåtgärd)', 'USA (Standardavtalsklausuler)'],
      ['Lagringstid', 'Gallras fem år efter sista anteckning'],
      ['Informationshanteringsplan', 'IHP 4.2'],
      ['Tekniska och organisatoriska säkerhetsåtgärder', 'Behörighetsstyrning, loggning'],
      ['System', 'Procapita Vård och omsorg'],
      ['Personuppgiftsbiträden (avtal undertecknat – upphör)', 'Łódź Leverantör AB (2025-01-10 – tills vidare)'],
      ['Konsekvensbedömning', 'Behövs, gjord 2025-02-01'],
      ['Dataskyddsombudets granskning', 'Godkänd 2026-11-01'],
    ];
    expect(expected.map(([label]) => label)).toEqual(article30Headers.sv.slice(1));
    let position = text.indexOf('1. Social dokumentation i äldreomsorgen');
    expect(position).toBeGreaterThan(0);
    for (const [label, value] of expected) {
      const found = text.indexOf(`${label} ${value}`, position);
      expect(found, `${label}: ${value}`).toBeGreaterThan(position);
      position = found;
    }
  });

  it('takes the list filters, and says the selection is part of the register', async () => {
    const response = await send(context, 'GET', '/api/v1/processing-activities/export?format=pdf&missingReview=true', {
      headers: officer.authorization,
    });
    const text = (await readPdf(response.rawPayload)).map((page) => page.text).join(' ');
    expect(text).toContain('Antal behandlingar 0');
    expect(text).toContain('Urval ett urval av registret (filter)');
    expect(text).not.toContain('Social dokumentation');
  });

  it('is in English for an English-speaking officer, the labels those of the English XLSX', async () => {
    await context.database.db.updateTable('logins').set({ locale: 'en' }).where('id', '=', officer.loginId).execute();
    try {
      const response = await send(context, 'GET', '/api/v1/processing-activities/export?format=pdf', { headers: officer.authorization });
      const text = (await readPdf(response.rawPayload)).map((page) => page.text).join(' ');
      expect(text).toContain('Record of processing activities');
      expect(text).toContain('Article 30(1) of the General Data Protection Regulation');
      expect(text).toContain('Drawn up 2026-11-28');
      expect(text).toContain('Page 1 of 1');
      let position = 0;
      for (const label of article30Headers.en.slice(1)) {
        const found = text.indexOf(label, position);
        expect(found, label).toBeGreaterThan(position);
        position = found;
      }
      expect(text).toContain('Legal basis (art. 6) Legal obligation');
      expect(text).toContain('Special category exception (art. 9) Health or social care (art. 9(2)(h))');
      expect(text).toContain("Data protection officer's review Approved 2026-11-01");
    } finally {
      await context.database.db.updateTable('logins').set({ locale: 'sv' }).where('id', '=', officer.loginId).execute();
    }
  });

  it('starts every page with a record: a record running onto a new page names itself again there', async () => {
    const fields = article30Headers.sv.slice(1).map((label) => [label, `${label} – ${'text '.repeat(40)}`] as [string, string]);
    const sections = Array.from({ length: 6 }, (_, index) => ({ title: `Behandling ${index + 1}`, fields }));
    const heading = { municipalityName: 'Tanums kommun', date: '2026-11-28', dataProtectionOfficers: [], filtered: false };
    const pages = await readPdf(await article30Pdf(heading, sections, 'sv'));
    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages.slice(1)) expect(page.text).toMatch(/^\d+\. Behandling \d+( \(forts\.\))? /);
    expect(pages.some((page) => page.text.includes('(forts.)'))).toBe(true);
    expect(pages.at(-1)!.text).toContain(`Sida ${pages.length} av ${pages.length}`);
  });

  it('writes every letter as it is, with line endings and tabs made plain', () => {
    expect(pdfText('Åsa Öberg – §5 ’citat’ é, Áilu Čoarvi, Ŋ ŧ đ')).toBe('Åsa Öberg – §5 ’citat’ é, Áilu Čoarvi, Ŋ ŧ đ');
    expect(pdfText('Ł → ő\tx\r\ny\rz')).toBe('Ł → ő x\ny\nz');
  });

  it('embeds DejaVu Sans from the pinned package, not a standard font', async () => {
    const body = await article30Pdf(
      { municipalityName: 'Kárášjohka', date: '2026-11-28', dataProtectionOfficers: [], filtered: false },
      [{ title: 'Áilu Čoarvi', fields: [['Mottagare', 'Ŋ ŧ đ č š ž á']] }],
      'sv',
    );
    const raw = body.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(raw).toMatch(/\/FontFile2/);
    expect(raw).not.toContain('/Helvetica-Bold');
    const [page] = await readPdf(body);
    expect(page!.text).toContain('1. Áilu Čoarvi');
    expect(page!.text).toContain('Mottagare Ŋ ŧ đ č š ž á');
    expect(page!.text).toContain('Kárášjohka');
    expect(article30Fonts.regular).toMatch(/node_modules\/dejavu-fonts-ttf\/ttf\/DejaVuSans\.ttf$/);
  });
});
