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
