import { dutyKeys, type RegisterImportField } from '@forvalta/contracts';
import type { AnyActor } from '../../access/actor.ts';
import { can } from '../../access/authorise.ts';
import { swedishToday } from '../../platform/calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import { raceConflict } from '../../platform/database-errors.ts';
import type { DatabaseHandle, Executor } from '../../platform/database.ts';
import { AppError } from '../../platform/errors.ts';
import { catalogColumns, catalogRows, UnreadableCatalogError } from '../backstage/index.ts';
import { importUseCase, type ImportTable, type ImportWrite } from './import-files.ts';
import { importsRepository as repository } from './imports.repository.ts';
import { planRegisterRows, type PlannedSystemRow, type RegisterPlan, type SystemReference } from './register-import-plan.ts';

/** A catalog-info.yaml as the register's rows: one per System, numbered by its YAML document. */
function readCatalog(bytes: Buffer): ImportTable {
  try {
    const rows = catalogRows(bytes.toString('utf8'));
    return { format: 'yaml', headers: [...catalogColumns], rows: rows.map((row) => ({ rowNumber: row.documentNumber, cells: row.cells })) };
  } catch (error) {
    const message = error instanceof UnreadableCatalogError ? error.message : `The catalog is not YAML: ${(error as Error).message}`;
    throw new AppError('validation_failed', message, { fieldErrors: [{ path: 'file', message, code: 'file_unreadable' }] });
  }
}

/**
 * The register's import (issue #17 §1, ADR 0032): the shared dry run and all-or-nothing apply of
 * import-files.ts, with the systems' plan and writes: their duties, the manager and deputy of a
 * new system, and the integrations of the dependencies. `imports.register`: the administrator and
 * the IT unit; a new system in production only from a holder of the approval (ADR 0033).
 */
export function createRegisterImportService(db: DatabaseHandle, clock: Clock) {
  async function plan(
    executor: Executor,
    actor: AnyActor,
    municipalityId: string,
    table: ImportTable,
    columns: Partial<Record<RegisterImportField, number>>,
    createDepartments: boolean,
  ): Promise<RegisterPlan> {
    const emailColumns = (['manager', 'deputy', 'systemOwner'] as const).flatMap((field) =>
      columns[field] === undefined ? [] : [columns[field]!],
    );
    const emails = table.rows.flatMap((row) =>
      emailColumns.flatMap((index) =>
        [...(row.cells[index] ?? '').matchAll(/[^\s<>;,()"']+@[^\s<>;,()"']+/g)].map((match) => match[0].toLowerCase()),
      ),
    );
    const today = swedishToday(clock.now());
    const lookups = {
      municipalityName: await repository.municipalityName(executor, municipalityId),
      departments: await repository.departments(executor, municipalityId),
      systems: await repository.systems(executor, municipalityId, today),
      peopleByEmail: await repository.peopleByEmail(executor, municipalityId, emails),
      integrations: await repository.integrationPairs(executor, municipalityId),
    };
    return planRegisterRows(table.rows, columns, table.headers, lookups, {
      createDepartments,
      mayRecordProduction: can(actor, 'project.approve'),
    });
  }

  async function create(write: ImportWrite, batch: PlannedSystemRow[]) {
    const { transaction, municipalityId, chain, nextId, now, today, departmentIds } = write;
    for (const row of batch) row.recordId = nextId();
    const ownerOf = (row: PlannedSystemRow) => ('id' in row.owner! ? row.owner.id : departmentIds.get(row.owner!.key)!);
    await repository.insertSystems(
      transaction,
      batch.map((row) => ({
        id: row.recordId!,
        municipality_id: municipalityId,
        ...(row.values as Required<typeof row.values>),
        owner_department_id: ownerOf(row),
        documentation_links_json: '[]',
        last_confirmed_at: null,
        last_confirmed_by_name: null,
        created_at: now,
        updated_at: now,
        version: 1,
      })),
    );
    await repository.insertDuties(
      transaction,
      batch.flatMap((row) =>
        dutyKeys.map((duty) => ({
          municipality_id: municipalityId,
          system_id: row.recordId!,
          duty,
          status: 'not_started',
          evidence: null,
          confirmed_at: null,
          confirmed_by_name: null,
          version: 1,
        })),
      ),
    );
    const responsibilities = (row: PlannedSystemRow) =>
      [
        ['manager', row.managerPersonId],
        ['deputy', row.deputyPersonId],
      ] as const;
    await repository.insertAssignments(
      transaction,
      batch.flatMap((row) =>
        responsibilities(row).flatMap(([role, personId]) =>
          personId === null
            ? []
            : [
                {
                  id: nextId(),
                  municipality_id: municipalityId,
                  system_id: row.recordId!,
                  person_id: personId,
                  role,
                  start_date: today,
                  end_date: null,
                  allotted_hours_per_week: null,
                  created_at: now,
                  updated_at: now,
                  version: 1,
                },
              ],
        ),
      ),
    );
    await chain.insert(
      chain.append(
        batch.map((row) => ({
          action: 'import' as const,
          entityType: 'system',
          entityId: row.recordId,
          after: {
            ...row.values,
            owner_department_id: ownerOf(row),
            managerPersonId: row.managerPersonId,
            deputyPersonId: row.deputyPersonId,
            // Recorded by a holder of the IT unit's approval, not approved through an introduction (ADR 0033).
            ...(row.values.lifecycle === 'in_production' ? { inProductionBeforeForvalta: true } : {}),
            rowNumber: row.rowNumber,
          },
        })),
      ),
    );
  }

  async function update({ transaction, municipalityId, chain, now }: ImportWrite, row: PlannedSystemRow) {
    const existing = row.existing!;
    const columns = Object.keys(row.values);
    // A row whose only change is a new dependency writes its integration, not the system.
    if (columns.length === 0) return;
    const written = await repository.updateSystem(transaction, municipalityId, existing.row.id, existing.row.version, row.values, now);
    if (!written) throw raceConflict();
    const before = Object.fromEntries(columns.map((column) => [column, existing.row[column as keyof typeof existing.row]]));
    await chain.insert(
      chain.append([
        { action: 'import', entityType: 'system', entityId: existing.row.id, before, after: { ...row.values, rowNumber: row.rowNumber } },
      ]),
    );
  }

  async function finish({ transaction, municipalityId, chain, nextId, now }: ImportWrite, registerPlan: RegisterPlan) {
    const idOf = (reference: SystemReference) => ('id' in reference ? reference.id : reference.row.recordId!);
    const integrations = registerPlan.integrations.map((integration) => ({
      id: nextId(),
      municipality_id: municipalityId,
      provider_system_id: idOf(integration.provider),
      consumer_system_id: idOf(integration.consumer),
      description: integration.description,
      flow: 'data',
      method: integration.method,
      frequency: 'on_demand',
      created_at: now,
      updated_at: now,
      version: 1,
    }));
    await repository.insertIntegrations(transaction, integrations);
    await chain.insert(
      chain.append(
        integrations.map((integration) => ({
          action: 'import' as const,
          entityType: 'integration',
          entityId: integration.id,
          after: {
            providerSystemId: integration.provider_system_id,
            consumerSystemId: integration.consumer_system_id,
            method: integration.method,
            description: integration.description,
          },
        })),
      ),
    );
  }

  const steps = {
    kind: 'register',
    permission: 'imports.register',
    keyTaken: 'Another system has an external id of the file.',
    plan,
    create,
    update,
    finish,
  } as const;
  const importRegister = importUseCase(db, clock, steps);
  // Backstage catalog entities as the register's rows (issue #17 §3): the same matching, dry run and apply.
  const importBackstage = importUseCase(db, clock, {
    ...steps,
    read: readCatalog,
    mapping: Object.fromEntries(catalogColumns.map((column) => [column, column])),
  });

  return { importRegister, importBackstage };
}

export type RegisterImportService = ReturnType<typeof createRegisterImportService>;
