import { AppError } from '../errors.ts';
import { readSpreadsheet, type SpreadsheetTable, UnreadableSpreadsheetError } from './spreadsheet-reader.ts';

/**
 * An uploaded import file read into its table, or the 400 every import answers for a file it
 * cannot read: the reader's own words, with the line where a CSV broke, and nothing stored.
 */
export async function readUploadedSpreadsheet(bytes: Buffer): Promise<SpreadsheetTable> {
  try {
    return await readSpreadsheet(bytes);
  } catch (error) {
    if (error instanceof UnreadableSpreadsheetError)
      throw new AppError('validation_failed', error.message, {
        fieldErrors: [{ path: error.line ? `file.line.${error.line}` : 'file', message: error.message, code: 'file_unreadable' }],
      });
    throw error;
  }
}

/** Refused rows named in the 400 of an apply; the dry run lists them all. */
const refusalsNamed = 100;

/** Why one row is refused: the field (null for the row as a whole), the reason's code and the clause it breaks. */
export interface RowRefusal {
  field: string | null;
  reason: string;
  requirement?: string | undefined;
}

/**
 * The 400 of an apply with refused rows, the same for every import: nothing was imported, and the
 * first hundred refused rows are named field by field (`rows.N.field`), each with its reason's code.
 */
export function refuseImportFile<Row extends { rowNumber: number; outcome: string }>(
  rows: readonly Row[],
  refusalsOf: (row: Row) => readonly RowRefusal[],
): never {
  const refused = rows.filter((row) => row.outcome === 'refused');
  const fieldErrors = refused.slice(0, refusalsNamed).flatMap((row) =>
    refusalsOf(row).map((problem) => ({
      path: `rows.${row.rowNumber}.${problem.field ?? 'row'}`,
      message: `Row ${row.rowNumber}: ${problem.reason}${problem.requirement ? ` (${problem.requirement})` : ''}`,
      code: problem.reason,
    })),
  );
  throw new AppError(
    'validation_failed',
    `${refused.length} of ${rows.length} rows are refused; nothing was imported. Run a dry run to see why.`,
    {
      fieldErrors,
    },
  );
}
