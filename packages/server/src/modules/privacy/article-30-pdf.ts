import { createRequire } from 'node:module';
import path from 'node:path';
import type { Locale } from '@forvalta/contracts';

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

/**
 * The register's typeface: DejaVu Sans from the pinned `dejavu-fonts-ttf` package (ADR 0031),
 * embedded (pdfkit subsets it to the glyphs used). The PDF's standard fonts hold WinAnsi only, so a
 * Sámi name (Áilu Čoarvi, Ŋ ŧ đ) or a Polish Ł came out as '?'; DejaVu Sans covers Latin
 * Extended-A and -B, Greek and Cyrillic, and a supervisory authority reads every name as written.
 */
const fontDirectory = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
export const article30Fonts = {
  regular: path.join(fontDirectory, 'DejaVuSans.ttf'),
  bold: path.join(fontDirectory, 'DejaVuSans-Bold.ttf'),
};
const regular = 'Body';
const bold = 'Bold';

/**
 * Records drawn between two yields to the event loop. pdfkit draws synchronously, and a large
 * register takes a second or more (5,000 records about 5 s); drawn in slices, the other requests
 * on the same worker wait at most one slice (tens of milliseconds), measured by the bench as the
 * event loop's longest stall during the export.
 */
export const recordsPerSlice = 20;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Text as the PDF writes it: line endings as one newline, a tab as a space (pdfkit draws neither). */
export function pdfText(text: string): string {
  return text.replace(/\r\n?|\t/g, (match) => (match === '\t' ? ' ' : '\n'));
}

/**
 * The article 30 register as a landscape A4 PDF a supervisory authority can read: a title page
 * block (controller, date, the DPO's contact), then one section per record with its fields in
 * the order of the article, a page number on every page. pdfkit is loaded on first use, as
 * exceljs is, so only exports pay for it.
 */
export async function article30Pdf(heading: Article30Heading, sections: readonly Article30Section[], locale: Locale): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const t = texts[locale];
  const created = new Date(`${heading.date}T12:00:00Z`);
  const document = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: 48, bottom: 48, left: 48, right: 48 },
    bufferPages: true,
    info: {
      Title: pdfText(`${t.title} – ${heading.municipalityName}`),
      Author: pdfText(heading.municipalityName),
      Subject: pdfText(t.subtitle),
      Creator: 'Förvalta',
      CreationDate: created,
      ModDate: created,
    },
  });
  document.registerFont(regular, article30Fonts.regular);
  document.registerFont(bold, article30Fonts.bold);
  const chunks: Buffer[] = [];
  document.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    document.on('end', resolve);
    document.on('error', reject);
  });

  const left = document.page.margins.left;
  const width = document.page.width - left - document.page.margins.right;
  const bottom = () => document.page.height - document.page.margins.bottom;
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

  const range = document.bufferedPageRange();
  for (let page = range.start; page < range.start + range.count; page += 1) {
    if (page > range.start && page % (recordsPerSlice * 5) === 0) await nextTurn();
    document.switchToPage(page);
    // The footer sits in the bottom margin; without lifting the margin pdfkit would start a new page for it.
    const margin = document.page.margins.bottom;
    document.page.margins.bottom = 0;
    const footer = pdfText(`${heading.municipalityName} – ${t.title} ${heading.date}`);
    document.font(regular).fontSize(8).fillColor('#444444');
    document.text(footer, left, document.page.height - margin + 16, { width, lineBreak: false });
    document.text(t.page(page + 1, range.count), left, document.page.height - margin + 16, { width, align: 'right', lineBreak: false });
    document.fillColor('black');
    document.page.margins.bottom = margin;
  }
  document.end();
  await ended;
  return Buffer.concat(chunks);
}
