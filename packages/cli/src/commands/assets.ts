import type { AssetImportReason, AssetImportReport, AssetImportRow } from '@forvalta/contracts';
import { parseOptions, printHelp, UsageError } from '../arguments.ts';
import { closingLine, runImportCommand, type ImportLanguage } from '../import-command.ts';

export const assetsHelp = `forvalta assets import FILE [--apply] [--municipality CODE] [--language sv|en] [--format table|json]
                       [--database URL]

Imports assets from a CSV (UTF-8 or Windows-1252, ; or , separated) or XLSX inventory. A row finds
its asset by serial or inventory number; headers equal to the API's field names (serial,
inventoryNumber, kind, model, nonStandardDescription, network, department, lifecycle, …) or their
Swedish names (serienummer, inventarienummer, typ, modell, nät, förvaltning, status, …) are read
without a mapping. Without --apply it is a dry run: it says per row what would be created, updated
or left unchanged, and why a row is refused, and changes nothing (--dry-run says so explicitly).
With --apply every row is written or, if any row is refused, none (exit code 1). Running the same
file again changes nothing.`;

type Language = ImportLanguage;

const reasonTexts: Record<Language, Record<AssetImportReason, string>> = {
  sv: {
    key_missing: 'serienummer eller inventarienummer saknas',
    value_missing: 'värde saknas',
    value_invalid: 'ogiltigt värde',
    model_not_found: 'ingen sådan modell i katalogen',
    department_not_found: 'ingen sådan förvaltning',
    person_not_found: 'ingen sådan person',
    date_invalid: 'datumet ska skrivas ÅÅÅÅ-MM-DD',
    number_invalid: 'inget giltigt belopp',
    text_too_long: 'texten är för lång',
    duplicate_row: 'samma tillgång som rad',
    keys_disagree: 'serienumret och inventarienumret hör till olika tillgångar',
    owner_reason_required: 'en annan ägare än IT-enheten kräver ett skäl',
    owner_town_hall: 'har varit på kommunhusets nät och ägs av IT-enheten',
  },
  en: {
    key_missing: 'serial or inventory number missing',
    value_missing: 'value missing',
    value_invalid: 'invalid value',
    model_not_found: 'no such model in the catalogue',
    department_not_found: 'no such department',
    person_not_found: 'no such person',
    date_invalid: 'write the date as YYYY-MM-DD',
    number_invalid: 'not a valid amount',
    text_too_long: 'the text is too long',
    duplicate_row: 'the same asset as row',
    keys_disagree: 'the serial and the inventory number belong to different assets',
    owner_reason_required: 'another owner than the IT unit needs a reason',
    owner_town_hall: 'has been on the town-hall network and belongs to the IT unit',
  },
};

const outcomeTexts: Record<Language, Record<AssetImportRow['outcome'], string>> = {
  sv: { create: 'skapas', update: 'ändras', unchanged: 'oförändrad', refused: 'avvisas' },
  en: { create: 'created', update: 'updated', unchanged: 'unchanged', refused: 'refused' },
};

function describeRow(row: AssetImportRow, language: Language): string {
  const notes = row.problems
    .map((problem) => {
      const where = problem.column ? `${problem.column}: ` : '';
      const clause = problem.requirement ? ` (${problem.requirement})` : '';
      return `${where}${reasonTexts[language][problem.reason]}${problem.otherRowNumber ? ` ${problem.otherRowNumber}` : ''}${clause}`;
    })
    .join('; ');
  const changed = row.changedFields.length > 0 ? `  [${row.changedFields.join(', ')}]` : '';
  const key = [row.inventoryNumber, row.serial].filter(Boolean).join(' · ');
  return `  ${language === 'sv' ? 'rad' : 'row'} ${row.rowNumber}: ${outcomeTexts[language][row.outcome]}  ${key}${changed}${notes ? `  (${notes})` : ''}`;
}

function printReport(report: AssetImportReport, language: Language): void {
  const { summary } = report;
  const sv = language === 'sv';
  console.log(
    sv
      ? `${summary.rows} rader: ${summary.create} skapas, ${summary.update} ändras, ${summary.unchanged} oförändrade, ${summary.refused} avvisas.`
      : `${summary.rows} rows: ${summary.create} created, ${summary.update} updated, ${summary.unchanged} unchanged, ${summary.refused} refused.`,
  );
  if (report.ignoredColumns.length > 0)
    console.log(`${sv ? 'Kolumner som inte läses' : 'Columns not read'}: ${report.ignoredColumns.join(', ')}`);
  // Only the rows that do something: a file of 100,000 unchanged rows says so in its summary.
  for (const row of report.rows.filter((listed) => listed.outcome !== 'unchanged')) console.log(describeRow(row, language));
  console.log(closingLine(report.applied, summary.refused, language));
}

export async function assets(argv: string[]): Promise<number> {
  const [subcommand, ...rest] = argv;
  if (subcommand === '--help' || subcommand === '-h' || subcommand === undefined) return printHelp(assetsHelp, subcommand ? 0 : 2);
  if (subcommand !== 'import') throw new UsageError(`unknown assets command "${subcommand}" (try: forvalta assets import --help)`);
  // The file is the one argument without a dash, as `forvalta assets import inventory.xlsx` writes it.
  const positionals = rest.filter(
    (argument, index) => !argument.startsWith('-') && !rest[index - 1]?.match(/^--(municipality|language|format|database)$/),
  );
  const options = parseOptions(
    rest.filter((argument) => !positionals.includes(argument)),
    {
      apply: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      municipality: { type: 'string' },
      language: { type: 'string' },
      format: { type: 'string' },
    },
  );
  if (options.help) return printHelp(assetsHelp);
  if (positionals.length !== 1) throw new UsageError('name one file: forvalta assets import FILE [--apply]');
  if (options.apply && options['dry-run']) throw new UsageError('--apply and --dry-run exclude each other');
  return runImportCommand(
    {
      file: positionals[0]!,
      apply: options.apply === true,
      municipality: options.municipality,
      language: options.language,
      format: options.format,
      database: options.database,
    },
    {
      actorName: 'cli assets import',
      unit: 'assets',
      fileLabel: 'FILE',
      run: (services, actor, bytes, mode, progress) => services.assetImport.importAssets(actor, bytes, { mode }, progress),
      printReport,
      reasonText: (code, language) => reasonTexts[language][code as AssetImportReason],
    },
  );
}
