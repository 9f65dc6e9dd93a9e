import cluster, { type Worker } from 'node:cluster';
import os from 'node:os';
import type { Config } from '@forvalta/server/config';

/**
 * One process per core for `forvalta serve --workers N`. A worker keeps nothing another worker
 * needs (sessions, tokens, lockouts and the audit chain live in the database; its read caches are
 * keyed by the data version every worker reads, ADR 0008), so workers share nothing but the
 * database and the listening socket, which the primary hands out round-robin.
 *
 * The primary forks the first worker, which migrates (and loads the demo) and then listens, and
 * the other workers once it listens; it replaces a worker that dies and stops them all on
 * SIGTERM/SIGINT. It never loads the application itself, so it stays a small process (the
 * application is about 175 MB resident).
 */

/** Sent by every worker on each response, so an operator (and the tests) can see who answered. */
export const workerHeader = 'x-forvalta-worker';

/** A worker that dies this many times within `restartWindowMilliseconds` is a crash loop, not bad luck. */
const maximumRestarts = 10;
const restartWindowMilliseconds = 60_000;
/** How long a worker may take to finish its open requests before it is killed. */
const stopGraceMilliseconds = 10_000;

/** `--workers` or WORKERS: a whole number, or `auto` for the cores this process may use. */
export function parseWorkerCount(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return 1;
  if (value === 'auto') return os.availableParallelism();
  const count = Number(value);
  return Number.isInteger(count) && count >= 1 && count <= 64 ? count : undefined;
}

/**
 * The login rate limit is counted in each worker's memory (per client address). Dividing it
 * keeps the installation's total at or below the configured limit whichever worker each
 * connection lands on; the lockout after failed logins is in the database and exact.
 */
export function perWorkerLoginLimit(limit: number, workers: number): number {
  return Math.max(1, Math.floor(limit / workers));
}

/** What the first worker tells the primary once the database is ready (database, demo logins). */
export interface StartupDetails {
  lines: string[];
}

const roleVariable = 'FORVALTA_SERVE_ROLE';

/** The first worker prepares the database (migrations, the demo) before it listens; the others never do. */
export function isFirstWorker(): boolean {
  return process.env[roleVariable] === 'first';
}

export interface PrimaryOptions {
  workers: number;
  /** Called once the first worker listens (the installation answers from then on), with the shared address. */
  onListening: (port: number, details: StartupDetails) => void;
}

/**
 * Forks the first worker, which migrates and then listens; the others are forked only once it
 * listens. Starting them all at once made every process load the application on the same cores,
 * so the first answer came after all of them had loaded (2.8 s with two workers on two cores
 * against 1.0 s with one); now the first answer comes as soon as one worker is ready.
 */
export async function runPrimary({ workers, onListening }: PrimaryOptions): Promise<number> {
  let stopping = false;
  let started = false;
  const restarts: number[] = [];
  const listening = new Set<number>();
  let details: StartupDetails | undefined;

  const fork = (environment?: NodeJS.ProcessEnv) => {
    // A replacement listens with the same arguments as the first workers (even port 0): the primary
    // keys the shared socket by them and hands the replacement the socket already bound.
    const worker = cluster.fork(environment);
    worker.on('listening', (address) => {
      console.log(`worker ${worker.id} (pid ${worker.process.pid}) listening`);
      listening.add(worker.id);
      if (!started) {
        started = true;
        onListening(address.port, details ?? { lines: [] });
        for (let index = 1; index < workers; index += 1) fork();
      }
      if (listening.size === workers) console.log(`all ${workers} workers listening`);
    });
    return worker;
  };

  return new Promise<number>((resolve) => {
    cluster.on('message', (_worker: Worker, message: { details?: StartupDetails }) => {
      if (message.details) details = message.details;
    });
    cluster.on('exit', (worker: Worker, code, signal) => {
      listening.delete(worker.id);
      if (stopping) {
        if (Object.keys(cluster.workers ?? {}).length === 0) resolve(0);
        return;
      }
      if (!started) {
        // The first worker could not prepare the database: starting another would fail the same way.
        console.error(`forvalta: preparing the database stopped (${signal ?? `exit code ${code}`})`);
        resolve(1);
        return;
      }
      const now = Date.now();
      restarts.push(now);
      while (restarts.length > 0 && restarts[0]! < now - restartWindowMilliseconds) restarts.shift();
      console.error(
        `forvalta: worker ${worker.id} (pid ${worker.process.pid}) stopped (${signal ?? `exit code ${code}`}); starting another`,
      );
      if (restarts.length > maximumRestarts) {
        console.error(`forvalta: ${restarts.length} workers stopped within a minute; giving up`);
        void stopAll().then(() => resolve(1));
        return;
      }
      fork();
    });

    const stopAll = async () => {
      stopping = true;
      const running = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);
      const exited = running.map((worker) => new Promise<void>((done) => (worker.isDead() ? done() : worker.once('exit', () => done()))));
      for (const worker of running) worker.process.kill('SIGTERM');
      const timer = setTimeout(() => {
        for (const worker of running) if (!worker.isDead()) worker.process.kill('SIGKILL');
      }, stopGraceMilliseconds);
      await Promise.all(exited);
      clearTimeout(timer);
    };
    const shutdown = () => {
      if (stopping) return;
      void stopAll().then(() => resolve(0));
    };
    process.once('SIGTERM', shutdown);
    process.once('SIGINT', shutdown);

    fork({ [roleVariable]: 'first' });
  }).then((code) => process.exit(code));
}

/** The application's connection, with lost PostgreSQL connections reported rather than fatal. */
export async function connectForServing(config: Config) {
  const { connectDatabase } = await import('@forvalta/server');
  return connectDatabase(config.databaseUrl, {
    onConnectionError: (error) => console.error(`forvalta: a database connection was lost (${error.message}); it will be replaced`),
  });
}

/**
 * One worker: the whole application on its own database connection, listening on the shared
 * port. Only the first worker prepares the database (`prepare`), before it listens and before
 * any other worker is forked, so migrations never run twice at once.
 */
export async function runWorker(config: Config, workers: number, prepare?: () => Promise<StartupDetails>): Promise<number> {
  try {
    if (prepare) {
      const details = await prepare();
      await new Promise<void>((resolve) => process.send!({ details }, () => resolve()));
    }
    return await serveInWorker(config, workers);
  } catch (error) {
    // The IPC channel to the primary would keep a failed worker alive; it must exit to be replaced.
    console.error(`forvalta: worker ${cluster.worker?.id}: ${(error as Error).message}`);
    process.exit(1);
  }
}

async function serveInWorker(config: Config, workers: number): Promise<number> {
  const workerConfig: Config = {
    ...config,
    loginRateLimitPerMinute: perWorkerLoginLimit(config.loginRateLimitPerMinute, workers),
  };
  const { buildApp } = await import('@forvalta/server');
  const database = await connectForServing(workerConfig);
  const { app } = await buildApp({ config: workerConfig, database });
  const id = String(cluster.worker?.id ?? 0);
  app.addHook('onRequest', async (_request, reply) => {
    reply.header(workerHeader, id);
  });
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await app.close();
    await database.destroy();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown());
  // Ctrl-C reaches the whole process group; the primary stops the workers in order.
  process.on('SIGINT', () => {});
  await app.listen({ host: workerConfig.host, port: workerConfig.port });
  return new Promise<number>(() => {});
}
