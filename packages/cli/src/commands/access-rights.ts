import fs from 'node:fs';
import type { AccessRightImportReason, AccessRightImportReport, AccessRightImportRow } from '@forvalta/contracts';
import { AppError, createServices, findMunicipalityByCode, listMunicipalities, systemActor, systemClock } from '@forvalta/server';
import { parseOptions, printHelp, requireOption, UsageError } from '../arguments.ts';
import { cliConfig, openDatabase } from '../context.ts';

export const accessRightsHelp = `forvalta access-rights import --file FILE [--apply] [--source system|directory] [--municipality CODE]
                             [--language sv|en] [--format table|json] [--database URL]

Reads access rights from a CSV or XLSX file (columns email or employeeNumber, system, level,
startDate, endDate, or their Swedish names: e-post, anställningsnummer, system, behörighet,
startdatum, slutdatum) and says per row what would
be created, ended or left unchanged, and why a row is refused. Nothing is written without --apply;
with it every row is written or, if any row is refused, none (exit code 1). Running the same file
again changes nothing. --source says where the rights were found (default: system).`;

type Language = 'sv' | 'en';

const reasonTexts: Record<Language, Record<AccessRightImportReason, string>> = {
  sv: {
    value_missing: 'värde saknas',
    person_not_found: 'ingen person med den e-postadressen eller det anställningsnumret',
    person_keys_disagree: 'e-postadressen och anställningsnumret hör till olika personer',
    person_left: 'personen har slutat',
    system_not_found: 'inget sådant system',
    system_name_ambiguous: 'flera system har det namnet; ange systemets id',
    level_not_found: 'systemet har ingen sådan behörighetsnivå',
    date_invalid: 'datumet ska skrivas ÅÅÅÅ-MM-DD',
    end_before_start: 'slutdatumet är före startdatumet',
    text_too_long: 'texten är för lång',
    duplicate_row: 'samma person och behörighet som rad',
    not_permitted: 'du får inte registrera behörigheter i systemet',
    already_held: 'behörigheten finns redan',
    already_ended: 'behörigheten är redan avslutad',
  },
  en: {
    value_missing: 'value missing',
    person_not_found: 'no person with that e-mail address or employee number',
    person_keys_disagree: 'the e-mail address and the employee number belong to different people',
    person_left: 'the person has left',
    system_not_found: 'no such system',
    system_name_ambiguous: "several systems have that name; give the system's id",
    level_not_found: 'the system has no such access level',
    date_invalid: 'write the date as YYYY-MM-DD',
    end_before_start: 'the end date is before the start date',
    text_too_long: 'the text is too long',
    duplicate_row: 'the same person and level as row',
    not_permitted: 'you may not record access rights in this system',
    already_held: 'the right is already held',
    already_ended: 'the right has already ended',
  },
};

const outcomeTexts: Record<Language, Record<AccessRightImportRow['outcome'], string>> = {
  sv: { create: 'skapas', end: 'avslutas', unchanged: 'oförändrad', refused: 'avvisas' },
  en: { create: 'created', end: 'ended', unchanged: 'unchanged', refused: 'refused' },
};

function describeRow(row: AccessRightImportRow, language: Language): string {
  const notes = row.notes
    .map((note) => {
      const text = reasonTexts[language][note.reason];
      const where = note.column ? `${note.column}: ` : '';
      return `${where}${text}${note.otherRowNumber ? ` ${note.otherRowNumber}` : ''}`;
    })
    .join('; ');
  const right = [row.email, row.systemName, row.levelName].filter(Boolean).join(' · ');
  return `  ${language === 'sv' ? 'rad' : 'row'} ${row.rowNumber}: ${outcomeTexts[language][row.outcome]}  ${right}${notes ? `  (${notes})` : ''}`;
}

function printReport(report: AccessRightImportReport, language: Language): void {
  const { summary } = report;
  const sv = language === 'sv';
  console.log(
    sv
      ? `${summary.rows} rader: ${summary.create} skapas, ${summary.end} avslutas, ${summary.unchanged} oförändrade, ${summary.refused} avvisas.`
      : `${summary.rows} rows: ${summary.create} created, ${summary.end} ended, ${summary.unchanged} unchanged, ${summary.refused} refused.`,
  );
  if (report.ignoredColumns.length > 0)
    console.log(`${sv ? 'Kolumner som inte läses' : 'Columns not read'}: ${report.ignoredColumns.join(', ')}`);
  for (const row of report.rows) console.log(describeRow(row, language));
  if (report.rowsListed < summary.rows)
    console.log(sv ? `(${report.rowsListed} av ${summary.rows} rader visade)` : `(${report.rowsListed} of ${summary.rows} rows shown)`);
  console.log(
    report.applied
      ? sv
        ? 'Importen är genomförd.'
        : 'The import was applied.'
      : summary.refused > 0
        ? sv
          ? 'Inget importerades: rätta de avvisade raderna.'
          : 'Nothing was imported: correct the refused rows.'
        : sv
          ? 'Provkörning: inget ändrades. Kör med --apply för att importera.'
          : 'Dry run: nothing was changed. Run with --apply to import.',
  );
}

export async function accessRights(argv: string[]): Promise<number> {
  const [subcommand, ...rest] = argv;
  if (subcommand === '--help' || subcommand === '-h' || subcommand === undefined) return printHelp(accessRightsHelp, subcommand ? 0 : 2);
  if (subcommand !== 'import')
    throw new UsageError(`unknown access-rights command "${subcommand}" (try: forvalta access-rights import --help)`);
  const options = parseOptions(rest, {
    file: { type: 'string' },
    apply: { type: 'boolean' },
    source: { type: 'string' },
    municipality: { type: 'string' },
    language: { type: 'string' },
    format: { type: 'string' },
  });
  if (options.help) return printHelp(accessRightsHelp);
  const file = requireOption(options.file, 'file');
  const source = options.source ?? 'system';
  if (source !== 'system' && source !== 'directory') throw new UsageError(`--source must be system or directory, not "${source}"`);
  const language = options.language ?? 'sv';
  if (language !== 'sv' && language !== 'en') throw new UsageError(`--language must be sv or en, not "${language}"`);
  const format = options.format ?? 'table';
  if (format !== 'table' && format !== 'json') throw new UsageError(`--format must be table or json, not "${format}"`);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw new UsageError(`--file: cannot read ${file} (${(error as Error).message.split('\n')[0]})`);
  }

  const config = cliConfig(options.database);
  const database = await openDatabase(config);
  try {
    let municipality: Awaited<ReturnType<typeof findMunicipalityByCode>>;
    if (options.municipality) {
      municipality = await findMunicipalityByCode(database.db, options.municipality);
      if (!municipality) throw new UsageError(`no municipality with code ${options.municipality}`);
    } else {
      const all = await listMunicipalities(database.db);
      if (all.length !== 1)
        throw new UsageError(
          all.length === 0
            ? 'the installation has no municipality yet'
            : `several municipalities (${all.map((m) => m.code).join(', ')}); add --municipality CODE`,
        );
      municipality = all[0]!;
    }
    const services = createServices(database.db, systemClock, config);
    try {
      const report = await services.accessRightImport.importRights(
        systemActor('cli access-rights import', municipality.id),
        bytes,
        { mode: options.apply ? 'apply' : 'dry_run', source: source === 'system' ? 'imported_system' : 'imported_directory' },
        (written, total) => console.error(`forvalta: ${written} of ${total} rights written`),
      );
      if (format === 'json') console.log(JSON.stringify(report, null, 2));
      else printReport(report, language);
      return report.summary.refused > 0 ? 1 : 0;
    } catch (error) {
      // An apply with refused rows, or a file that cannot be read: the rows and reasons, then exit code 1.
      if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
      console.error(`forvalta: ${error.message}`);
      for (const field of error.fieldErrors ?? []) {
        const reason = reasonTexts[language][field.code as AccessRightImportReason];
        console.error(`  ${field.path}: ${reason ?? field.message}`);
      }
      return 1;
    }
  } finally {
    await database.destroy();
  }
}
