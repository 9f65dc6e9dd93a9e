import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repositoryRoot = path.resolve(import.meta.dirname, '..');

export interface WorkerServer {
  baseURL: string;
  /** The worker's SQLite file, for a spec that plays someone who writes the database behind the server's back. */
  databaseFile: string;
  stop: () => Promise<void>;
}

/**
 * Starts the built server with the demo on its own SQLite file and port, for one Playwright worker.
 * Each worker owning a server and a database is what lets the journeys run side by side: a spec
 * that changes a system, a login's locale or a throttle counter cannot disturb a spec in another
 * worker (specs in one worker run one after another, as they did on one worker before).
 */
/** `environment`: settings of this server alone (the e-mail spec's own server points at its SMTP server). */
export async function startWorkerServer(port: number, environment: Record<string, string> = {}): Promise<WorkerServer> {
  const databaseFile = path.join(os.tmpdir(), `forvalta-e2e-${process.pid}-${port}-${Date.now()}.db`);
  // The documents' uploaded files go with the database, not into the checkout's ./data/documents.
  const documentsDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'forvalta-e2e-documents-'));
  const removeWorkerFiles = () => {
    removeDatabaseFiles(databaseFile);
    fs.rmSync(documentsDirectory, { recursive: true, force: true });
  };
  const child = spawn(
    process.execPath,
    ['packages/cli/bin/forvalta.mjs', 'serve', '--demo', '--port', String(port), '--database', databaseFile],
    {
      cwd: repositoryRoot,
      env: { ...process.env, LOG_LEVEL: 'warn', DOCUMENTS_DIR: documentsDirectory, ...environment },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let errorOutput = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errorOutput += chunk.toString();
    process.stderr.write(chunk);
  });
  const baseURL = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseURL, child, () => errorOutput);
  } catch (error) {
    await stopChild(child);
    removeWorkerFiles();
    throw error;
  }
  return {
    baseURL,
    databaseFile,
    stop: async () => {
      await stopChild(child);
      removeWorkerFiles();
    },
  };
}

async function waitForHealth(baseURL: string, child: ChildProcess, errorOutput: () => string): Promise<void> {
  // Loading the demo and building the read caches takes a few seconds, longer on a loaded machine.
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the e2e server exited with ${child.exitCode}:\n${errorOutput()}`);
    try {
      const response = await fetch(`${baseURL}/api/v1/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the e2e server on ${baseURL} did not answer within 120 s:\n${errorOutput()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const forceful = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(forceful);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Deletes a database and its SQLite side files (-wal, -shm, -journal). */
export function removeDatabaseFiles(databaseFile: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${databaseFile}${suffix}`, { force: true });
}
