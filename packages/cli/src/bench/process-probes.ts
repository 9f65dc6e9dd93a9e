import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const cliEntry = path.resolve(import.meta.dirname, '../../bin/forvalta.mjs');

export interface ColdStart {
  /** From spawning `forvalta serve` to the first 200 from /api/v1/health. */
  milliseconds: number;
  workers: number;
}

export interface MemoryUnderLoad {
  workers: number;
  /** What the server had answered when this was read. */
  load: string;
  /** Peak resident set (VmHWM) of the largest single process: the primary or one worker. */
  peakMegabytes: number;
  /** Sum of every process's VmHWM: what the server as a whole held at most (an upper bound). */
  totalPeakMegabytes: number;
  /** Largest sum of current RSS sampled every 200 ms during the run. */
  sampledMaximumMegabytes: number;
}

export interface ServerProcess {
  baseUrl: string;
  coldStart: ColdStart;
  /** Memory of the server and its workers since it started. */
  memory(): MemoryUnderLoad;
  stop(): Promise<void>;
}

function readStatusMegabytes(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0; // the process ended between listing and reading
  }
}

/** The process and its children (the cluster's workers), from /proc. */
function processTree(root: number): number[] {
  const tree = [root];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/PID/stat is the parent; the name in field 2 may contain spaces, so split after ')'.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === root) tree.push(Number(entry));
    } catch {
      // gone already
    }
  }
  return tree;
}

/**
 * Starts the real server as operators do (`forvalta serve --workers N`, a separate process tree,
 * logging at warn), times it to its first healthy answer, and samples the memory of all its
 * processes from /proc, where nothing of the load generator is counted.
 */
export async function startServer(databaseUrl: string, workers: number, environment: Record<string, string> = {}): Promise<ServerProcess> {
  const started = performance.now();
  const child = spawn(process.execPath, [cliEntry, 'serve', '--port', '0', '--workers', String(workers), '--database', databaseUrl], {
    // Scheduled jobs off: the daily compliance snapshot would evaluate every municipality while the reads are measured.
    env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: databaseUrl, JOBS: 'false', ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const waitForOutput = watchOutput(child);
    const baseUrl = (await waitForOutput(/running at (http:\/\/[^\s]+)/, 'address'))[1]!.replace('localhost', '127.0.0.1');
    for (;;) {
      const response = await fetch(`${baseUrl}/api/v1/health`).catch(() => undefined);
      if (response?.status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const coldStart = { milliseconds: Math.round(performance.now() - started), workers };
    // The other workers are forked once the first answers; the load must find them all listening.
    if (workers > 1) await waitForOutput(new RegExp(`all ${workers} workers listening`), 'all workers listening');
    const pids = processTree(child.pid!);
    let sampledMaximum = 0;
    const sampler = setInterval(() => {
      sampledMaximum = Math.max(
        sampledMaximum,
        pids.reduce((sum, pid) => sum + readStatusMegabytes(pid, 'VmRSS'), 0),
      );
    }, 200);
    return {
      baseUrl,
      coldStart,
      memory: () => {
        const peaks = pids.map((pid) => readStatusMegabytes(pid, 'VmHWM'));
        return {
          workers,
          load: 'the register-list reads',
          peakMegabytes: Math.round(Math.max(...peaks)),
          totalPeakMegabytes: Math.round(peaks.reduce((sum, peak) => sum + peak, 0)),
          sampledMaximumMegabytes: Math.round(sampledMaximum),
        };
      },
      stop: async () => {
        clearInterval(sampler);
        await stopChild(child);
      },
    };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * What `forvalta serve` prints: the address it listens on (with --port 0 the only way to learn the
 * port) once the first worker answers, and with several workers a line once all of them listen.
 */
function watchOutput(child: ChildProcess) {
  let output = '';
  const waiters = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const check of waiters) check();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  return (pattern: RegExp, what: string): Promise<RegExpExecArray> =>
    new Promise((resolve, reject) => {
      const timeout = setTimeout(() => finish(new Error(`forvalta serve: no ${what} within 60 s:\n${output}`)), 60_000);
      const onExit = (code: number | null) => finish(new Error(`forvalta serve exited with ${code} before ${what}:\n${output}`));
      const check = () => {
        const match = pattern.exec(output);
        if (match) finish(undefined, match);
      };
      function finish(error: Error | undefined, match?: RegExpExecArray) {
        clearTimeout(timeout);
        waiters.delete(check);
        child.off('exit', onExit);
        if (error) reject(error);
        else resolve(match!);
      }
      waiters.add(check);
      child.once('exit', onExit);
      check();
    });
}
