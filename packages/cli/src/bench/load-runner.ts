import { Worker } from 'node:worker_threads';

export interface LoadResult {
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  p50Milliseconds: number;
  p90Milliseconds: number;
  p99Milliseconds: number;
  maxMilliseconds: number;
  non2xx: number;
  errors: number;
}

interface WorkerAnswer {
  error?: string;
  requests: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
}

/**
 * Fixed-concurrency load on one URL with autocannon, on a worker thread (load-worker.mjs): the
 * load generator and an in-process server then have an event loop each and share the two cores,
 * as a client on the same machine would.
 */
export function runLoad(url: string, headers: Record<string, string>, connections: number, seconds: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), { workerData: { url, headers, connections, seconds } });
    worker.once('error', reject);
    worker.once('message', (answer: WorkerAnswer) => {
      void worker.terminate();
      if (answer.error) return reject(new Error(answer.error));
      resolve({
        connections,
        seconds,
        requests: answer.requests,
        requestsPerSecond: Math.round(answer.requests / seconds),
        p50Milliseconds: answer.p50,
        p90Milliseconds: answer.p90,
        p99Milliseconds: answer.p99,
        maxMilliseconds: answer.max,
        non2xx: answer.non2xx,
        errors: answer.errors,
      });
    });
  });
}
