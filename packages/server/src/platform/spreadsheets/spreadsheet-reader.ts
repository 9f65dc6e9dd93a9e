import ExcelJS from 'exceljs';
import { parseCsv, UnreadableCsvError } from './csv-text.ts';
import { normaliseWorkbookPackage, UnreadablePackageError } from './xlsx-package.ts';

/** One row of a spreadsheet: its number as the user sees it (1 is the header row) and its cells as trimmed text. */
export interface SpreadsheetRow {
  rowNumber: number;
  cells: string[];
}

export interface SpreadsheetTable {
  format: 'csv' | 'xlsx';
  /** The header row's cells, trimmed. */
  headers: string[];
  /** The rows under the header that have any content, each with at least one cell per header. */
  rows: SpreadsheetRow[];
}

/** A file that is neither readable CSV nor a workbook; `line` where the CSV parser names one. */
export class UnreadableSpreadsheetError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
const isOldExcel = (bytes: Uint8Array) => bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;

/** A date cell as the calendar date it shows (Excel keeps dates without a time zone; exceljs hands them over as UTC). */
const dateText = (date: Date) => date.toISOString().slice(0, 10);

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateText(value);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  // A hyperlink (an e-mail address often is one) shows its text.
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue);
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('error' in value) return String(value.error);
  return '';
}

async function readWorkbook(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's types name the Buffer of @types/node 14; today's is the same class with a generic.
    await workbook.xlsx.load((await normaliseWorkbookPackage(bytes)) as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  } catch (error) {
    if (error instanceof UnreadablePackageError) throw new UnreadableSpreadsheetError(error.message);
    throw new UnreadableSpreadsheetError(`The workbook could not be read: ${(error as Error).message}`);
  }
  // The first worksheet that has cells: a cover sheet without any is passed over.
  const sheet = workbook.worksheets.find((candidate) => candidate.actualRowCount > 0) ?? workbook.worksheets[0];
  const lines: string[][] = [];
  sheet?.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    lines[rowNumber - 1] = Array.from(cells, (cell) => cell ?? '');
  });
  return Array.from(lines, (line) => line ?? []);
}

/**
 * Reads a CSV or XLSX file (told apart by its first bytes, not its name) into a header and rows
 * of trimmed text. The first row with any content is the header. Throws UnreadableSpreadsheetError
 * for anything else (an old .xls, a broken file).
 */
export async function readSpreadsheet(bytes: Uint8Array): Promise<SpreadsheetTable> {
  if (isOldExcel(bytes)) throw new UnreadableSpreadsheetError('Old Excel files (.xls) cannot be read; save the file as .xlsx or CSV.');
  const format = isZip(bytes) ? 'xlsx' : 'csv';
  let lines: string[][];
  if (format === 'xlsx') lines = await readWorkbook(bytes);
  else {
    try {
      lines = parseCsv(bytes);
    } catch (error) {
      if (error instanceof UnreadableCsvError) throw new UnreadableSpreadsheetError(error.message, error.line);
      throw error;
    }
  }
  const rows: SpreadsheetRow[] = [];
  let headers: string[] | undefined;
  lines.forEach((line, index) => {
    const cells = line.map((cell) => cell.trim());
    if (cells.every((cell) => cell === '')) return;
    if (headers === undefined) headers = cells;
    else rows.push({ rowNumber: index + 1, cells });
  });
  // A row with its last cells empty has fewer cells in both formats: every row gets one per header.
  const width = headers?.length ?? 0;
  for (const row of rows) while (row.cells.length < width) row.cells.push('');
  return { format, headers: headers ?? [], rows };
}
