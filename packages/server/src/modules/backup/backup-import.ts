import { randomUUID } from 'node:crypto';
import { systemActor } from '../../access/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { currentAuditKey, type AuditKey } from '../../platform/audit-key.ts';
import type { Clock } from '../../platform/clock.ts';
import { withTransaction, type DatabaseHandle } from '../../platform/database.ts';
import type { DocumentStorage } from '../documents/index.ts';
import { BackupArchiveError, fromNdjson, manifestSignature, readArchive, sha256Hex, type BackupManifest } from './backup-archive.ts';
import { firstChainProblem, rehashChain } from './backup-chain.ts';
import { remapRow } from './backup-identities.ts';
import { backupPlan, insertionOrder, parentsFirst } from './backup-tables.ts';
import { backupRepository, type StoredRow } from './backup.repository.ts';

export interface ImportOptions {
  clock: Clock;
  storage: DocumentStorage;
  /** The code the municipality gets here; the archive's when not given. */
  code?: string;
  /** The source installation's audit key, when it is not this installation's (ADR 0034: the chain is verified with it). */
  sourceKey?: AuditKey;
}

export interface ImportResult {
  municipalityId: string;
  code: string;
  name: string;
  rows: number;
  tables: number;
  auditEvents: number;
  /** Whether the archive's ids were kept (false: every id was new, because some were taken here). */
  idsKept: boolean;
  /**
   * People whose archived login has an e-mail that a login here has already: they are imported
   * without a login, never attached to that one (ADR 0033); the municipality's administrator
   * invites them, and the invitation proves the address is theirs.
   */
  peopleWithoutLogin: Array<{ name: string; email: string }>;
  attachments: number;
}

const codePattern = /^\d{4}$/;

function keyFor(manifest: BackupManifest, sourceKey: AuditKey | undefined): AuditKey {
  const own = currentAuditKey();
  if (manifest.source.auditKeyId === own.id) return own;
  if (sourceKey?.id === manifest.source.auditKeyId) return sourceKey;
  if (sourceKey) {
    throw new BackupArchiveError(
      `The archive was signed with audit key ${manifest.source.auditKeyId}; the key file given is key ${sourceKey.id}.`,
    );
  }
  throw new BackupArchiveError(
    `The archive was signed with audit key ${manifest.source.auditKeyId}, not this installation's (${own.id}): ` +
      "give the source installation's key file with --source-audit-key-file FILE to verify it.",
  );
}

/**
 * Loads an archive as a new municipality, all or nothing: refused before anything is written when
 * its signature, checksums or audit chain do not verify under the source's key, when its schema is
 * newer than this installation's, or when its code exists here. The chain is carried on under this
 * installation's key with an import event that records the source's head (ADR 0034).
 */
export async function importMunicipality(db: DatabaseHandle, archiveBytes: Buffer, options: ImportOptions): Promise<ImportResult> {
  const { manifest, tables: files, attachments } = await readArchive(archiveBytes);
  const sourceKey = keyFor(manifest, options.sourceKey);
  const { signature, ...unsigned } = manifest;
  if (manifestSignature(unsigned, sourceKey) !== signature) {
    throw new BackupArchiveError('The backup was altered: its manifest does not match its signature.');
  }
  const rowsByTable = new Map<string, StoredRow[]>();
  for (const table of manifest.tables) {
    const rows = fromNdjson(files.get(table.name)!.toString('utf8'));
    if (rows.length !== table.rows)
      throw new BackupArchiveError(`The backup was altered: ${table.file} has ${rows.length} rows, not ${table.rows}.`);
    rowsByTable.set(table.name, rows);
  }
  const sourceId = manifest.municipality.id;
  const events = rowsByTable.get('audit_events') ?? [];
  const chainProblem = firstChainProblem(events, sourceId, manifest.auditChain, sourceKey);
  if (chainProblem) throw new BackupArchiveError(`The backup's audit chain does not verify: ${chainProblem}. Nothing was imported.`);

  const code = options.code ?? manifest.municipality.code;
  if (!codePattern.test(code)) throw new BackupArchiveError(`A municipality code is four digits (kommunkod), not "${code}".`);

  return withTransaction(db, async (transaction) => {
    const migrations = await backupRepository.migrationNames(transaction);
    if (manifest.source.migrationLevel && !migrations.has(manifest.source.migrationLevel)) {
      throw new BackupArchiveError(
        `The backup comes from a newer Förvalta (schema ${manifest.source.migrationLevel}); update this installation first.`,
      );
    }
    if (await backupRepository.municipalityCodeExists(transaction, code)) {
      throw new BackupArchiveError(`A municipality with code ${code} exists here already: give another with --code NEWCODE.`);
    }
    const destinationTables = new Map((await backupRepository.listTables(transaction)).map((table) => [table.name, table.columns]));
    const plan = new Map(
      backupPlan([...destinationTables].map(([name, columns]) => ({ name, columns }))).map((table) => [table.name, table]),
    );
    for (const table of manifest.tables) {
      const columns = destinationTables.get(table.name);
      if (!plan.has(table.name) || !columns)
        throw new BackupArchiveError(`The backup has a table this installation does not import: ${table.name}.`);
      const unknown = table.columns.filter((column) => !columns.includes(column));
      if (unknown.length > 0)
        throw new BackupArchiveError(`The backup's ${table.name} has columns this installation lacks: ${unknown.join(', ')}.`);
    }

    // Logins are the installation's (ADR 0033): an archive never attaches its people to a login that is here
    // already, whichever municipality that login serves. Such people come without a login and are named.
    const logins = rowsByTable.get('logins') ?? [];
    const existingLogins = await backupRepository.loginIdsByEmail(
      transaction,
      logins.map((login) => String(login.email)),
    );
    const withheldLogins = new Set(
      logins.filter((login) => existingLogins.has(String(login.email).toLowerCase())).map((login) => String(login.id)),
    );
    const peopleWithoutLogin: ImportResult['peopleWithoutLogin'] = [];
    rowsByTable.set(
      'people',
      (rowsByTable.get('people') ?? []).map((person) => {
        if (typeof person.login_id !== 'string' || !withheldLogins.has(person.login_id)) return person;
        peopleWithoutLogin.push({ name: `${person.first_name} ${person.last_name}`, email: String(person.email) });
        return { ...person, login_id: null };
      }),
    );
    const identities = new Map<string, string>();
    let idsKept = true;
    for (const [table, rows] of rowsByTable) {
      if (table === 'logins' || !destinationTables.get(table)?.includes('id')) continue;
      const ids = rows.map((row) => String(row.id));
      if ((await backupRepository.existingIds(transaction, table, ids)).length > 0) {
        idsKept = false;
        break;
      }
    }
    if (!idsKept) {
      for (const [table, rows] of rowsByTable)
        if (table !== 'logins') for (const row of rows) if (typeof row.id === 'string') identities.set(row.id, randomUUID());
    }
    const takenLoginIds = new Set(
      await backupRepository.existingIds(
        transaction,
        'logins',
        logins.map((login) => String(login.id)),
      ),
    );
    const newLogins: StoredRow[] = [];
    for (const login of logins) {
      const id = String(login.id);
      // The archive's history keeps naming its own login (audit actors), under an id nobody here has.
      if (takenLoginIds.has(id)) identities.set(id, randomUUID());
      if (withheldLogins.has(id)) continue;
      newLogins.push({ ...login, last_municipality_id: login.last_municipality_id === sourceId ? sourceId : null });
    }
    rowsByTable.set('logins', newLogins);
    for (const attachment of manifest.attachments) {
      if (await options.storage.exists(attachment.storageKey)) identities.set(attachment.storageKey, randomUUID());
    }
    const municipalityId = identities.get(sourceId) ?? sourceId;
    rowsByTable.set(
      'municipalities',
      (rowsByTable.get('municipalities') ?? []).map((row) => ({ ...row, code })),
    );

    const foreignKeys = await backupRepository.listForeignKeys(transaction);
    const order = insertionOrder([...rowsByTable.keys()], foreignKeys);
    const key = currentAuditKey();
    let rowCount = 0;
    let chainHead = { lastSequence: 0, lastHash: '' };
    const saved: string[] = [];
    try {
      for (const attachment of manifest.attachments) {
        const storageKey = identities.get(attachment.storageKey) ?? attachment.storageKey;
        await options.storage.save(storageKey, attachments.get(attachment.storageKey)!);
        saved.push(storageKey);
      }
      for (const table of order) {
        // The head is written after the events, with the destination's hash of the last one.
        if (table === 'audit_chain_heads') continue;
        let rows = rowsByTable.get(table)!.map((row) => remapRow(row, identities));
        if (table === 'audit_events') {
          const rehashed = rehashChain(rows, key);
          rows = rehashed.rows;
          chainHead = rehashed.head;
        }
        const selfColumns = foreignKeys
          .filter((foreignKey) => foreignKey.table === table && foreignKey.references === table)
          .map((foreignKey) => foreignKey.column);
        await backupRepository.insertTableRows(transaction, table, parentsFirst(rows, selfColumns));
        rowCount += rows.length;
      }
      await backupRepository.insertTableRows(transaction, 'audit_chain_heads', [
        { chain_id: municipalityId, last_sequence: chainHead.lastSequence, last_hash: chainHead.lastHash, key_id: key.id },
      ]);
      rowCount += 1;
      await recordAudit(transaction, systemActor('forvalta import-municipality', municipalityId), options.clock, {
        action: 'municipality_imported',
        entityType: 'municipality',
        entityId: municipalityId,
        municipalityId,
        before: {
          municipalityId: sourceId,
          code: manifest.municipality.code,
          exportedAt: manifest.createdAt,
          source: manifest.source,
          chainHead: { sequence: manifest.auditChain.lastSequence, hash: manifest.auditChain.lastHash, keyId: manifest.source.auditKeyId },
          archiveSha256: sha256Hex(archiveBytes),
        },
        after: { code, idsKept, keyId: key.id, rows: rowCount },
      });
    } catch (error) {
      for (const storageKey of saved) await options.storage.remove(storageKey);
      throw error;
    }
    return {
      municipalityId,
      code,
      name: manifest.municipality.name,
      rows: rowCount,
      tables: manifest.tables.length,
      auditEvents: events.length,
      idsKept,
      peopleWithoutLogin: peopleWithoutLogin.sort((left, right) => left.name.localeCompare(right.name, 'sv')),
      attachments: manifest.attachments.length,
    };
  });
}
