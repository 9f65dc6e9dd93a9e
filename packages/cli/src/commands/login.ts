import { createServices, systemActor, systemClock } from '@forvalta/server';
import { z } from 'zod';
import { parseOptions, requireOption, UsageError } from '../arguments.ts';
import { cliConfig, openDatabase } from '../context.ts';

export const loginHelp = `forvalta login create --email EMAIL --municipality CODE [--url BASE] [--database URL]

Invites the person with that e-mail in the municipality with that kommunkod to sign in, as the
installation operator (ADR 0009), and prints the one-time link once: the person opens it and
sets their own password (or, if the address already has a login, accepts with its password).
The link works for 7 days. Roles are given separately, in the web application under Roller.
--url is the address the application is reached at (default http://localhost:PORT).`;

export async function login(argv: string[]): Promise<number> {
  const [subcommand, ...rest] = argv;
  if (subcommand === '--help' || subcommand === '-h') {
    console.log(loginHelp);
    return 0;
  }
  if (subcommand !== 'create')
    throw new UsageError(
      subcommand
        ? `unknown login command "${subcommand}" (try: forvalta login create --help)`
        : 'missing command (try: forvalta login create --help)',
    );
  const options = parseOptions(rest, { email: { type: 'string' }, municipality: { type: 'string' }, url: { type: 'string' } });
  if (options.help) {
    console.log(loginHelp);
    return 0;
  }
  const email = requireOption(options.email, 'email').toLowerCase();
  if (!z.email().safeParse(email).success) throw new UsageError(`--email is not an e-mail address: "${email}"`);
  const code = requireOption(options.municipality, 'municipality');
  const base = (options.url ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, '');

  const config = cliConfig(options.database);
  const database = await openDatabase(config);
  try {
    const services = createServices(database.db, systemClock, config);
    const { municipality, created } = await services.loginInvitations.inviteByOperator(systemActor('cli login'), email, code);
    console.log(`Invitation for ${email} to ${municipality.name} (${municipality.code}), valid until ${created.expiresAt} (shown once):`);
    // The secret is in the fragment: browsers do not send it to the server or in a Referer.
    console.log(`${base}/invitation#${created.token}`);
    return 0;
  } finally {
    await database.destroy();
  }
}
