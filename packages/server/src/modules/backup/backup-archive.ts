import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { canonicalJson } from '../../platform/audit.ts';
import { hmacHex, type AuditKey } from '../../platform/audit-key.ts';

/**
 * The archive of one municipality (docs/backup-format.md): a ZIP with `manifest.json`, a notice,
 * one NDJSON file per table (`tables/<table>.ndjson`, a JSON object of the stored columns per line)
 * and the policy documents' attached files (`attachments/<storage key>`). ZIP rather than tar.gz
 * because jszip is the server's zip library already (ADR 0017) and a municipality's operators open
 * ZIP files without tools. The manifest holds each file's SHA-256 and is signed with an HMAC under
 * the source installation's audit key, so an archive changed after export is refused at import.
 */
export const backupFormat = 'forvalta-municipality-backup';
export const backupFormatVersion = 1;

export const confidentialNotice =
  'CONFIDENTIAL (SEKRETESS): this archive holds every record of a municipality in Förvalta, with personal data, ' +
  'password hashes and confidential records. Store it encrypted, hand it only to operators of the installation, and delete it when no longer needed.';

export interface ManifestTable {
  name: string;
  file: string;
  rows: number;
  columns: string[];
  sha256: string;
}

export interface ManifestAttachment {
  storageKey: string;
  file: string;
  bytes: number;
  sha256: string;
}

export interface BackupManifest {
  format: typeof backupFormat;
  formatVersion: number;
  classification: 'confidential';
  notice: string;
  createdAt: string;
  source: {
    /** The exporting installation's version and database. */
    application: string;
    version: string;
    dialect: 'sqlite' | 'postgresql';
    /** The last migration run by the source: the schema level of the rows. */
    migrationLevel: string | null;
    /** AuditKey.id of the source's key: which key the chain and this manifest are signed with. */
    auditKeyId: string;
  };
  municipality: { id: string; code: string; name: string };
  tables: ManifestTable[];
  attachments: ManifestAttachment[];
  /** The municipality's audit chain as exported: its head (the checkpoint the import verifies against). */
  auditChain: { chainId: string; events: number; lastSequence: number; lastHash: string };
  /** Tables of the schema not carried, with the reason (backup-tables.ts). */
  excludedTables: Record<string, string>;
  /** HMAC-SHA-256 under the source's audit key over the rest of the manifest (canonical JSON). */
  signature: string;
}

export type UnsignedManifest = Omit<BackupManifest, 'signature'>;

export function sha256Hex(content: Buffer | string): string {
  return createHash('sha256').update(content).digest('hex');
}

export function manifestSignature(manifest: UnsignedManifest, key: AuditKey): string {
  return hmacHex(key, `${backupFormat}/${backupFormatVersion}\n${canonicalJson(manifest)}`);
}

/** One table's rows as NDJSON: a line per row, keys in the table's column order. */
export function toNdjson(rows: ReadonlyArray<Record<string, unknown>>): Buffer {
  const parts: string[] = [];
  for (const row of rows) parts.push(`${JSON.stringify(row)}\n`);
  return Buffer.from(parts.join(''), 'utf8');
}

export function fromNdjson(content: string): Array<Record<string, unknown>> {
  const rows: Array<Record<string, unknown>> = [];
  for (const line of content.split('\n')) if (line.length > 0) rows.push(JSON.parse(line) as Record<string, unknown>);
  return rows;
}

export interface ArchiveContent {
  manifest: BackupManifest;
  tables: Map<string, Buffer>;
  attachments: Map<string, Buffer>;
}

export async function writeArchive(content: ArchiveContent): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(content.manifest, null, 2)}\n`);
  zip.file(
    'CONFIDENTIAL.txt',
    `${confidentialNotice}\n\nFormat: docs/backup-format.md (${backupFormat} version ${backupFormatVersion}).\n`,
  );
  for (const table of content.manifest.tables) zip.file(table.file, content.tables.get(table.name)!);
  for (const attachment of content.manifest.attachments) zip.file(attachment.file, content.attachments.get(attachment.storageKey)!);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** Why an archive is refused before anything is written: the CLI and the route show the message as it is. */
export class BackupArchiveError extends Error {}

const storageKeyPattern = /^[A-Za-z0-9-]{1,100}$/;
const tableNamePattern = /^[a-z_][a-z0-9_]{0,62}$/;

/** Reads and checks an archive's structure and digests; the signature and chain are checked by the import with the key. */
export async function readArchive(archive: Buffer): Promise<ArchiveContent> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(archive);
  } catch {
    throw new BackupArchiveError('The file is not a Förvalta backup: it is not a ZIP archive.');
  }
  const manifestFile = zip.file('manifest.json');
  if (!manifestFile) throw new BackupArchiveError('The file is not a Förvalta backup: it has no manifest.json.');
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(await manifestFile.async('string')) as BackupManifest;
  } catch {
    throw new BackupArchiveError('The backup’s manifest.json is not JSON.');
  }
  if (manifest.format !== backupFormat) throw new BackupArchiveError('The file is not a Förvalta backup (manifest format).');
  if (manifest.formatVersion !== backupFormatVersion) {
    throw new BackupArchiveError(
      `The backup is of format version ${String(manifest.formatVersion)}; this Förvalta reads version ${backupFormatVersion}.`,
    );
  }
  const tables = new Map<string, Buffer>();
  for (const table of manifest.tables ?? []) {
    if (!tableNamePattern.test(table.name) || table.file !== `tables/${table.name}.ndjson`) {
      throw new BackupArchiveError(`The backup names an invalid table file (${String(table.name)}).`);
    }
    const file = zip.file(table.file);
    if (!file) throw new BackupArchiveError(`The backup is incomplete: ${table.file} is missing.`);
    const content = await file.async('nodebuffer');
    if (sha256Hex(content) !== table.sha256)
      throw new BackupArchiveError(`The backup was altered: ${table.file} does not match its checksum.`);
    tables.set(table.name, content);
  }
  const attachments = new Map<string, Buffer>();
  for (const attachment of manifest.attachments ?? []) {
    if (!storageKeyPattern.test(attachment.storageKey) || attachment.file !== `attachments/${attachment.storageKey}`) {
      throw new BackupArchiveError('The backup names an invalid attachment file.');
    }
    const file = zip.file(attachment.file);
    if (!file) throw new BackupArchiveError(`The backup is incomplete: ${attachment.file} is missing.`);
    const content = await file.async('nodebuffer');
    if (sha256Hex(content) !== attachment.sha256) {
      throw new BackupArchiveError(`The backup was altered: ${attachment.file} does not match its checksum.`);
    }
    attachments.set(attachment.storageKey, content);
  }
  return { manifest, tables, attachments };
}
