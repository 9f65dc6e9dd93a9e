import { createServices, systemClock, type Config } from '@forvalta/server';
import { municipalityCodeSchema } from '@forvalta/contracts';
import {
  generateWorkload,
  loadSystems,
  workloadSizes,
  workloadTotals,
  type GenerationSummary,
  type WorkloadSize,
} from '@forvalta/server/generate';
import { parseOptions, printHelp, UsageError } from '../arguments.ts';
import { cliConfig, openDatabase, redactDatabaseUrl } from '../context.ts';

export const generateHelp = `forvalta generate --size S|M|L [--seed N] [--municipality CODE] [--add-systems N] [--database URL]

Fills the database with a realistic, valid workload (docs/performance.md), the same for the same
seed: departments, people, roles, systems with owners, classification, duties, managers and
deputies, and integrations, each record audited. S (2,000 people, 300 systems) and M (30,000
people, 1,500 systems) fill the municipality --municipality (default 2000, created if missing);
L creates 50 municipalities (codes 2000-2049) with 100,000 people and 15,000 systems in all.
Progress goes to stderr. The administrator of every generated municipality is
bench-admin@forvalta.example with the password Bench-password-2026 (test data only).
  --add-systems N  then load N more systems with owners, classification, duties, managers and
                   deputies into the (first) municipality in one transaction, as an import
                   would, and print how long it took (quality.md: 10,000 in at most 3 s).`;

export const benchAdministrator = { email: 'bench-admin@forvalta.example', password: 'Bench-password-2026' } as const;

export function parseSize(value: string | undefined, allowed: readonly WorkloadSize[] = workloadSizes): WorkloadSize {
  const size = (value ?? '').toUpperCase();
  if (!(allowed as readonly string[]).includes(size)) throw new UsageError(`--size must be ${allowed.join(', ')}, not "${value ?? ''}"`);
  return size as WorkloadSize;
}

export function parseSeed(value: string | undefined): number {
  if (value === undefined) return 1;
  const seed = Number(value);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff)
    throw new UsageError(`--seed must be a whole number from 0 to 4294967295, not "${value}"`);
  return seed;
}

export async function generate(argv: string[]): Promise<number> {
  const options = parseOptions(argv, {
    size: { type: 'string' },
    seed: { type: 'string' },
    municipality: { type: 'string' },
    'add-systems': { type: 'string' },
  });
  if (options.help) return printHelp(generateHelp);
  const size = parseSize(options.size);
  const seed = parseSeed(options.seed);
  const code = options.municipality ?? '2000';
  if (!municipalityCodeSchema.safeParse(code).success)
    throw new UsageError(`--municipality must be a four-digit municipality code (kommunkod), not "${code}"`);
  if (size === 'L' && options.municipality)
    throw new UsageError('--municipality is for S and M; L creates its own 50 municipalities (2000-2049)');
  const addSystems = options['add-systems'] === undefined ? 0 : Number(options['add-systems']);
  if (!Number.isInteger(addSystems) || addSystems < 0 || addSystems > 1_000_000)
    throw new UsageError(`--add-systems must be a whole number from 0 to 1000000, not "${options['add-systems']}"`);

  const config = cliConfig(options.database);
  const database = await openDatabase(config);
  try {
    const summary = await runGenerate(database.db, config, size, seed, code, (line) => console.error(line));
    console.error('');
    printSummary(summary, `${database.dialect} (${redactDatabaseUrl(config.databaseUrl)})`);
    if (addSystems > 0) {
      const load = await loadSystems(database.db, systemClock, {
        municipalityId: summary.municipalities[0]!.id,
        count: addSystems,
        seed: seed ^ addSystems,
      });
      const { counts } = load;
      console.log(
        `  loaded ${counts.systems.toLocaleString('en-GB')} more systems with ${counts.assignments.toLocaleString('en-GB')} assignments, ${counts.duties.toLocaleString('en-GB')} duties, ` +
          `${counts.classifications.toLocaleString('en-GB')} classifications and ${load.auditEvents.toLocaleString('en-GB')} audit events in one transaction: ${load.seconds.toFixed(2)} s`,
      );
    }
    return 0;
  } finally {
    await database.destroy();
  }
}

export async function runGenerate(
  db: Parameters<typeof createServices>[0],
  config: Config,
  size: WorkloadSize,
  seed: number,
  code: string,
  progress: (line: string) => void,
): Promise<GenerationSummary> {
  const services = createServices(db, systemClock, config);
  const totals = workloadTotals[size];
  progress(
    `generate ${size} (seed ${seed}): ${totals.municipalities} municipalit${totals.municipalities === 1 ? 'y' : 'ies'}, ${totals.people.toLocaleString('en-GB')} people, ${totals.systems.toLocaleString('en-GB')} systems, ${totals.integrations.toLocaleString('en-GB')} integrations`,
  );
  return generateWorkload(db, services, systemClock, {
    size,
    seed,
    municipality: { code, name: `Benchkommun ${code}` },
    adminEmail: benchAdministrator.email,
    adminPassword: benchAdministrator.password,
    progress,
  });
}

function printSummary(summary: GenerationSummary, where: string) {
  const sum = (key: 'departments' | 'people' | 'systems' | 'assignments' | 'integrations') =>
    summary.municipalities.reduce((total, municipality) => total + municipality[key], 0).toLocaleString('en-GB');
  console.log(`Generated workload ${summary.size} (seed ${summary.seed}) into ${where}:`);
  console.log(
    `  municipalities ${summary.municipalities.length} (${summary.municipalities
      .map((municipality) => municipality.code)
      .join(', ')
      .slice(0, 60)}${summary.municipalities.length > 8 ? ', …' : ''})`,
  );
  console.log(
    `  departments ${sum('departments')}, people ${sum('people')}, systems ${sum('systems')}, assignments ${sum('assignments')}, integrations ${sum('integrations')}`,
  );
  console.log(
    `  ${summary.rows.toLocaleString('en-GB')} rows + ${summary.auditEvents.toLocaleString('en-GB')} audit events in ${summary.seconds.toFixed(2)} s (${summary.rowsPerSecond.toLocaleString('en-GB')} rows/s)`,
  );
  for (const [name, phase] of Object.entries(summary.phases)) {
    console.log(
      `  ${name.padEnd(13)} ${phase.rows.toLocaleString('en-GB').padStart(9)} rows ${phase.auditEvents.toLocaleString('en-GB').padStart(9)} audit events ${phase.seconds.toFixed(2).padStart(7)} s`,
    );
  }
  console.log(
    `  systems with owners, classification, duties, assignments and audit: ${summary.secondsPer10000Systems.toFixed(2)} s per 10,000 systems`,
  );
  console.log(`  administrator of every generated municipality: ${benchAdministrator.email} / ${benchAdministrator.password}`);
}
