// Runs autocannon on its own thread (so it never shares an event loop with the server under test)
// and records every response time at full precision: autocannon's own histogram rounds to whole
// milliseconds, too coarse for targets of a few milliseconds.
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

const { url, headers, connections, seconds } = workerData;
const durations = [];
const statusCounts = {};
const instance = autocannon({ url, headers, connections, duration: seconds }, (error, result) => {
  if (error) {
    parentPort.postMessage({ error: String(error) });
    return;
  }
  durations.sort((left, right) => left - right);
  const at = (fraction) => durations[Math.min(durations.length - 1, Math.floor(durations.length * fraction))] ?? 0;
  parentPort.postMessage({
    requests: durations.length,
    p50: at(0.5),
    p90: at(0.9),
    p99: at(0.99),
    max: durations[durations.length - 1] ?? 0,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    statusCounts,
  });
});
instance.on('response', (_client, statusCode, _bytes, responseTime) => {
  durations.push(responseTime);
  statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1;
});
