import { UsageError } from './arguments.ts';

interface Command {
  /** The usage line shown in the overview. */
  usage: string;
  /** Loaded only when the command runs, so `--help` and small commands start fast. */
  load: () => Promise<{ run: (argv: string[]) => Promise<number> }>;
}

const commands: Record<string, Command> = {
  serve: {
    usage: 'forvalta serve [--port N] [--workers N|auto] [--demo] [--database URL]',
    load: async () => ({ run: (await import('./commands/serve.ts')).serve }),
  },
  migrate: { usage: 'forvalta migrate [--database URL]', load: async () => ({ run: (await import('./commands/migrate.ts')).migrate }) },
  init: {
    usage:
      'forvalta init --municipality NAME --code CODE --admin-email EMAIL [--admin-password-file FILE] [--add-administrator] [--database URL]',
    load: async () => ({ run: (await import('./commands/init.ts')).init }),
  },
  demo: { usage: 'forvalta demo [--database URL]', load: async () => ({ run: (await import('./commands/demo.ts')).demo }) },
  token: {
    usage: 'forvalta token create --email EMAIL --name NAME [--municipality CODE] [--database URL]',
    load: async () => ({ run: (await import('./commands/token.ts')).token }),
  },
  login: {
    usage: 'forvalta login create --email EMAIL --municipality CODE [--url BASE] [--database URL]',
    load: async () => ({ run: (await import('./commands/login.ts')).login }),
  },
  audit: { usage: 'forvalta audit verify [--database URL]', load: async () => ({ run: (await import('./commands/audit.ts')).audit }) },
  compliance: {
    usage: 'forvalta compliance check [--municipality CODE] [--format table|json] [--fail-on fail] [--database URL]',
    load: async () => ({ run: (await import('./commands/compliance.ts')).compliance }),
  },
  'policy-packs': {
    usage: 'forvalta policy-packs upgrade [--dry-run] [--database URL]',
    load: async () => ({ run: (await import('./commands/policy-packs.ts')).policyPacks }),
  },
  people: {
    usage: 'forvalta people pseudonymise [--dry-run] [--municipality CODE] [--database URL]',
    load: async () => ({ run: (await import('./commands/people.ts')).people }),
  },
  generate: {
    usage: 'forvalta generate --size S|M|L [--seed N] [--municipality CODE] [--database URL]',
    load: async () => ({ run: (await import('./commands/generate.ts')).generate }),
  },
  jobs: { usage: 'forvalta jobs run-due [--database URL]', load: async () => ({ run: (await import('./commands/jobs.ts')).jobs }) },
  'access-rights': {
    usage: 'forvalta access-rights import --file FILE [--apply] [--source system|directory] [--municipality CODE] [--database URL]',
    load: async () => ({ run: (await import('./commands/access-rights.ts')).accessRights }),
  },
  assets: {
    usage: 'forvalta assets import FILE [--apply] [--municipality CODE] [--database URL]',
    load: async () => ({ run: (await import('./commands/assets.ts')).assets }),
  },
  import: {
    usage:
      'forvalta import register|people|backstage FILE [--apply] [--mapping FILE] [--save-mapping FILE] [--create-departments] [--municipality CODE] [--database URL]',
    load: async () => ({ run: (await import('./commands/import.ts')).importFile }),
  },
  export: {
    usage: 'forvalta export --municipality CODE --output FILE [--database URL]',
    load: async () => ({ run: (await import('./commands/backup.ts')).exportCommand }),
  },
  'import-municipality': {
    usage: 'forvalta import-municipality FILE [--code NEWCODE] [--source-audit-key-file FILE] [--database URL]',
    load: async () => ({ run: (await import('./commands/backup.ts')).importMunicipalityCommand }),
  },
  bench: {
    usage: 'forvalta bench [--size S|L] [--duration SECONDS] [--connections N] [--database URL]',
    load: async () => ({ run: (await import('./commands/bench.ts')).bench }),
  },
};

const overview = `forvalta — the IT-governance register of a Swedish municipality

Usage: forvalta <command> [options]

Commands:
${Object.values(commands)
  .map((command) => `  ${command.usage}`)
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
    const { run } = await command.load();
    return await run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`forvalta: ${error.message}`);
      return 2;
    }
    // Loaded here, not at start: a command that failed has loaded the server already.
    const { ConfigError, AppError } = await import('@forvalta/server');
    if (error instanceof ConfigError) {
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
