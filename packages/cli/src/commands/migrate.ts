import { connectDatabase, migrateToLatest } from '@forvalta/server';
import { parseOptions, printHelp } from '../arguments.ts';
import { cliConfig, redactDatabaseUrl } from '../context.ts';

export const migrateHelp = `forvalta migrate [--database URL]

Creates or updates the database schema to the latest version.`;

export async function migrate(argv: string[]): Promise<number> {
  const options = parseOptions(argv, {});
  if (options.help) return printHelp(migrateHelp);
  const config = cliConfig(options.database);
  const database = connectDatabase(config.databaseUrl);
  try {
    const applied = await migrateToLatest(database.db);
    console.log(
      applied.length > 0
        ? `Applied ${applied.length} migration(s) to ${redactDatabaseUrl(config.databaseUrl)}: ${applied.join(', ')}`
        : `The database ${redactDatabaseUrl(config.databaseUrl)} is up to date.`,
    );
    return 0;
  } finally {
    await database.destroy();
  }
}
