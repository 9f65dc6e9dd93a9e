import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '../bin/forvalta.mjs');

interface Answer {
  status: number;
  worker: string | undefined;
  etag: string | undefined;
  body: string;
}

/** One request on a new connection: the primary hands each new connection to the next worker. */
function request(url: string, options: { method?: string; headers?: Record<string, string>; body?: unknown } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = { ...options.headers, ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}) };
    const outgoing = http.request(url, { method: options.method ?? 'GET', agent: false, headers }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () =>
        resolve({
          status: response.statusCode!,
          worker: response.headers['x-forvalta-worker'] as string | undefined,
          etag: response.headers.etag,
          body,
        }),
      );
    });
    outgoing.on('error', reject);
    if (options.body !== undefined) outgoing.write(JSON.stringify(options.body));
    outgoing.end();
  });
}

/** The server's output so far, and a way to wait for a line that matches. */
function watchOutput(server: ChildProcess) {
  let output = '';
  const waiters: Array<() => void> = [];
  const append = (chunk: Buffer) => {
    output += chunk.toString();
    for (const waiter of waiters.splice(0)) waiter();
  };
  server.stdout!.on('data', append);
  server.stderr!.on('data', append);
  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(output);
        if (match) return resolve(match);
        if (server.exitCode !== null) return reject(new Error(`serve exited with ${server.exitCode}:\n${output}`));
        waiters.push(check);
      };
      check();
    });
  return { waitFor, output: () => output };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('forvalta serve --workers', () => {
  let directory: string;
  let server: ChildProcess | undefined;

  beforeAll(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'forvalta-workers-'));
  });
  afterAll(() => {
    if (server && server.exitCode === null) server.kill('SIGKILL');
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it('serves from two processes on one port, replaces a worker that dies and stops cleanly', async () => {
    const database = path.join(directory, 'workers.db');
    server = spawn(process.execPath, [bin, 'serve', '--workers', '2', '--demo', '--port', '0', '--database', database], {
      env: { ...process.env, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const watched = watchOutput(server);
    const url = (await watched.waitFor(/running at (http:\/\/\S+)/))[1]!.replace('localhost', '127.0.0.1');
    // The first worker migrated and loaded the demo, then listened; only then was the second forked.
    await watched.waitFor(/all 2 workers listening/);
    const output = watched.output();
    expect(output.indexOf('worker 1 (pid')).toBeLessThan(output.indexOf('running at'));
    expect(output.indexOf('running at')).toBeLessThan(output.indexOf('worker 2 (pid'));
    const pids = new Map<string, number>();
    for (const match of watched.output().matchAll(/worker (\d+) \(pid (\d+)\) listening/g)) pids.set(match[1]!, Number(match[2]));
    const [first, second] = [...pids.keys()];
    expect(pids.size).toBe(2);

    const seen = new Set<string>();
    for (let attempt = 0; attempt < 20 && seen.size < 2; attempt += 1) {
      const answer = await request(`${url}/api/v1/health`);
      expect(answer.status).toBe(200);
      seen.add(answer.worker!);
    }
    expect([...seen].sort()).toEqual([first, second].sort());

    // Writers in both processes at once: SQLite must queue them, never answer 500 (SQLITE_BUSY).
    const created = await run(
      process.execPath,
      [bin, 'token', 'create', '--email', 'admin@tanum.demo', '--name', 'workers test', '--database', database],
      { env: { ...process.env, LOG_LEVEL: 'silent' } },
    );
    const authorization = `Bearer ${/fvt_[A-Za-z0-9_-]+/.exec(created.stdout)![0]}`;
    const systems = JSON.parse((await request(`${url}/api/v1/systems?limit=20`, { headers: { authorization } })).body) as {
      items: Array<{ id: string; version: number }>;
    };
    expect(systems.items).toHaveLength(20);
    const updates = await Promise.all(
      systems.items.map((system, index) =>
        request(`${url}/api/v1/systems/${system.id}`, {
          method: 'PATCH',
          headers: { authorization, 'if-match': `"${system.version}"` },
          body: { userCount: 1000 + index },
        }),
      ),
    );
    expect(updates.map((answer) => answer.status)).toEqual(systems.items.map(() => 200));
    expect(new Set(updates.map((answer) => answer.worker)).size).toBe(2);
    const verify = await run(process.execPath, [bin, 'audit', 'verify', '--database', database]);
    expect(verify.stdout).toMatch(/Audit log intact/);

    process.kill(pids.get(first!)!, 'SIGKILL');
    const next = String(Math.max(...[...pids.keys()].map(Number)) + 1);
    const replacement = await watched.waitFor(new RegExp(`worker ${next} \\(pid (\\d+)\\) listening`));
    expect(watched.output()).toContain(`worker ${first} (pid ${pids.get(first!)}) stopped (SIGKILL); starting another`);
    const answeredBy = new Set<string>();
    for (let attempt = 0; attempt < 20 && !answeredBy.has(next); attempt += 1) {
      const answer = await request(`${url}/api/v1/health`);
      expect(answer.status).toBe(200);
      answeredBy.add(answer.worker!);
    }
    expect(answeredBy.has(next)).toBe(true);
    expect(answeredBy.has(first!)).toBe(false);

    const exited = new Promise<number | null>((resolve) => server!.once('exit', (code) => resolve(code)));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const pid of [pids.get(second!)!, Number(replacement[1])]) expect(isRunning(pid), `worker pid ${pid}`).toBe(false);
  });

  it('stops with the reason, without starting more workers, when the first cannot prepare the database', async () => {
    // A directory where the database file should be: SQLite cannot open it.
    const failed = await run(process.execPath, [bin, 'serve', '--workers', '2', '--port', '0', '--database', directory]).catch(
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failed).toMatchObject({ code: 1 });
    const { stdout, stderr } = failed as { stdout: string; stderr: string };
    expect(stderr).toMatch(/forvalta: worker 1: .+/);
    expect(stderr).toContain('preparing the database stopped (exit code 1)');
    expect(stdout).not.toContain('running at');
    expect(stderr).not.toContain('worker 2');
  });

  it('refuses a worker count that is not a number or auto', async () => {
    const failed = await run(process.execPath, [bin, 'serve', '--workers', 'many', '--database', path.join(directory, 'refused.db')]).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed).toMatchObject({ code: 2 });
    expect((failed as { stderr: string }).stderr).toContain('--workers must be a number from 1 to 64 or "auto"');
  });
});
