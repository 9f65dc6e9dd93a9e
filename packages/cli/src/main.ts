import { ConfigError, AppError } from '@forvalta/server';
import { UsageError } from './arguments.ts';
import { audit, auditHelp } from './commands/audit.ts';
import { compliance, complianceHelp } from './commands/compliance.ts';
import { bench, benchHelp } from './commands/bench.ts';
import { demo, demoHelp } from './commands/demo.ts';
import { generate, generateHelp } from './commands/generate.ts';
import { init, initHelp } from './commands/init.ts';
import { migrate, migrateHelp } from './commands/migrate.ts';
import { serve, serveHelp } from './commands/serve.ts';
import { token, tokenHelp } from './commands/token.ts';

const commands: Record<string, { run: (argv: string[]) => Promise<number>; help: string }> = {
  serve: { run: serve, help: serveHelp },
  migrate: { run: migrate, help: migrateHelp },
  init: { run: init, help: initHelp },
  demo: { run: demo, help: demoHelp },
  token: { run: token, help: tokenHelp },
  audit: { run: audit, help: auditHelp },
  generate: { run: generate, help: generateHelp },
  bench: { run: bench, help: benchHelp },
  compliance: { run: compliance, help: complianceHelp },
};

const overview = `forvalta — the IT-governance register of a Swedish municipality

Usage: forvalta <command> [options]

Commands:
${Object.values(commands)
  .map((command) => `  ${command.help.split('\n')[0]}`)
  .join('\n')}

Every command takes --database (a postgres:// URL or an SQLite file path; default DATABASE_URL
or ./data/forvalta.db) and answers --help.`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(overview);
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  try {
    if (!command) throw new UsageError(`unknown command "${name}" (try: forvalta --help)`);
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      console.error(`forvalta: ${error.message}`);
      return 2;
    }
    // A refused input (unknown e-mail, wrong code) is a usage mistake too: one line, exit 2.
    if (error instanceof AppError) {
      console.error(`forvalta: ${error.message}`);
      return error.code === 'validation_failed' ? 2 : 1;
    }
    console.error(`forvalta: ${(error as Error).message}`);
    return 1;
  }
}
