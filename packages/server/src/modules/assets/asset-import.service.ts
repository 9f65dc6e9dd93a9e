import {
  assetImportListedRows,
  type AssetImportField,
  type AssetImportQuery,
  type AssetImportReport,
  type AssetImportRow,
} from '@forvalta/contracts';
import { actorName } from '../../access/actor.ts';
import { municipalityOf } from '../../access/authorise.ts';
import { useCase, type UseCaseContext } from '../../access/use-case.ts';
import { openAuditChain } from '../../platform/bulk-audit.ts';
import { insertRows } from '../../platform/bulk-insert.ts';
import { swedishToday } from '../../platform/calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import { isUniqueViolation, raceConflict } from '../../platform/database-errors.ts';
import { withTransaction, type DatabaseHandle, type Executor } from '../../platform/database.ts';
import { AppError, conflict } from '../../platform/errors.ts';
import type { AssetNetworkPeriodsTable } from '../../platform/database-schema.ts';
import { matchColumns, readUploadedSpreadsheet, refuseImportFile, type SpreadsheetTable } from '../../platform/spreadsheets/index.ts';
import { timeOrderedIds } from '../../platform/time-ordered-ids.ts';
import { updateAtVersion } from '../../platform/versioned-rows.ts';
import { assetImportColumns, fieldOfColumn, planAssetRows, type PlannedAssetRow } from './asset-import-plan.ts';
import { assetImportRepository as repository, type NewAssetRow } from './asset-import.repository.ts';
import { assetSortKey } from './assets.repository.ts';

/** Told after each batch of an apply (the CLI prints it): assets written so far, of how many. */
export type AssetImportProgress = (written: number, total: number) => void;

/** Assets written and audited per batch. */
const batchSize = 5000;

function columnsOf(table: SpreadsheetTable) {
  const match = matchColumns(table.headers, assetImportColumns);
  if (match.columns.serial === undefined && match.columns.inventoryNumber === undefined)
    throw new AppError(
      'validation_failed',
      `The file has no column for serial or inventoryNumber (headers: ${table.headers.join(', ')}).`,
      {
        fieldErrors: [{ path: 'file.serial', message: 'No column for serial or inventoryNumber.', code: 'column_missing' }],
      },
    );
  return match;
}

const publicRow = ({ values: _values, existing: _existing, ...row }: PlannedAssetRow): AssetImportRow => row;

/** The fields of an asset's audit event, by their API names. */
function audited(values: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(values).map(([column, value]) => [fieldOfColumn(column), value]));
}

/**
 * Importing assets from an inventory (issue #15): CSV or XLSX, a dry run that changes nothing, and
 * an apply that writes every row or none in one transaction, with one audit event per asset on the
 * bulk audit path (ADR 0005). A row finds its asset by serial or inventory number; the same file
 * again finds every asset as it left it and changes nothing. `asset.import`: the IT unit and its chief.
 */
export function createAssetImportService(db: DatabaseHandle, clock: Clock) {
  async function plan(
    executor: Executor,
    municipalityId: string,
    table: SpreadsheetTable,
    columns: Partial<Record<AssetImportField, number>>,
  ) {
    const cell = (field: AssetImportField) =>
      columns[field] === undefined ? [] : table.rows.map((row) => (row.cells[columns[field]!] ?? '').trim()).filter(Boolean);
    const lookups = await repository.lookups(executor, municipalityId, {
      serials: cell('serial'),
      inventoryNumbers: cell('inventoryNumber'),
      personIds: cell('personId').map((id) => id.toLowerCase()),
      emails: cell('personEmail').map((email) => email.toLowerCase()),
    });
    return planAssetRows(table.rows, columns, table.headers, lookups);
  }

  function report(
    table: SpreadsheetTable,
    match: ReturnType<typeof columnsOf>,
    rows: PlannedAssetRow[],
    mode: AssetImportQuery['mode'],
    applied: boolean,
  ): AssetImportReport {
    const count = (outcome: PlannedAssetRow['outcome']) => rows.filter((row) => row.outcome === outcome).length;
    const listed = [...rows.filter((row) => row.outcome === 'refused'), ...rows.filter((row) => row.outcome !== 'refused')]
      .slice(0, assetImportListedRows)
      .map(publicRow);
    return {
      mode,
      applied,
      format: table.format,
      columns: Object.entries(match.columns).map(([field, index]) => ({
        field: field as AssetImportField,
        column: table.headers[index as number] ?? field,
      })),
      ignoredColumns: match.unknownHeaders,
      summary: {
        rows: rows.length,
        create: count('create'),
        update: count('update'),
        unchanged: count('unchanged'),
        refused: count('refused'),
      },
      rows: listed,
      rowsListed: listed.length,
    };
  }

  function refuseFile(rows: PlannedAssetRow[]): never {
    return refuseImportFile(rows, (row) => row.problems);
  }

  async function apply(
    context: UseCaseContext,
    table: SpreadsheetTable,
    match: ReturnType<typeof columnsOf>,
    progress: AssetImportProgress | undefined,
  ): Promise<AssetImportReport> {
    const { actor } = context;
    const municipalityId = municipalityOf(actor);
    try {
      return await withTransaction(db, async (transaction) => {
        // Planned again inside the transaction, so what is written is what the database holds now.
        const rows = await plan(transaction, municipalityId, table, match.columns);
        if (rows.some((row) => row.outcome === 'refused')) refuseFile(rows);
        const now = clock.now().toISOString();
        const today = swedishToday(clock.now());
        const recordedBy = actorName(actor);
        const chain = await openAuditChain(transaction, actor, clock, municipalityId);
        const nextId = timeOrderedIds(clock.now().getTime());
        const creating = rows.filter((row) => row.outcome === 'create');
        const updating = rows.filter((row) => row.outcome === 'update');
        const total = creating.length + updating.length;
        for (let start = 0; start < creating.length; start += batchSize) {
          const batch = creating.slice(start, start + batchSize);
          const assets: NewAssetRow[] = batch.map((row) => {
            row.assetId = nextId();
            const values = row.values!;
            return {
              id: row.assetId,
              municipality_id: municipalityId,
              ...values,
              sort_key: assetSortKey(values),
              created_at: now,
              updated_at: now,
              version: 1,
            };
          });
          const periods: AssetNetworkPeriodsTable[] = batch.map((row) => ({
            id: nextId(),
            municipality_id: municipalityId,
            asset_id: row.assetId!,
            network: row.values!.network,
            started_on: today,
            ended_on: null,
            recorded_at: now,
            recorded_by_name: recordedBy,
            position: 1,
          }));
          const events = chain.append(
            batch.map((row) => ({
              action: 'import' as const,
              entityType: 'asset',
              entityId: row.assetId,
              after: { ...audited(row.values!), rowNumber: row.rowNumber },
            })),
          );
          await insertRows(transaction, 'assets', assets);
          await insertRows(transaction, 'asset_network_periods', periods);
          await chain.insert(events);
          progress?.(start + batch.length, total);
        }
        // Updates are the rarer case (an inventory mostly adds): one versioned statement each, refused as a whole if one moved meanwhile.
        for (const [index, row] of updating.entries()) {
          const before = row.existing!;
          const values = row.values!;
          const written = await updateAtVersion(transaction, 'assets', { municipality_id: municipalityId, id: before.id }, before.version, {
            ...values,
            sort_key: assetSortKey(values),
            updated_at: now,
          });
          if (!written) throw raceConflict();
          if (values.network !== before.network) {
            const position = await repository.endOpenNetworkPeriod(transaction, municipalityId, before.id, today);
            await insertRows(transaction, 'asset_network_periods', [
              {
                id: nextId(),
                municipality_id: municipalityId,
                asset_id: before.id,
                network: values.network,
                started_on: today,
                ended_on: null,
                recorded_at: now,
                recorded_by_name: recordedBy,
                position,
              },
            ]);
          }
          const changed = Object.keys(values).filter((column) => row.changedFields.includes(fieldOfColumn(column)));
          const pickColumns = (source: Record<string, unknown>) =>
            audited(Object.fromEntries(changed.map((column) => [column, source[column]])));
          await chain.insert(
            chain.append([
              {
                action: 'import',
                entityType: 'asset',
                entityId: before.id,
                before: pickColumns(before),
                after: { ...pickColumns(values), rowNumber: row.rowNumber },
              },
            ]),
          );
          if ((index + 1) % batchSize === 0 || index === updating.length - 1) progress?.(creating.length + index + 1, total);
        }
        await chain.close();
        return report(table, match, rows, 'apply', true);
      });
    } catch (error) {
      // A serial or inventory number taken meanwhile by another writer: nothing of the file is imported.
      if (isUniqueViolation(error)) throw conflict('Another asset has a serial or inventory number of the file.', 'asset_key_taken');
      throw error;
    }
  }

  const importAssets = useCase(
    'asset.import',
    async (context, bytes: Buffer, query: AssetImportQuery, progress?: AssetImportProgress): Promise<AssetImportReport> => {
      context.authorise();
      const table = await readUploadedSpreadsheet(bytes);
      const match = columnsOf(table);
      if (query.mode === 'apply') return apply(context, table, match, progress);
      const rows = await plan(db, municipalityOf(context.actor), table, match.columns);
      return report(table, match, rows, 'dry_run', false);
    },
  );

  return { importAssets };
}

export type AssetImportService = ReturnType<typeof createAssetImportService>;
