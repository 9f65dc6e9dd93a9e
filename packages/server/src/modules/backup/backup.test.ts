import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../access/actor.ts';
import { loadAuditKey } from '../../config.ts';
import { loadDemoOrganisation } from '../../demo/demo-organisation.ts';
import { migrateToLatest } from '../../migrations/index.ts';
import { auditKeyOf, currentAuditKey, installAuditKey } from '../../platform/audit-key.ts';
import { verifyAuditChains } from '../../platform/audit-verify.ts';
import { connectDatabase, type DatabaseConnection, type DatabaseHandle } from '../../platform/database.ts';
import { testPdf } from '../../../test/document-test-files.ts';
import { testClock } from '../../../test/test-app.ts';
import { createMigratedTestDatabase, testDialect, type TestDatabase, type TestDialect } from '../../../test/test-database.ts';
import { diskDocumentStorage } from '../documents/index.ts';
import { manifestSignature, sha256Hex, type BackupManifest } from './backup-archive.ts';
import { exportedTables, exportMunicipality } from './backup-export.ts';
import { importMunicipality } from './backup-import.ts';
import { backupRepository, type StoredRow } from './backup.repository.ts';

/**
 * Export → import → export → import across the two databases (issue #17 §2): the project's dialect
 * to the other and back, every exported table compared row by row with the source, the chain
 * verified at each end, sessions, tokens and second-factor secrets left behind. The demo
 * municipality gives the rows their realism.
 */
const otherDialect: TestDialect = testDialect() === 'sqlite' ? 'postgres' : 'sqlite';

interface Installation {
  database: TestDatabase;
  connection: DatabaseConnection;
  documents: string;
  storage: ReturnType<typeof diskDocumentStorage>;
}

const installations: Installation[] = [];
async function installation(dialect: TestDialect): Promise<Installation> {
  const database = await createMigratedTestDatabase(dialect);
  const connection = connectDatabase(database.url, { poolSize: 2 });
  await migrateToLatest(connection.db);
  const documents = fs.mkdtempSync(path.join(os.tmpdir(), 'forvalta-backup-documents-'));
  const created = { database, connection, documents, storage: diskDocumentStorage(documents) };
  installations.push(created);
  return created;
}

const clock = testClock();
const ownKey = loadAuditKey(path.join(os.tmpdir(), 'forvalta-test-audit.key'));
let source: Installation;
let municipalityId: string;
let attachmentKey: string;

const timestamp = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}/;
/** The stored value as both databases mean it: instants compared as instants, numbers as numbers. */
function normalised(row: StoredRow, leaveOut: readonly string[] = []): string {
  const entries = Object.entries(row)
    .filter(([column]) => !leaveOut.includes(column))
    .map(([column, value]) => [
      column,
      typeof value === 'string' && timestamp.test(value) && value.length > 10 ? new Date(value).toISOString() : value,
    ]);
  return JSON.stringify(Object.fromEntries(entries.sort(([left], [right]) => String(left).localeCompare(String(right)))));
}

async function tablesOf(db: DatabaseHandle, id: string): Promise<Map<string, string[]>> {
  const tables = new Map<string, string[]>();
  for (const table of await exportedTables(db)) {
    const rows = await backupRepository.rowsOf(db, table.name, table.columns, table.scope, id);
    // The chain's hashes are the destination's own key's; its head moves with the import event.
    const leaveOut = table.name === 'audit_events' ? ['hash', 'previous_hash'] : [];
    if (table.name !== 'audit_chain_heads') tables.set(table.name, rows.map((row) => normalised(row, leaveOut)).sort());
  }
  return tables;
}

async function counts(db: DatabaseHandle, table: 'sessions' | 'api_tokens' | 'login_second_factors' | 'password_reset_links') {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

beforeAll(async () => {
  installAuditKey(ownKey);
  source = await installation(testDialect());
  const demo = await loadDemoOrganisation(source.connection.db, clock, 40);
  municipalityId = demo.municipalityId;
  const db = source.connection.db;
  const login = await db
    .selectFrom('people')
    .select('login_id')
    .where('municipality_id', '=', municipalityId)
    .where('login_id', 'is not', null)
    .executeTakeFirstOrThrow();
  const now = clock.now().toISOString();
  // What must never travel: a session, a token, a TOTP secret, a reset link.
  await db
    .insertInto('sessions')
    .values({
      id: randomUUID(),
      login_id: login.login_id!,
      municipality_id: municipalityId,
      csrf_token: 'csrf',
      created_at: now,
      last_seen_at: now,
      expires_at: now,
    })
    .execute();
  await db
    .insertInto('api_tokens')
    .values({
      id: randomUUID(),
      municipality_id: municipalityId,
      login_id: login.login_id!,
      name: 't',
      token_hash: 'h'.repeat(64),
      token_prefix: 'fvt_x',
      expires_at: null,
      can_create_tokens: 0,
      last_used_at: null,
      revoked_at: null,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
  await db
    .insertInto('login_second_factors')
    .values({
      login_id: login.login_id!,
      secret: 'JBSWY3DPEHPK3PXP',
      confirmed_at: now,
      last_used_step: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  // An attached file of a policy document version, kept on disk beside the database.
  const version = await db
    .selectFrom('policy_document_versions')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirstOrThrow();
  attachmentKey = randomUUID();
  await source.storage.save(attachmentKey, testPdf('Säkerhetskopia'));
  await db
    .updateTable('policy_document_versions')
    .set({
      attachment_storage_key: attachmentKey,
      attachment_file_name: 'riktlinjer.pdf',
      attachment_content_type: 'application/pdf',
      attachment_size: testPdf('Säkerhetskopia').length,
    })
    .where('id', '=', version.id)
    .execute();
}, 120_000);

afterAll(async () => {
  installAuditKey(ownKey);
  for (const created of installations) {
    await created.connection.destroy();
    await created.database.drop();
    fs.rmSync(created.documents, { recursive: true, force: true });
  }
});

const exportOf = (from: Installation, id: string) =>
  exportMunicipality(from.connection.db, {
    municipalityId: id,
    actor: systemActor('test export', id),
    clock,
    storage: from.storage,
    version: 'test',
  });

describe(`backup round trip ${testDialect()} → ${otherDialect} → ${testDialect()}`, () => {
  it('carries every record both ways, the chain verifies at each end, and no secret travels', async () => {
    const first = await exportOf(source, municipalityId);
    expect(first.fileName).toMatch(/^forvalta-1435-\d{4}-\d{2}-\d{2}-confidential\.zip$/);
    expect(first.manifest.classification).toBe('confidential');
    expect(first.manifest.tables.find((table) => table.name === 'sessions')).toBeUndefined();
    expect(first.manifest.excludedTables.login_second_factors).toMatch(/TOTP/);
    const expected = await tablesOf(source.connection.db, municipalityId);

    const middle = await installation(otherDialect);
    const imported = await importMunicipality(middle.connection.db, first.archive, { clock, storage: middle.storage });
    expect(imported).toMatchObject({ municipalityId, code: '1435', idsKept: true, peopleWithoutLogin: [], attachments: 1 });
    const second = await exportOf(middle, municipalityId);
    const back = await installation(testDialect());
    await importMunicipality(back.connection.db, second.archive, { clock, storage: back.storage });

    for (const destination of [middle, back]) {
      const actual = await tablesOf(destination.connection.db, municipalityId);
      expect([...actual.keys()]).toEqual([...expected.keys()]);
      for (const [table, rows] of expected) {
        if (table === 'audit_events') {
          // The source's events, in order, then the import's (and the middle's export) on top.
          expect(actual.get(table)!.length).toBeGreaterThan(rows.length);
          expect(
            rows.every((row) => actual.get(table)!.includes(row)),
            table,
          ).toBe(true);
        } else expect(actual.get(table), table).toEqual(rows);
      }
      const verification = await verifyAuditChains(destination.connection.db);
      expect(verification.problems).toEqual([]);
      for (const table of ['sessions', 'api_tokens', 'login_second_factors', 'password_reset_links'] as const)
        expect(await counts(destination.connection.db, table), table).toBe(0);
      expect((await destination.storage.read(attachmentKey)).equals(testPdf('Säkerhetskopia'))).toBe(true);
    }
    const importEvents = await back.connection.db
      .selectFrom('audit_events')
      .select(['before_json', 'actor_name'])
      .where('chain_id', '=', municipalityId)
      .where('action', '=', 'municipality_imported')
      .orderBy('sequence')
      .execute();
    expect(importEvents).toHaveLength(2);
    expect(JSON.parse(importEvents[1]!.before_json!).chainHead).toEqual({
      sequence: second.manifest.auditChain.lastSequence,
      hash: second.manifest.auditChain.lastHash,
      keyId: ownKey.id,
    });
  }, 240_000);
});

/** An archive with one file replaced, the manifest's digest (and, given the key, its signature) made to match. */
async function altered(archive: Buffer, file: string, change: (content: string) => string, resignWith?: typeof ownKey) {
  const zip = await JSZip.loadAsync(archive);
  const content = change(await zip.file(file)!.async('string'));
  zip.file(file, content);
  const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as BackupManifest;
  if (resignWith) {
    const table = manifest.tables.find((candidate) => candidate.file === file)!;
    table.sha256 = sha256Hex(Buffer.from(content, 'utf8'));
    const { signature: _old, ...unsigned } = manifest;
    manifest.signature = manifestSignature(unsigned, resignWith);
    zip.file('manifest.json', JSON.stringify(manifest));
  }
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('import refusals', () => {
  it('refuses an altered archive, a chain rewritten by someone holding the key, and a foreign key without its file, writing nothing', async () => {
    const { archive } = await exportOf(source, municipalityId);
    const destination = await installation(otherDialect);
    const importInto = (bytes: Buffer, sourceKey?: typeof ownKey) =>
      importMunicipality(destination.connection.db, bytes, { clock, storage: destination.storage, sourceKey });

    const renamed = (content: string) => content.replace(/"name":"[^"]*"/, '"name":"Manipulerad"');
    await expect(importInto(await altered(archive, 'tables/systems.ndjson', renamed))).rejects.toThrow(
      'The backup was altered: tables/systems.ndjson does not match its checksum.',
    );
    const wrongKey = auditKeyOf(Buffer.alloc(32, 7));
    await expect(importInto(await altered(archive, 'tables/systems.ndjson', renamed, wrongKey))).rejects.toThrow(
      'The backup was altered: its manifest does not match its signature.',
    );
    // Whoever holds the key can re-sign the manifest; the chain still names the event they changed.
    const rewritten = await altered(
      archive,
      'tables/audit_events.ndjson',
      (content) => content.replace(/"actor_name":"[^"]*"/, '"actor_name":"någon annan"'),
      ownKey,
    );
    await expect(importInto(rewritten)).rejects.toThrow(
      /^The backup's audit chain does not verify: event #1 \(id [0-9a-f-]+\) was altered\. Nothing was imported\.$/,
    );

    // Another installation's key: the archive is verified only with the source's key file.
    installAuditKey(auditKeyOf(Buffer.alloc(32, 9)));
    try {
      await expect(importInto(archive)).rejects.toThrow(`The archive was signed with audit key ${ownKey.id}, not this installation's`);
      await expect(importInto(archive, wrongKey)).rejects.toThrow('the key file given is key');
      const imported = await importInto(archive, ownKey);
      expect(imported.idsKept).toBe(true);
      // Carried on under the destination's key, and verifying under it.
      expect((await verifyAuditChains(destination.connection.db)).problems).toEqual([]);
      const head = await destination.connection.db
        .selectFrom('audit_chain_heads')
        .select('key_id')
        .where('chain_id', '=', municipalityId)
        .executeTakeFirstOrThrow();
      expect(head.key_id).toBe(currentAuditKey().id);
      await expect(importInto(archive, ownKey)).rejects.toThrow(
        'A municipality with code 1435 exists here already: give another with --code NEWCODE.',
      );
    } finally {
      installAuditKey(ownKey);
    }
  }, 240_000);

  it('loads the same archive again under a new code with new ids, its people without the logins already here (ADR 0033)', async () => {
    const { archive, manifest } = await exportOf(source, municipalityId);
    const before = await tablesOf(source.connection.db, municipalityId);
    const loginsBefore = await source.connection.db.selectFrom('logins').select('id').execute();
    const imported = await importMunicipality(source.connection.db, archive, { clock, storage: source.storage, code: '1499' });
    expect(imported.code).toBe('1499');
    expect(imported.idsKept).toBe(false);
    expect(imported.municipalityId).not.toBe(municipalityId);
    // Every archived login's e-mail is here: none is attached to the copy, and each such person is named.
    expect(imported.peopleWithoutLogin).toHaveLength(manifest.tables.find((table) => table.name === 'logins')!.rows);
    expect(await source.connection.db.selectFrom('logins').select('id').execute()).toHaveLength(loginsBefore.length);
    const linked = await source.connection.db
      .selectFrom('people')
      .select('id')
      .where('municipality_id', '=', imported.municipalityId)
      .where('login_id', 'is not', null)
      .execute();
    expect(linked).toEqual([]);
    // The original is as it was, apart from its own export event; the copy has the same number of records.
    const after = await tablesOf(source.connection.db, municipalityId);
    const copy = await tablesOf(source.connection.db, imported.municipalityId);
    for (const [table, rows] of before) {
      if (table !== 'audit_events') expect(after.get(table), table).toEqual(rows);
      if (table !== 'logins' && table !== 'audit_events') expect(copy.get(table)!.length, table).toBe(rows.length);
    }
    expect((await verifyAuditChains(source.connection.db)).problems).toEqual([]);
    // The copied attachment got a file of its own (the archive's key was taken here).
    const version = await source.connection.db
      .selectFrom('policy_document_versions')
      .select('attachment_storage_key')
      .where('municipality_id', '=', imported.municipalityId)
      .where('attachment_storage_key', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(version.attachment_storage_key).not.toBe(attachmentKey);
    expect((await source.storage.read(version.attachment_storage_key!)).equals(testPdf('Säkerhetskopia'))).toBe(true);
  }, 240_000);
});
