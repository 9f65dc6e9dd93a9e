import { benchEquipmentOnly } from '../bench/equipment-timing.ts';
import { benchRegisterImportOnly } from '../bench/register-import-timing.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  connectDatabase,
  createServices,
  installAuditKey,
  loadAuditKey,
  migrateToLatest,
  systemActor,
  systemClock,
} from '@forvalta/server';
import { parseOptions, printHelp, UsageError } from '../arguments.ts';
import { cliConfig } from '../context.ts';
import { readEndpoints, type BenchSubjects } from '../bench/endpoints.ts';
import { measureReads, measureThroughput, type ReadContext } from '../bench/measure-reads.ts';
import { measurePageTimings, pageTimingUnavailable, type PageTimingOutcome } from '../bench/page-timing.ts';
import { benchMunicipalityCode, measureSystemsLoad, prepareDatabase, redact } from '../bench/prepare-database.ts';
import { startServer, type ColdStart, type MemoryUnderLoad } from '../bench/process-probes.ts';
import { openQueryCapture, openRawRunner } from '../bench/raw-floor.ts';
import { describeMachine, evaluateTargets, printReport, type BenchReport, type WorkerComparison } from '../bench/report.ts';
import { runWriteLoop } from '../bench/write-loop.ts';
import { timeCompliance } from '../bench/compliance-timing.ts';
import { timeTaskLists } from '../bench/tasks-timing.ts';
import { prepareTrainingRecords, timeTraining } from '../bench/training-timing.ts';
import { measureAccessRightImport } from '../bench/import-timing.ts';
import { describeAcknowledgements, measureAcknowledgements } from '../bench/acknowledgement-scale.ts';
import { timeDocumentReads } from '../bench/documents-timing.ts';
import { accessRightsTargets, describeAccessRights, prepareAccessRights, timeAccessRights } from '../bench/access-rights-timing.ts';
import { benchPrivacyOnly, preparePrivacy, timePrivacy } from '../bench/privacy-timing.ts';
import { benchAdministrator, parseSeed, parseSize } from './generate.ts';

export const benchHelp = `forvalta bench [--size S|L] [--seed N] [--duration SECONDS] [--connections N] [--workers LIST] [--web | --skip-web] [--database URL] [--output FILE]

Measures the server against a generated workload (made once per size, seed and database, then
reused from ./data/bench/). The server runs as operators run it: \`forvalta serve --workers N\` in a
child process on loopback, so it never shares an event loop with the load generator. Each read at
fixed concurrency with autocannon and with one connection, the same statements straight on the
driver (the floor), a sequential If-Match write, generation throughput, cold start and memory of
every process of the server; and, with Chromium, the register and system pages in a headless
browser (median of 5 cold loads). Prints a table and writes JSON (default bench-results/latest.json).
  --workers LIST  worker counts, e.g. 1,2: the register-list reads run at each; every other read
                  at the last (default 1,2 on a machine with two or more cores, else 1)
  --web           time the web pages (fails without /usr/bin/chromium or a built web);
                  default: timed when both are there
  --skip-web      do not time the web pages
  --acknowledgements
                  also issue #13's scale: a document adopted for 100,000 employees of one
                  municipality (first, editorial, new version) and its coverage view
  --acknowledgements-only
                  only that, printed
  --access-rights-only
                  only issue #14's rights at the size (15 per person, generated once with the
                  database): the lists, the leavers' flagging and the compliance evaluation, printed
  --equipment-only
                  only issue #15's equipment: 100,000 assets imported from CSV and from XLSX into a
                  scratch database filled to 250,000 at L, the filtered asset list, the licence
                  position and the compliance evaluation, printed
  --keep-database with --equipment-only: leave its scratch database (SQLite data/bench/equipment.db,
                  PostgreSQL forvalta_bench_equipment) for EXPLAIN after the run
  --import-only   only issue #17's imports: 10,000 systems from a municipality's CSV (Swedish
                  headers, organisation paths, managers by e-mail), then 10,000 people from an HR
                  export in Windows-1252, each as dry run, apply and the same file again, on a
                  scratch database with the S workload, printed
  --privacy-only  only issue #16's records of processing and mailboxes (5,000 and 2,000 at L):
                  the processing list, the mailbox list and the article 30 exports, printed
Defaults: --size S, --duration 10, --connections 16, SQLite in ./data/bench/;
--database postgres://…/forvalta_bench_s creates that database if it is missing.`;

function parsePositive(value: string | undefined, name: string, fallback: number, maximum: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > maximum)
    throw new UsageError(`--${name} must be a whole number from 1 to ${maximum}, not "${value}"`);
  return number;
}

function parseWorkerCounts(value: string | undefined): number[] {
  if (value === undefined) return os.availableParallelism() >= 2 ? [1, 2] : [1];
  const counts = value.split(',').map((part) => Number(part.trim()));
  if (counts.length === 0 || counts.some((count) => !Number.isInteger(count) || count < 1 || count > 64)) {
    throw new UsageError(`--workers must be worker counts from 1 to 64 separated by commas (e.g. 1,2), not "${value}"`);
  }
  return [...new Set(counts)];
}

export async function bench(argv: string[]): Promise<number> {
  const options = parseOptions(argv, {
    size: { type: 'string' },
    seed: { type: 'string' },
    duration: { type: 'string' },
    connections: { type: 'string' },
    output: { type: 'string' },
    workers: { type: 'string' },
    web: { type: 'boolean' },
    'skip-web': { type: 'boolean' },
    acknowledgements: { type: 'boolean' },
    'acknowledgements-only': { type: 'boolean' },
    'access-rights-only': { type: 'boolean' },
    'privacy-only': { type: 'boolean' },
    'equipment-only': { type: 'boolean' },
    'keep-database': { type: 'boolean' },
    'import-only': { type: 'boolean' },
  });
  if (options.help) return printHelp(benchHelp);
  const size = parseSize(options.size ?? 'S', ['S', 'M', 'L']);
  const seed = parseSeed(options.seed);
  const durationSeconds = parsePositive(options.duration, 'duration', 10, 600);
  const connections = parsePositive(options.connections, 'connections', 16, 1000);
  const workerCounts = parseWorkerCounts(options.workers);
  const mainWorkers = workerCounts[workerCounts.length - 1]!;
  if (options.web && options['skip-web']) throw new UsageError('--web and --skip-web exclude each other');
  const webUnavailable = pageTimingUnavailable();
  if (options.web && webUnavailable) throw new UsageError(`--web: ${webUnavailable}`);
  const timeWeb = !options['skip-web'] && webUnavailable === undefined;
  const output = path.resolve(options.output ?? 'bench-results/latest.json');
  const log = (line: string) => console.error(line);
  const startedAt = new Date().toISOString();

  // The generator writes audit events in this process: the same key the servers it starts will load.
  installAuditKey(loadAuditKey(cliConfig(options.database).auditKeyFile));
  // Issue #13: 100,000 employees of one municipality asked at once (≤ 2 s), and their coverage (p99 ≤ 50 ms).
  // Opt-in: it generates a scratch municipality of 100,000 people first (minutes on a busy machine).
  const acknowledgements =
    options.acknowledgements || options['acknowledgements-only']
      ? await measureAcknowledgements(options.database, 100_000, log)
      : undefined;
  if (acknowledgements && options['acknowledgements-only']) {
    for (const line of describeAcknowledgements(acknowledgements)) console.log(line);
    return 0;
  }
  // Its own scratch database: the imports it times write 250,000 assets at L.
  if (options['equipment-only']) return benchEquipmentOnly(options.database, size, log, options['keep-database'] === true);
  if (options['import-only']) return benchRegisterImportOnly(options.database, log);
  const prepared = await prepareDatabase(options.database, size, seed, log);
  if (options['access-rights-only']) return benchAccessRightsOnly(prepared.url, log);
  if (options['privacy-only']) return benchPrivacyOnly(prepared.url, log);
  const systemsLoad = await measureSystemsLoad(options.database, 10_000, log);
  const accessRightImport = await measureAccessRightImport(options.database, 100_000, log);
  const config = cliConfig(prepared.url, { logLevel: 'silent', port: 0 });
  // In this process: the services for the token, the compliance engine and the raw floor; the
  // HTTP server is a child process tree (forvalta serve --workers N).
  const database = connectDatabase(prepared.url);
  await migrateToLatest(database.db);
  const services = createServices(database.db, systemClock, config);
  // The L workload's training records (issue #13), made once with the database and reused.
  const trainingWorkload = await prepareTrainingRecords(database.db, systemClock, log);
  // Issue #14's rights (15 per person: 1.5 million at L), made once with the database and reused.
  const accessRightsWorkload = await prepareAccessRights(database.db, systemClock, log);
  // Issue #16's records of processing and mailboxes (5,000 and 2,000 at L), made once and reused.
  const privacyWorkload = await preparePrivacy(database.db, systemClock, log);
  const capture = openQueryCapture(prepared.url);
  const raw = await openRawRunner(prepared.url);
  let server = await startServer(prepared.url, mainWorkers);
  try {
    log(`forvalta serve --workers ${mainWorkers} answered after ${server.coldStart.milliseconds} ms`);
    const { created, municipality } = await services.apiTokens.issueTokenForLogin(
      systemActor('bench'),
      benchAdministrator.email,
      benchMunicipalityCode,
      { name: `bench ${startedAt}` },
    );
    const token = created.token;
    const headers = { authorization: `Bearer ${token}` };
    const actor = await services.auth.resolveApiToken(token);
    if (!actor) throw new Error('the bench token did not authenticate');

    const subjects = await findSubjects(database.db, municipality.id, server.baseUrl, headers);
    const counts = await database.db
      .selectFrom('municipalities')
      .select((eb) => [
        eb
          .selectFrom('systems')
          .select(eb.fn.countAll<number>().as('n'))
          .where('systems.municipality_id', '=', municipality.id)
          .as('systems'),
        eb.selectFrom('people').select(eb.fn.countAll<number>().as('n')).where('people.municipality_id', '=', municipality.id).as('people'),
      ])
      .where('id', '=', municipality.id)
      .executeTakeFirstOrThrow();

    const captureServices = createServices(capture.db, systemClock, config);
    const authenticationQueries = (await capture.capture(() => createServices(capture.db, systemClock, config).auth.resolveApiToken(token)))
      .length;
    const endpoints = readEndpoints(subjects);
    const readContext = (baseUrl: string): ReadContext => ({ baseUrl, headers, connections, durationSeconds, log });
    const floor = { capture, raw, services: captureServices, actor, authenticationQueries };
    // Memory is read after the register-list reads (the target's load) and again at the end.
    const reads = await measureReads(
      endpoints.filter((endpoint) => endpoint.registerList),
      readContext(server.baseUrl),
      floor,
    );
    const memoryUnderListLoad = server.memory();
    reads.push(
      ...(await measureReads(
        endpoints.filter((endpoint) => !endpoint.registerList),
        readContext(server.baseUrl),
        floor,
      )),
    );
    const byWorkers: WorkerComparison[] = reads
      .filter((read) => read.registerList)
      .map((read) => ({ name: read.name, workers: mainWorkers, readCache: true, concurrent: read.concurrent }));

    log('measuring compliance evaluation');
    const municipalityIds = (await database.db.selectFrom('municipalities').select('id').execute()).map((row) => row.id);
    const compliance = await timeCompliance(services, municipality.id, municipalityIds, subjects.systemId);

    log('measuring to-do lists');
    const uncachedServices = createServices(database.db, systemClock, { ...config, readCache: false });
    const taskLists = await timeTaskLists({ cached: services, uncached: uncachedServices }, database.db, municipality.id);

    log('measuring policy document reads');
    const documentReads = await timeDocumentReads(services, database.db, municipality.id);

    log('measuring training reads');
    const training = await timeTraining(services, database.db, actor, municipality.id, trainingWorkload);

    log('measuring access rights');
    const accessRights = await timeAccessRights(services, database.db, actor, municipality.id, accessRightsWorkload);
    log('measuring records of processing');
    const privacy = await timePrivacy(services, database.db, actor, municipality.id, privacyWorkload);

    log('measuring writes');
    const writable = await database.db
      .selectFrom('systems')
      .select('id')
      .where('municipality_id', '=', municipality.id)
      .where('lifecycle', '=', 'in_production')
      .orderBy('sort_key')
      .limit(20)
      .execute();
    const write = await runWriteLoop(
      server.baseUrl,
      token,
      writable.map((row) => row.id),
      300,
    );

    let web: PageTimingOutcome = { skipped: options['skip-web'] ? 'skipped (--skip-web)' : webUnavailable! };
    if (timeWeb) {
      const system = await database.db
        .selectFrom('systems')
        .select(['id', 'name'])
        .where('id', '=', subjects.systemId)
        .executeTakeFirstOrThrow();
      const login = { email: benchAdministrator.email, password: benchAdministrator.password, municipalityCode: benchMunicipalityCode };
      web = await measurePageTimings(server.baseUrl, login, system, log).catch((error: Error) => {
        log(`web page timing failed: ${error.message}`);
        return { failed: error.message };
      });
    }
    const coldStarts: ColdStart[] = [server.coldStart];
    const memory: MemoryUnderLoad[] = [memoryUnderListLoad, { ...server.memory(), load: 'every read, the writes and the web pages' }];
    await server.stop();

    // The other worker counts: the register list only, each on a server of its own.
    for (const workers of workerCounts.slice(0, -1)) {
      server = await startServer(prepared.url, workers);
      log(`forvalta serve --workers ${workers} answered after ${server.coldStart.milliseconds} ms`);
      byWorkers.push(
        ...(await measureThroughput(
          endpoints.filter((endpoint) => endpoint.registerList),
          workers,
          true,
          readContext(server.baseUrl),
        )),
      );
      coldStarts.push(server.coldStart);
      memory.push(server.memory());
      await server.stop();
    }
    // The bench repeats the same URLs, so the reads above are served by the per-process cache: the
    // best case. The same reads with the cache off are what a query nobody asked since the last
    // write costs (every list read, the coverage filter and the people list included).
    server = await startServer(prepared.url, mainWorkers, { READ_CACHE: 'false' });
    const lists = endpoints.filter((endpoint) => endpoint.registerList || endpoint.path.includes('?'));
    byWorkers.push(...(await measureThroughput(lists, mainWorkers, false, readContext(server.baseUrl))));
    await server.stop();
    byWorkers.sort(
      (left, right) =>
        endpoints.findIndex((endpoint) => endpoint.name === left.name) - endpoints.findIndex((endpoint) => endpoint.name === right.name) ||
        Number(right.readCache) - Number(left.readCache) ||
        left.workers - right.workers,
    );

    const partial = {
      startedAt,
      machine: describeMachine(),
      options: {
        size,
        seed,
        dialect: database.dialect,
        database: redact(prepared.url),
        connections,
        durationSeconds,
        workers: workerCounts,
      },
      municipality: { code: municipality.code, systems: Number(counts.systems), people: Number(counts.people) },
      generation: { ...prepared.generation, generatedNow: prepared.generatedNow, generatedAt: prepared.generatedAt },
      systemsLoad,
      reads,
      byWorkers,
      write,
      compliance,
      taskLists,
      training,
      accessRightImport,
      accessRights,
      privacy,
      acknowledgements,
      documentReads,
      web,
      coldStarts,
      memory,
    };
    const report: BenchReport = { ...partial, targets: evaluateTargets(partial) };
    printReport(report, (line) => console.log(line));
    const loaded = `${systemsLoad.systems.toLocaleString('en-GB')} systems with ${systemsLoad.assignments.toLocaleString('en-GB')} assignments, ${systemsLoad.duties.toLocaleString('en-GB')} duties and ${systemsLoad.auditEvents.toLocaleString('en-GB')} audit events`;
    if (acknowledgements) for (const line of describeAcknowledgements(acknowledgements)) console.log(line);
    console.log(
      `\n10,000 systems load: ${loaded} committed in ${systemsLoad.seconds.toFixed(2)} s (target ≤ 3 s: ${systemsLoad.seconds <= 3 ? 'met' : 'missed'})`,
    );
    fs.mkdirSync(path.dirname(output), { recursive: true });
    fs.writeFileSync(output, JSON.stringify(report, null, 2));
    console.log(`\nwritten to ${path.relative(process.cwd(), output)}`);
    return 0;
  } finally {
    await server.stop();
    await capture.destroy();
    await raw.close();
    await database.destroy();
  }
}

/** What the reads are about: the busiest owner, the most connected system, a cursor 20 pages deep. */
async function findSubjects(
  db: Parameters<typeof createServices>[0],
  municipalityId: string,
  baseUrl: string,
  headers: Record<string, string>,
): Promise<BenchSubjects> {
  const owner = await db
    .selectFrom('systems')
    .select(['owner_department_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('municipality_id', '=', municipalityId)
    .groupBy('owner_department_id')
    .orderBy('n', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  const hub = await db
    .selectFrom('integrations')
    .select(['provider_system_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('municipality_id', '=', municipalityId)
    .groupBy('provider_system_id')
    .orderBy('n', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  let cursor = '';
  for (let page = 0; page < 20; page += 1) {
    const response = await fetch(
      `${baseUrl}/api/v1/systems?lifecycle=in_production&sort=name&limit=50${cursor ? `&cursor=${cursor}` : ''}`,
      { headers },
    );
    const body = (await response.json()) as { nextCursor: string | null };
    if (!body.nextCursor) break;
    cursor = body.nextCursor;
  }
  return { ownerDepartmentId: owner.owner_department_id, systemId: hub.provider_system_id, deepCursor: cursor, searchTerm: 'procapita' };
}

/**
 * `--access-rights-only`: issue #14's scale on the prepared database, without the HTTP reads:
 * the rights generated (once), the lists and the leavers timed on the service, then the full
 * compliance evaluation with the rights in the database.
 */
async function benchAccessRightsOnly(url: string, log: (line: string) => void): Promise<number> {
  const database = connectDatabase(url);
  try {
    await migrateToLatest(database.db);
    const services = createServices(database.db, systemClock, cliConfig(url, { logLevel: 'silent', port: 0 }));
    const workload = await prepareAccessRights(database.db, systemClock, log);
    const { created, municipality } = await services.apiTokens.issueTokenForLogin(
      systemActor('bench'),
      benchAdministrator.email,
      benchMunicipalityCode,
      { name: `bench access rights ${new Date().toISOString()}` },
    );
    const actor = await services.auth.resolveApiToken(created.token);
    if (!actor) throw new Error('the bench token did not authenticate');
    log('measuring access rights');
    const timing = await timeAccessRights(services, database.db, actor, municipality.id, workload);
    log('measuring compliance evaluation');
    const municipalityIds = (await database.db.selectFrom('municipalities').select('id').execute()).map((row) => row.id);
    const system = await database.db
      .selectFrom('systems')
      .select('id')
      .where('municipality_id', '=', municipality.id)
      .limit(1)
      .executeTakeFirstOrThrow();
    const compliance = await timeCompliance(services, municipality.id, municipalityIds, system.id);
    for (const line of describeAccessRights(timing)) console.log(line);
    console.log(
      `compliance  ${compliance.results.toLocaleString('en-GB')} results: full evaluation median ${compliance.fullMilliseconds.toFixed(0)} ms; all ${compliance.municipalities} municipalities ${compliance.allMunicipalitiesMilliseconds.toFixed(0)} ms`,
    );
    for (const target of [
      ...accessRightsTargets(timing),
      {
        target: 'the full compliance evaluation ≤ 5 s',
        measured: `${compliance.fullMilliseconds.toFixed(0)} ms`,
        met: compliance.fullMilliseconds <= 5000,
      },
    ])
      console.log(`${target.met ? 'met   ' : 'MISSED'}  ${target.target} — ${target.measured}`);
    return 0;
  } finally {
    await database.destroy();
  }
}
