import fs from 'node:fs';
import { AppError, createServices, systemActor, systemClock, type Services } from '@forvalta/server';
import { UsageError } from './arguments.ts';
import { cliConfig, municipalityForCommand, openDatabase } from './context.ts';

/**
 * What every `forvalta … import` command shares (assets, access rights; the register's in #17 keeps
 * the convention): a dry run unless `--apply`, so a file is never written by mistake; the file read
 * once; the one municipality (or `--municipality CODE`); a report as a table in Swedish or English
 * or as JSON; exit code 1 when a row is refused or the file cannot be read, with the reasons.
 */

export type ImportLanguage = 'sv' | 'en';

export interface ImportCommandOptions {
  file: string;
  /** `--apply`: write; otherwise a dry run. */
  apply: boolean;
  municipality: string | undefined;
  language: string | undefined;
  format: string | undefined;
  database: string | undefined;
}

export interface ImportCommand<Report extends { summary: { refused: number } }> {
  /** The system actor's name in the audit log, e.g. "cli assets import". */
  actorName: string;
  /** What a batch of the apply writes, for the progress line ("12000 of 100000 assets written"). */
  unit: string;
  /** The flag that names the file in a message (`--file` or the positional FILE). */
  fileLabel: string;
  run(
    services: Services,
    actor: ReturnType<typeof systemActor>,
    bytes: Buffer,
    mode: 'dry_run' | 'apply',
    progress: (written: number, total: number) => void,
  ): Promise<Report>;
  printReport(report: Report, language: ImportLanguage): void;
  /** The CLI's text for a refused row's reason code, if it has one. */
  reasonText(code: string | undefined, language: ImportLanguage): string | undefined;
}

export async function runImportCommand<Report extends { summary: { refused: number } }>(
  options: ImportCommandOptions,
  command: ImportCommand<Report>,
): Promise<number> {
  const language = options.language ?? 'sv';
  if (language !== 'sv' && language !== 'en') throw new UsageError(`--language must be sv or en, not "${language}"`);
  const format = options.format ?? 'table';
  if (format !== 'table' && format !== 'json') throw new UsageError(`--format must be table or json, not "${format}"`);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(options.file);
  } catch (error) {
    throw new UsageError(`${command.fileLabel}: cannot read ${options.file} (${(error as Error).message.split('\n')[0]})`);
  }

  const config = cliConfig(options.database);
  const database = await openDatabase(config);
  try {
    const municipality = await municipalityForCommand(database.db, options.municipality);
    const services = createServices(database.db, systemClock, config);
    try {
      const report = await command.run(
        services,
        systemActor(command.actorName, municipality.id),
        bytes,
        options.apply ? 'apply' : 'dry_run',
        (written, total) => console.error(`forvalta: ${written} of ${total} ${command.unit} written`),
      );
      if (format === 'json') console.log(JSON.stringify(report, null, 2));
      else command.printReport(report, language);
      return report.summary.refused > 0 ? 1 : 0;
    } catch (error) {
      // An apply with refused rows, or a file that cannot be read: the rows and reasons, then exit code 1.
      if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
      console.error(`forvalta: ${error.message}`);
      for (const field of error.fieldErrors ?? []) {
        console.error(`  ${field.path}: ${command.reasonText(field.code, language) ?? field.message}`);
      }
      return 1;
    }
  } finally {
    await database.destroy();
  }
}

/** The last line of a table report: applied, refused, or a dry run that says how to apply. */
export function closingLine(applied: boolean, refused: number, language: ImportLanguage): string {
  const sv = language === 'sv';
  if (applied) return sv ? 'Importen är genomförd.' : 'The import was applied.';
  if (refused > 0) return sv ? 'Inget importerades: rätta de avvisade raderna.' : 'Nothing was imported: correct the refused rows.';
  return sv
    ? 'Provkörning: inget ändrades. Kör med --apply för att importera.'
    : 'Dry run: nothing was changed. Run with --apply to import.';
}
