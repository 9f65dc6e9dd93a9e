import { verifyAuditChains } from '@forvalta/server';
import { parseOptions, printHelp, UsageError } from '../arguments.ts';
import { cliConfig, openDatabase } from '../context.ts';

export const auditHelp = `forvalta audit verify [--database URL]

Recomputes the hash chain of the audit log and names every event that was altered, removed or
reordered. Exit code 0 when intact, 1 when tampering is found.`;

export async function audit(argv: string[]): Promise<number> {
  const [subcommand, ...rest] = argv;
  if (subcommand === '--help' || subcommand === '-h' || subcommand === undefined) return printHelp(auditHelp, subcommand ? 0 : 2);
  if (subcommand !== 'verify') throw new UsageError(`unknown audit command "${subcommand}" (try: forvalta audit verify)`);
  const options = parseOptions(rest, {});
  if (options.help) return printHelp(auditHelp);
  const database = await openDatabase(cliConfig(options.database));
  try {
    const result = await verifyAuditChains(database.db);
    if (result.problems.length === 0) {
      console.log(`Audit log intact: ${result.events} events in ${result.chains} chain(s).`);
      return 0;
    }
    console.log(`Audit log TAMPERED: ${result.problems.length} problem(s) in ${result.events} events.`);
    for (const problem of result.problems) {
      console.log(
        `  chain ${problem.chainId} event #${problem.sequence}${problem.eventId ? ` (id ${problem.eventId})` : ''}: ${problem.problem.replaceAll('_', ' ')}`,
      );
    }
    return 1;
  } finally {
    await database.destroy();
  }
}
