import type { AccessRightImportReason, AccessRightImportReport, AccessRightImportRow } from '@forvalta/contracts';
import { parseOptions, printHelp, requireOption, UsageError } from '../arguments.ts';
import { closingLine, runImportCommand, type ImportLanguage } from '../import-command.ts';

export const accessRightsHelp = `forvalta access-rights import --file FILE [--apply] [--source system|directory] [--municipality CODE]
                             [--language sv|en] [--format table|json] [--database URL]

Reads access rights from a CSV or XLSX file (columns email or employeeNumber, system, level,
startDate, endDate, or their Swedish names: e-post, anställningsnummer, system, behörighet,
startdatum, slutdatum) and says per row what would
be created, ended or left unchanged, and why a row is refused. Nothing is written without --apply;
with it every row is written or, if any row is refused, none (exit code 1). Running the same file
again changes nothing. --source says where the rights were found (default: system).`;

type Language = ImportLanguage;

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
  console.log(closingLine(report.applied, summary.refused, language));
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
  return runImportCommand(
    {
      file,
      apply: options.apply === true,
      municipality: options.municipality,
      language: options.language,
      format: options.format,
      database: options.database,
    },
    {
      actorName: 'cli access-rights import',
      unit: 'rights',
      fileLabel: '--file',
      run: (services, actor, bytes, mode, progress) =>
        services.accessRightImport.importRights(
          actor,
          bytes,
          { mode, source: source === 'system' ? 'imported_system' : 'imported_directory' },
          progress,
        ),
      printReport,
      reasonText: (code, language) => reasonTexts[language][code as AccessRightImportReason],
    },
  );
}
