import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { runLoad, type LoadResult } from './load-runner.ts';

const cliEntry = path.resolve(import.meta.dirname, '../../bin/forvalta.mjs');

export interface ColdStart {
  /** From spawning `forvalta serve` to the first 200 from /api/v1/health. */
  milliseconds: number;
}

export interface MemoryUnderLoad {
  /** Peak resident set of the server process (VmHWM), and RSS sampled during the load. */
  peakMegabytes: number;
  sampledMaximumMegabytes: number;
  load: LoadResult;
}

function readStatusMegabytes(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) / 1024 : 0;
}

/**
 * Starts the real server as operators do (`forvalta serve`, a separate process, logging at warn)
 * and times it to its first healthy answer; then loads it to read its memory from /proc, where
 * nothing of the load generator is counted.
 */
export async function measureServerProcess(
  databaseUrl: string,
  loadPath: string,
  token: string,
  connections: number,
  seconds: number,
): Promise<{ coldStart: ColdStart; memory: MemoryUnderLoad }> {
  const started = performance.now();
  const child = spawn(process.execPath, [cliEntry, 'serve', '--port', '0', '--database', databaseUrl], {
    env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const baseUrl = await waitForListening(child);
    for (;;) {
      const response = await fetch(`${baseUrl}/api/v1/health`).catch(() => undefined);
      if (response?.status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const coldStart = { milliseconds: Math.round(performance.now() - started) };

    let sampledMaximum = 0;
    const sampler = setInterval(() => {
      sampledMaximum = Math.max(sampledMaximum, readStatusMegabytes(child.pid!, 'VmRSS'));
    }, 100);
    const load = await runLoad(`${baseUrl}${loadPath}`, { authorization: `Bearer ${token}` }, connections, seconds);
    clearInterval(sampler);
    const peak = readStatusMegabytes(child.pid!, 'VmHWM');
    return { coldStart, memory: { peakMegabytes: Math.round(peak), sampledMaximumMegabytes: Math.round(sampledMaximum), load } };
  } finally {
    child.kill('SIGTERM');
  }
}

/** `forvalta serve` prints the address it listens on; with --port 0 that is the only way to learn the port. */
function waitForListening(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timeout = setTimeout(() => reject(new Error(`forvalta serve did not start within 60 s:\n${output}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/[^\s]+)/.exec(output);
      if (match) {
        clearTimeout(timeout);
        resolve(match[1]!.replace('localhost', '127.0.0.1'));
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timeout);
      reject(new Error(`forvalta serve exited with ${code} before listening:\n${output}`));
    });
  });
}
