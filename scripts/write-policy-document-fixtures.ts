/**
 * Builds the policy document fixtures of issue #21 from one text (packages/server/src/policy/fixtures/
 * falkenas-it-policy.txt): a DOCX with Word's heading styles and numbered headings (the `docx`
 * package) and a PDF with text (pdfkit, DejaVu Sans for å, ä, ö). The files are committed; run
 * `npx tsx scripts/write-policy-document-fixtures.ts` again only when the text changes.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import PDFDocument from 'pdfkit';

const folder = path.join(import.meta.dirname, '..', 'packages', 'server', 'src', 'policy', 'fixtures');
const text = fs.readFileSync(path.join(folder, 'falkenas-it-policy.txt'), 'utf8');
const lines = text.split('\n').filter((line) => line.trim() !== '');
const headingLevel = (line: string) => (/^\d+\.\d+ /.test(line) ? 2 : /^\d+ /.test(line) ? 1 : 0);

const paragraphs = lines.map((line, index) => {
  if (index === 0) return new Paragraph({ text: line, heading: HeadingLevel.TITLE });
  const level = headingLevel(line);
  if (level === 1) return new Paragraph({ text: line, heading: HeadingLevel.HEADING_1 });
  if (level === 2) return new Paragraph({ text: line, heading: HeadingLevel.HEADING_2 });
  return new Paragraph({ text: line });
});
const docx = new Document({ creator: 'Falkenäs kommun', title: lines[0], sections: [{ children: paragraphs }] });
fs.writeFileSync(path.join(folder, 'falkenas-it-policy.docx'), await Packer.toBuffer(docx));

const fontDirectory = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const pdf = new PDFDocument({ size: 'A4', margin: 56, info: { Title: lines[0], CreationDate: new Date('2026-06-11T00:00:00Z') } });
const chunks: Buffer[] = [];
pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
const done = new Promise((resolve) => pdf.on('end', resolve));
pdf.registerFont('regular', path.join(fontDirectory, 'DejaVuSans.ttf'));
pdf.registerFont('bold', path.join(fontDirectory, 'DejaVuSans-Bold.ttf'));
for (const [index, line] of lines.entries()) {
  const level = index === 0 ? 1 : headingLevel(line);
  pdf.font(level > 0 ? 'bold' : 'regular').fontSize(level === 1 ? 14 : level === 2 ? 12 : 11);
  pdf.text(line, { paragraphGap: 10 });
  pdf.moveDown(0.6);
}
pdf.end();
await done;
fs.writeFileSync(path.join(folder, 'falkenas-it-policy.pdf'), Buffer.concat(chunks));
console.log(`wrote the DOCX and the PDF in ${folder}`);
