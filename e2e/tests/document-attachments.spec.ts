import fs from 'node:fs';
import path from 'node:path';
import { apiCall, expect, expectNoSeriousAxeViolations, setLocale, test } from './fixtures.ts';

// The e2e servers keep attached files where the server's default puts them (DOCUMENTS_DIR,
// ./data/documents under the repository root): a refused upload must leave no file there.
const storageDirectory = path.resolve(import.meta.dirname, '../../data/documents');
const filesStored = () => (fs.existsSync(storageDirectory) ? fs.readdirSync(storageDirectory).length : 0);

const pdf = (text: string) =>
  Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1');

interface Version {
  id: string;
  version: number;
  attachment: { fileName: string; size: number } | null;
}

test('the owner attaches a PDF to a draft, sees it listed and downloads it; a wrong or too big file is refused with a clear message and nothing is stored', async ({
  loginAs,
}) => {
  test.setTimeout(180_000);
  const admin = await loginAs('administrator');
  const document = await apiCall<{ id: string }>(admin, 'POST', '/documents', {
    data: { kind: 'other', title: `Rutin för distansarbete ${Date.now()}`, requiresAcknowledgement: false },
  });
  const draft = await apiCall<Version>(admin, 'POST', `/documents/${document.id}/versions`, { data: {} });
  const versionPath = `/documents/${document.id}/versions/${draft.id}`;
  await admin.goto(versionPath);
  await expect(admin.getByTestId('version-state')).toHaveText('Utkast');
  await expect(admin.getByText('Versionen har ingen text.')).toBeVisible();
  const fileInput = admin.locator('input[type="file"]');

  // A PDF: attached, listed with its name and size, and downloaded as the same bytes under the same name.
  const content = pdf('Rutin för distansarbete, beslutad av KS');
  await fileInput.setInputFiles({ name: 'Rutin distansarbete.pdf', mimeType: 'application/pdf', buffer: content });
  await expect(admin.getByText('Rutin distansarbete.pdf är bifogad.')).toBeVisible();
  const listed = admin.getByTestId('version-attachment');
  const link = listed.getByRole('link', { name: /^Ladda ned Rutin distansarbete\.pdf \(/ });
  await expect(link).toBeVisible();
  const stored = filesStored();
  const downloading = admin.waitForEvent('download');
  await link.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Rutin distansarbete.pdf');
  const saved = await download.path();
  expect(fs.readFileSync(saved).equals(content)).toBe(true);
  await expectNoSeriousAxeViolations(admin, '/documents/:id/versions/:id (draft with attachment)');
  const attached = await apiCall<Version>(admin, 'GET', versionPath);
  expect(attached.attachment).toEqual({ fileName: 'Rutin distansarbete.pdf', contentType: 'application/pdf', size: content.length });

  // A text file: refused before it is sent, under the field, saying which files can be attached.
  await fileInput.setInputFiles({ name: 'anteckningar.txt', mimeType: 'text/plain', buffer: Buffer.from('Inte ett styrdokument') });
  await expect(admin.getByText('anteckningar.txt bifogades inte: bara PDF, DOCX och ODT kan bifogas.')).toBeVisible();

  // A web page renamed .pdf: the server reads its first bytes and refuses it.
  await fileInput.setInputFiles({
    name: 'riktlinjer.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('<html><body>Inte en PDF</body></html>'),
  });
  await expect(
    admin.getByText('riktlinjer.pdf bifogades inte: filens innehåll är inte en PDF, DOCX eller ODT, vad namnet än säger.'),
  ).toBeVisible();

  // A PDF over the limit (20 MB on the e2e server): refused, with what to do about it.
  const big = Buffer.concat([pdf('stor'), Buffer.alloc(21 * 1024 * 1024, 0x20)]);
  await fileInput.setInputFiles({ name: 'inskannad.pdf', mimeType: 'application/pdf', buffer: big });
  await expect(admin.getByText(/^inskannad\.pdf bifogades inte: filen är större än vad som tillåts\./)).toBeVisible({ timeout: 30_000 });
  await expectNoSeriousAxeViolations(admin, '/documents/:id/versions/:id (attachment refused)');

  // Nothing of the refused files is kept: the version still has the first PDF, and no file was added.
  const after = await apiCall<Version>(admin, 'GET', versionPath);
  expect(after.attachment).toEqual(attached.attachment);
  expect(after.version).toBe(attached.version);
  expect(filesStored()).toBe(stored);
  await admin.reload();
  await expect(admin.getByTestId('version-attachment')).toContainText('Rutin distansarbete.pdf');

  // The refusal reads in English too.
  await setLocale(admin.context(), 'en');
  try {
    await admin.reload();
    await admin.locator('input[type="file"]').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('x') });
    await expect(admin.getByText('notes.txt was not attached: only PDF, DOCX and ODT files can be attached.')).toBeVisible();
  } finally {
    await setLocale(admin.context(), 'sv');
  }
});
