import { demoPassword, loadDemoOrganisation, systemClock } from '@forvalta/server';
import { parseOptions, printHelp } from '../arguments.ts';
import { cliConfig, openDatabase } from '../context.ts';

export const demoHelp = `forvalta demo [--database URL]

Loads the demo municipality "Tanums kommun (demo)" (kommunkod 1435): its departments, about 300
made-up employees and one demo login per role. Does nothing if it is already loaded.`;

export async function demo(argv: string[]): Promise<number> {
  const options = parseOptions(argv, {});
  if (options.help) return printHelp(demoHelp);
  const config = cliConfig(options.database);
  const database = await openDatabase(config);
  try {
    const result = await loadDemoOrganisation(database.db, systemClock);
    console.log(result.created ? 'Loaded the demo municipality Tanums kommun (demo).' : 'The demo municipality is already loaded.');
    for (const login of result.logins) console.log(`  ${login.email.padEnd(26)} ${login.role}`);
    console.log(`  password for every demo login: ${demoPassword}`);
    return 0;
  } finally {
    await database.destroy();
  }
}
