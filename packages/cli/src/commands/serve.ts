import cluster from 'node:cluster';
import type { Config } from '@forvalta/server/config';
import { parseOptions, printHelp, UsageError } from '../arguments.ts';
import { connectForServing, isFirstWorker, parseWorkerCount, runPrimary, runWorker, type StartupDetails } from '../cluster.ts';

export const serveHelp = `forvalta serve [--port N] [--workers N|auto] [--demo] [--database URL]

Runs the web application and the API. Migrates the database first.
  --port N          port to listen on (default PORT or 3000); HOST sets the interface (default 127.0.0.1)
  --workers N|auto  processes serving requests on the same port (default WORKERS or 1; auto = one
                    per core). A worker that stops is replaced; SIGTERM stops them all.
  --demo            load the demo municipality "Tanums kommun (demo)" if it is not there yet`;

export async function serve(argv: string[]): Promise<number> {
  const options = parseOptions(argv, { port: { type: 'string' }, demo: { type: 'boolean' }, workers: { type: 'string' } });
  if (options.help) return printHelp(serveHelp);
  let port: number | undefined;
  if (options.port !== undefined) {
    port = Number(options.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`--port must be a number from 0 to 65535, not "${options.port}"`);
  }
  const workersText = options.workers ?? process.env.WORKERS;
  const workers = parseWorkerCount(workersText);
  if (workers === undefined) throw new UsageError(`--workers must be a number from 1 to 64 or "auto", not "${workersText}"`);
  // Only the configuration here: the primary of several workers never loads the application.
  const { loadConfig } = await import('@forvalta/server/config');
  const environment = { ...process.env, ...(options.database ? { DATABASE_URL: options.database } : {}) };
  const config = loadConfig(environment, port !== undefined ? { port } : {});

  if (cluster.isWorker)
    return runWorker(config, workers, isFirstWorker() ? () => prepareDatabase(config, options.demo === true) : undefined);
  if (workers > 1)
    return runPrimary({ workers, onListening: (actualPort, details) => console.log(startupMessage(config, actualPort, details, workers)) });

  const details = await prepareDatabase(config, options.demo === true);
  const { buildApp } = await import('@forvalta/server');
  const database = await connectForServing(config);
  const { app } = await buildApp({ config, database });
  const shutdown = async () => {
    await app.close();
    await database.destroy();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  console.log(startupMessage(config, typeof address === 'object' && address ? address.port : config.port, details, workers));
  return new Promise<number>(() => {});
}

/** Migrations and the demo: once, before anything serves (with workers, in the first worker before it listens). */
async function prepareDatabase(config: Config, demo: boolean): Promise<StartupDetails> {
  const { openDatabase, redactDatabaseUrl } = await import('../context.ts');
  const { demoPassword, loadDemoOrganisation, systemClock } = await import('@forvalta/server');
  const database = await openDatabase(config);
  try {
    const lines = [`  database: ${database.dialect} (${redactDatabaseUrl(config.databaseUrl)})`];
    if (demo) {
      const { logins } = await loadDemoOrganisation(database.db, systemClock);
      lines.push(`  demo login: ${logins[0]!.email} / ${demoPassword}`);
      lines.push(
        `  other demo roles (same password): ${logins
          .slice(1)
          .map((login) => `${login.email} (${login.role})`)
          .join(', ')}`,
      );
    }
    return { lines };
  } finally {
    await database.destroy();
  }
}

function startupMessage(config: Config, port: number, details: StartupDetails, workers: number): string {
  const host = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  const url = `http://${host}:${port}`;
  const [databaseLine, ...demoLines] = details.lines;
  const lines = ['', `Förvalta is running at ${url}`, databaseLine!, `  API documentation: ${url}/api/docs`];
  if (workers > 1)
    lines.push(
      `  workers: ${workers} processes, the others joining as they start (login attempts limited per worker: LOGIN_RATE_LIMIT_PER_MINUTE ÷ ${workers})`,
    );
  lines.push(...demoLines);
  return `${lines.join('\n')}\n`;
}
