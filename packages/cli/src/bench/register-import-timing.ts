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

/** Issue #17 §1: 10,000 rows, dry run and apply each ≤ 5 s. */
const rows = 10_000;
const limitSeconds = 5;

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
    const timed = async (mode: 'dry_run' | 'apply') => {
      const started = performance.now();
      const cpu = process.cpuUsage();
      const report = await services.imports.register.importRegister(actor, file, { mode, format: 'json', language: 'sv' });
      const used = process.cpuUsage(cpu);
      return { seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6, report };
    };
    log(`register import: ${rows.toLocaleString('en-GB')} systems from CSV (${(file.length / 1e6).toFixed(1)} MB)`);
    const dryRun = await timed('dry_run');
    const apply = await timed('apply');
    const again = await timed('apply');
    if (dryRun.report.summary.create !== rows || apply.report.summary.create !== rows || again.report.summary.unchanged !== rows)
      throw new Error(
        `the register file did not import cleanly: ${JSON.stringify([dryRun.report.summary, apply.report.summary, again.report.summary])}`,
      );
    const audit = await verifyAuditChains(db);
    const seconds = (value: number) => `${value.toFixed(2)} s`;
    const verdict = (value: number) => (value <= limitSeconds ? 'met   ' : 'MISSED');
    const summaryLines = [
      `register import  ${rows.toLocaleString('en-GB')} systems (${postgres ? 'PostgreSQL' : 'SQLite'}), ${apply.report.summary.integrationsCreated} integrations; audit ${audit.problems.length === 0 ? 'intact' : 'BROKEN'}`,
      `${verdict(dryRun.seconds)}  dry run of ${rows.toLocaleString('en-GB')} rows ≤ ${limitSeconds} s — ${seconds(dryRun.seconds)} (CPU of this process ${seconds(dryRun.cpuSeconds)})`,
      `${verdict(apply.seconds)}  apply of ${rows.toLocaleString('en-GB')} rows ≤ ${limitSeconds} s — ${seconds(apply.seconds)} (CPU ${seconds(apply.cpuSeconds)}; the same file again: ${seconds(again.seconds)}, all unchanged)`,
    ];
    for (const line of summaryLines) console.log(line);
    return 0;
  } finally {
    await database.destroy();
    if (postgres) await dropPostgresDatabase(url);
    else for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${url}${suffix}`, { force: true });
  }
}
