import {
  connectDatabase,
  findMunicipalityByCode,
  listMunicipalities,
  installAuditKey,
  loadAuditKey,
  loadConfig,
  migrateToLatest,
  sealUnkeyedChains,
  upgradeDefaultPolicyPacks,
  type PolicyPackUpgrade,
  systemClock,
  type Config,
  type DatabaseConnection,
} from '@forvalta/server';
import { UsageError } from './arguments.ts';

/** Config from the environment, with --database taking the place of DATABASE_URL when given. */
export function cliConfig(databaseOption: string | undefined, overrides: Partial<Config> = {}): Config {
  const environment = { ...process.env };
  if (databaseOption) environment.DATABASE_URL = databaseOption;
  return loadConfig(environment, overrides);
}

/**
 * Opens the database and brings its schema up to date; every command that touches data starts here.
 * It loads the audit key from AUDIT_KEY_FILE (creating it on a first start), so every command writes
 * and verifies keyed chains without a flag of its own, and seals chains still unkeyed (ADR 0012),
 * except for the commands that only read the log (`seal: false`): a check must not change what it checks.
 * Then every municipality on an older default policy pack gets the code's version (ADR 0021), so
 * rules the product added run everywhere from the first start after an update; the same commands
 * skip it, and `forvalta policy-packs upgrade` (which reports it itself) passes `upgradePolicyPacks: false`.
 */
export async function openDatabase(
  config: Config,
  options: { seal?: boolean; upgradePolicyPacks?: boolean } = {},
): Promise<DatabaseConnection> {
  installAuditKey(loadAuditKey(config.auditKeyFile));
  const database = connectDatabase(config.databaseUrl, {
    onConnectionError: (error) => console.error(`forvalta: a database connection was lost (${error.message}); it will be replaced`),
  });
  await migrateToLatest(database.db);
  if (options.seal !== false) {
    for (const sealed of await sealUnkeyedChains(database.db, systemClock)) {
      console.error(
        `forvalta: audit chain ${sealed.chainId} sealed with the audit key (${sealed.events} events${sealed.problemsBefore > 0 ? `, ${sealed.problemsBefore} of them did not verify before: see the seal event` : ''})`,
      );
    }
    if (options.upgradePolicyPacks !== false) {
      for (const upgrade of await upgradeDefaultPolicyPacks(database.db, systemClock))
        console.error(`forvalta: ${describeUpgrade(upgrade)}`);
    }
  }
  return database;
}

/** One line per municipality upgraded: versions and what of its own it kept. */
export function describeUpgrade(upgrade: PolicyPackUpgrade): string {
  const { kept } = upgrade;
  const own = [
    ...kept.parameters,
    ...kept.document.map((field) => `document.${field}`),
    ...kept.clauses.map((clause) => `${clause.id} (${clause.fields.join(', ')})`),
  ];
  return (
    `policy pack of ${upgrade.municipality.name} (${upgrade.municipality.code}): ${upgrade.fromVersion} → ${upgrade.publishedVersion} ` +
    `(default ${upgrade.fromDefaultVersion} → ${upgrade.toDefaultVersion}; kept its own: ${own.length > 0 ? own.join(', ') : 'nothing to keep'}` +
    `${kept.droppedClauses.length > 0 ? `; clauses no longer in the default: ${kept.droppedClauses.join(', ')}` : ''})`
  );
}

export function redactDatabaseUrl(url: string): string {
  return url.replace(/(postgres(?:ql)?:\/\/[^:/@]+):[^@]*@/, '$1:***@');
}

/**
 * The municipality a command works in: the one `--municipality CODE` names, or the installation's
 * only one; with several and no code the command is refused, so it never picks one at random.
 */
export async function municipalityForCommand(db: DatabaseConnection['db'], code: string | undefined) {
  if (code) {
    const municipality = await findMunicipalityByCode(db, code);
    if (!municipality) throw new UsageError(`no municipality with code ${code}`);
    return municipality;
  }
  const all = await listMunicipalities(db);
  if (all.length !== 1)
    throw new UsageError(
      all.length === 0
        ? 'the installation has no municipality yet'
        : `several municipalities (${all.map((m) => m.code).join(', ')}); add --municipality CODE`,
    );
  return all[0]!;
}
