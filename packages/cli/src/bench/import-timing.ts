import { randomUUID } from 'node:crypto';
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

export interface ImportTiming {
  rows: number;
  fileMegabytes: number;
  /** Reading, matching and planning every row, nothing written. */
  dryRunSeconds: number;
  /** The same, then every right and its audit event written in one transaction. */
  applySeconds: number;
  /** The same file again: every row unchanged, nothing written. */
  againSeconds: number;
  /**
   * This process's CPU time in each (user and system; SQLite runs in it, PostgreSQL's backend
   * does not): on a shared machine the wall time is mostly waiting for a core, this is not.
   */
  dryRunCpuSeconds: number;
  applyCpuSeconds: number;
  againCpuSeconds: number;
  created: number;
  auditIntact: boolean;
}

/**
 * Importing access rights from CSV (issue #14: 100,000 rights ≤ 10 s, validated and audited), on
 * a scratch database with the S workload (2,000 people, 300 systems with two levels each): a
 * semicolon CSV of `count` rights, each person in many systems, timed on the service as the
 * route runs it (the file's bytes in, the report out). The dry run, the apply and a second apply
 * of the same file, which must change nothing.
 */
export async function measureAccessRightImport(
  databaseOption: string | undefined,
  count: number,
  log: (line: string) => void,
): Promise<ImportTiming> {
  const postgres = databaseOption !== undefined && isPostgresUrl(databaseOption);
  let url: string;
  if (postgres) {
    const parsed = new URL(databaseOption);
    parsed.pathname = '/forvalta_bench_import';
    url = parsed.toString();
    await recreatePostgresDatabase(url);
  } else {
    fs.mkdirSync(benchDirectory, { recursive: true });
    url = path.join(benchDirectory, 'import.db');
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${url}${suffix}`, { force: true });
  }
  const config = cliConfig(url);
  installAuditKey(loadAuditKey(config.auditKeyFile));
  const database = connectDatabase(url);
  try {
    await migrateToLatest(database.db);
    await runGenerate(database.db, config, 'S', 1, benchMunicipalityCode, () => {});
    const db = database.db;
    const municipality = await db
      .selectFrom('municipalities')
      .select('id')
      .where('code', '=', benchMunicipalityCode)
      .executeTakeFirstOrThrow();
    const systems = await db
      .selectFrom('systems')
      .select(['id', 'name'])
      .where('municipality_id', '=', municipality.id)
      .orderBy('sort_key')
      .execute();
    const people = await db
      .selectFrom('people')
      .select('email')
      .where('municipality_id', '=', municipality.id)
      .where('employment_status', '=', 'active')
      .orderBy('email')
      .execute();
    const now = new Date().toISOString();
    await db
      .insertInto('access_levels')
      .values(
        systems.flatMap((system) =>
          ['Läsare', 'Handläggare'].map((name) => ({
            id: randomUUID(),
            municipality_id: municipality.id,
            system_id: system.id,
            name,
            sort_key: name.toLowerCase(),
            description: null,
            privileged: 0,
            created_at: now,
            updated_at: now,
            version: 1,
          })),
        ),
      )
      .execute();
    const lines = ['E-post;System;Behörighet;Startdatum'];
    for (let index = 0; lines.length <= count; index += 1) {
      const person = people[index % people.length]!;
      const system = systems[Math.floor(index / people.length) % systems.length]!;
      const level = Math.floor(index / (people.length * systems.length)) % 2 === 0 ? 'Läsare' : 'Handläggare';
      lines.push(`${person.email};${system.name};${level};2026-0${1 + (index % 9)}-15`);
    }
    const file = Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
    log(`importing ${count.toLocaleString('en-GB')} access rights from CSV (${(file.length / 1e6).toFixed(1)} MB) into ${redact(url)}`);
    const services = createServices(db, systemClock, config);
    const actor = systemActor('bench access-rights import', municipality.id);
    const timed = async (mode: 'dry_run' | 'apply') => {
      const started = performance.now();
      const cpu = process.cpuUsage();
      const report = await services.accessRightImport.importRights(actor, file, { mode, source: 'imported_system' });
      const used = process.cpuUsage(cpu);
      return { seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6, report };
    };
    const dryRun = await timed('dry_run');
    const apply = await timed('apply');
    const again = await timed('apply');
    if (dryRun.report.summary.refused > 0 || again.report.summary.unchanged !== count)
      throw new Error('the import bench file did not import cleanly');
    const audit = await verifyAuditChains(db);
    return {
      rows: count,
      fileMegabytes: Math.round(file.length / 1e5) / 10,
      dryRunSeconds: dryRun.seconds,
      applySeconds: apply.seconds,
      againSeconds: again.seconds,
      dryRunCpuSeconds: dryRun.cpuSeconds,
      applyCpuSeconds: apply.cpuSeconds,
      againCpuSeconds: again.cpuSeconds,
      created: apply.report.summary.create,
      auditIntact: audit.problems.length === 0,
    };
  } finally {
    await database.destroy();
    if (postgres) await dropPostgresDatabase(url);
    else for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${url}${suffix}`, { force: true });
  }
}
