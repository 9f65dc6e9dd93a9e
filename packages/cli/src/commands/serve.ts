import cluster from 'node:cluster';
import { buildApp, demoPassword, loadDemoOrganisation, systemClock, type Config } from '@forvalta/server';
import { parseOptions, UsageError } from '../arguments.ts';
import { parseWorkerCount, runPrimary, runWorker } from '../cluster.ts';
import { cliConfig, openDatabase, redactDatabaseUrl } from '../context.ts';

export const serveHelp = `forvalta serve [--port N] [--workers N|auto] [--demo] [--database URL]

Runs the web application and the API. Migrates the database first.
  --port N          port to listen on (default PORT or 3000); HOST sets the interface (default 127.0.0.1)
  --workers N|auto  processes serving requests on the same port (default WORKERS or 1; auto = one
                    per core). A worker that stops is replaced; SIGTERM stops them all.
  --demo            load the demo municipality "Tanums kommun (demo)" if it is not there yet`;

export async function serve(argv: string[]): Promise<number> {
  const options = parseOptions(argv, { port: { type: 'string' }, demo: { type: 'boolean' }, workers: { type: 'string' } });
  if (options.help) return console.log(serveHelp), 0;
  let port: number | undefined;
  if (options.port !== undefined) {
    port = Number(options.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${options.port}"`);
  }
  const workersText = options.workers ?? process.env.WORKERS;
  const workers = parseWorkerCount(workersText);
  if (workers === undefined) throw new UsageError(`--workers must be a number from 1 to 64 or "auto", not "${workersText}"`);
  const config = cliConfig(options.database, port !== undefined ? { port } : {});
  if (cluster.isWorker) return runWorker(config, workers);

  // Migrations and the demo run once, here, before any worker starts.
  const database = await openDatabase(config);
  let demoLogins: Array<{ email: string; role: string }> = [];
  if (options.demo) {
    const result = await loadDemoOrganisation(database.db, systemClock);
    demoLogins = result.logins;
  }
  const describe = (actualPort: number) => console.log(startupMessage(config, database.dialect, actualPort, demoLogins, workers));
  if (workers > 1) {
    await database.destroy();
    return runPrimary({ workers, onListening: describe });
  }

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
  describe(typeof address === 'object' && address ? address.port : config.port);
  return new Promise<number>(() => {});
}

function startupMessage(config: Config, dialect: string, port: number, demoLogins: Array<{ email: string; role: string }>, workers: number): string {
  const host = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  const url = `http://${host}:${port}`;
  const lines = [
    '',
    `Förvalta is running at ${url}`,
    `  database: ${dialect} (${redactDatabaseUrl(config.databaseUrl)})`,
    `  API documentation: ${url}/api/docs`,
  ];
  if (workers > 1) lines.push(`  workers: ${workers} processes (login attempts limited per worker: LOGIN_RATE_LIMIT_PER_MINUTE ÷ ${workers})`);
  if (demoLogins.length > 0) {
    lines.push(`  demo login: ${demoLogins[0]!.email} / ${demoPassword}`);
    lines.push(`  other demo roles (same password): ${demoLogins.slice(1).map((login) => `${login.email} (${login.role})`).join(', ')}`);
  }
  return lines.join('\n') + '\n';
}
