import { connectDatabase, loadConfig, migrateToLatest, type Config, type DatabaseConnection } from '@forvalta/server';

/** Config from the environment, with --database taking the place of DATABASE_URL when given. */
export function cliConfig(databaseOption: string | undefined, overrides: Partial<Config> = {}): Config {
  const environment = { ...process.env };
  if (databaseOption) environment.DATABASE_URL = databaseOption;
  return loadConfig(environment, overrides);
}

/** Opens the database and brings its schema up to date; every command that touches data starts here. */
export async function openDatabase(config: Config): Promise<DatabaseConnection> {
  const database = connectDatabase(config.databaseUrl, {
    onConnectionError: (error) => console.error(`forvalta: a database connection was lost (${error.message}); it will be replaced`),
  });
  await migrateToLatest(database.db);
  return database;
}

export function redactDatabaseUrl(url: string): string {
  return url.replace(/(postgres(?:ql)?:\/\/[^:/@]+):[^@]*@/, '$1:***@');
}
