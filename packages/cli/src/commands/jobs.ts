import { createScheduledJobRunner, createServices, systemClock } from '@forvalta/server';
import { parseOptions, printHelp, UsageError } from '../arguments.ts';
import { cliConfig, openDatabase } from '../context.ts';

export const jobsHelp = `forvalta jobs run-due [--database URL]

Runs every scheduled job that is due now, once, and prints what ran: for installations that run
jobs from cron (JOBS=false on the servers) and for checking a job by hand. Safe beside running
servers: a job that a server instance is running now is left to it. Exit code 1 when a job failed.`;

export async function jobs(argv: string[]): Promise<number> {
  const [subcommand, ...rest] = argv;
  if (subcommand === '--help' || subcommand === '-h') return printHelp(jobsHelp);
  if (subcommand !== 'run-due')
    throw new UsageError(
      subcommand
        ? `unknown jobs command "${subcommand}" (try: forvalta jobs run-due)`
        : 'missing command (try: forvalta jobs run-due --help)',
    );
  const options = parseOptions(rest, {});
  if (options.help) return printHelp(jobsHelp);
  const config = cliConfig(options.database);
  const database = await openDatabase(config);
  try {
    const services = createServices(database.db, systemClock, config);
    const log = {
      info: () => {},
      error: (details: object, message: string) =>
        console.error(`forvalta: ${message}${'err' in details ? ` (${(details.err as Error).message})` : ''}`),
    };
    const runner = createScheduledJobRunner(database.db, systemClock, services, config, log);
    const runs = await runner.runDue();
    if (runs.length === 0) console.log('No job was due.');
    for (const run of runs) {
      const seconds = ((Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000).toFixed(1);
      const what = run.outcome === 'succeeded' ? run.summary : `FAILED: ${run.error}`;
      console.log(`${run.name}: ${what} (${seconds} s; next run ${run.nextRunAt})`);
    }
    return runs.some((run) => run.outcome === 'failed') ? 1 : 0;
  } finally {
    await database.destroy();
  }
}
