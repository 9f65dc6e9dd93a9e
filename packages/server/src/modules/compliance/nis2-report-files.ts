/**
 * The NIS2 status report as files: an XLSX workbook (the measures, then the systems in scope) and
 * a portrait A4 PDF, in the shape of the article 30 register's (modules/privacy): exceljs and
 * pdfkit loaded on first use, DejaVu Sans embedded so every name prints as written (ADR 0031),
 * every spreadsheet cell neutralised, and the PDF drawn in slices that yield to the event loop.
 */
import type { Locale, Nis2Report, Nis2ReportSystem } from '@forvalta/contracts';
import { nextTurn, openPdfExport, pdfFonts, pdfText } from '../../platform/pdf-document.ts';
import { neutraliseFormula } from '../../platform/spreadsheet-text.ts';

const words = {
  sv: {
    title: 'NIS2-status',
    subtitle: 'Riskhanteringsåtgärder enligt cybersäkerhetslagen (2025:1506), NIS2 artikel 21.2',
    municipality: 'Kommun',
    evaluated: 'Bedömd',
    counts: (report: Nis2Report) =>
      `Uppfyllda ${report.counts.met}, ej uppfyllda ${report.counts.notMet}, ej kontrollerade ${report.counts.notChecked}, ej tillämpliga ${report.counts.notApplicable}`,
    measuresSheet: 'Åtgärder',
    systemsSheet: 'System i omfattning',
    measureHeaders: [
      'Åtgärd',
      'Artikel',
      'Rubrik',
      'Läge',
      'Uppfyllda',
      'Ej uppfyllda',
      'Ej tillämpliga',
      'Underlag i IT-policyn',
      'Underlag (länk)',
    ],
    systemHeaders: [
      'System',
      'Ägare',
      'Leverantör',
      'Klassning (K R T S)',
      'Klassad',
      'Kritikalitet',
      'Återställningstid (h)',
      'Senast testad återställning',
      'Kontinuitet',
    ],
    standing: { met: 'Uppfylld', not_met: 'Ej uppfylld', not_checked: 'Ej kontrollerad', not_applicable: 'Ej tillämplig' },
    ownRule: 'egen regel',
    none: 'inget underlag',
    continuity: {
      restore_tested: 'Återställning testad i tid',
      no_continuity_plan: 'Kontinuitet ej registrerad',
      no_restore_test: 'Ingen testad återställning',
      restore_test_stale: 'Återställningstest för gammalt',
      not_in_production: 'Ej i drift',
      out_of_scope: 'Utanför policyns omfattning',
      clause_exception: 'Undantag',
    } as Record<string, string>,
    measures: 'Åtgärder',
    systems: 'System som omfattas av lagen',
    noSystems: 'Inga system är markerade som omfattade av lagen.',
    page: (page: number, pages: number) => `Sida ${page} av ${pages}`,
  },
  en: {
    title: 'NIS2 status',
    subtitle: 'Risk-management measures under the Cybersecurity Act (2025:1506), NIS2 article 21(2)',
    municipality: 'Municipality',
    evaluated: 'Evaluated',
    counts: (report: Nis2Report) =>
      `Met ${report.counts.met}, not met ${report.counts.notMet}, not checked ${report.counts.notChecked}, not applicable ${report.counts.notApplicable}`,
    measuresSheet: 'Measures',
    systemsSheet: 'Systems in scope',
    measureHeaders: [
      'Measure',
      'Article',
      'Title',
      'Standing',
      'Met',
      'Not met',
      'Not applicable',
      'Evidence in the IT policy',
      'Evidence (link)',
    ],
    systemHeaders: [
      'System',
      'Owner',
      'Supplier',
      'Classification (C I A T)',
      'Classified',
      'Criticality',
      'Recovery time (h)',
      'Last tested restore',
      'Continuity',
    ],
    standing: { met: 'Met', not_met: 'Not met', not_checked: 'Not checked', not_applicable: 'Not applicable' },
    ownRule: 'own rule',
    none: 'no evidence',
    continuity: {
      restore_tested: 'Restore tested in time',
      no_continuity_plan: 'Continuity not recorded',
      no_restore_test: 'No tested restore',
      restore_test_stale: 'Restore test too old',
      not_in_production: 'Not in production',
      out_of_scope: 'Outside the policy',
      clause_exception: 'Exception',
    } as Record<string, string>,
    measures: 'Measures',
    systems: 'Systems covered by the Act',
    noSystems: 'No system is flagged as covered by the Act.',
    page: (page: number, pages: number) => `Page ${page} of ${pages}`,
  },
} as const;

export function measureValues(report: Nis2Report, locale: Locale): string[][] {
  const w = words[locale];
  return report.measures.map((measure) => [
    measure.clauseId,
    measure.section,
    locale === 'en' ? measure.titleEn : measure.titleSv,
    w.standing[measure.standing],
    String(measure.passed),
    String(measure.failed),
    String(measure.notApplicable),
    measure.evidenceClauseIds.length > 0 ? measure.evidenceClauseIds.join(', ') : measure.standing === 'not_checked' ? w.none : w.ownRule,
    measure.evidencePath,
  ]);
}

export function systemValues(system: Nis2ReportSystem, locale: Locale): string[] {
  const w = words[locale];
  const c = system.classification;
  return [
    system.name,
    system.ownerDepartmentName,
    system.supplier ?? '',
    c ? `${c.confidentiality} ${c.integrity} ${c.availability} ${c.traceability}` : '',
    c?.classifiedOn ?? '',
    system.criticality ?? '',
    system.recoveryTimeObjectiveHours === null ? '' : String(system.recoveryTimeObjectiveHours),
    system.lastRestoreTestOn ?? '',
    system.continuityReason ? (w.continuity[system.continuityReason] ?? system.continuityReason) : '',
  ];
}

export async function nis2ReportWorkbook(report: Nis2Report, locale: Locale): Promise<Buffer> {
  const w = words[locale];
  // exceljs takes half a second to load; only exports pay for it, not every server start.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const measures = workbook.addWorksheet(w.measuresSheet);
  measures.addRow([...w.measureHeaders]).font = { bold: true };
  for (const row of measureValues(report, locale)) measures.addRow(row.map(neutraliseFormula));
  const systems = workbook.addWorksheet(w.systemsSheet);
  systems.addRow([...w.systemHeaders]).font = { bold: true };
  for (const system of report.systems) systems.addRow(systemValues(system, locale).map(neutraliseFormula));
  for (const sheet of [measures, systems]) {
    for (const column of sheet.columns) column.width = 24;
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Rows drawn between two yields to the event loop (pdfkit draws synchronously). */
const rowsPerSlice = 25;
const { regular, bold } = pdfFonts;

/** The status report as a portrait A4 PDF: the counts, the measures with their evidence, the systems in scope. */
export async function nis2ReportPdf(report: Nis2Report, locale: Locale, today: string): Promise<Buffer> {
  const w = words[locale];
  const { document, left, width, bottom, finish } = await openPdfExport({
    title: `${w.title} – ${report.municipalityName}`,
    author: report.municipalityName,
    created: new Date(`${today}T12:00:00Z`),
  });

  document.font(bold).fontSize(20).text(pdfText(w.title), left, document.page.margins.top, { width });
  document.font(regular).fontSize(10).text(pdfText(w.subtitle), { width }).moveDown(0.6);
  document.text(pdfText(`${w.municipality}: ${report.municipalityName}`), { width });
  document.text(`${w.evaluated}: ${report.evaluatedAt.slice(0, 10)}`, { width });
  document.text(pdfText(w.counts(report)), { width }).moveDown(1);

  /** A heading, then one line of label and text per row, a new page where a row would not fit. */
  const list = async (heading: string, rows: Array<[string, string]>) => {
    if (document.y + 60 > bottom()) document.addPage();
    document.font(bold).fontSize(13).text(pdfText(heading), left, document.y, { width }).moveDown(0.3);
    for (const [index, [title, detail]] of rows.entries()) {
      if (index > 0 && index % rowsPerSlice === 0) await nextTurn();
      document.font(regular).fontSize(9);
      const height = document.heightOfString(pdfText(detail), { width }) + 14;
      if (document.y + height > bottom()) document.addPage();
      document.font(bold).fontSize(10).text(pdfText(title), left, document.y, { width });
      document.font(regular).fontSize(9).text(pdfText(detail), left, document.y, { width }).moveDown(0.4);
    }
    document.moveDown(0.8);
  };
  await list(
    w.measures,
    measureValues(report, locale).map(([id, section, title, standing, , , , evidence, link]) => [
      `${id} (${section}) ${title}: ${standing}`,
      `${evidence} · ${link}`,
    ]),
  );
  const systemHeaders = w.systemHeaders;
  await list(
    w.systems,
    report.systems.length === 0
      ? [[w.noSystems, '']]
      : report.systems.map((system) => {
          const [name, ...values] = systemValues(system, locale);
          return [name!, values.map((value, index) => `${systemHeaders[index + 1]}: ${value || '–'}`).join(' · ')];
        }),
  );

  return finish({ text: `${report.municipalityName} – ${w.title} ${today}`, page: w.page });
}
