import type { ImportReport, ImportRunQuery, PeopleImportField } from '@forvalta/contracts';
import type { AnyActor } from '../../access/actor.ts';
import { municipalityOf, requirePermission } from '../../access/authorise.ts';
import { useCase, type UseCaseContext } from '../../access/use-case.ts';
import { openAuditChain } from '../../platform/bulk-audit.ts';
import { swedishToday } from '../../platform/calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import { isUniqueViolation, raceConflict } from '../../platform/database-errors.ts';
import { withTransaction, type DatabaseHandle, type Executor, type TransactionHandle } from '../../platform/database.ts';
import { conflict } from '../../platform/errors.ts';
import type { SpreadsheetTable } from '../../platform/spreadsheets/index.ts';
import { searchText, swedishSortKey } from '../../platform/text.ts';
import { timeOrderedIds } from '../../platform/time-ordered-ids.ts';
import { buildReport, readImportFile, refuseFile, resolveMapping, type ImportProgress } from './import-files.ts';
import { importsRepository as repository } from './imports.repository.ts';
import { planPeopleRows, type PersonColumns } from './people-import-plan.ts';
import { createPlannedDepartments } from './planned-departments.ts';

/**
 * What follows a person's registration, in the import's transaction: the acknowledgement requests
 * of ITP-3-INFORM-NEW for someone who has started already. Wired in services.ts (the organisation
 * module's PersonArrivals), so imports needs no acknowledgements module.
 */
export interface ImportedPersonArrivals {
  personRegistered(transaction: TransactionHandle, actor: AnyActor, person: { municipalityId: string; personId: string }): Promise<void>;
}

const batchSize = 2000;

/**
 * People from HR or the directory (issue #17 §1): matched by employee number or e-mail; their
 * department, title, dates and personal mailbox (ITP-8-OFFICIAL-DOC's audience). Same dry run and
 * all-or-nothing apply as the register. `imports.people`: the administrator, who keeps people.
 */
export function createPeopleImportService(db: DatabaseHandle, clock: Clock, arrivals?: ImportedPersonArrivals) {
  async function plan(
    executor: Executor,
    municipalityId: string,
    table: SpreadsheetTable,
    columns: Partial<Record<PeopleImportField, number>>,
    createDepartments: boolean,
  ) {
    const values = (index: number | undefined) =>
      index === undefined ? [] : table.rows.map((row) => (row.cells[index] ?? '').trim()).filter(Boolean);
    const keys = await repository.peopleByKeys(executor, municipalityId, {
      employeeNumbers: values(columns.employeeNumber),
      emails: values(columns.email).map((email) => email.toLowerCase()),
    });
    const lookups = {
      municipalityName: await repository.municipalityName(executor, municipalityId),
      departments: await repository.departments(executor, municipalityId),
      ...keys,
    };
    return planPeopleRows(table.rows, columns, table.headers, lookups, { createDepartments });
  }

  async function apply(
    context: UseCaseContext,
    table: SpreadsheetTable,
    mapping: Awaited<ReturnType<typeof resolveMapping>>,
    createDepartments: boolean,
    progress: ImportProgress | undefined,
  ): Promise<ImportReport> {
    const { actor } = context;
    const municipalityId = municipalityOf(actor);
    try {
      return await withTransaction(db, async (transaction) => {
        const peoplePlan = await plan(transaction, municipalityId, table, mapping.columns, createDepartments);
        if (peoplePlan.rows.some((row) => row.outcome === 'refused')) refuseFile(peoplePlan.rows);
        const now = clock.now().toISOString();
        const today = swedishToday(clock.now());
        const nextId = timeOrderedIds(clock.now().getTime());
        const chain = await openAuditChain(transaction, actor, clock, municipalityId);
        const departmentIds = await createPlannedDepartments(transaction, chain, municipalityId, peoplePlan.departments, nextId, now);
        const departmentOf = (row: (typeof peoplePlan.rows)[number]) =>
          row.department && 'key' in row.department ? departmentIds.get(row.department.key)! : undefined;
        const creating = peoplePlan.rows.filter((row) => row.outcome === 'create');
        const updating = peoplePlan.rows.filter((row) => row.outcome === 'update');
        const total = creating.length + updating.length;
        for (let start = 0; start < creating.length; start += batchSize) {
          const batch = creating.slice(start, start + batchSize);
          const people = batch.map((row) => {
            row.recordId = nextId();
            const values = { ...(row.values as PersonColumns), department_id: departmentOf(row) ?? row.values.department_id ?? null };
            row.values = values;
            return {
              id: row.recordId,
              municipality_id: municipalityId,
              login_id: null,
              ...values,
              employment_status: 'active',
              sort_key: swedishSortKey(`${values.last_name} ${values.first_name}`),
              search_text: searchText(values.first_name, values.last_name, values.email, values.title),
              created_at: now,
              updated_at: now,
              version: 1,
            };
          });
          await repository.insertPeople(transaction, people);
          await chain.insert(
            chain.append(
              batch.map((row) => ({
                action: 'import' as const,
                entityType: 'person',
                entityId: row.recordId,
                after: { ...row.values, rowNumber: row.rowNumber },
              })),
            ),
          );
          // ITP-3-INFORM-NEW: someone who has started is asked to read the current documents at once; a later start is the daily job's.
          for (const row of batch)
            if (arrivals && (row.values.start_date == null || row.values.start_date <= today))
              await arrivals.personRegistered(transaction, actor, { municipalityId, personId: row.recordId! });
          progress?.(start + batch.length, total);
        }
        for (const [index, row] of updating.entries()) {
          const existing = row.existing!;
          const values: Record<string, unknown> = { ...row.values };
          const newDepartment = departmentOf(row);
          if (newDepartment) values.department_id = newDepartment;
          const merged = { ...existing, ...values } as PersonColumns;
          if ('first_name' in values || 'last_name' in values) values.sort_key = swedishSortKey(`${merged.last_name} ${merged.first_name}`);
          if (['first_name', 'last_name', 'email', 'title'].some((column) => column in values))
            values.search_text = searchText(merged.first_name, merged.last_name, merged.email, merged.title);
          if (!(await repository.updatePerson(transaction, municipalityId, existing.id, existing.version, values, now)))
            throw raceConflict();
          const changed = Object.keys(row.values).concat(newDepartment ? ['department_id'] : []);
          const before = Object.fromEntries(changed.map((column) => [column, existing[column as keyof typeof existing]]));
          const after = Object.fromEntries(changed.map((column) => [column, values[column]]));
          await chain.insert(
            chain.append([
              { action: 'import', entityType: 'person', entityId: existing.id, before, after: { ...after, rowNumber: row.rowNumber } },
            ]),
          );
          if ((index + 1) % batchSize === 0 || index === updating.length - 1) progress?.(creating.length + index + 1, total);
        }
        await chain.close();
        return buildReport('people', table, mapping.mapping, peoplePlan, 'apply', true);
      });
    } catch (error) {
      // An employee number or e-mail taken meanwhile by another writer: nothing of the file is imported.
      if (isUniqueViolation(error)) throw conflict('Another person has an employee number or e-mail of the file.', 'import_key_taken');
      throw error;
    }
  }

  const importPeople = useCase(
    'imports.people',
    async (context, bytes: Buffer, query: ImportRunQuery, progress?: ImportProgress): Promise<ImportReport> => {
      context.authorise();
      const createDepartments = query.createDepartments === true;
      if (createDepartments) requirePermission(context.actor, 'department.write');
      const municipalityId = municipalityOf(context.actor);
      const table = await readImportFile(bytes);
      const mapping = await resolveMapping(db, municipalityId, 'people', table, query);
      if (query.mode === 'apply') return apply(context, table, mapping, createDepartments, progress);
      const peoplePlan = await plan(db, municipalityId, table, mapping.columns, createDepartments);
      return buildReport('people', table, mapping.mapping, peoplePlan, 'dry_run', false);
    },
  );

  return { importPeople };
}

export type PeopleImportService = ReturnType<typeof createPeopleImportService>;
