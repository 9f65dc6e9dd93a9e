/**
 * Which attached files a policy document version accepts (PDF, DOCX, ODT), pure: the extension of
 * the name AND the file's own first bytes must agree, so an HTML page renamed .pdf is refused, and
 * the content type the file is served with is ours, never the client's.
 */
import { documentAttachmentContentTypes, type DocumentAttachmentExtension } from '@forvalta/contracts';

const zipSignature = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const odtMimetype = 'mimetypeapplication/vnd.oasis.opendocument.text';

/** What the bytes are, by their signature: a PDF header, an ODF text package, a Word package; null otherwise. */
export function sniffDocumentType(bytes: Buffer): DocumentAttachmentExtension | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (bytes.length < 30 || !bytes.subarray(0, 4).equals(zipSignature)) return null;
  // ODF: the package's first entry is "mimetype", stored uncompressed, its name at byte 30 and its content right after.
  if (bytes.subarray(30, 30 + odtMimetype.length).toString('latin1') === odtMimetype) return 'odt';
  // OOXML: a ZIP whose entry names (stored in clear in the headers) include [Content_Types].xml and word/.
  const names = bytes.toString('latin1');
  if (names.includes('[Content_Types].xml') && names.includes('word/')) return 'docx';
  return null;
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

export function isAcceptedExtension(extension: string): extension is DocumentAttachmentExtension {
  return Object.hasOwn(documentAttachmentContentTypes, extension);
}

export type FileVerdict =
  | { accepted: true; extension: DocumentAttachmentExtension; contentType: string; fileName: string }
  | { accepted: false; reason: string };

/** The one decision on an upload: its (cleaned) name's extension and its bytes must be the same accepted type. */
export function judgeUpload(fileName: string, bytes: Buffer): FileVerdict {
  const name = cleanFileName(fileName);
  if (name === '') return { accepted: false, reason: 'The file needs a name.' };
  const extension = extensionOf(name);
  if (!isAcceptedExtension(extension)) return { accepted: false, reason: 'Only PDF, DOCX and ODT files can be attached.' };
  const sniffed = sniffDocumentType(bytes);
  if (sniffed !== extension)
    return { accepted: false, reason: `The file's content is not a ${extension.toUpperCase()} file, whatever its name says.` };
  return { accepted: true, extension, contentType: documentAttachmentContentTypes[extension], fileName: name };
}

/** The last part of a path, without control characters or quotes; what the download's name will be. */
export function cleanFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return base
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(0, 200);
}

/** The download's Content-Disposition is the platform's, shared by every route that sends a file. */
export { attachmentDisposition } from '../../platform/http/file-download.ts';
