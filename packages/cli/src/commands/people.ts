import { createServices, findMunicipalityByCode, listMunicipalities, swedishToday, systemActor, systemClock } from '@forvalta/server';
import { parseOptions, printHelp, UsageError } from '../arguments.ts';
import { cliConfig, openDatabase } from '../context.ts';

export const peopleHelp = `forvalta people pseudonymise [--dry-run] [--municipality CODE] [--database URL]

Replaces every person who left more than the policy pack's pseudonymiseAfterYears (5 by default)
before today by a pseudonym ("Pseudonym <short id>"; e-mail, employee number, title and login
removed), unless an open matter still needs them: a role in Förvalta, a system responsibility, a
functional mailbox, an access right not ended, a risk measure or risk they own, equipment
registered to them (ADR 0029). The daily job does the same; this prints what it does, per
municipality, by person id, and with --dry-run only what it would do. The audit log records each.`;

export async function people(argv: string[]): Promise<number> {
  const [subcommand, ...rest] = argv;
  if (subcommand === '--help' || subcommand === '-h') return printHelp(peopleHelp);
  if (subcommand !== 'pseudonymise')
    throw new UsageError(
      subcommand
        ? `unknown people command "${subcommand}" (try: forvalta people pseudonymise --help)`
        : 'missing command (try: forvalta people pseudonymise --help)',
    );
  const options = parseOptions(rest, { 'dry-run': { type: 'boolean' }, municipality: { type: 'string' } });
  if (options.help) return printHelp(peopleHelp);
  const dryRun = options['dry-run'] === true;
  const config = cliConfig(options.database);
  const database = await openDatabase(config);
  try {
    const services = createServices(database.db, systemClock, config);
    const municipalities = options.municipality
      ? [await findMunicipalityByCode(database.db, options.municipality)].filter((found) => found !== undefined)
      : await listMunicipalities(database.db);
    if (options.municipality && municipalities.length === 0) throw new UsageError(`no municipality with code ${options.municipality}`);
    const today = swedishToday(systemClock.now());
    for (const municipality of municipalities) {
      const actor = systemActor('forvalta people pseudonymise', municipality.id);
      const plan = dryRun
        ? await services.privacy.pseudonymisation.planPseudonymisation(actor, municipality.id, today)
        : await services.privacy.pseudonymisation.pseudonymiseLeavers(actor, municipality.id, today);
      console.log(
        `${municipality.code} ${municipality.name}: ${plan.due.length} ${dryRun ? 'would be pseudonymised' : 'pseudonymised'}, ${plan.held.length} kept for an open matter (left on or before ${plan.lastDayOnOrBefore}, ${plan.years} years)`,
      );
      for (const personId of plan.due) console.log(`  ${dryRun ? 'would pseudonymise' : 'pseudonymised'} ${personId}`);
      for (const { personId, holds } of plan.held) console.log(`  kept ${personId}: ${holds.join(', ')}`);
    }
    return 0;
  } finally {
    await database.destroy();
  }
}
