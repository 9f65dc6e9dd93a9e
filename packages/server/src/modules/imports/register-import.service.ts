import { dutyKeys, type ImportReport, type ImportRunQuery, type RegisterImportField } from '@forvalta/contracts';
import { can, municipalityOf, requirePermission } from '../../access/authorise.ts';
import type { AnyActor } from '../../access/actor.ts';
import { useCase, type UseCaseContext } from '../../access/use-case.ts';
import { openAuditChain } from '../../platform/bulk-audit.ts';
import { swedishToday } from '../../platform/calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import { isUniqueViolation, raceConflict } from '../../platform/database-errors.ts';
import { withTransaction, type DatabaseHandle, type Executor } from '../../platform/database.ts';
import { conflict } from '../../platform/errors.ts';
import type { SpreadsheetTable } from '../../platform/spreadsheets/index.ts';
import { timeOrderedIds } from '../../platform/time-ordered-ids.ts';
import { importsRepository as repository } from './imports.repository.ts';
import { buildReport, readImportFile, refuseFile, resolveMapping, type ImportProgress } from './import-files.ts';
import { createPlannedDepartments } from './planned-departments.ts';
import { planRegisterRows, type SystemReference } from './register-import-plan.ts';

/** Systems written and audited per batch, and the progress told after each. */
const batchSize = 2000;

/**
 * The register's import (issue #17 §1, ADR 0032): a dry run that writes nothing, and an apply that
 * writes every row or none in one transaction, one audit event per record on the bulk audit path
 * (ADR 0005). `imports.register`: the administrator and the IT unit; creating the departments of
 * unknown organisation paths is the administrator's as well (department.write).
 */
export function createRegisterImportService(db: DatabaseHandle, clock: Clock) {
  async function plan(
    executor: Executor,
    actor: AnyActor,
    municipalityId: string,
    table: SpreadsheetTable,
    columns: Partial<Record<RegisterImportField, number>>,
    createDepartments: boolean,
  ) {
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
        // Planned again inside the transaction, so what is written is what the database holds now.
        const registerPlan = await plan(transaction, actor, municipalityId, table, mapping.columns, createDepartments);
        if (registerPlan.rows.some((row) => row.outcome === 'refused')) refuseFile(registerPlan.rows);
        const now = clock.now().toISOString();
        const today = swedishToday(clock.now());
        const nextId = timeOrderedIds(clock.now().getTime());
        const chain = await openAuditChain(transaction, actor, clock, municipalityId);

        const departmentIds = await createPlannedDepartments(transaction, chain, municipalityId, registerPlan.departments, nextId, now);

        const creating = registerPlan.rows.filter((row) => row.outcome === 'create');
        const updating = registerPlan.rows.filter((row) => row.outcome === 'update');
        const total = creating.length + updating.length;
        for (let start = 0; start < creating.length; start += batchSize) {
          const batch = creating.slice(start, start + batchSize);
          for (const row of batch) row.recordId = nextId();
          const ownerOf = (row: (typeof batch)[number]) => ('id' in row.owner! ? row.owner.id : departmentIds.get(row.owner!.key)!);
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
          const assignments = batch.flatMap((row) =>
            (
              [
                ['manager', row.managerPersonId],
                ['deputy', row.deputyPersonId],
              ] as const
            ).flatMap(([role, personId]) =>
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
          );
          await repository.insertAssignments(transaction, assignments);
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
          progress?.(start + batch.length, total);
        }
        // Updates are the rarer case: one versioned statement each, refused as a whole if one moved meanwhile.
        for (const [index, row] of updating.entries()) {
          const existing = row.existing!;
          const columns = Object.keys(row.values);
          if (columns.length > 0) {
            const written = await repository.updateSystem(
              transaction,
              municipalityId,
              existing.row.id,
              existing.row.version,
              row.values,
              now,
            );
            if (!written) throw raceConflict();
            const before = Object.fromEntries(columns.map((column) => [column, existing.row[column as keyof typeof existing.row]]));
            await chain.insert(
              chain.append([
                {
                  action: 'import',
                  entityType: 'system',
                  entityId: existing.row.id,
                  before,
                  after: { ...row.values, rowNumber: row.rowNumber },
                },
              ]),
            );
          }
          if ((index + 1) % batchSize === 0 || index === updating.length - 1) progress?.(creating.length + index + 1, total);
        }
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
        await chain.close();
        return buildReport('register', table, mapping.mapping, registerPlan, 'apply', true);
      });
    } catch (error) {
      // An external id taken meanwhile by another writer: nothing of the file is imported.
      if (isUniqueViolation(error)) throw conflict('Another system has an external id of the file.', 'import_key_taken');
      throw error;
    }
  }

  const importRegister = useCase(
    'imports.register',
    async (context, bytes: Buffer, query: ImportRunQuery, progress?: ImportProgress): Promise<ImportReport> => {
      context.authorise();
      const createDepartments = query.createDepartments === true;
      // Departments are the administrator's (department.write): the IT unit gets them proposed, not created.
      if (createDepartments) requirePermission(context.actor, 'department.write');
      const municipalityId = municipalityOf(context.actor);
      const table = await readImportFile(bytes);
      const mapping = await resolveMapping(db, municipalityId, 'register', table, query);
      if (query.mode === 'apply') return apply(context, table, mapping, createDepartments, progress);
      const registerPlan = await plan(db, context.actor, municipalityId, table, mapping.columns, createDepartments);
      return buildReport('register', table, mapping.mapping, registerPlan, 'dry_run', false);
    },
  );

  return { importRegister };
}

export type RegisterImportService = ReturnType<typeof createRegisterImportService>;
