import {
  consumptionImportListedRows,
  type ConsumptionImportField,
  type ConsumptionImportQuery,
  type ConsumptionImportReport,
  type ConsumptionImportRow,
} from '@forvalta/contracts';
import { municipalityOf } from '../../access/authorise.ts';
import { useCase } from '../../access/use-case.ts';
import { swedishToday } from '../../platform/calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import { withTransaction, type DatabaseHandle, type Executor } from '../../platform/database.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { matchColumns, readUploadedSpreadsheet, refuseImportFile, type SpreadsheetTable } from '../../platform/spreadsheets/index.ts';
import { swedishSortKey } from '../../platform/text.ts';
import {
  consumptionImportColumns,
  planConsumptionRows,
  plannedCounts,
  removedCounts,
  type ImportableSoftware,
} from './consumption-import-plan.ts';
import { recordedCounts, replaceInventory } from './licence-inventory.ts';
import { licencesRepository } from './licences.repository.ts';
import { licenceActions } from './software-abilities.ts';

const productKey = (product: string) => swedishSortKey(product.replace(/\s+/g, ' '));

function columnsOf(table: SpreadsheetTable) {
  const match = matchColumns(table.headers, consumptionImportColumns);
  const missing: FieldError[] = [];
  if (match.columns.product === undefined && match.columns.softwareId === undefined)
    missing.push({ path: 'file.product', message: 'No column for the product (or softwareId).', code: 'column_missing' });
  if (match.columns.count === undefined) missing.push({ path: 'file.count', message: 'No column for the count.', code: 'column_missing' });
  if (missing.length > 0)
    throw new AppError('validation_failed', `The file lacks a column the import needs (headers: ${table.headers.join(', ')}).`, {
      fieldErrors: missing,
    });
  return match;
}

/**
 * Importing licence consumption from a counted inventory's file (issue #15, ITP-7-LICENCE): CSV or
 * XLSX, a dry run that changes nothing, and an apply that replaces everything the named inventory
 * counted before, for every row or none, in one transaction with its audit event (as the JSON
 * import does: licence-inventory.ts). `licence.update`: the IT unit and its chief.
 */
export function createConsumptionImportService(db: DatabaseHandle, clock: Clock) {
  async function plan(
    executor: Executor,
    municipalityId: string,
    table: SpreadsheetTable,
    match: ReturnType<typeof columnsOf>,
    inventory: string,
  ) {
    const cells = (field: ConsumptionImportField) => {
      const index = match.columns[field];
      return index === undefined ? [] : table.rows.map((row) => (row.cells[index] ?? '').trim()).filter(Boolean);
    };
    const software = await licencesRepository.softwareNamed(
      executor,
      municipalityId,
      cells('product').map(productKey),
      cells('softwareId').map((id) => id.toLowerCase()),
    );
    const softwareByProduct = new Map<string, ImportableSoftware[]>();
    for (const product of software) {
      const key = productKey(product.product);
      if (!softwareByProduct.get(key)?.some((known) => known.id === product.id))
        softwareByProduct.set(key, [...(softwareByProduct.get(key) ?? []), product]);
    }
    const earlierRows = await recordedCounts(executor, municipalityId, inventory);
    const earlier = new Map<string, number>();
    for (const row of earlierRows)
      earlier.set(`${row.softwareId}|${row.kind}`, (earlier.get(`${row.softwareId}|${row.kind}`) ?? 0) + row.count);
    const rows = planConsumptionRows(table.rows, match.columns, {
      softwareById: new Map(software.map((product) => [product.id, product])),
      softwareByProduct,
      earlier,
    });
    return { rows, earlierRows, removed: removedCounts(rows, earlier) };
  }

  function report(
    table: SpreadsheetTable,
    match: ReturnType<typeof columnsOf>,
    planned: Awaited<ReturnType<typeof plan>>,
    query: ConsumptionImportQuery,
    countedOn: string,
    applied: boolean,
  ): ConsumptionImportReport {
    const { rows } = planned;
    const count = (outcome: ConsumptionImportRow['outcome']) => rows.filter((row) => row.outcome === outcome).length;
    const listed = [...rows.filter((row) => row.outcome === 'refused'), ...rows.filter((row) => row.outcome !== 'refused')].slice(
      0,
      consumptionImportListedRows,
    );
    return {
      mode: query.mode,
      applied,
      format: table.format,
      inventory: query.inventory,
      countedOn,
      columns: Object.entries(match.columns).map(([field, index]) => ({
        field: field as ConsumptionImportField,
        column: table.headers[index as number] ?? field,
      })),
      ignoredColumns: match.unknownHeaders,
      summary: {
        rows: rows.length,
        add: count('add'),
        change: count('change'),
        unchanged: count('unchanged'),
        refused: count('refused'),
        removed: planned.removed,
      },
      rows: listed,
      rowsListed: listed.length,
    };
  }

  function refuseFile(rows: readonly ConsumptionImportRow[]): never {
    return refuseImportFile(rows, (row) => row.problems);
  }

  const importConsumptionFile = useCase(
    licenceActions.update,
    async ({ actor, authorise }, bytes: Buffer, query: ConsumptionImportQuery): Promise<ConsumptionImportReport> => {
      authorise();
      const municipalityId = municipalityOf(actor);
      const table = await readUploadedSpreadsheet(bytes);
      const match = columnsOf(table);
      const countedOn = query.countedOn ?? swedishToday(clock.now());
      if (query.mode === 'dry_run')
        return report(table, match, await plan(db, municipalityId, table, match, query.inventory), query, countedOn, false);
      return withTransaction(db, async (transaction) => {
        // Planned again inside the transaction, so what is written is what the database holds now.
        const planned = await plan(transaction, municipalityId, table, match, query.inventory);
        if (planned.rows.some((row) => row.outcome === 'refused')) refuseFile(planned.rows);
        const unchanged = planned.removed === 0 && planned.rows.every((row) => row.outcome === 'unchanged');
        if (!unchanged) {
          const inventory = { name: query.inventory, countedOn, earlier: planned.earlierRows };
          await replaceInventory(transaction, actor, clock, municipalityId, inventory, plannedCounts(planned.rows));
        }
        return report(table, match, planned, query, countedOn, !unchanged);
      });
    },
  );

  return { importConsumptionFile };
}

export type ConsumptionImportService = ReturnType<typeof createConsumptionImportService>;
