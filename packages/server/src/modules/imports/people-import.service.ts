import type { PeopleImportField } from '@forvalta/contracts';
import type { AnyActor } from '../../access/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { raceConflict } from '../../platform/database-errors.ts';
import type { DatabaseHandle, Executor, TransactionHandle } from '../../platform/database.ts';
import { searchText, swedishSortKey } from '../../platform/text.ts';
import { importUseCase, type ImportTable, type ImportWrite } from './import-files.ts';
import { importsRepository as repository } from './imports.repository.ts';
import { planPeopleRows, type PeoplePlan, type PersonColumns, type PlannedPersonRow } from './people-import-plan.ts';

/**
 * What follows a person's registration, in the import's transaction: the acknowledgement requests
 * of ITP-3-INFORM-NEW for someone who has started already. Wired in services.ts (the organisation
 * module's PersonArrivals), so imports needs no acknowledgements module.
 */
export interface ImportedPersonArrivals {
  personRegistered(transaction: TransactionHandle, actor: AnyActor, person: { municipalityId: string; personId: string }): Promise<void>;
}

/**
 * People from HR or the directory (issue #17 §1): matched by employee number or e-mail; their
 * department, title, dates and personal mailbox (ITP-8-OFFICIAL-DOC's audience). The shared dry
 * run and all-or-nothing apply of import-files.ts. `imports.people`: the administrator, who keeps people.
 */
export function createPeopleImportService(db: DatabaseHandle, clock: Clock, arrivals?: ImportedPersonArrivals) {
  async function plan(
    executor: Executor,
    _actor: AnyActor,
    municipalityId: string,
    table: ImportTable,
    columns: Partial<Record<PeopleImportField, number>>,
    createDepartments: boolean,
  ): Promise<PeoplePlan> {
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

  const newDepartmentOf = (write: ImportWrite, row: PlannedPersonRow) =>
    row.department && 'key' in row.department ? write.departmentIds.get(row.department.key)! : undefined;

  async function create(write: ImportWrite, batch: PlannedPersonRow[]) {
    const { transaction, actor, municipalityId, chain, nextId, now, today } = write;
    const people = batch.map((row) => {
      row.recordId = nextId();
      const values = { ...(row.values as PersonColumns), department_id: newDepartmentOf(write, row) ?? row.values.department_id ?? null };
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
    // The requests audit on their own, so they follow the closed bulk chain (two writers of one chain collided).
    for (const row of batch)
      if (arrivals && (row.values.start_date == null || row.values.start_date <= today))
        write.afterChain.push(() => arrivals.personRegistered(transaction, actor, { municipalityId, personId: row.recordId! }));
  }

  async function update(write: ImportWrite, row: PlannedPersonRow) {
    const { transaction, municipalityId, chain, now } = write;
    const existing = row.existing!;
    const values: Record<string, unknown> = { ...row.values };
    const newDepartment = newDepartmentOf(write, row);
    if (newDepartment) values.department_id = newDepartment;
    const merged = { ...existing, ...values } as PersonColumns;
    if ('first_name' in values || 'last_name' in values) values.sort_key = swedishSortKey(`${merged.last_name} ${merged.first_name}`);
    if (['first_name', 'last_name', 'email', 'title'].some((column) => column in values))
      values.search_text = searchText(merged.first_name, merged.last_name, merged.email, merged.title);
    if (!(await repository.updatePerson(transaction, municipalityId, existing.id, existing.version, values, now))) throw raceConflict();
    const changed = Object.keys(row.values).concat(newDepartment ? ['department_id'] : []);
    const before = Object.fromEntries(changed.map((column) => [column, existing[column as keyof typeof existing]]));
    const after = Object.fromEntries(changed.map((column) => [column, values[column]]));
    await chain.insert(
      chain.append([
        { action: 'import', entityType: 'person', entityId: existing.id, before, after: { ...after, rowNumber: row.rowNumber } },
      ]),
    );
  }

  const importPeople = importUseCase(db, clock, {
    kind: 'people',
    permission: 'imports.people',
    keyTaken: 'Another person has an employee number or e-mail of the file.',
    plan,
    create,
    update,
  });

  return { importPeople };
}

export type PeopleImportService = ReturnType<typeof createPeopleImportService>;
