import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/** A file a route sends as a download: an export or a stored attachment. */
export interface DownloadFile {
  contentType: string;
  fileName: string;
  body: Buffer | string | Readable;
}

/**
 * The Content-Disposition of a download: always an attachment (never shown inline), the name as
 * RFC 5987 UTF-8 (filename*, for å, ä, ö) and an ASCII fallback for old clients.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii =
    fileName
      .normalize('NFD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/[\\"%;]/g, '_') || 'dokument';
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * Sends a file as a download, the same way for every route: its type never sniffed, never kept by
 * a shared cache (exports and attachments hold the municipality's data).
 */
export function sendDownload(reply: FastifyReply, file: DownloadFile): FastifyReply {
  return reply
    .header('Content-Type', file.contentType)
    .header('Content-Disposition', attachmentDisposition(file.fileName))
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', 'private, no-store')
    .send(file.body);
}
