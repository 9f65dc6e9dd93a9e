import { performance } from 'node:perf_hooks';

export interface WriteResult {
  updates: number;
  p50Milliseconds: number;
  p99Milliseconds: number;
  updatesPerSecond: number;
  failures: number;
}

/**
 * Updates with If-Match one after another: each needs the ETag of the previous answer, which a
 * fixed-request load generator cannot carry. Rotates over several systems like a team editing
 * the register; each PATCH is a full update use case (load, rules, write, reload, audit).
 */
export async function runWriteLoop(baseUrl: string, token: string, systemIds: string[], updates: number): Promise<WriteResult> {
  const authorization = `Bearer ${token}`;
  const etags = new Map<string, string>();
  for (const id of systemIds) {
    const response = await fetch(`${baseUrl}/api/v1/systems/${id}`, { headers: { authorization } });
    etags.set(id, response.headers.get('etag') ?? '"1"');
    await response.arrayBuffer();
  }
  const samples: number[] = [];
  let failures = 0;
  const started = performance.now();
  for (let index = 0; index < updates; index += 1) {
    const id = systemIds[index % systemIds.length]!;
    const requestStarted = performance.now();
    const response = await fetch(`${baseUrl}/api/v1/systems/${id}`, {
      method: 'PATCH',
      headers: { authorization, 'content-type': 'application/json', 'if-match': etags.get(id)! },
      body: JSON.stringify({ userCount: 100 + index }),
    });
    await response.arrayBuffer();
    samples.push(performance.now() - requestStarted);
    if (response.status !== 200) failures += 1;
    etags.set(id, response.headers.get('etag') ?? etags.get(id)!);
  }
  const seconds = (performance.now() - started) / 1000;
  samples.sort((left, right) => left - right);
  const at = (fraction: number) => samples[Math.min(samples.length - 1, Math.floor(samples.length * fraction))] ?? 0;
  return { updates, p50Milliseconds: at(0.5), p99Milliseconds: at(0.99), updatesPerSecond: Math.round(updates / seconds), failures };
}
