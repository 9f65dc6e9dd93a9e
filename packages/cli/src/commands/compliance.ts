import { createServices, summariseCompliance, systemActor, systemClock } from '@forvalta/server';
import { parseOptions, printHelp, UsageError } from '../arguments.ts';
import { cliConfig, municipalityForCommand, openDatabase } from '../context.ts';

export const complianceHelp = `forvalta compliance check [--municipality CODE] [--format table|json] [--fail-on fail] [--database URL]

Evaluates every rule of the municipality's current policy pack and prints the result per clause
and every failing subject with its reason. --municipality (kommunkod) is needed when the
installation holds several. With --fail-on fail the exit code is 1 when any check fails.`;

const percent = (score: number | null) => (score === null ? '–' : `${Math.round(score * 100)} %`);

export async function compliance(argv: string[]): Promise<number> {
  const [subcommand, ...rest] = argv;
  if (subcommand === '--help' || subcommand === '-h') return printHelp(complianceHelp);
  if (subcommand !== 'check')
    throw new UsageError(
      subcommand
        ? `unknown compliance command "${subcommand}" (try: forvalta compliance check --help)`
        : 'missing command (try: forvalta compliance check --help)',
    );
  const options = parseOptions(rest, { municipality: { type: 'string' }, format: { type: 'string' }, 'fail-on': { type: 'string' } });
  if (options.help) return printHelp(complianceHelp);
  const format = options.format ?? 'table';
  if (format !== 'table' && format !== 'json') throw new UsageError(`--format must be table or json, not "${format}"`);
  if (options['fail-on'] !== undefined && options['fail-on'] !== 'fail')
    throw new UsageError(`--fail-on takes the value fail, not "${options['fail-on']}"`);

  const config = cliConfig(options.database);
  const database = await openDatabase(config);
  try {
    const municipality = await municipalityForCommand(database.db, options.municipality);
    const services = createServices(database.db, systemClock, config);
    const { stored, snapshot, results, evaluatedAt } = await services.compliance.evaluateMunicipality(
      systemActor('cli compliance check', municipality.id),
      municipality.id,
    );
    const summary = summariseCompliance(results, snapshot, { pack: stored.pack });
    const failures = results.filter((result) => result.status === 'fail');

    if (format === 'json') {
      console.log(
        JSON.stringify(
          {
            municipality: { code: municipality.code, name: municipality.name },
            pack: { key: stored.pack.key, version: stored.pack.version },
            evaluatedAt,
            summary,
            results,
          },
          null,
          2,
        ),
      );
    } else {
      console.log(
        `${municipality.name} (${municipality.code}) — ${stored.pack.document.title}, version ${stored.pack.version}, ${evaluatedAt.slice(0, 16).replace('T', ' ')} UTC`,
      );
      console.log(
        `Overall: ${percent(summary.overall.score)} (${summary.overall.passed} met, ${summary.overall.failed} not met, ${summary.overall.notApplicable} not applicable)\n`,
      );
      const checks = summary.clauseChecks;
      console.log(
        `Clauses: ${checks.met} met, ${checks.failed} not met, ${checks.notApplicable} nothing applicable, ${checks.notChecked} not checked, ${checks.structural} structural (kept out of the share)\n`,
      );
      console.log(`${'clause'.padEnd(22)}${'met'.padStart(6)}${'not met'.padStart(9)}${'n/a'.padStart(6)}${'score'.padStart(8)}  check`);
      for (const clause of summary.clauses) {
        console.log(
          `${clause.clauseId.padEnd(22)}${String(clause.passed).padStart(6)}${String(clause.failed).padStart(9)}${String(clause.notApplicable).padStart(6)}${percent(clause.score).padStart(8)}  ${clause.check.replace('_', ' ')}`,
        );
      }
      if (failures.length > 0) {
        console.log(`\nNot met (${failures.length}):`);
        for (const failure of failures)
          console.log(`  ${failure.clauseId.padEnd(20)} ${failure.subjectName} — ${failure.reason.replaceAll('_', ' ')}`);
      }
    }
    return options['fail-on'] === 'fail' && failures.length > 0 ? 1 : 0;
  } finally {
    await database.destroy();
  }
}
