import { systemClock, upgradeDefaultPolicyPacks } from '@forvalta/server';
import { parseOptions, printHelp, UsageError } from '../arguments.ts';
import { cliConfig, describeUpgrade, openDatabase } from '../context.ts';

export const policyPacksHelp = `forvalta policy-packs upgrade [--dry-run] [--database URL]

Publishes the product's default policy pack (this release's version) for every municipality whose
pack derives from an older default, keeping the parameter values, document facts and clause texts
the municipality changed itself (ADR 0021). Every command that opens the database does this too;
this one reports it, and with --dry-run only says what it would publish.`;

export async function policyPacks(argv: string[]): Promise<number> {
  const [subcommand, ...rest] = argv;
  if (subcommand === '--help' || subcommand === '-h') return printHelp(policyPacksHelp);
  if (subcommand !== 'upgrade')
    throw new UsageError(
      subcommand
        ? `unknown policy-packs command "${subcommand}" (try: forvalta policy-packs upgrade --help)`
        : 'missing command (try: forvalta policy-packs upgrade --help)',
    );
  const options = parseOptions(rest, { 'dry-run': { type: 'boolean' } });
  if (options.help) return printHelp(policyPacksHelp);
  const dryRun = options['dry-run'] === true;
  const database = await openDatabase(cliConfig(options.database), { upgradePolicyPacks: false });
  try {
    const upgrades = await upgradeDefaultPolicyPacks(database.db, systemClock, { dryRun });
    if (upgrades.length === 0) console.log('Every municipality has the current default policy pack.');
    for (const upgrade of upgrades) console.log(`${dryRun ? 'would upgrade ' : ''}${describeUpgrade(upgrade)}`);
    return 0;
  } finally {
    await database.destroy();
  }
}
