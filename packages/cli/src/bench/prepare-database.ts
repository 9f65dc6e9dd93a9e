import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { connectDatabase, isPostgresUrl, migrateToLatest, systemClock, type Config } from '@forvalta/server';
import { loadSystems, type GenerationSummary, type WorkloadSize } from '@forvalta/server/generate';
import { cliConfig } from '../context.ts';
import { runGenerate } from '../commands/generate.ts';

export const benchDirectory = path.resolve('data/bench');
/** The municipality every read is measured in: at L the largest of the fifty. */
export const benchMunicipalityCode = '2000';

export interface PreparedDatabase {
  url: string;
  dialect: 'sqlite' | 'postgresql';
  generation: GenerationSummary;
  /** False when an earlier run's database (same size, seed and dialect) was reused. */
  generatedNow: boolean;
  generatedAt: string;
}

/**
 * A generated database keyed by size, seed and dialect: made once, reused by later runs (a
 * generated L takes a while, and every run should measure the same data). A marker file beside it
 * records that generation finished and how fast it was.
 */
export async function prepareDatabase(
  databaseOption: string | undefined,
  size: WorkloadSize,
  seed: number,
  log: (line: string) => void,
): Promise<PreparedDatabase> {
  fs.mkdirSync(benchDirectory, { recursive: true });
  const postgres = databaseOption !== undefined && isPostgresUrl(databaseOption);
  const url = databaseOption ?? path.join(benchDirectory, `${size}-seed${seed}.db`);
  const key = postgres
    ? `${size}-seed${seed}-postgresql-${new URL(url).pathname.slice(1) || 'postgres'}`
    : `${size}-seed${seed}-sqlite-${path.basename(url)}`;
  const markerFile = path.join(benchDirectory, `${key}.json`);

  if (postgres) await createPostgresDatabaseIfMissing(url);
  const marker = fs.existsSync(markerFile)
    ? (JSON.parse(fs.readFileSync(markerFile, 'utf8')) as { generation: GenerationSummary; generatedAt: string })
    : undefined;
  const config = cliConfig(url);
  const hasData = await countBenchSystems(config);
  if (marker && hasData > 0) {
    log(`reusing ${redact(url)} (generated ${marker.generatedAt}, ${hasData.toLocaleString('en-GB')} systems in ${benchMunicipalityCode})`);
    return {
      url,
      dialect: postgres ? 'postgresql' : 'sqlite',
      generation: marker.generation,
      generatedNow: false,
      generatedAt: marker.generatedAt,
    };
  }
  if (hasData > 0 || (postgres && (await hasAnyMunicipality(config)))) {
    // Half-generated (the marker is written last) or someone else's data: start clean, but only in a bench database.
    if (!postgres) {
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${url}${suffix}`, { force: true });
    } else {
      const name = new URL(url).pathname.slice(1);
      if (!name.startsWith('forvalta_bench'))
        throw new Error(`${redact(url)} already holds data and is not a forvalta_bench* database; give an empty one`);
      await recreatePostgresDatabase(url);
    }
  } else if (!postgres) {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${url}${suffix}`, { force: true });
  }

  log(`generating ${size} (seed ${seed}) into ${redact(url)}`);
  const database = connectDatabase(url);
  try {
    await migrateToLatest(database.db);
    const generation = await runGenerate(database.db, config, size, seed, benchMunicipalityCode, (line) => log(`  ${line}`));
    const generatedAt = new Date().toISOString();
    fs.writeFileSync(markerFile, JSON.stringify({ generatedAt, generation }, null, 2));
    return { url, dialect: database.dialect, generation, generatedNow: true, generatedAt };
  } finally {
    await database.destroy();
  }
}

export interface SystemsLoadMeasure {
  systems: number;
  assignments: number;
  duties: number;
  classifications: number;
  auditEvents: number;
  /** From reading the owners to the commit, after which every system is visible. */
  seconds: number;
}

/**
 * quality.md's "10,000 systems with owners and assignments ≤ 3 s, visible at once", measured as
 * it is meant: one load of `count` systems (owners, classification, duties, managers, deputies,
 * audit) in one transaction, into a scratch database whose municipality has its departments and
 * people (generated at S first). The scratch database (SQLite file or PostgreSQL
 * forvalta_bench_load on the same server) is removed afterwards.
 */
export async function measureSystemsLoad(
  databaseOption: string | undefined,
  count: number,
  log: (line: string) => void,
): Promise<SystemsLoadMeasure> {
  const postgres = databaseOption !== undefined && isPostgresUrl(databaseOption);
  let url: string;
  if (postgres) {
    const parsed = new URL(databaseOption);
    parsed.pathname = '/forvalta_bench_load';
    url = parsed.toString();
    await recreatePostgresDatabase(url);
  } else {
    fs.mkdirSync(benchDirectory, { recursive: true });
    url = path.join(benchDirectory, `load-${count}.db`);
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${url}${suffix}`, { force: true });
  }
  const database = connectDatabase(url);
  try {
    await migrateToLatest(database.db);
    await runGenerate(database.db, cliConfig(url), 'S', 1, benchMunicipalityCode, () => {});
    const municipality = await database.db
      .selectFrom('municipalities')
      .select('id')
      .where('code', '=', benchMunicipalityCode)
      .executeTakeFirstOrThrow();
    log(`loading ${count.toLocaleString('en-GB')} systems with owners and assignments into ${redact(url)}`);
    const load = await loadSystems(database.db, systemClock, { municipalityId: municipality.id, count, seed: count });
    return { ...load.counts, auditEvents: load.auditEvents, seconds: load.seconds };
  } finally {
    await database.destroy();
    if (postgres) await dropPostgresDatabase(url);
    else for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${url}${suffix}`, { force: true });
  }
}

async function countBenchSystems(config: Config): Promise<number> {
  if (!isPostgresUrl(config.databaseUrl) && !fs.existsSync(config.databaseUrl)) return 0;
  const database = connectDatabase(config.databaseUrl);
  try {
    await migrateToLatest(database.db);
    const row = await database.db
      .selectFrom('systems')
      .innerJoin('municipalities', 'municipalities.id', 'systems.municipality_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('municipalities.code', '=', benchMunicipalityCode)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await database.destroy();
  }
}

async function hasAnyMunicipality(config: Config): Promise<boolean> {
  const database = connectDatabase(config.databaseUrl);
  try {
    await migrateToLatest(database.db);
    return (await database.db.selectFrom('municipalities').select('id').limit(1).execute()).length > 0;
  } finally {
    await database.destroy();
  }
}

function maintenanceUrl(url: string) {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.slice(1));
  parsed.pathname = '/postgres';
  return { name, maintenance: parsed.toString() };
}

export async function createPostgresDatabaseIfMissing(url: string): Promise<void> {
  const { name, maintenance } = maintenanceUrl(url);
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`the PostgreSQL database name must be lower-case letters, digits and _ (got "${name}")`);
  const client = new pg.Client({ connectionString: maintenance });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
}

export async function dropPostgresDatabase(url: string): Promise<void> {
  const { name, maintenance } = maintenanceUrl(url);
  const client = new pg.Client({ connectionString: maintenance });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name} with (force)`);
  } finally {
    await client.end();
  }
}

export async function recreatePostgresDatabase(url: string): Promise<void> {
  const { name, maintenance } = maintenanceUrl(url);
  const client = new pg.Client({ connectionString: maintenance });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
}

export function redact(url: string): string {
  return url.replace(/(postgres(?:ql)?:\/\/[^:/@]+):[^@]*@/, '$1:***@');
}
