import type { Locale } from '@forvalta/contracts';
import { nextTurn, openPdfExport, pdfFonts, pdfText } from '../../platform/pdf-document.ts';

/** What the register's first page says besides the records. */
export interface Article30Heading {
  municipalityName: string;
  /** The day the register was drawn up (Swedish date). */
  date: string;
  dataProtectionOfficers: Array<{ name: string; email: string }>;
  filtered: boolean;
}

/** One record: its name and the article 30(1) fields in order, each as a label and its text. */
export interface Article30Section {
  title: string;
  fields: Array<[string, string]>;
}

const texts = {
  sv: {
    title: 'Registerförteckning',
    subtitle: 'Förteckning över behandlingar av personuppgifter enligt artikel 30.1 i dataskyddsförordningen (EU) 2016/679',
    municipality: 'Personuppgiftsansvarig',
    date: 'Upprättad',
    officer: 'Dataskyddsombud',
    none: 'ej utsett',
    count: 'Antal behandlingar',
    selection: 'Urval',
    all: 'hela registret',
    filtered: 'ett urval av registret (filter)',
    page: (page: number, pages: number) => `Sida ${page} av ${pages}`,
    continued: 'forts.',
  },
  en: {
    title: 'Record of processing activities',
    subtitle: 'Record of processing of personal data under Article 30(1) of the General Data Protection Regulation (EU) 2016/679',
    municipality: 'Controller',
    date: 'Drawn up',
    officer: 'Data protection officer',
    none: 'not appointed',
    count: 'Processing activities',
    selection: 'Selection',
    all: 'the whole register',
    filtered: 'part of the register (filtered)',
    page: (page: number, pages: number) => `Page ${page} of ${pages}`,
    continued: 'continued',
  },
} as const;

const { regular, bold } = pdfFonts;

/**
 * Records drawn between two yields to the event loop. pdfkit draws synchronously, and a large
 * register takes a second or more (5,000 records about 5 s); drawn in slices, the other requests
 * on the same worker wait at most one slice (tens of milliseconds), measured by the bench as the
 * event loop's longest stall during the export.
 */
export const recordsPerSlice = 20;

/**
 * The article 30 register as a landscape A4 PDF a supervisory authority can read: a title page
 * block (controller, date, the DPO's contact), then one section per record with its fields in
 * the order of the article, a page number on every page. pdfkit is loaded on first use, as
 * exceljs is, so only exports pay for it.
 */
export async function article30Pdf(heading: Article30Heading, sections: readonly Article30Section[], locale: Locale): Promise<Buffer> {
  const t = texts[locale];
  const { document, left, width, bottom, finish } = await openPdfExport({
    layout: 'landscape',
    title: `${t.title} – ${heading.municipalityName}`,
    author: heading.municipalityName,
    subject: t.subtitle,
    created: new Date(`${heading.date}T12:00:00Z`),
  });
  const labelWidth = 230;
  const gap = 12;
  const valueWidth = width - labelWidth - gap;

  document.font(bold).fontSize(20).text(pdfText(t.title), left, document.page.margins.top, { width });
  document.font(regular).fontSize(10).text(pdfText(t.subtitle), { width }).moveDown(0.8);
  const officers = heading.dataProtectionOfficers.map((officer) => `${officer.name} (${officer.email})`).join(', ') || t.none;
  const summary: Array<[string, string]> = [
    [t.municipality, heading.municipalityName],
    [t.date, heading.date],
    [t.officer, officers],
    [t.count, String(sections.length)],
    [t.selection, heading.filtered ? t.filtered : t.all],
  ];
  for (const [label, value] of summary) {
    const y = document.y;
    document.font(bold).fontSize(10).text(pdfText(label), left, y, { width: labelWidth });
    document.font(regular).text(pdfText(value), left + labelWidth + gap, y, { width: valueWidth });
    document.x = left;
  }
  document.moveDown(1);

  const labelHeights = new Map<string, number>();
  for (const [index, section] of sections.entries()) {
    if (index > 0 && index % recordsPerSlice === 0) await nextTurn();
    const title = pdfText(`${index + 1}. ${section.title}`);
    document.font(bold).fontSize(12);
    const titleHeight = document.heightOfString(title, { width });
    // A section starts where its title and first field fit together, never as a lone title at a page's foot.
    if (document.y + titleHeight + 40 > bottom()) document.addPage();
    document
      .strokeColor('#777777')
      .lineWidth(0.5)
      .moveTo(left, document.y)
      .lineTo(left + width, document.y)
      .stroke();
    document.moveDown(0.3);
    document.text(title, left, document.y, { width });
    document.moveDown(0.2);
    for (const [label, rawValue] of section.fields) {
      const labelText = pdfText(label);
      const value = pdfText(rawValue.trim() === '' ? '–' : rawValue);
      document.font(regular).fontSize(8.5);
      // Measuring text is most of the PDF's time: the labels repeat in every section and are
      // measured once each, and a value is measured only where its worst case (every glyph an
      // em wide) might not fit above the page's foot.
      let labelHeight = labelHeights.get(labelText);
      if (labelHeight === undefined) {
        labelHeight = document.font(bold).heightOfString(labelText, { width: labelWidth });
        labelHeights.set(labelText, labelHeight);
        document.font(regular);
      }
      const worstLines = value.split('\n').reduce((lines, line) => lines + Math.max(1, Math.ceil((line.length * 8.5) / valueWidth)), 0);
      if (document.y + Math.max(labelHeight, worstLines * document.currentLineHeight(true)) > bottom()) {
        const height = Math.max(labelHeight, document.heightOfString(value, { width: valueWidth }));
        if (document.y + height > bottom()) {
          document.addPage();
          // A section that runs onto a new page names itself again there, so its fields are not read as the previous record's.
          document.font(bold).fontSize(10).text(`${title} (${t.continued})`, left, document.y, { width });
          document.moveDown(0.3).font(regular).fontSize(8.5);
        }
      }
      const y = document.y;
      document.font(bold).text(labelText, left, y, { width: labelWidth });
      document.font(regular).text(value, left + labelWidth + gap, y, { width: valueWidth });
      document.x = left;
      document.y = Math.max(y + labelHeight, document.y) + 3;
    }
    document.moveDown(0.8);
  }

  return finish({ text: `${heading.municipalityName} – ${t.title} ${heading.date}`, page: t.page }, recordsPerSlice * 5);
}
