/**
 * A policy document split into its headings and paragraphs (issue #21), so an author starts from
 * the adopted text instead of typing it. Well-kept parsers read the files: mammoth for DOCX (its
 * HTML keeps Word's heading styles), pdfjs-dist for a PDF with text (lines by their
 * baselines), the text itself for plain text. What is read here is only split, never interpreted:
 * proposing clauses is document-clauses.ts.
 */
// The parsers are loaded when a document is first split, not at start-up: pdf.js alone is several
// megabytes of JavaScript that a server which never reads a document should not pay for.

export type DocumentFormat = 'docx' | 'pdf' | 'text';

export interface DocumentBlock {
  kind: 'heading' | 'paragraph';
  text: string;
}

/** "3.1 Ansvar" or "3.1. Ansvar" or "§ 4 Ansvar": a numbered heading, short and without a closing full stop. */
const numberedHeading = /^(?:§\s*)?\d+(?:\.\d+)*\.?\s+\S.{0,100}$/u;

function looksLikeHeading(line: string): boolean {
  return numberedHeading.test(line) && !/[.:;,]$/u.test(line) && line.split(/\s+/u).length <= 12;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

function textOfHtml(html: string): string {
  return html
    .replace(/<br\s*\/?>/gu, ' ')
    .replace(/<[^>]+>/gu, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/gu, (_match, name: string) => entities[name]!)
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Mammoth's HTML is flat and regular (one element per Word paragraph): headings and paragraphs in order. */
async function splitDocx(bytes: Buffer): Promise<DocumentBlock[]> {
  const { default: mammoth } = await import('mammoth');
  const { value: html } = await mammoth.convertToHtml({ buffer: bytes });
  const blocks: DocumentBlock[] = [];
  for (const match of html.matchAll(/<(h[1-6]|p|li)>([\s\S]*?)<\/\1>/gu)) {
    const text = textOfHtml(match[2]!);
    if (text === '') continue;
    const styledHeading = match[1]!.startsWith('h');
    blocks.push({ kind: styledHeading || looksLikeHeading(text) ? 'heading' : 'paragraph', text });
  }
  return blocks;
}

/** The PDF's text as lines, top to bottom: items on one baseline are a line, a gap of more than a line and a half a blank line. */
async function linesOfPdf(bytes: Buffer): Promise<string[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const lines: string[] = [];
  try {
    for (let pageNumber = 1; pageNumber <= document.numPages; pageNumber += 1) {
      const page = await document.getPage(pageNumber);
      const content = await page.getTextContent();
      let line = '';
      let lineY: number | null = null;
      let lineHeight = 10;
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        const y = item.transform[5] as number;
        if (lineY !== null && Math.abs(lineY - y) > 1) {
          lines.push(line.trim());
          if (lineY - y > lineHeight * 1.5) lines.push('');
          line = '';
        }
        line += item.str;
        lineY = y;
        lineHeight = item.height || lineHeight;
      }
      if (line.trim() !== '') lines.push(line.trim());
      lines.push('');
    }
  } finally {
    await document.destroy();
  }
  return lines;
}

/** Lines to blocks: a numbered short line is a heading, a blank line ends a paragraph, other lines join it. */
function blocksOfLines(lines: readonly string[]): DocumentBlock[] {
  const blocks: DocumentBlock[] = [];
  let paragraph: string[] = [];
  const endParagraph = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join(' ').replace(/\s+/gu, ' ').trim() });
    paragraph = [];
  };
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') endParagraph();
    else if (paragraph.length === 0 && looksLikeHeading(line)) blocks.push({ kind: 'heading', text: line });
    else paragraph.push(line);
  }
  endParagraph();
  return blocks;
}

export async function splitDocument(bytes: Buffer, format: DocumentFormat): Promise<DocumentBlock[]> {
  if (format === 'docx') return splitDocx(bytes);
  if (format === 'pdf') return blocksOfLines(await linesOfPdf(bytes));
  return blocksOfLines(
    bytes
      .toString('utf8')
      .replace(/^\uFEFF/u, '')
      .split(/\r?\n/u),
  );
}

/** The format of an uploaded file by its first bytes: a DOCX is a ZIP, a PDF says so; otherwise UTF-8 text. */
export function formatOfDocument(bytes: Buffer): DocumentFormat {
  if (bytes.subarray(0, 4).equals(Buffer.from('PK\u0003\u0004', 'latin1'))) return 'docx';
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  return 'text';
}
