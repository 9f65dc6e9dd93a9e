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
import type { AnyActor } from '../../access/actor.ts';
import { municipalityOf, requirePermission } from '../../access/authorise.ts';
import { useCase } from '../../access/use-case.ts';
import { openAuditChain, type AuditChainWriter } from '../../platform/bulk-audit.ts';
import { swedishToday } from '../../platform/calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import { isUniqueViolation } from '../../platform/database-errors.ts';
import { withTransaction, type DatabaseHandle, type Executor, type TransactionHandle } from '../../platform/database.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import { readUploadedSpreadsheet, refuseImportFile, type SpreadsheetTable } from '../../platform/spreadsheets/index.ts';
import { timeOrderedIds } from '../../platform/time-ordered-ids.ts';
import { columnIndexes, importFieldsOf, mappingOf, proposeColumns } from './column-proposal.ts';
import type { PlannedDepartment } from './department-paths.ts';
import { importsRepository } from './imports.repository.ts';
import { createPlannedDepartments } from './planned-departments.ts';

/** A file read for an import: a spreadsheet, or catalog entities read into the same rows (format yaml). */
export type ImportTable = Omit<SpreadsheetTable, 'format'> & { format: ImportReport['format'] };

/** Told after each batch of an apply (the CLI draws its progress bar from it): records written so far, of how many. */
export type ImportProgress = (written: number, total: number) => void;

/** Rows shown in a proposal's sample. */
const sampleRows = 5;

export function proposal(kind: ImportKind, table: ImportTable): ImportProposal {
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
  table: ImportTable,
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

export interface PlannedRows {
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
  table: ImportTable,
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

/** An apply's 400 for a file with refused rows: only a row's refusing problems are named (warnings are not). */
export function refuseFile(rows: readonly ImportRow[]): never {
  return refuseImportFile(rows, (row) => row.problems.filter((problem) => problem.severity === 'refused'));
}

/** Records written and audited per batch of an apply, and the progress told after each. */
const batchSize = 2000;

/** What one apply's writes share: its transaction, audit chain, ids and instant. */
export interface ImportWrite {
  transaction: TransactionHandle;
  actor: AnyActor;
  municipalityId: string;
  chain: AuditChainWriter;
  nextId: () => string;
  now: string;
  today: string;
  /** The new departments of the plan's organisation paths, by planned key. */
  departmentIds: ReadonlyMap<string, string>;
  /**
   * Work for after the bulk chain is closed, in the same transaction: anything that audits on its
   * own (recordAudit), which would otherwise take a sequence number the open chain holds in memory.
   */
  afterChain: Array<() => Promise<void>>;
}

/** What a kind of import adds to the shared dry run and apply: its plan and its writes. */
export interface ImportKindSteps<Row extends ImportRow, Plan extends PlannedRows & { rows: Row[]; departments: PlannedDepartment[] }> {
  kind: ImportKind;
  permission: 'imports.register' | 'imports.people';
  /** The conflict's message when a key of the file was taken meanwhile by another writer. */
  keyTaken: string;
  plan(
    executor: Executor,
    actor: AnyActor,
    municipalityId: string,
    table: ImportTable,
    columns: Partial<Record<ImportField, number>>,
    createDepartments: boolean,
  ): Promise<Plan>;
  /** Reads a file that is no spreadsheet (a Backstage catalog); a spreadsheet reader otherwise. */
  read?(bytes: Buffer): ImportTable;
  /** The mapping of such a file's columns, which are the fields themselves; the caller's mapping otherwise. */
  mapping?: ImportMapping;
  /** Writes and audits a batch of created rows, setting each row's recordId. */
  create(write: ImportWrite, batch: Row[]): Promise<void>;
  /** Writes and audits one updated row at its version (throwing raceConflict if it moved). */
  update(write: ImportWrite, row: Row): Promise<void>;
  /** Whatever follows the rows (the register's integrations). */
  finish?(write: ImportWrite, plan: Plan): Promise<void>;
}

/**
 * One import use case (issue #17 §1, ADR 0032): authorised once, `department.write` besides for
 * creating departments, the file read and its mapping resolved; a dry run plans and writes nothing;
 * an apply plans again inside one transaction (so what is written is what the database holds now),
 * refuses the whole file for one refused row, writes in batches with the progress after each and
 * one audit event per record, and turns a key taken meanwhile into `import_key_taken`.
 */
export function importUseCase<Row extends ImportRow, Plan extends PlannedRows & { rows: Row[]; departments: PlannedDepartment[] }>(
  db: DatabaseHandle,
  clock: Clock,
  steps: ImportKindSteps<Row, Plan>,
) {
  async function apply(
    actor: AnyActor,
    table: ImportTable,
    mapping: Awaited<ReturnType<typeof resolveMapping>>,
    createDepartments: boolean,
    progress: ImportProgress | undefined,
  ): Promise<ImportReport> {
    const municipalityId = municipalityOf(actor);
    try {
      return await withTransaction(db, async (transaction) => {
        const plan = await steps.plan(transaction, actor, municipalityId, table, mapping.columns, createDepartments);
        if (plan.rows.some((row) => row.outcome === 'refused')) refuseFile(plan.rows);
        const now = clock.now().toISOString();
        const nextId = timeOrderedIds(clock.now().getTime());
        const chain = await openAuditChain(transaction, actor, clock, municipalityId);
        const departmentIds = await createPlannedDepartments(transaction, chain, municipalityId, plan.departments, nextId, now);
        const write: ImportWrite = {
          transaction,
          actor,
          municipalityId,
          chain,
          nextId,
          now,
          today: swedishToday(clock.now()),
          departmentIds,
          afterChain: [],
        };
        const rows: Row[] = plan.rows;
        const creating = rows.filter((row) => row.outcome === 'create');
        const updating = rows.filter((row) => row.outcome === 'update');
        const total = creating.length + updating.length;
        for (let start = 0; start < creating.length; start += batchSize) {
          const batch = creating.slice(start, start + batchSize);
          await steps.create(write, batch);
          progress?.(start + batch.length, total);
        }
        // Updates are the rarer case: one versioned statement each, refused as a whole if one moved meanwhile.
        for (const [index, row] of updating.entries()) {
          await steps.update(write, row);
          if ((index + 1) % batchSize === 0 || index === updating.length - 1) progress?.(creating.length + index + 1, total);
        }
        await steps.finish?.(write, plan);
        await chain.close();
        for (const work of write.afterChain) await work();
        return buildReport(steps.kind, table, mapping.mapping, plan, 'apply', true);
      });
    } catch (error) {
      // A key of the file taken meanwhile by another writer: nothing of the file is imported.
      if (isUniqueViolation(error)) throw conflict(steps.keyTaken, 'import_key_taken');
      throw error;
    }
  }

  return useCase(
    steps.permission,
    // The file, or a table read already: one municipality's part of a joint file (joint-file.ts).
    async (context, file: Buffer | ImportTable, query: ImportRunQuery, progress?: ImportProgress): Promise<ImportReport> => {
      context.authorise();
      const createDepartments = query.createDepartments === true;
      // Departments are the administrator's (department.write): others get them proposed, not created.
      if (createDepartments) requirePermission(context.actor, 'department.write');
      const municipalityId = municipalityOf(context.actor);
      const table = !Buffer.isBuffer(file) ? file : steps.read ? steps.read(file) : await readImportFile(file);
      const mapping = await resolveMapping(
        db,
        municipalityId,
        steps.kind,
        table,
        steps.mapping ? { mapping: JSON.stringify(steps.mapping) } : query,
      );
      if (query.mode === 'apply') return apply(context.actor, table, mapping, createDepartments, progress);
      const plan = await steps.plan(db, context.actor, municipalityId, table, mapping.columns, createDepartments);
      return buildReport(steps.kind, table, mapping.mapping, plan, 'dry_run', false);
    },
  );
}

/** The import's file read into its table (the shared reader's 400 for a file it cannot read). */
export const readImportFile = readUploadedSpreadsheet;
