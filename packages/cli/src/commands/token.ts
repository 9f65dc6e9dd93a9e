import { createServices, systemActor, systemClock } from '@forvalta/server';
import { parseOptions, printHelp, requireOption, UsageError } from '../arguments.ts';
import { cliConfig, openDatabase } from '../context.ts';

export const tokenHelp = `forvalta token create --email EMAIL --name NAME [--municipality CODE] [--database URL]

Creates a personal API token for the login with that e-mail and prints it once. A token works in
one municipality; --municipality (kommunkod) is required when the login has roles in several.`;

export async function token(argv: string[]): Promise<number> {
  const [subcommand, ...rest] = argv;
  if (subcommand === '--help' || subcommand === '-h') return printHelp(tokenHelp);
  if (subcommand !== 'create')
    throw new UsageError(
      subcommand
        ? `unknown token command "${subcommand}" (try: forvalta token create --help)`
        : 'missing command (try: forvalta token create --help)',
    );
  const options = parseOptions(rest, { email: { type: 'string' }, name: { type: 'string' }, municipality: { type: 'string' } });
  if (options.help) return printHelp(tokenHelp);
  const email = requireOption(options.email, 'email').toLowerCase();
  const name = requireOption(options.name, 'name').trim();
  if (name.length > 80) throw new UsageError('--name is at most 80 characters');

  const config = cliConfig(options.database);
  const database = await openDatabase(config);
  try {
    const services = createServices(database.db, systemClock, config);
    const { municipality, created } = await services.apiTokens.issueTokenForLogin(systemActor('cli token'), email, options.municipality, {
      name,
    });
    console.log(`API token "${name}" for ${email} in ${municipality.name} (shown once):`);
    console.log(created.token);
    return 0;
  } finally {
    await database.destroy();
  }
}
