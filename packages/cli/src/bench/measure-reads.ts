import { performance } from 'node:perf_hooks';
import type { Services } from '@forvalta/server';
import type { Actor } from '@forvalta/server';
import type { ReadEndpoint } from './endpoints.ts';
import { runLoad, type LoadResult } from './load-runner.ts';
import type { QueryCapture, RawRunner } from './raw-floor.ts';
import type { ReadMeasurement, WorkerComparison } from './report.ts';

/** A read slower than this for one request is timed once instead of loaded. */
const slowProbeMilliseconds = 500;

function singleRequestResult(milliseconds: number): LoadResult {
  return {
    connections: 1,
    seconds: milliseconds / 1000,
    requests: 1,
    requestsPerSecond: Math.round(1000 / milliseconds),
    p50Milliseconds: milliseconds,
    p90Milliseconds: milliseconds,
    p99Milliseconds: milliseconds,
    maxMilliseconds: milliseconds,
    non2xx: 0,
    errors: 0,
  };
}

/** One request first: it must answer 200, and its time decides whether the read is loaded at all. */
async function probe(url: string, headers: Record<string, string>): Promise<number> {
  const started = performance.now();
  const check = await fetch(url, { headers });
  if (check.status !== 200) throw new Error(`${url} answered ${check.status}: ${await check.text()}`);
  await check.arrayBuffer();
  return performance.now() - started;
}

export interface ReadContext {
  baseUrl: string;
  headers: Record<string, string>;
  connections: number;
  durationSeconds: number;
  log: (line: string) => void;
}

/**
 * Each read: 2 s warm-up, autocannon at full concurrency, then one connection (the application's
 * own time), then the raw floor: the statements its service runs, straight on the driver.
 */
export async function measureReads(
  endpoints: ReadEndpoint[],
  context: ReadContext,
  floor: { capture: QueryCapture; raw: RawRunner; services: Services; actor: Actor; authenticationQueries: number },
): Promise<ReadMeasurement[]> {
  const { baseUrl, headers, connections, durationSeconds, log } = context;
  const reads: ReadMeasurement[] = [];
  for (const endpoint of endpoints) {
    const url = `${baseUrl}${endpoint.path}`;
    const firstMilliseconds = await probe(url, headers);
    // A slow first request may have been a cache miss: the second says whether the read is slow.
    const probeMilliseconds = firstMilliseconds > slowProbeMilliseconds ? await probe(url, headers) : firstMilliseconds;
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
      // On a loaded machine a slow read may not finish once in the window: the probe is then its time.
      if (concurrent.requests === 0) concurrent = singleRequestResult(probeMilliseconds);
      if (single.requests === 0) single = singleRequestResult(probeMilliseconds);
    }
    const statements = await floor.capture.capture(() => endpoint.callService(floor.services, floor.actor));
    const raw = await floor.raw.time(statements, Math.max(1, Math.round(durationSeconds / 4)));
    reads.push({
      name: endpoint.name,
      path: endpoint.path,
      registerList: endpoint.registerList,
      queries: statements.length,
      authenticationQueries: floor.authenticationQueries,
      firstMilliseconds,
      concurrent,
      single,
      raw,
      ratioSingle: single.p50Milliseconds / Math.max(raw.p50Milliseconds, 0.001),
      ratioConcurrent: concurrent.p50Milliseconds / Math.max(raw.p50Milliseconds, 0.001),
    });
  }
  return reads;
}

/** Reads at full concurrency only: the register list per worker count, and the lists with the cache off. */
export async function measureThroughput(
  endpoints: ReadEndpoint[],
  workers: number,
  readCache: boolean,
  context: ReadContext,
): Promise<WorkerComparison[]> {
  const { baseUrl, headers, connections, durationSeconds, log } = context;
  const measured: WorkerComparison[] = [];
  for (const endpoint of endpoints) {
    const url = `${baseUrl}${endpoint.path}`;
    await probe(url, headers);
    log(`measuring ${endpoint.name} with ${workers} worker${workers === 1 ? '' : 's'}${readCache ? '' : ', READ_CACHE=false'}`);
    await runLoad(url, headers, connections, Math.min(2, durationSeconds));
    measured.push({ name: endpoint.name, workers, readCache, concurrent: await runLoad(url, headers, connections, durationSeconds) });
  }
  return measured;
}
