import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The exports' typeface: DejaVu Sans from the pinned `dejavu-fonts-ttf` package (ADR 0031),
 * embedded (pdfkit subsets it to the glyphs used). The PDF's standard fonts hold WinAnsi only, so a
 * Sámi name (Áilu Čoarvi, Ŋ ŧ đ) or a Polish Ł came out as '?'; DejaVu Sans covers Latin
 * Extended-A and -B, Greek and Cyrillic, and a reader sees every name as written.
 */
const fontDirectory = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
export const embeddedFonts = {
  regular: path.join(fontDirectory, 'DejaVuSans.ttf'),
  bold: path.join(fontDirectory, 'DejaVuSans-Bold.ttf'),
};
/** The names the fonts are registered under in every export's document. */
export const pdfFonts = { regular: 'Body', bold: 'Bold' } as const;

/** Text as the PDF writes it: line endings as one newline, a tab as a space (pdfkit draws neither). */
export function pdfText(text: string): string {
  return text.replace(/\r\n?|\t/g, (match) => (match === '\t' ? ' ' : '\n'));
}

/** A yield to the event loop: pdfkit draws synchronously, so a long export draws in slices. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface PdfExportOptions {
  layout?: 'portrait' | 'landscape';
  title: string;
  author: string;
  subject?: string;
  created: Date;
}

/**
 * An A4 export as every PDF of the product is made: pdfkit loaded on first use (only exports pay
 * for it), 48 pt margins, the embedded fonts registered, the metadata set, the pages buffered so
 * `finish` can number them. `finish` writes each page's footer (left: what the document is; right:
 * its page of how many), yielding to the event loop every `pagesPerSlice` pages, and answers the file.
 */
export async function openPdfExport(options: PdfExportOptions) {
  const { default: PDFDocument } = await import('pdfkit');
  const document = new PDFDocument({
    size: 'A4',
    layout: options.layout ?? 'portrait',
    margins: { top: 48, bottom: 48, left: 48, right: 48 },
    bufferPages: true,
    info: {
      Title: pdfText(options.title),
      Author: pdfText(options.author),
      ...(options.subject ? { Subject: pdfText(options.subject) } : {}),
      Creator: 'Förvalta',
      CreationDate: options.created,
      ModDate: options.created,
    },
  });
  document.registerFont(pdfFonts.regular, embeddedFonts.regular);
  document.registerFont(pdfFonts.bold, embeddedFonts.bold);
  const chunks: Buffer[] = [];
  document.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    document.on('end', resolve);
    document.on('error', reject);
  });
  const left = document.page.margins.left;
  const width = document.page.width - left - document.page.margins.right;

  async function finish(footer: { text: string; page: (page: number, pages: number) => string }, pagesPerSlice = 100) {
    const range = document.bufferedPageRange();
    for (let page = range.start; page < range.start + range.count; page += 1) {
      if (page > range.start && page % pagesPerSlice === 0) await nextTurn();
      document.switchToPage(page);
      // The footer sits in the bottom margin; without lifting the margin pdfkit would start a new page for it.
      const margin = document.page.margins.bottom;
      document.page.margins.bottom = 0;
      document.font(pdfFonts.regular).fontSize(8).fillColor('#444444');
      document.text(pdfText(footer.text), left, document.page.height - margin + 16, { width, lineBreak: false });
      document.text(footer.page(page + 1, range.count), left, document.page.height - margin + 16, {
        width,
        align: 'right',
        lineBreak: false,
      });
      document.fillColor('black');
      document.page.margins.bottom = margin;
    }
    document.end();
    await ended;
    return Buffer.concat(chunks);
  }

  return { document, left, width, bottom: () => document.page.height - document.page.margins.bottom, finish };
}
