import {
  importListedRows,
  importMappingSchema,
  type ImportField,
  type ImportKind,
  type ImportMapping,
  type ImportProposal,
  type ImportReport,
  type ImportRow,
  type ImportRunQuery,
} from '@forvalta/contracts';
import type { Executor } from '../../platform/database.ts';
import { AppError, invalid, notFound, type FieldError } from '../../platform/errors.ts';
import { readSpreadsheet, UnreadableSpreadsheetError, type SpreadsheetTable } from '../../platform/spreadsheets/index.ts';
import { columnIndexes, importFieldsOf, mappingOf, proposeColumns } from './column-proposal.ts';
import { importsRepository } from './imports.repository.ts';

/** Told after each batch of an apply (the CLI draws its progress bar from it): records written so far, of how many. */
export type ImportProgress = (written: number, total: number) => void;

/** Rows shown in a proposal's sample. */
const sampleRows = 5;
/** Refused rows named in the 400 of an apply; the dry run lists them all. */
const refusalsNamed = 100;

export async function readImportFile(bytes: Buffer): Promise<SpreadsheetTable> {
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

export function proposal(kind: ImportKind, table: SpreadsheetTable): ImportProposal {
  const columns = proposeColumns(kind, table.headers);
  return {
    kind,
    format: table.format,
    headers: table.headers,
    sample: table.rows.slice(0, sampleRows).map((row) => row.cells),
    rowCount: table.rows.length,
    columns,
    mapping: mappingOf(columns),
    fields: [...importFieldsOf(kind)],
  };
}

/**
 * The mapping a run uses: the one sent (JSON in the query), a saved one of the municipality, or
 * the proposal. A field of another kind of import is refused, as is a file without a name column.
 */
export async function resolveMapping(
  db: Executor,
  municipalityId: string,
  kind: ImportKind,
  table: SpreadsheetTable,
  query: Pick<ImportRunQuery, 'mapping' | 'mappingId'>,
): Promise<{ mapping: ImportMapping; columns: Partial<Record<ImportField, number>> }> {
  let mapping: ImportMapping;
  if (query.mapping !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(query.mapping);
    } catch {
      throw invalid('mapping', 'The mapping is not JSON.');
    }
    const result = importMappingSchema.safeParse(parsed);
    if (!result.success) throw invalid('mapping', 'The mapping must name, for each column, a field of the import or null.');
    mapping = result.data;
  } else if (query.mappingId !== undefined) {
    const saved = await importsRepository.findMapping(db, municipalityId, query.mappingId);
    if (!saved || saved.kind !== kind) throw notFound('Import mapping');
    mapping = saved.mapping;
  } else mapping = proposal(kind, table).mapping;
  const allowed = new Set<string>(importFieldsOf(kind));
  const wrong = Object.entries(mapping).filter(([, field]) => field !== null && !allowed.has(field));
  if (wrong.length > 0)
    throw new AppError('validation_failed', `Fields of another import: ${wrong.map(([, field]) => field).join(', ')}.`, {
      fieldErrors: wrong.map(([column]) => ({ path: `mapping.${column}`, message: 'Not a field of this import.', code: 'field_unknown' })),
    });
  const columns = columnIndexes(table.headers, mapping);
  const required: ImportField[] = kind === 'register' ? ['name'] : [];
  const missing = required.filter((field) => columns[field] === undefined);
  if (kind === 'people' && columns.employeeNumber === undefined && columns.email === undefined) missing.push('email');
  if (missing.length > 0)
    throw new AppError('validation_failed', `No column is mapped to ${missing.join(', ')} (headers: ${table.headers.join(', ')}).`, {
      fieldErrors: missing.map((field) => ({ path: `mapping.${field}`, message: `No column for ${field}.`, code: 'column_missing' })),
    });
  return { mapping, columns };
}

interface PlannedRows {
  rows: ImportRow[];
  unknownDepartments: string[];
  unknownEmails: string[];
  unresolvedDependencies?: Array<{ rowNumber: number; system: string }>;
  departments?: unknown[];
  integrations?: unknown[];
}

const publicRow = (row: ImportRow): ImportRow => ({
  rowNumber: row.rowNumber,
  outcome: row.outcome,
  name: row.name,
  recordId: row.recordId,
  changedFields: row.changedFields,
  problems: row.problems,
});

export function buildReport(
  kind: ImportKind,
  table: SpreadsheetTable,
  mapping: ImportMapping,
  plan: PlannedRows,
  mode: 'dry_run' | 'apply',
  applied: boolean,
): ImportReport {
  const count = (outcome: ImportRow['outcome']) => plan.rows.filter((row) => row.outcome === outcome).length;
  // Refused rows first, then those with a skipped cell, then the rest: what needs a look comes first.
  const order = (row: ImportRow) => (row.outcome === 'refused' ? 0 : row.problems.length > 0 ? 1 : 2);
  const listed = [...plan.rows]
    .sort((left, right) => order(left) - order(right) || left.rowNumber - right.rowNumber)
    .slice(0, importListedRows)
    .map(publicRow);
  return {
    kind,
    mode,
    applied,
    format: table.format,
    mapping,
    summary: {
      rows: plan.rows.length,
      create: count('create'),
      update: count('update'),
      unchanged: count('unchanged'),
      refused: count('refused'),
      skippedCells: plan.rows.reduce((sum, row) => sum + row.problems.filter((problem) => problem.severity === 'skipped').length, 0),
      integrationsCreated: plan.integrations?.length ?? 0,
      departmentsCreated: plan.departments?.length ?? 0,
    },
    unknownDepartments: plan.unknownDepartments,
    unknownEmails: plan.unknownEmails,
    unresolvedDependencies: plan.unresolvedDependencies ?? [],
    rows: listed,
    rowsListed: listed.length,
  };
}

export function refuseFile(rows: readonly ImportRow[]): never {
  const refused = rows.filter((row) => row.outcome === 'refused');
  const fieldErrors: FieldError[] = refused.slice(0, refusalsNamed).flatMap((row) =>
    row.problems
      .filter((problem) => problem.severity === 'refused')
      .map((problem) => ({
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
