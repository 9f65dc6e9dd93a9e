/**
 * Reading the spreadsheets people upload (CSV and XLSX), for every import: access rights (issue
 * #14) and the register's import (issue #17). ADR 0017.
 */
export { readSpreadsheet, UnreadableSpreadsheetError, type SpreadsheetRow, type SpreadsheetTable } from './spreadsheet-reader.ts';
export { matchColumns, normaliseHeader, type ColumnDefinition, type ColumnMatch } from './columns.ts';
export { readUploadedSpreadsheet, refuseImportFile, type RowRefusal } from './uploaded-file.ts';
