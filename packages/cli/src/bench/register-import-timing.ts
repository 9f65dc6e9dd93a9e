import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  connectDatabase,
  createServices,
  installAuditKey,
  isPostgresUrl,
  loadAuditKey,
  migrateToLatest,
  systemActor,
  systemClock,
  verifyAuditChains,
} from '@forvalta/server';
import { runGenerate } from '../commands/generate.ts';
import { cliConfig } from '../context.ts';
import { benchDirectory, benchMunicipalityCode, dropPostgresDatabase, recreatePostgresDatabase, redact } from './prepare-database.ts';

/** Issue #17 §1: 10,000 rows, dry run and apply each ≤ 5 s (the register's and the people's). */
const rows = 10_000;
const limitSeconds = 5;

type ImportMode = 'dry_run' | 'apply';
interface ImportSummary {
  create: number;
  update: number;
  unchanged: number;
  refused: number;
}

/** One import run on the service, as the server and the CLI run it, with its wall and CPU time. */
async function timed<Report>(run: (mode: ImportMode) => Promise<Report>, mode: ImportMode) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const report = await run(mode);
  const used = process.cpuUsage(cpu);
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6, report };
}

/** Dry run, apply, and the same file applied again, each timed; refuses a run that did not import as expected. */
async function dryRunApplyAgain<Report extends { summary: ImportSummary }>(
  what: string,
  run: (mode: ImportMode) => Promise<Report>,
  expected: { create: number; update: number },
) {
  const dryRun = await timed(run, 'dry_run');
  const apply = await timed(run, 'apply');
  const again = await timed(run, 'apply');
  const clean = (summary: ImportSummary) =>
    summary.create === expected.create && summary.update === expected.update && summary.refused === 0;
  if (!clean(dryRun.report.summary) || !clean(apply.report.summary) || again.report.summary.unchanged !== rows)
    throw new Error(
      `the ${what} file did not import cleanly: ${JSON.stringify([dryRun.report.summary, apply.report.summary, again.report.summary])}`,
    );
  return { dryRun, apply, again };
}

const seconds = (value: number) => `${value.toFixed(2)} s`;
const verdict = (value: number) => (value <= limitSeconds ? 'met   ' : 'MISSED');
function timingLines(what: string, runs: Awaited<ReturnType<typeof dryRunApplyAgain>>): string[] {
  const count = rows.toLocaleString('en-GB');
  return [
    `${verdict(runs.dryRun.seconds)}  ${what}: dry run of ${count} rows ≤ ${limitSeconds} s — ${seconds(runs.dryRun.seconds)} (CPU of this process ${seconds(runs.dryRun.cpuSeconds)})`,
    `${verdict(runs.apply.seconds)}  ${what}: apply of ${count} rows ≤ ${limitSeconds} s — ${seconds(runs.apply.seconds)} (CPU ${seconds(runs.apply.cpuSeconds)}; the same file again: ${seconds(runs.again.seconds)}, all unchanged)`,
  ];
}

/**
 * `--import-only`: on a scratch database with the S workload (its departments, people and
 * register), a register file of 10,000 systems as a municipality writes it (Swedish headers,
 * organisation paths, managers by e-mail, "12 500 kr", Swedish dates and lifecycle words, a
 * dependency on every tenth row) run as a dry run, an apply, and the same file again, timed on the
 * service as the server and the CLI run it; the audit chains verified after.
 */
export async function benchRegisterImportOnly(databaseOption: string | undefined, log: (line: string) => void): Promise<number> {
  const postgres = databaseOption !== undefined && isPostgresUrl(databaseOption);
  let url: string;
  if (postgres) {
    const parsed = new URL(databaseOption);
    parsed.pathname = '/forvalta_bench_register_import';
    url = parsed.toString();
    await recreatePostgresDatabase(url);
  } else {
    fs.mkdirSync(benchDirectory, { recursive: true });
    url = path.join(benchDirectory, 'register-import.db');
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${url}${suffix}`, { force: true });
  }
  const config = cliConfig(url, { logLevel: 'silent', port: 0 });
  installAuditKey(loadAuditKey(config.auditKeyFile));
  const database = connectDatabase(url);
  try {
    await migrateToLatest(database.db);
    log(`register import: generating the S workload into ${redact(url)}`);
    await runGenerate(database.db, config, 'S', 1, benchMunicipalityCode, () => {});
    const db = database.db;
    const municipality = await db
      .selectFrom('municipalities')
      .select(['id', 'name'])
      .where('code', '=', benchMunicipalityCode)
      .executeTakeFirstOrThrow();
    const names = (await db.selectFrom('departments').select('name').where('municipality_id', '=', municipality.id).execute()).map(
      (row) => row.name,
    );
    // A name two departments share needs its parent in the path; the file names the unique ones.
    const departments = names.filter((name) => names.indexOf(name) === names.lastIndexOf(name));
    const emails = (
      await db
        .selectFrom('people')
        .select('email')
        .where('municipality_id', '=', municipality.id)
        .where('employment_status', '=', 'active')
        .limit(2000)
        .execute()
    ).map((row) => row.email);
    const lifecycles = ['I drift', 'Planerad', 'Införande', 'Avvecklas'];
    const lines = [
      'Systemnamn ;Förvaltning ;Systemförvaltare ;Leverantör ;Status ;Licenskostnad ;Avtalets slutdatum ;Personuppgifter ;Beroenden ',
    ];
    for (let index = 0; index < rows; index += 1)
      lines.push(
        [
          `Importsystem ${String(index).padStart(5, '0')}`,
          `Kommunkoncern / ${municipality.name} / ${departments[index % departments.length]!}`,
          emails[index % emails.length]!,
          `Leverantör ${index % 300}`,
          lifecycles[index % lifecycles.length]!,
          `${1 + (index % 90)} ${String(index % 1000).padStart(3, '0')} kr`,
          index % 2 === 0 ? `${1 + (index % 28)} december 2027` : String(46_000 + (index % 900)),
          index % 3 === 0 ? 'Ja' : 'Nej',
          index % 10 === 9 ? `Importsystem ${String(index - 1).padStart(5, '0')}: Ej verksamhetskritiskt (API)` : '',
        ].join(';'),
      );
    const file = Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
    const services = createServices(db, systemClock, config);
    const actor = systemActor('bench register import', municipality.id);
    log(`register import: ${rows.toLocaleString('en-GB')} systems from CSV (${(file.length / 1e6).toFixed(1)} MB)`);
    const register = await dryRunApplyAgain(
      'register',
      (mode) => services.imports.register.importRegister(actor, file, { mode, format: 'json', language: 'sv' }),
      { create: rows, update: 0 },
    );
    // The register import creates no people, so the e-mails the register file names are still the active people's.
    const peopleFile = peopleImportFile(municipality.name, emails, departments);
    log(
      `people import: ${rows.toLocaleString('en-GB')} people from CSV in Windows-1252 (${(peopleFile.bytes.length / 1e6).toFixed(1)} MB)`,
    );
    const people = await dryRunApplyAgain(
      'people',
      (mode) => services.imports.people.importPeople(actor, peopleFile.bytes, { mode, format: 'json', language: 'sv' }),
      { create: rows - peopleFile.updates, update: peopleFile.updates },
    );
    const audit = await verifyAuditChains(db);
    const summaryLines = [
      `register import  ${rows.toLocaleString('en-GB')} systems and ${rows.toLocaleString('en-GB')} people (${postgres ? 'PostgreSQL' : 'SQLite'}), ${register.apply.report.summary.integrationsCreated} integrations; audit ${audit.problems.length === 0 ? 'intact' : 'BROKEN'}`,
      ...timingLines('register', register),
      ...timingLines(`people (${peopleFile.updates.toLocaleString('en-GB')} updated by e-mail)`, people),
    ];
    for (const line of summaryLines) console.log(line);
    return 0;
  } finally {
    await database.destroy();
    if (postgres) await dropPostgresDatabase(url);
    else for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${url}${suffix}`, { force: true });
  }
}

/**
 * An HR system's export of 10,000 people as a municipality's payroll system writes it: Windows-1252,
 * semicolons, "Efternamn, Förnamn", organisation paths, Swedish dates; the first 1,000 rows are the
 * municipality's own people by e-mail with a new title (updates), the rest new hires, every tenth
 * with an end date.
 */
function peopleImportFile(municipalityName: string, activeEmails: readonly string[], departments: readonly string[]) {
  const existing = activeEmails.slice(0, 1000);
  const lines = ['Anställningsnummer;E-post;Namn;Organisation;Befattning;Anställd från;Anställd till'];
  for (let index = 0; index < rows; index += 1) {
    const update = existing[index];
    const number = String(700_000 + index);
    lines.push(
      [
        update ? '' : number,
        update ?? `nyanstalld.${number}@bench.example.se`,
        update
          ? ''
          : `${['Åström', 'Öberg', 'Lindqvist', 'Särkkä'][index % 4]!}, ${['Märta', 'Göran', 'Åsa', 'Björn', 'Sören'][index % 5]!}`,
        `Kommunkoncern / ${municipalityName} / ${departments[index % departments.length]!}`,
        update ? 'Handläggare, omförhandlad' : ['Undersköterska', 'Lärare', 'Socialsekreterare', 'Förskollärare'][index % 4]!,
        `${1 + (index % 28)} januari 2025`,
        index % 10 === 9 ? '2027-06-30' : '',
      ].join(';'),
    );
  }
  // Every character here is in Latin-1, whose bytes Windows-1252 shares.
  return { bytes: Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1'), updates: existing.length };
}
