import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp, connectDatabase, createServices, migrateToLatest, systemActor, systemClock } from '@forvalta/server';
import { parseOptions, UsageError } from '../arguments.ts';
import { cliConfig } from '../context.ts';
import { readEndpoints, type BenchSubjects } from '../bench/endpoints.ts';
import { runLoad, type LoadResult } from '../bench/load-runner.ts';
import { benchMunicipalityCode, prepareDatabase, redact } from '../bench/prepare-database.ts';
import { measureServerProcess } from '../bench/process-probes.ts';
import { openQueryCapture, openRawRunner } from '../bench/raw-floor.ts';
import { describeMachine, evaluateTargets, printReport, type BenchReport, type ReadMeasurement } from '../bench/report.ts';
import { runWriteLoop } from '../bench/write-loop.ts';
import { timeCompliance } from '../bench/compliance-timing.ts';
import { benchAdministrator, parseSeed, parseSize } from './generate.ts';

export const benchHelp = `forvalta bench [--size S|L] [--seed N] [--duration SECONDS] [--connections N] [--database URL] [--output FILE]

Measures the server against a generated workload (made once per size, seed and database, then
reused from ./data/bench/): each read at fixed concurrency with autocannon and with one connection,
the same statements straight on the driver (the floor), a sequential If-Match write, generation
throughput, cold start and memory of \`forvalta serve\`. Prints a table and writes JSON
(default bench-results/latest.json). Defaults: --size S, --duration 10, --connections 16, SQLite in
./data/bench/; --database postgres://…/forvalta_bench_s creates that database if it is missing.`;

/** A read slower than this for one request is timed once instead of loaded. */
const slowProbeMilliseconds = 500;

function singleRequestResult(milliseconds: number): LoadResult {
  return { connections: 1, seconds: milliseconds / 1000, requests: 1, requestsPerSecond: Math.round(1000 / milliseconds), p50Milliseconds: milliseconds, p90Milliseconds: milliseconds, p99Milliseconds: milliseconds, maxMilliseconds: milliseconds, non2xx: 0, errors: 0 };
}

function parsePositive(value: string | undefined, name: string, fallback: number, maximum: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > maximum) throw new UsageError(`--${name} must be a whole number from 1 to ${maximum}, not "${value}"`);
  return number;
}

export async function bench(argv: string[]): Promise<number> {
  const options = parseOptions(argv, {
    size: { type: 'string' },
    seed: { type: 'string' },
    duration: { type: 'string' },
    connections: { type: 'string' },
    output: { type: 'string' },
  });
  if (options.help) return console.log(benchHelp), 0;
  const size = parseSize(options.size ?? 'S', ['S', 'M', 'L']);
  const seed = parseSeed(options.seed);
  const durationSeconds = parsePositive(options.duration, 'duration', 10, 600);
  const connections = parsePositive(options.connections, 'connections', 16, 1000);
  const output = path.resolve(options.output ?? 'bench-results/latest.json');
  const log = (line: string) => console.error(line);
  const startedAt = new Date().toISOString();

  const prepared = await prepareDatabase(options.database, size, seed, log);
  const config = cliConfig(prepared.url, { logLevel: 'silent', port: 0 });
  const database = connectDatabase(prepared.url);
  await migrateToLatest(database.db);
  const { app, services } = await buildApp({ config, database, logger: false });
  const capture = openQueryCapture(prepared.url);
  const raw = await openRawRunner(prepared.url);
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const { created, municipality } = await services.apiTokens.issueTokenForLogin(systemActor('bench'), benchAdministrator.email, benchMunicipalityCode, { name: `bench ${startedAt}` });
    const token = created.token;
    const headers = { authorization: `Bearer ${token}` };
    const actor = await services.auth.resolveApiToken(token);
    if (!actor) throw new Error('the bench token did not authenticate');

    const subjects = await findSubjects(database.db, municipality.id, baseUrl, headers);
    const counts = await database.db
      .selectFrom('municipalities')
      .select((eb) => [
        eb.selectFrom('systems').select(eb.fn.countAll<number>().as('n')).where('systems.municipality_id', '=', municipality.id).as('systems'),
        eb.selectFrom('people').select(eb.fn.countAll<number>().as('n')).where('people.municipality_id', '=', municipality.id).as('people'),
      ])
      .where('id', '=', municipality.id)
      .executeTakeFirstOrThrow();

    const captureServices = createServices(capture.db, systemClock, config);
    const authenticationQueries = (await capture.capture(() => createServices(capture.db, systemClock, config).auth.resolveApiToken(token))).length;
    const reads: ReadMeasurement[] = [];
    for (const endpoint of readEndpoints(subjects)) {
      const url = `${baseUrl}${endpoint.path}`;
      const probeStarted = performance.now();
      const check = await fetch(url, { headers });
      if (check.status !== 200) throw new Error(`${endpoint.path} answered ${check.status}: ${await check.text()}`);
      await check.arrayBuffer();
      const probeMilliseconds = performance.now() - probeStarted;
      log(`measuring ${endpoint.name}`);
      let concurrent: LoadResult;
      let single: LoadResult;
      if (probeMilliseconds > slowProbeMilliseconds) {
        // Seconds per request: a load run would only queue requests behind one another. One timed request says enough.
        log(`  one request took ${Math.round(probeMilliseconds)} ms: not loaded, timed once`);
        single = concurrent = singleRequestResult(probeMilliseconds);
      } else {
        await runLoad(url, headers, connections, Math.min(2, durationSeconds));
        concurrent = await runLoad(url, headers, connections, durationSeconds);
        single = await runLoad(url, headers, 1, Math.max(2, Math.round(durationSeconds / 2)));
      }
      const statements = await capture.capture(() => endpoint.callService(captureServices, actor));
      const floor = await raw.time(statements, Math.max(1, Math.round(durationSeconds / 4)));
      reads.push({
        name: endpoint.name,
        path: endpoint.path,
        registerList: endpoint.registerList,
        queries: statements.length,
        authenticationQueries,
        concurrent,
        single,
        raw: floor,
        ratioSingle: single.p50Milliseconds / Math.max(floor.p50Milliseconds, 0.001),
        ratioConcurrent: concurrent.p50Milliseconds / Math.max(floor.p50Milliseconds, 0.001),
      });
    }

    log('measuring compliance evaluation');
    const municipalityIds = (await database.db.selectFrom('municipalities').select('id').execute()).map((row) => row.id);
    const compliance = await timeCompliance(services, municipality.id, municipalityIds, subjects.systemId);

    log('measuring writes');
    const writable = await database.db.selectFrom('systems').select('id').where('municipality_id', '=', municipality.id).where('lifecycle', '=', 'in_production').orderBy('sort_key').limit(20).execute();
    const write = await runWriteLoop(baseUrl, token, writable.map((row) => row.id), 300);
    await app.close();

    log('measuring cold start and memory of forvalta serve');
    const listPath = readEndpoints(subjects)[0]!.path;
    const probe = await measureServerProcess(prepared.url, listPath, token, connections, durationSeconds);

    const partial = {
      startedAt,
      machine: describeMachine(),
      options: { size, seed, dialect: database.dialect, database: redact(prepared.url), connections, durationSeconds },
      municipality: { code: municipality.code, systems: Number(counts.systems), people: Number(counts.people) },
      generation: { ...prepared.generation, generatedNow: prepared.generatedNow, generatedAt: prepared.generatedAt },
      reads,
      write,
      compliance,
      coldStart: probe.coldStart,
      memory: probe.memory,
    };
    const report: BenchReport = { ...partial, targets: evaluateTargets(partial) };
    printReport(report, (line) => console.log(line));
    fs.mkdirSync(path.dirname(output), { recursive: true });
    fs.writeFileSync(output, JSON.stringify(report, null, 2));
    console.log(`\nwritten to ${path.relative(process.cwd(), output)}`);
    return 0;
  } finally {
    await app.close();
    await capture.destroy();
    await raw.close();
    await database.destroy();
  }
}

/** What the reads are about: the busiest owner, the most connected system, a cursor 20 pages deep. */
async function findSubjects(db: Parameters<typeof createServices>[0], municipalityId: string, baseUrl: string, headers: Record<string, string>): Promise<BenchSubjects> {
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
    const response = await fetch(`${baseUrl}/api/v1/systems?lifecycle=in_production&sort=name&limit=50${cursor ? `&cursor=${cursor}` : ''}`, { headers });
    const body = (await response.json()) as { nextCursor: string | null };
    if (!body.nextCursor) break;
    cursor = body.nextCursor;
  }
  return { ownerDepartmentId: owner.owner_department_id, systemId: hub.provider_system_id, deepCursor: cursor, searchTerm: 'procapita' };
}
