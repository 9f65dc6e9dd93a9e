import fs from 'node:fs';
import path from 'node:path';
import {
  BackupArchiveError,
  diskDocumentStorage,
  exportMunicipality,
  findMunicipalityByCode,
  importMunicipality,
  loadAuditKey,
  systemActor,
  systemClock,
} from '@forvalta/server';
import { parseOptions, printHelp, requireOption, UsageError } from '../arguments.ts';
import { cliConfig, openDatabase } from '../context.ts';

export const exportHelp = `forvalta export --municipality CODE --output FILE [--database URL]

Writes every record of one municipality (organisation, people and their logins with password
hashes, the register, projects, risks, reviews, documents and their attached files, policy packs,
the audit chain) to FILE: a ZIP of one NDJSON file per table with a signed manifest
(docs/backup-format.md). Sessions, API tokens, reset links and second-factor secrets are never
written. The archive is CONFIDENTIAL: FILE's name must say so (e.g. tanum-confidential.zip).`;

export const importMunicipalityHelp = `forvalta import-municipality FILE [--code NEWCODE] [--source-audit-key-file KEYFILE] [--database URL]

Loads an archive written by forvalta export (or GET /api/v1/export) as a new municipality, all or
nothing, on SQLite or PostgreSQL whichever the source was. The archive's signature and audit chain
are verified first with the source installation's audit key: this installation's own, or KEYFILE.
Refused when the code exists here (--code gives another). The chain continues under this
installation's key, with an import event recording the source's head.`;

export async function exportCommand(argv: string[]): Promise<number> {
  const options = parseOptions(argv, { municipality: { type: 'string' }, output: { type: 'string' } });
  if (options.help) return printHelp(exportHelp);
  const code = requireOption(options.municipality, 'municipality');
  const output = requireOption(options.output, 'output');
  if (!/confidential|sekretess/i.test(path.basename(output))) {
    throw new UsageError(
      `--output: the archive is confidential and its name must say so, e.g. ${path.join(path.dirname(output), `forvalta-${code}-confidential.zip`)}`,
    );
  }
  const config = cliConfig(options.database);
  const database = await openDatabase(config);
  try {
    const municipality = await findMunicipalityByCode(database.db, code);
    if (!municipality) throw new UsageError(`no municipality with code ${code}`);
    const started = performance.now();
    const result = await exportMunicipality(database.db, {
      municipalityId: municipality.id,
      actor: systemActor('forvalta export', municipality.id),
      clock: systemClock,
      storage: diskDocumentStorage(config.documentsDirectory),
      version: config.version,
    });
    const partial = `${output}.partial`;
    fs.writeFileSync(partial, result.archive, { mode: 0o600 });
    fs.renameSync(partial, output);
    const rows = result.manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    console.log(
      `Exported ${municipality.name} (${code}): ${rows} rows in ${result.manifest.tables.length} tables, ` +
        `${result.manifest.attachments.length} attached file(s), audit chain at #${result.manifest.auditChain.lastSequence}, ` +
        `${(result.archive.length / 1024 / 1024).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s → ${output} (CONFIDENTIAL)`,
    );
    return 0;
  } finally {
    await database.destroy();
  }
}

export async function importMunicipalityCommand(argv: string[]): Promise<number> {
  const hasFile = argv[0] !== undefined && !argv[0].startsWith('-');
  const file = hasFile ? argv[0] : undefined;
  const rest = hasFile ? argv.slice(1) : argv;
  const options = parseOptions(rest, { code: { type: 'string' }, 'source-audit-key-file': { type: 'string' } });
  if (options.help) return printHelp(importMunicipalityHelp);
  if (!file) throw new UsageError('give the archive: forvalta import-municipality FILE');
  let archive: Buffer;
  try {
    archive = fs.readFileSync(file);
  } catch (error) {
    throw new UsageError(`cannot read ${file} (${(error as Error).message.split('\n')[0]})`);
  }
  const keyFile = options['source-audit-key-file'];
  if (keyFile && !fs.existsSync(keyFile)) throw new UsageError(`--source-audit-key-file: ${keyFile} does not exist`);
  const sourceKey = keyFile ? loadAuditKey(keyFile) : undefined;
  const config = cliConfig(options.database);
  const database = await openDatabase(config);
  try {
    const started = performance.now();
    const result = await importMunicipality(database.db, archive, {
      clock: systemClock,
      storage: diskDocumentStorage(config.documentsDirectory),
      code: options.code,
      sourceKey,
    });
    console.log(
      `Imported ${result.name} as ${result.code}: ${result.rows} rows in ${result.tables} tables, ${result.auditEvents} audit events ` +
        `verified and carried on under this installation's key, ${result.attachments} attached file(s); ` +
        `${result.idsKept ? 'ids kept' : 'new ids (the archive’s were taken here)'} ` +
        `(${((performance.now() - started) / 1000).toFixed(1)} s).`,
    );
    if (result.peopleWithoutLogin.length > 0) {
      // Never attached to a login of this installation (ADR 0033): the administrator invites them.
      console.log(
        `${result.peopleWithoutLogin.length} person(s) imported without a login, because a login with their e-mail exists here ` +
          'already (it is never attached to an archive); invite them from the person page:',
      );
      for (const person of result.peopleWithoutLogin) console.log(`  ${person.name} <${person.email}>`);
    }
    return 0;
  } catch (error) {
    if (error instanceof BackupArchiveError) {
      console.error(`forvalta import-municipality: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await database.destroy();
  }
}
