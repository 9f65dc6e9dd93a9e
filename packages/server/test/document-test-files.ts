/**
 * Small files of each accepted type for the tests and the demo: a minimal PDF, and ZIP packages
 * with the entries a DOCX and an ODT begin with (enough for the signature check, not for a word processor).
 */
function zipEntry(name: string, content: string): Buffer {
  const nameBytes = Buffer.from(name, 'latin1');
  const data = Buffer.from(content, 'latin1');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(10, 4);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(data.length, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  return Buffer.concat([header, nameBytes, data]);
}

export function testPdf(text = 'IT-policy'): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1');
}

export function testDocx(): Buffer {
  return Buffer.concat([zipEntry('[Content_Types].xml', '<Types/>'), zipEntry('word/document.xml', '<w:document/>')]);
}

export function testOdt(): Buffer {
  return Buffer.concat([
    zipEntry('mimetype', 'application/vnd.oasis.opendocument.text'),
    zipEntry('content.xml', '<office:document-content/>'),
  ]);
}
