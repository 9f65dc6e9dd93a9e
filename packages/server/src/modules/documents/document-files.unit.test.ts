import { describe, expect, it } from 'vitest';
import { attachmentDisposition, cleanFileName, judgeUpload, sniffDocumentType } from './document-files.ts';
import { testDocx, testOdt, testPdf } from '../../../test/document-test-files.ts';

describe('attached files: extension and content must agree', () => {
  it('recognises PDF, DOCX and ODT by their first bytes', () => {
    expect(sniffDocumentType(testPdf())).toBe('pdf');
    expect(sniffDocumentType(testDocx())).toBe('docx');
    expect(sniffDocumentType(testOdt())).toBe('odt');
    expect(sniffDocumentType(Buffer.from('<!DOCTYPE html><script>alert(1)</script>'))).toBeNull();
    expect(sniffDocumentType(Buffer.from('PK\u0003\u0004 just a zip of something else, long enough to look'))).toBeNull();
  });

  it('accepts a file whose name and content are the same accepted type, with our content type', () => {
    expect(judgeUpload('IT-policy 2026.pdf', testPdf())).toEqual({
      accepted: true,
      extension: 'pdf',
      contentType: 'application/pdf',
      fileName: 'IT-policy 2026.pdf',
    });
    expect(judgeUpload('Riktlinjer.DOCX', testDocx())).toMatchObject({ accepted: true, extension: 'docx' });
    expect(judgeUpload('Driftinstruktion.odt', testOdt())).toMatchObject({ accepted: true, extension: 'odt' });
  });

  it('refuses an HTML page renamed .pdf, a PDF renamed .odt, another type and a missing name', () => {
    expect(judgeUpload('policy.pdf', Buffer.from('<!DOCTYPE html><html></html>'))).toMatchObject({ accepted: false });
    expect(judgeUpload('policy.odt', testPdf())).toMatchObject({ accepted: false });
    expect(judgeUpload('policy.html', testPdf())).toMatchObject({ accepted: false, reason: expect.stringMatching(/PDF, DOCX and ODT/) });
    expect(judgeUpload('   ', testPdf())).toMatchObject({ accepted: false });
  });

  it('keeps only the last part of a path and drops control characters and quotes', () => {
    expect(cleanFileName('../../etc/passwd.pdf')).toBe('passwd.pdf');
    expect(cleanFileName('C:\\Users\\a\\"Policy"\r\n.pdf')).toBe('Policy.pdf');
  });

  it('always serves as an attachment, the name encoded for å, ä, ö with an ASCII fallback', () => {
    expect(attachmentDisposition('Riktlinjer för IT-säkerhet.pdf')).toBe(
      `attachment; filename="Riktlinjer for IT-sakerhet.pdf"; filename*=UTF-8''Riktlinjer%20f%C3%B6r%20IT-s%C3%A4kerhet.pdf`,
    );
  });
});
