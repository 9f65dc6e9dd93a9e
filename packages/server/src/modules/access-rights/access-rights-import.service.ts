import {
  accessRightImportListedRows,
  type AccessRightImportField,
  type AccessRightImportQuery,
  type AccessRightImportReport,
  type AccessRightImportRow,
} from '@forvalta/contracts';
import type { AnyActor } from '../../access/actor.ts';
import { municipalityOf } from '../../access/authorise.ts';
import { useCase, type UseCaseContext } from '../../access/use-case.ts';
import { openAuditChain } from '../../platform/bulk-audit.ts';
import { swedishToday } from '../../platform/calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import { raceConflict } from '../../platform/database-errors.ts';
import { withTransaction, type DatabaseHandle, type Executor } from '../../platform/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { AccessRightsTable } from '../../platform/schema/access-rights.ts';
import { timeOrderedIds } from '../../platform/time-ordered-ids.ts';
import { matchColumns, readUploadedSpreadsheet, refuseImportFile, type SpreadsheetTable } from '../../platform/spreadsheets/index.ts';
import { systemReads } from '../systems/index.ts';
import {
  accessRightImportColumns,
  personKeyFields,
  planImportRows,
  requiredImportFields,
  type PlannedRow,
} from './access-rights-import-plan.ts';
import { accessRightImportRepository as repository } from './access-rights-import.repository.ts';

/** Told after each batch of an apply (the CLI prints it): rights written so far, of how many. */
export type ImportProgress = (written: number, total: number) => void;

/** Rights written and audited per batch: the audit chain's next batch is hashed while the database writes. */
const batchSize = 5000;

const compareText = (left: string, right: string) => (left < right ? -1 : left > right ? 1 : 0);
const actorName = (actor: AnyActor) => (actor.kind === 'person' ? actor.name : `system: ${actor.name}`);
const actorPersonId = (actor: AnyActor) => (actor.kind === 'person' ? actor.personId : null);

function columnsOf(table: SpreadsheetTable) {
  const match = matchColumns(table.headers, accessRightImportColumns);
  // The person's column is either key: reported under email, the one most files carry.
  const missing = [
    ...(personKeyFields.every((field) => match.columns[field] === undefined) ? [{ path: 'email', name: 'email or employeeNumber' }] : []),
    ...requiredImportFields.filter((field) => match.columns[field] === undefined).map((field) => ({ path: field, name: field })),
  ];
  if (missing.length > 0)
    throw new AppError(
      'validation_failed',
      `The file has no column for ${missing.map((field) => field.name).join(', ')} (headers: ${table.headers.join(', ')}).`,
      {
        fieldErrors: missing.map((field) => ({
          path: `file.${field.path}`,
          message: `No column for ${field.name}.`,
          code: 'column_missing',
        })),
      },
    );
  return match;
}

/** A report's rows: every refused one first, then the others in file order, up to the listed limit. */
function listedRows(rows: PlannedRow[]): AccessRightImportRow[] {
  const refused = rows.filter((row) => row.outcome === 'refused');
  const others = rows.filter((row) => row.outcome !== 'refused');
  return [...refused, ...others]
    .slice(0, accessRightImportListedRows)
    .map(({ reason: _reason, caseReference: _case, rightVersion: _version, ...row }) => row);
}

/**
 * Importing access rights from a file (issue #14): CSV or XLSX, a dry run that changes nothing,
 * and an apply that writes every row or none, in one transaction with one audit event per right.
 * A row is authorised on its system: the IT unit imports into any system, a system's manager and
 * deputies into theirs (`accessRight.import`, a steward action).
 */
export function createAccessRightImportService(db: DatabaseHandle, clock: Clock) {
  /** Everything the rows name, read in a fixed number of statements per 500 values, and the plan. */
  async function plan(
    executor: Executor,
    context: UseCaseContext,
    table: SpreadsheetTable,
    columns: Partial<Record<AccessRightImportField, number>>,
  ) {
    const municipalityId = municipalityOf(context.actor);
    const today = swedishToday(clock.now());
    const cell = (field: AccessRightImportField) => table.rows.map((row) => row.cells[columns[field] ?? -1] ?? '').filter(Boolean);
    const people = await repository.peopleByEmail(
      executor,
      municipalityId,
      cell('email').map((email) => email.toLowerCase()),
    );
    const peopleByNumber = await repository.peopleByEmployeeNumber(executor, municipalityId, cell('employeeNumber'));
    const systems = await repository.systems(executor, municipalityId);
    const systemIds = [...systems.byId.keys()];
    const stewards = await systemReads.stewardPersonIds(executor, municipalityId, systemIds, today);
    const levels = await repository.levelsOf(executor, municipalityId, systemIds);
    const levelIds = [...levels.values()].flatMap((ofSystem) => [...ofSystem.values()].map((level) => level.id));
    const openRights = await repository.openRightsAt(executor, municipalityId, levelIds);
    const permitted = new Map<string, boolean>();
    const rows = planImportRows(table.rows, columns, table.headers, {
      peopleByEmail: people,
      peopleByEmployeeNumber: peopleByNumber,
      systemsById: systems.byId,
      systemsByName: systems.byName,
      levelsBySystem: levels,
      openRights,
      today,
      permitted(systemId) {
        let allowed = permitted.get(systemId);
        if (allowed === undefined) {
          allowed = context.may({ stewardPersonIds: stewards.get(systemId) ?? [] });
          permitted.set(systemId, allowed);
        }
        return allowed;
      },
    });
    // Authorised once per use: on a system the caller may import into, or refused outright (403)
    // when there is none, so a file of other people's systems reveals nothing.
    const allowedSystem = [...permitted].find(([, allowed]) => allowed)?.[0];
    if (allowedSystem) context.authorise({ stewardPersonIds: stewards.get(allowedSystem) ?? [] });
    else context.authorise();
    return { rows, municipalityId, today };
  }

  function report(
    table: SpreadsheetTable,
    match: ReturnType<typeof columnsOf>,
    rows: PlannedRow[],
    mode: AccessRightImportQuery['mode'],
    applied: boolean,
  ): AccessRightImportReport {
    const count = (outcome: PlannedRow['outcome']) => rows.filter((row) => row.outcome === outcome).length;
    const listed = listedRows(rows);
    return {
      mode,
      applied,
      format: table.format,
      columns: Object.entries(match.columns).map(([field, index]) => ({
        field: field as AccessRightImportField,
        column: table.headers[index as number] ?? field,
      })),
      ignoredColumns: match.unknownHeaders,
      summary: { rows: rows.length, create: count('create'), end: count('end'), unchanged: count('unchanged'), refused: count('refused') },
      rows: listed,
      rowsListed: listed.length,
    };
  }

  function refuseFile(rows: PlannedRow[]): never {
    return refuseImportFile(rows, (row) => row.notes);
  }

  async function apply(
    context: UseCaseContext,
    table: SpreadsheetTable,
    match: ReturnType<typeof columnsOf>,
    source: AccessRightImportQuery['source'],
    progress: ImportProgress | undefined,
  ): Promise<AccessRightImportReport> {
    const { actor } = context;
    // withTransaction turns a unique violation (a right granted meanwhile for a person and level of the file) into a 409.
    return withTransaction(db, async (transaction) => {
      // Planned again inside the transaction, so what is written is what the database holds now.
      const { rows, municipalityId } = await plan(transaction, context, table, match.columns);
      if (rows.some((row) => row.outcome === 'refused')) refuseFile(rows);
      const now = clock.now().toISOString();
      const chain = await openAuditChain(transaction, actor, clock, municipalityId);
      // Written in the order of (person, level), with ascending ids: the primary key, the person's
      // index and the one-open-right index are appended to instead of written at random pages:
      // with random ids the rights' insert was the largest part of an apply (docs/performance.md).
      const creating = rows
        .filter((row) => row.outcome === 'create')
        .sort((left, right) => compareText(left.personId!, right.personId!) || compareText(left.levelId!, right.levelId!));
      const nextId = timeOrderedIds(clock.now().getTime());
      for (let start = 0; start < creating.length; start += batchSize) {
        const batch = creating.slice(start, start + batchSize);
        const records: AccessRightsTable[] = batch.map((row) => {
          row.rightId = nextId();
          return {
            id: row.rightId,
            municipality_id: municipalityId,
            person_id: row.personId!,
            system_id: row.systemId!,
            level_id: row.levelId!,
            state: 'active',
            source,
            start_date: row.startDate!,
            end_date: row.endDate,
            reason: row.reason,
            case_reference: row.caseReference,
            granted_at: now,
            granted_by_person_id: actorPersonId(actor),
            granted_by_name: actorName(actor),
            activated_at: now,
            activation: 'imported',
            exception_reason: null,
            exception_by_person_id: null,
            exception_by_name: null,
            flagged_for_removal: 0,
            flagged_at: null,
            ended_at: null,
            ended_by_person_id: null,
            ended_by_name: null,
            end_reason: null,
            end_note: null,
            last_recertified_on: null,
            created_at: now,
            updated_at: now,
            version: 1,
          };
        });
        const events = chain.append(
          batch.map((row) => ({
            action: 'import',
            entityType: 'access_right',
            entityId: row.rightId,
            after: {
              personId: row.personId,
              systemId: row.systemId,
              levelId: row.levelId,
              state: 'active',
              source,
              activation: 'imported',
              startDate: row.startDate,
              endDate: row.endDate,
              reason: row.reason,
              caseReference: row.caseReference,
              rowNumber: row.rowNumber,
            },
          })),
        );
        await repository.insertRights(transaction, records);
        await chain.insert(events);
        progress?.(start + batch.length, creating.length);
      }
      const ending = rows.filter((row) => row.outcome === 'end');
      if (ending.length > 0) {
        const ended = await repository.endRights(
          transaction,
          municipalityId,
          ending.map((row) => ({ id: row.rightId!, version: row.rightVersion!, endDate: row.endDate! })),
          { at: now, byPersonId: actorPersonId(actor), byName: actorName(actor) },
        );
        // A right of the file ended or changed by someone else since it was read: nothing is imported.
        if (ended !== ending.length) throw raceConflict();
        await chain.insert(
          chain.append(
            ending.map((row) => ({
              action: 'end',
              entityType: 'access_right',
              entityId: row.rightId,
              before: { state: 'active' },
              after: { state: 'ended', endDate: row.endDate, endReason: 'imported', rowNumber: row.rowNumber },
            })),
          ),
        );
      }
      await chain.close();
      return report(table, match, rows, 'apply', true);
    });
  }

  const importRights = useCase(
    'accessRight.import',
    async (context, bytes: Buffer, query: AccessRightImportQuery, progress?: ImportProgress): Promise<AccessRightImportReport> => {
      const table = await readUploadedSpreadsheet(bytes);
      const match = columnsOf(table);
      if (query.mode === 'apply') return apply(context, table, match, query.source, progress);
      const { rows } = await plan(db, context, table, match.columns);
      return report(table, match, rows, 'dry_run', false);
    },
  );

  return { importRights };
}

export type AccessRightImportService = ReturnType<typeof createAccessRightImportService>;
