import fs from 'node:fs';
import path from 'node:path';
import { connectDatabase, createServices, isPostgresUrl, migrateToLatest, systemClock } from '@forvalta/server';
import { measureAcknowledgementScale, type AcknowledgementScale } from '@forvalta/server/generate';
import { runGenerate } from '../commands/generate.ts';
import { cliConfig } from '../context.ts';
import { benchDirectory, benchMunicipalityCode, dropPostgresDatabase, recreatePostgresDatabase, redact } from './prepare-database.ts';

/**
 * Issue #13's scale, measured as it is meant: one municipality of `people` employees (generated
 * at S, then filled up), a document asking all of them, adopted three times (first, editorial,
 * new), and its coverage view. In a scratch database (SQLite file or PostgreSQL
 * forvalta_bench_acknowledgements on the same server), removed afterwards.
 */
export async function measureAcknowledgements(
  databaseOption: string | undefined,
  people: number,
  log: (line: string) => void,
): Promise<AcknowledgementScale> {
  const postgres = databaseOption !== undefined && isPostgresUrl(databaseOption);
  let url: string;
  if (postgres) {
    const parsed = new URL(databaseOption);
    parsed.pathname = '/forvalta_bench_acknowledgements';
    url = parsed.toString();
    await recreatePostgresDatabase(url);
  } else {
    fs.mkdirSync(benchDirectory, { recursive: true });
    url = path.join(benchDirectory, `acknowledgements-${people}.db`);
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${url}${suffix}`, { force: true });
  }
  const database = connectDatabase(url);
  try {
    await migrateToLatest(database.db);
    const config = cliConfig(url);
    await runGenerate(database.db, config, 'S', 1, benchMunicipalityCode, () => {});
    const municipality = await database.db
      .selectFrom('municipalities')
      .select('id')
      .where('code', '=', benchMunicipalityCode)
      .executeTakeFirstOrThrow();
    log(
      `filling municipality ${benchMunicipalityCode} to ${people.toLocaleString('en-GB')} people in ${redact(url)}, then adopting a document for all of them`,
    );
    const services = createServices(database.db, systemClock, config);
    return await measureAcknowledgementScale(database.db, services, systemClock, { municipalityId: municipality.id, people, seed: 13 });
  } finally {
    await database.destroy();
    if (postgres) await dropPostgresDatabase(url);
    else for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${url}${suffix}`, { force: true });
  }
}

/** The report's lines for it. */
export function describeAcknowledgements(scale: AcknowledgementScale): string[] {
  const count = (value: number) => value.toLocaleString('en-GB');
  return [
    ...scale.adoptions.map(
      (adoption) =>
        `adoption (${adoption.renewal}) for ${count(scale.activeEmployees)} active of ${count(scale.people)} people: ${count(adoption.asked)} requests made, ${count(adoption.carriedOver)} carried over, ${count(adoption.withdrawn)} withdrawn, committed in ${adoption.seconds.toFixed(2)} s (target ≤ 2 s: ${adoption.seconds <= 2 ? 'met' : 'missed'})`,
    ),
    `coverage view of ${count(scale.activeEmployees)} employees in ${scale.coverage.departments} departments at ${(scale.acknowledgedShare * 100).toFixed(0)} % acknowledged: p50 ${scale.coverage.p50Milliseconds.toFixed(1)} ms, p99 ${scale.coverage.p99Milliseconds.toFixed(1)} ms over ${scale.coverage.samples} calls (service, served at the data version; target p99 ≤ 50 ms: ${scale.coverage.p99Milliseconds <= 50 ? 'met' : 'missed'})`,
    `coverage view, every call a miss (READ_CACHE=false): p50 ${scale.uncachedCoverage.p50Milliseconds.toFixed(1)} ms, p99 ${scale.uncachedCoverage.p99Milliseconds.toFixed(1)} ms over ${scale.uncachedCoverage.samples} calls`,
  ];
}
