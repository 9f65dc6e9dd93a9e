import fs from 'node:fs';
import type { ImportReport, ImportRow } from '@forvalta/contracts';
import {
  AppError,
  createServices,
  findMunicipalityByCode,
  importFixTexts,
  readImportFile,
  splitJointTable,
  systemActor,
  systemClock,
} from '@forvalta/server';
import { parseOptions, printHelp, UsageError } from '../arguments.ts';
import { cliConfig, municipalityForCommand, openDatabase } from '../context.ts';

export const importHelp = `forvalta import register FILE [--apply] [--mapping FILE] [--save-mapping FILE] [--create-departments]
forvalta import people FILE [--apply] [--mapping FILE] [--save-mapping FILE] [--create-departments]
forvalta import register FILE --split "PREFIX=CODE" [--split "PREFIX=CODE" …] [--apply] [--mapping FILE] [--create-departments]
forvalta import backstage catalog-info.yaml [--apply] [--create-departments]
                [--municipality CODE] [--language sv|en] [--format table|json] [--database URL]

Imports the register's systems, or people from HR or the directory, from a CSV (any separator,
UTF-8 or Windows-1252) or XLSX file (SharePoint's exports too). Without --apply it is a dry run:
per row what would be created, updated, left unchanged or refused, and why; nothing is written.
--apply writes every row or, if any row is refused, none (exit code 1), with a progress bar.

The columns are mapped from the headers (Swedish or English: "Systemnamn", "Förvaltning",
"Systemförvaltare", "Leverantör", "Avtalets slutdatum", "E-post", "Anställningsnummer", …).
--mapping FILE uses a corrected mapping, a JSON object {"header": "field" or null};
--save-mapping FILE writes the mapping used, to correct and pass with --mapping next time.
--create-departments creates the departments of organisation paths not found (else they are listed).
Running the same file again changes nothing.

--split (the installation's operator) imports a joint file (a municipal group's, a joint IT
service's) into several municipalities: each row goes to the municipality CODE whose organisation
path PREFIX its organisation column starts with ("Kommunkoncern / Tanums kommun=1435"), without the
prefix. A row no prefix starts refuses the file; every part is dry-run first and nothing is applied
unless all are clean; then each municipality's part is applied all or nothing, one after another.

backstage reads Backstage catalog entities (multi-document YAML, as GET /api/v1/systems/export?format=backstage
writes them) into the register: one system per System entity (or Component of no System), owned by
its Group's department, with the lifecycle, supplier, product, manager, deputy and dependencies the
export's annotations carry; the same matching, dry run and apply as a spreadsheet.`;

type Language = 'sv' | 'en';

const outcomeTexts: Record<Language, Record<ImportRow['outcome'], string>> = {
  sv: { create: 'skapas', update: 'ändras', unchanged: 'oförändrad', refused: 'avvisas' },
  en: { create: 'created', update: 'updated', unchanged: 'unchanged', refused: 'refused' },
};

/** The progress bar on standard error: redrawn in place on a terminal, a line per batch otherwise. */
function progressBar(label: string) {
  const terminal = process.stderr.isTTY === true;
  return {
    update(written: number, total: number) {
      const width = 30;
      const filled = total === 0 ? width : Math.round((written / total) * width);
      const line = `forvalta: [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${written}/${total} ${label}`;
      process.stderr.write(terminal ? `\r${line}` : `${line}\n`);
    },
    done() {
      if (terminal) process.stderr.write('\n');
    },
  };
}

function printReport(report: ImportReport, language: Language): void {
  const { summary } = report;
  const sv = language === 'sv';
  console.log(
    sv
      ? `${summary.rows} rader: ${summary.create} skapas, ${summary.update} ändras, ${summary.unchanged} oförändrade, ${summary.refused} avvisas; ${summary.skippedCells} celler lämnas ute.`
      : `${summary.rows} rows: ${summary.create} created, ${summary.update} updated, ${summary.unchanged} unchanged, ${summary.refused} refused; ${summary.skippedCells} cells left out.`,
  );
  if (summary.integrationsCreated > 0)
    console.log(sv ? `Integrationer: ${summary.integrationsCreated} nya.` : `Integrations: ${summary.integrationsCreated} new.`);
  if (report.unknownDepartments.length > 0)
    console.log(`${sv ? 'Okända förvaltningar' : 'Unknown departments'}: ${report.unknownDepartments.join('; ')}`);
  if (report.unknownEmails.length > 0)
    console.log(`${sv ? 'Okända e-postadresser' : 'Unknown e-mail addresses'}: ${report.unknownEmails.join(', ')}`);
  const unmapped = Object.entries(report.mapping).filter(([, field]) => field === null);
  if (unmapped.length > 0)
    console.log(`${sv ? 'Kolumner som inte läses' : 'Columns not read'}: ${unmapped.map(([column]) => column).join(', ')}`);
  for (const row of report.rows.filter((listed) => listed.outcome !== 'unchanged' || listed.problems.length > 0)) {
    const changed = row.changedFields.length > 0 ? `  [${row.changedFields.join(', ')}]` : '';
    console.log(`  ${sv ? 'rad' : 'row'} ${row.rowNumber}: ${outcomeTexts[language][row.outcome]}  ${row.name ?? ''}${changed}`);
    for (const problem of row.problems)
      console.log(
        `      ${problem.column ?? ''}${problem.value ? ` "${problem.value}"` : ''}: ${importFixTexts[language][problem.reason]}`,
      );
  }
  if (report.applied) console.log(sv ? 'Importen är genomförd.' : 'The import was applied.');
  else if (summary.refused > 0)
    console.log(sv ? 'Inget importerades: rätta de avvisade raderna.' : 'Nothing was imported: correct the refused rows.');
  else
    console.log(
      sv ? 'Provkörning: inget ändrades. Kör med --apply för att importera.' : 'Dry run: nothing was changed. Run with --apply to import.',
    );
}

function readFile(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new UsageError(`cannot read ${file} (${(error as Error).message.split('\n')[0]})`);
  }
}

export async function importFile(argv: string[]): Promise<number> {
  const [kind, ...rest] = argv;
  if (kind === '--help' || kind === '-h' || kind === undefined) return printHelp(importHelp, kind ? 0 : 2);
  if (kind !== 'register' && kind !== 'people' && kind !== 'backstage')
    throw new UsageError(`unknown import "${kind}" (try: forvalta import --help)`);
  const valued = /^--(municipality|language|format|database|mapping|save-mapping|split)$/;
  const positionals = rest.filter((argument, index) => !argument.startsWith('-') && !valued.test(rest[index - 1] ?? ''));
  const options = parseOptions(
    rest.filter((argument) => !positionals.includes(argument)),
    {
      apply: { type: 'boolean' },
      mapping: { type: 'string' },
      'save-mapping': { type: 'string' },
      'create-departments': { type: 'boolean' },
      municipality: { type: 'string' },
      language: { type: 'string' },
      format: { type: 'string' },
      split: { type: 'string', multiple: true },
    },
  );
  if (options.help) return printHelp(importHelp);
  if (positionals.length !== 1) throw new UsageError(`name one file: forvalta import ${kind} FILE [--apply]`);
  const language = options.language ?? 'sv';
  if (language !== 'sv' && language !== 'en') throw new UsageError(`--language must be sv or en, not "${language}"`);
  const format = options.format ?? 'table';
  if (format !== 'table' && format !== 'json') throw new UsageError(`--format must be table or json, not "${format}"`);
  const bytes = readFile(positionals[0]!);
  let mapping: string | undefined;
  // A catalog's fields are the entities' own: there is no column mapping to correct or keep.
  if (kind === 'backstage' && (options.mapping || options['save-mapping']))
    throw new UsageError('a Backstage catalog has no column mapping: leave out --mapping and --save-mapping');
  if (options.mapping) {
    mapping = readFile(options.mapping).toString('utf8');
    try {
      JSON.parse(mapping);
    } catch {
      throw new UsageError(`${options.mapping} is not JSON: write the mapping as {"header": "field", …}`);
    }
  }

  const config = cliConfig(options.database);
  const database = await openDatabase(config);
  try {
    if (options.split) {
      if (kind !== 'register')
        throw new UsageError('--split is for a joint register file: forvalta import register FILE --split PREFIX=CODE');
      const splits = options.split.map((text) => {
        const separator = text.lastIndexOf('=');
        if (separator <= 0) throw new UsageError(`--split takes PREFIX=CODE, e.g. "Kommunkoncern / Tanums kommun=1435", not "${text}"`);
        return { prefix: text.slice(0, separator).trim(), code: text.slice(separator + 1).trim() };
      });
      const services = createServices(database.db, systemClock, config);
      const query = {
        mapping,
        createDepartments: options['create-departments'] === true,
        format: 'json' as const,
        language: language as Language,
      };
      return await importJoint(database.db, services, bytes, query, splits, options.apply === true, language as Language);
    }
    const municipality = await municipalityForCommand(database.db, options.municipality);
    const services = createServices(database.db, systemClock, config);
    const actor = systemActor(`cli import ${kind}`, municipality.id);
    const query = {
      mode: options.apply ? ('apply' as const) : ('dry_run' as const),
      mapping,
      createDepartments: options['create-departments'] === true,
      format: 'json' as const,
      language: language as Language,
    };
    const bar = progressBar(kind === 'people' ? (language === 'sv' ? 'personer' : 'people') : language === 'sv' ? 'system' : 'systems');
    try {
      const runs = {
        register: services.imports.register.importRegister,
        backstage: services.imports.register.importBackstage,
        people: services.imports.people.importPeople,
      };
      const run = runs[kind];
      const report = await run(actor, bytes, query, (written, total) => bar.update(written, total));
      bar.done();
      if (options['save-mapping']) fs.writeFileSync(options['save-mapping'], `${JSON.stringify(report.mapping, null, 2)}\n`);
      if (format === 'json') console.log(JSON.stringify(report, null, 2));
      else printReport(report, language);
      return report.summary.refused > 0 ? 1 : 0;
    } catch (error) {
      bar.done();
      // A file with refused rows, or one that cannot be read: the rows and reasons, then exit code 1.
      if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
      console.error(`forvalta: ${error.message}`);
      for (const field of error.fieldErrors ?? []) console.error(`  ${field.path}: ${field.message}`);
      return 1;
    }
  } finally {
    await database.destroy();
  }
}

/**
 * A joint register file into several municipalities (issue #17 §1, operator only: the system actor
 * of each): split by organisation-path prefix, every part dry-run first, applied only if all are clean.
 */
async function importJoint(
  db: Parameters<typeof findMunicipalityByCode>[0],
  services: ReturnType<typeof createServices>,
  bytes: Buffer,
  query: { mapping: string | undefined; createDepartments: boolean; format: 'json'; language: Language },
  splits: Array<{ prefix: string; code: string }>,
  apply: boolean,
  language: Language,
): Promise<number> {
  const sv = language === 'sv';
  const municipalities: Array<{ id: string; name: string }> = [];
  for (const split of splits) {
    const municipality = await findMunicipalityByCode(db, split.code);
    if (!municipality) throw new UsageError(`--split: no municipality with code ${split.code}`);
    municipalities.push(municipality);
  }
  try {
    const table = await readImportFile(bytes);
    const { parts, unmatchedRows } = splitJointTable(
      table,
      query.mapping ? JSON.parse(query.mapping) : undefined,
      splits.map((split) => split.prefix),
    );
    if (unmatchedRows.length > 0) {
      console.error(
        sv
          ? `forvalta: ${unmatchedRows.length} rader börjar inte med någon av sökvägarna (rad ${unmatchedRows.slice(0, 20).join(', ')}); inget importerades.`
          : `forvalta: ${unmatchedRows.length} rows start with none of the paths (row ${unmatchedRows.slice(0, 20).join(', ')}); nothing was imported.`,
      );
      return 1;
    }
    const runOf = (index: number, mode: 'dry_run' | 'apply') =>
      services.imports.register.importRegister(systemActor('cli import register --split', municipalities[index]!.id), parts[index]!.table, {
        ...query,
        mode,
      });
    const heading = (index: number) => console.log(`— ${municipalities[index]!.name} (${splits[index]!.code}), ${splits[index]!.prefix}:`);
    let refused = 0;
    for (const index of parts.keys()) {
      const report = await runOf(index, 'dry_run');
      refused += report.summary.refused;
      if (!apply || report.summary.refused > 0) {
        heading(index);
        printReport(report, language);
      }
    }
    if (!apply || refused > 0) return refused > 0 ? 1 : 0;
    for (const index of parts.keys()) {
      heading(index);
      printReport(await runOf(index, 'apply'), language);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
    console.error(`forvalta: ${error.message}`);
    for (const field of error.fieldErrors ?? []) console.error(`  ${field.path}: ${field.message}`);
    return 1;
  }
}
