import { buildApp, demoPassword, loadDemoOrganisation, systemClock } from '@forvalta/server';
import { parseOptions, UsageError } from '../arguments.ts';
import { cliConfig, openDatabase, redactDatabaseUrl } from '../context.ts';

export const serveHelp = `forvalta serve [--port N] [--demo] [--database URL]

Runs the web application and the API. Migrates the database first.
  --port N     port to listen on (default PORT or 3000); HOST sets the interface (default 127.0.0.1)
  --demo       load the demo municipality "Tanums kommun (demo)" if it is not there yet`;

export async function serve(argv: string[]): Promise<number> {
  const options = parseOptions(argv, { port: { type: 'string' }, demo: { type: 'boolean' } });
  if (options.help) return console.log(serveHelp), 0;
  let port: number | undefined;
  if (options.port !== undefined) {
    port = Number(options.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${options.port}"`);
  }
  const config = cliConfig(options.database, port !== undefined ? { port } : {});
  const database = await openDatabase(config);
  let demoLogins: Array<{ email: string; role: string }> = [];
  if (options.demo) {
    const result = await loadDemoOrganisation(database.db, systemClock);
    demoLogins = result.logins;
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
  const actualPort = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host === '127.0.0.1' ? 'localhost' : config.host}:${actualPort}`;
  const lines = [
    '',
    `Förvalta is running at ${url}`,
    `  database: ${database.dialect} (${redactDatabaseUrl(config.databaseUrl)})`,
    `  API documentation: ${url}/api/docs`,
  ];
  if (demoLogins.length > 0) {
    lines.push(`  demo login: ${demoLogins[0]!.email} / ${demoPassword}`);
    lines.push(`  other demo roles (same password): ${demoLogins.slice(1).map((login) => `${login.email} (${login.role})`).join(', ')}`);
  }
  console.log(lines.join('\n') + '\n');
  return new Promise<number>(() => {});
}
