import type { AnyActor } from '../../access/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { currentAuditKey } from '../../platform/audit-key.ts';
import type { Clock } from '../../platform/clock.ts';
import { isPostgres, withTransaction, type DatabaseHandle, type Executor } from '../../platform/database.ts';
import type { DocumentStorage } from '../documents/index.ts';
import {
  backupFormat,
  backupFormatVersion,
  confidentialNotice,
  manifestSignature,
  sha256Hex,
  toNdjson,
  writeArchive,
  type BackupManifest,
  type ManifestAttachment,
  type ManifestTable,
  type UnsignedManifest,
} from './backup-archive.ts';
import { backupPlan, excludedTables, type ExportedTable } from './backup-tables.ts';
import { backupRepository, type StoredRow } from './backup.repository.ts';

export interface ExportOptions {
  municipalityId: string;
  /** Who takes the backup: recorded on the municipality's chain before the rows are read, so the archive holds it. */
  actor: AnyActor;
  clock: Clock;
  storage: DocumentStorage;
  version: string;
}

export interface ExportResult {
  archive: Buffer;
  manifest: BackupManifest;
  /** The archive's file name: the municipality's code, the day, and that it is confidential. */
  fileName: string;
}

/** The tables a backup carries, from the database's own list of tables (backup-tables.ts). */
export async function exportedTables(db: Executor): Promise<ExportedTable[]> {
  return backupPlan(await backupRepository.listTables(db));
}

/**
 * Every record of one municipality as an archive (backup-archive.ts). The rows are read in one
 * transaction, so the archive is one moment of the municipality (PostgreSQL: a repeatable-read
 * snapshot; SQLite: the transaction's write lock keeps writers out for the few seconds it takes).
 */
export async function exportMunicipality(db: DatabaseHandle, options: ExportOptions): Promise<ExportResult> {
  const { municipalityId, clock } = options;
  await withTransaction(db, (transaction) =>
    recordAudit(transaction, options.actor, clock, {
      action: 'municipality_exported',
      entityType: 'municipality',
      entityId: municipalityId,
      municipalityId,
      after: { format: backupFormat, formatVersion: backupFormatVersion },
    }),
  );
  const read = async (transaction: Executor) => {
    const plan = await exportedTables(transaction);
    const rowsByTable = new Map<string, StoredRow[]>();
    for (const table of plan) {
      rowsByTable.set(table.name, await backupRepository.rowsOf(transaction, table.name, table.columns, table.scope, municipalityId));
    }
    return { plan, rowsByTable, migrationLevel: await backupRepository.migrationLevel(transaction) };
  };
  const snapshot = isPostgres(db)
    ? await db.transaction().setIsolationLevel('repeatable read').execute(read)
    : await db.transaction().execute(read);

  const municipality = snapshot.rowsByTable.get('municipalities')?.[0];
  if (!municipality) throw new Error(`No municipality ${municipalityId}`);
  const head = snapshot.rowsByTable.get('audit_chain_heads')?.[0];
  const events = snapshot.rowsByTable.get('audit_events') ?? [];

  const tables: ManifestTable[] = [];
  const files = new Map<string, Buffer>();
  for (const table of snapshot.plan) {
    const rows = snapshot.rowsByTable.get(table.name)!;
    const content = toNdjson(rows);
    files.set(table.name, content);
    tables.push({
      name: table.name,
      file: `tables/${table.name}.ndjson`,
      rows: rows.length,
      columns: table.columns,
      sha256: sha256Hex(content),
    });
  }
  const attachments: ManifestAttachment[] = [];
  const attachmentFiles = new Map<string, Buffer>();
  for (const version of snapshot.rowsByTable.get('policy_document_versions') ?? []) {
    const storageKey = version.attachment_storage_key;
    if (typeof storageKey !== 'string' || attachmentFiles.has(storageKey)) continue;
    const content = await options.storage.read(storageKey);
    attachmentFiles.set(storageKey, content);
    attachments.push({ storageKey, file: `attachments/${storageKey}`, bytes: content.length, sha256: sha256Hex(content) });
  }

  const key = currentAuditKey();
  const unsigned: UnsignedManifest = {
    format: backupFormat,
    formatVersion: backupFormatVersion,
    classification: 'confidential',
    notice: confidentialNotice,
    createdAt: clock.now().toISOString(),
    source: {
      application: 'Förvalta',
      version: options.version,
      dialect: isPostgres(db) ? 'postgresql' : 'sqlite',
      migrationLevel: snapshot.migrationLevel,
      auditKeyId: key.id,
    },
    municipality: { id: String(municipality.id), code: String(municipality.code), name: String(municipality.name) },
    tables,
    attachments,
    auditChain: {
      chainId: municipalityId,
      events: events.length,
      lastSequence: Number(head?.last_sequence ?? 0),
      lastHash: String(head?.last_hash ?? ''),
    },
    excludedTables: { ...excludedTables },
  };
  const manifest: BackupManifest = { ...unsigned, signature: manifestSignature(unsigned, key) };
  const archive = await writeArchive({ manifest, tables: files, attachments: attachmentFiles });
  const day = manifest.createdAt.slice(0, 10);
  return { archive, manifest, fileName: `forvalta-${manifest.municipality.code}-${day}-confidential.zip` };
}
