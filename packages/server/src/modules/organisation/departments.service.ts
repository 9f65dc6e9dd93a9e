import { randomUUID } from 'node:crypto';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import type {
  Department,
  DepartmentActionName,
  DepartmentCreate,
  DepartmentListQuery,
  DepartmentRecord,
  DepartmentUpdate,
  Permission,
} from '@forvalta/contracts';
import type { AnyActor } from '../../access/actor.ts';
import { municipalityOf } from '../../access/authorise.ts';
import { canOn } from '../../access/record-actions.ts';
import { useCase } from '../../access/use-case.ts';
import { wouldCreateCycle } from '../../access/department-tree.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { withTransaction, type DatabaseHandle, type Executor } from '../../platform/database.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import { swedishSortKey } from '../../platform/text.ts';
import { versionedWrites } from '../../platform/versioned-write.ts';
import { departmentsRepository, type DepartmentValues } from './departments.repository.ts';

/**
 * The permission of each action on a department. The use cases are declared with these entries
 * and a department's `can` is computed from the same table; writing departments is the
 * administrator's, with no department scope, so the subject is the municipality alone.
 * Deleting a department still in use is refused as a conflict (409), not for want of permission,
 * so `can.delete` does not foresee it.
 */
export const departmentActions = {
  update: 'department.write',
  delete: 'department.write',
} as const satisfies Record<DepartmentActionName, Permission>;

/** A department as the API answers it: with what `actor` may do with it. */
function withAbilities(actor: AnyActor, department: DepartmentRecord): Department {
  return { ...department, can: canOn(actor, departmentActions, undefined) };
}

/** Departments (förvaltningar) and their sub-units; the IT unit is marked (ITP-4.3-ORG). */
export function createDepartmentsService(db: DatabaseHandle, clock: Clock) {
  const versioned = versionedWrites(db, clock);

  async function loadOrFail(executor: Executor, municipalityId: string, id: string) {
    const department = await departmentsRepository.findById(executor, municipalityId, id);
    if (!department) throw notFound('Department');
    return department;
  }

  /** Checks that a parent exists here, that the tree stays a tree, and that there is one IT unit. */
  async function validate(executor: Executor, municipalityId: string, values: DepartmentValues, id: string) {
    if (values.parentId) {
      const parents = await departmentsRepository.listParents(executor, municipalityId);
      if (!parents.some((department) => department.id === values.parentId)) {
        throw invalid('parentId', 'The parent department does not exist in this municipality.');
      }
      if (wouldCreateCycle(parents, id, values.parentId)) {
        throw invalid('parentId', 'A department cannot be placed under itself or one of its sub-units.');
      }
    }
    if (values.isItUnit) {
      const itUnitId = await departmentsRepository.findItUnitId(executor, municipalityId);
      if (itUnitId && itUnitId !== id) {
        throw conflict('Another department is already marked as the IT unit.', 'it_unit_taken', [
          { path: 'isItUnit', message: 'Only one IT unit per municipality (ITP-4.3-ORG)' },
        ]);
      }
    }
  }

  return {
    listDepartments: useCase('department.read', async ({ actor, authorise }, query: DepartmentListQuery) => {
      authorise();
      const page = await departmentsRepository.list(db, municipalityOf(actor), query);
      return { ...page, items: page.items.map((department) => withAbilities(actor, department)) };
    }),

    getDepartment: useCase('department.read', async ({ actor, authorise }, id: string): Promise<Department> => {
      authorise();
      return withAbilities(actor, await loadOrFail(db, municipalityOf(actor), id));
    }),

    createDepartment: useCase('department.write', async ({ actor, authorise }, input: DepartmentCreate): Promise<Department> => {
      authorise();
      const municipalityId = municipalityOf(actor);
      const id = randomUUID();
      const values: DepartmentValues = {
        name: input.name,
        shortName: input.shortName ?? null,
        parentId: input.parentId ?? null,
        isItUnit: input.isItUnit ?? false,
        sortKey: swedishSortKey(input.name),
      };
      return withTransaction(db, async (transaction) => {
        await validate(transaction, municipalityId, values, id);
        await departmentsRepository.insert(transaction, municipalityId, id, values, clock.now().toISOString());
        const created = await loadOrFail(transaction, municipalityId, id);
        await recordAudit(transaction, actor, clock, { action: 'create', entityType: 'department', entityId: id, after: created });
        return withAbilities(actor, created);
      });
    }),

    updateDepartment: useCase(
      departmentActions.update,
      async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion, input: DepartmentUpdate): Promise<Department> => {
        const municipalityId = municipalityOf(actor);
        const after = await versioned.update(actor, {
          entity: 'Department',
          expectedVersion,
          load: (transaction) => departmentsRepository.findById(transaction, municipalityId, id),
          authorise: () => authorise(),
          apply: async (transaction, before, version) => {
            const name = input.name ?? before.name;
            const values: DepartmentValues = {
              name,
              shortName: input.shortName !== undefined ? input.shortName : before.shortName,
              parentId: input.parentId !== undefined ? input.parentId : before.parentId,
              isItUnit: input.isItUnit ?? before.isItUnit,
              sortKey: swedishSortKey(name),
            };
            await validate(transaction, municipalityId, values, id);
            return departmentsRepository.update(transaction, municipalityId, id, version, values, clock.now().toISOString());
          },
          audit: (before, after) => ({ action: 'update', entityType: 'department', entityId: id, before, after }),
        });
        return withAbilities(actor, after);
      },
    ),

    deleteDepartment: useCase(
      departmentActions.delete,
      async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion): Promise<void> => {
        const municipalityId = municipalityOf(actor);
        await versioned.delete(actor, {
          entity: 'Department',
          expectedVersion,
          load: (transaction) => departmentsRepository.findById(transaction, municipalityId, id),
          authorise: () => authorise(),
          apply: async (transaction, _before, version) => {
            const dependants = await departmentsRepository.countDependants(transaction, municipalityId, id);
            if (dependants.children + dependants.people + dependants.roleAssignments > 0) {
              throw new AppError(
                'conflict',
                `The department is in use (${dependants.children} sub-units, ${dependants.people} people, ${dependants.roleAssignments} role assignments). Move them first.`,
                { reason: 'department_in_use' },
              );
            }
            return departmentsRepository.delete(transaction, municipalityId, id, version);
          },
          audit: (before) => ({ action: 'delete', entityType: 'department', entityId: id, before }),
        });
      },
    ),
  };
}

export type DepartmentsService = ReturnType<typeof createDepartmentsService>;
